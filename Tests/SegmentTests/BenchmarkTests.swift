import Foundation
import Testing
import StageKit
@testable import SegmentStage

/// Throughput on the seed article repeated to about 20 MB; runs only when SEG_BENCH is set
/// (use a release build: `swift test -c release --filter BenchmarkTests`). Prints MB/s, asserts nothing
/// about time.
@Test func benchmark_throughputOnSeedArticle() {
    guard ProcessInfo.processInfo.environment["SEG_BENCH"] != nil else { return }
    let unit = SeedArticleTests.text + "\n"
    let text = String(repeating: unit, count: 20_000_000 / unit.utf8.count)
    var best = Double.infinity
    var count = 0
    for _ in 0..<3 {
        var doc = Document(text: text)
        let t0 = Date()
        try? TestSupport.standard.process(&doc)
        best = min(best, Date().timeIntervalSince(t0))
        count = doc.sentences?.count ?? 0
    }
    let mb = Double(text.utf8.count) / 1_000_000
    print("segment benchmark: \(String(format: "%.1f", mb)) MB, \(count) sentences, best \(String(format: "%.3f", best)) s, \(String(format: "%.0f", mb / best)) MB/s")
    #expect(count > 0)
}

/// 10 MB hostile inputs (no punctuation, one long token, a million full stops, dense quotes), timed
/// and printed; runs only when SEG_BENCH is set.
@Test func benchmark_hostileTenMegabytes() {
    guard ProcessInfo.processInfo.environment["SEG_BENCH"] != nil else { return }
    let n = 10_000_000
    for (name, unit) in [("words", "word "), ("one token", "x"), ("full stops", "."), ("a.", "a."), ("End. ", "End. "),
                         ("quotes", "\"a. B "), ("lines", "Title\n"), ("initials", "A. ")] {
        var doc = Document(text: String(repeating: unit, count: n / unit.utf8.count))
        let t0 = Date()
        try? TestSupport.standard.process(&doc)
        let dt = Date().timeIntervalSince(t0)
        print("segment hostile \(name): \(String(format: "%.3f", dt)) s, \(doc.sentences?.count ?? 0) sentences")
    }
}
