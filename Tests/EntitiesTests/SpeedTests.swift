import Foundation
import Testing
import StageKit
@testable import EntitiesStage

/// Prints throughput on a repeated seed article (no timing assertion; run in release for real figures).
struct SpeedTests {
    @Test func speed_isPrinted() throws {
        let seed = try String(contentsOfFile: TestSupport.repoRoot + "/Tests/Fixtures/seed_article.txt", encoding: .utf8)
        let text = String(repeating: seed + "\n", count: 200)
        let doc = TestSupport.document(text)
        let stage = TestSupport.shared
        var copy = doc
        try stage.process(&copy)
        let start = Date()
        var rounds = 0
        while Date().timeIntervalSince(start) < 1.0 { var d = doc; try stage.process(&d); rounds += 1 }
        let secs = Date().timeIntervalSince(start)
        let mb = Double(text.utf8.count * rounds) / secs / 1_000_000
        print(String(format: "entities throughput: %.1f MB/s (%d entities per round)", mb, copy.entities?.count ?? 0))
        #expect((copy.entities?.count ?? 0) > 0)
    }
}
