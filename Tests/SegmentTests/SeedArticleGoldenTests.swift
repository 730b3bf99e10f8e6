import Foundation
import Testing
import StageKit
@testable import SegmentStage

/// The seed article's blocks (kind, level, text) and sentences (text, block index) compared exactly
/// with `Fixtures/seed_article.segments.json`. Run with `UPDATE_GOLDEN=1` to write the file again
/// after a deliberate change, then read the diff.
@Suite struct SeedArticleGoldenTests {
    static let goldenPath = TestSupport.repoRoot + "/Tests/SegmentTests/Fixtures/seed_article.segments.json"

    /// The stage's output for the seed article as pretty-printed JSON with sorted keys.
    static func currentJSON() throws -> String {
        let text = try String(contentsOfFile: TestSupport.repoRoot + "/Tests/Fixtures/seed_article.txt", encoding: .utf8)
        let doc = TestSupport.process(text)
        let blocks: [[String: Any]] = (doc.blocks ?? []).map {
            ["kind": $0.kind.rawValue, "level": $0.level, "text": doc.slice($0.start, $0.end)]
        }
        let sentences: [[String: Any]] = (doc.sentences ?? []).map {
            ["text": doc.slice($0.start, $0.end), "block": $0.block]
        }
        let data = try JSONSerialization.data(withJSONObject: ["blocks": blocks, "sentences": sentences],
                                              options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    @Test func seedArticle_matchesGoldenBlocksAndSentences() throws {
        let current = try Self.currentJSON()
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try current.write(toFile: Self.goldenPath, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: Self.goldenPath, encoding: .utf8)
        #expect(current == golden, "seed article segmentation differs from \(Self.goldenPath); rerun with UPDATE_GOLDEN=1 if the change is intended")
    }
}
