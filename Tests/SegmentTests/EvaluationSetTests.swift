import Foundation
import Testing
@testable import SegmentStage

/// Scores on the English Golden Rules and the pragmatic_segmenter extra cases (exact segments,
/// outer whitespace stripped, empty segments dropped). Failures are printed.
@Suite struct EvaluationSetTests {
    static let golden = TestSupport.cases(TestSupport.repoRoot + "/Tests/Fixtures/sbd_golden_rules_en.jsonl")
    static let extra = TestSupport.cases(TestSupport.repoRoot + "/Tests/SegmentTests/Fixtures/sbd_pragmatic_segmenter_en_extra.jsonl")

    /// Extra cases whose expected sentences are not a stretch of the input (the text itself must be
    /// rewritten: markup or characters deleted inside a sentence, letters joined across lines), which
    /// a span-based segmenter cannot produce; see the README. A case that starts passing makes its
    /// test fail, so the list stays true.
    static let knownExtraFailures: Set<String> = [
        "ps-en-segment-021", "ps-en-segment-025", "ps-en-segment-032", "ps-en-segment-033",
        "ps-en-segment-045", "ps-en-segment-049", "ps-en-segment-077", "ps-en-segment-082#2",
    ]

    @Test(arguments: golden) func goldenRule_segmentsExactly(_ c: TestSupport.Case) {
        let r = TestSupport.run(c)
        #expect(r.got == r.want, "\(c.id): \(c.text.debugDescription)")
    }

    @Test func goldenRules_passCount_isAtLeastTheAchievedScore() {
        #expect(Self.golden.count == 52)
        let (passed, report) = TestSupport.score(Self.golden)
        print("Golden Rules: \(passed)/\(Self.golden.count)\n\(report)")
        #expect(passed >= 52)
    }

    @Test(arguments: extra) func pragmaticExtraCase_segmentsExactly(_ c: TestSupport.Case) {
        let r = TestSupport.run(c)
        if Self.knownExtraFailures.contains(c.id) {
            withKnownIssue { #expect(r.got == r.want) }
        } else {
            #expect(r.got == r.want, "\(c.id): \(c.text.debugDescription)")
        }
    }

    @Test func pragmaticExtraCases_passCount_isAtLeastTheAchievedScore() {
        #expect(Self.extra.count == 125)
        let (passed, report) = TestSupport.score(Self.extra)
        print("Pragmatic extra: \(passed)/\(Self.extra.count)\n\(report)")
        #expect(passed >= 117)
    }

    @Test func pysbdCleanTests_passCount_isAtLeastTheAchievedScore() {
        let path = TestSupport.evalDir + "/sbd_pysbd_en_clean_tests.jsonl"
        let cases = TestSupport.cases(path)
        guard !cases.isEmpty else { return }
        let (passed, report) = TestSupport.score(cases)
        print("pySBD tests: \(passed)/\(cases.count)\n\(report)")
        #expect(passed >= 118)
    }
}

/// Writes every case's output to $SEG_DUMP (JSON lines) when that variable is set; used while tuning.
@Test func evaluationSets_dumpWhenAsked() throws {
    guard let out = ProcessInfo.processInfo.environment["SEG_DUMP"] else { return }
    var lines: [String] = []
    for path in [TestSupport.repoRoot + "/Tests/Fixtures/sbd_golden_rules_en.jsonl",
                 TestSupport.repoRoot + "/Tests/SegmentTests/Fixtures/sbd_pragmatic_segmenter_en_extra.jsonl",
                 TestSupport.evalDir + "/sbd_pysbd_en_clean_tests.jsonl"] {
        for c in TestSupport.cases(path) {
            let r = TestSupport.run(c)
            let obj: [String: Any] = ["id": c.id, "ok": r.ok, "got": r.got, "want": r.want]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: obj), as: UTF8.self))
        }
    }
    try lines.joined(separator: "\n").write(toFile: out, atomically: true, encoding: .utf8)
}

/// Writes the sentences of the main texts of the boilerplate sample to $SEG_ARTICLES (one per line,
/// blank line between documents) when set; used to eyeball news text while tuning.
@Test func articles_dumpWhenAsked() throws {
    guard let out = ProcessInfo.processInfo.environment["SEG_ARTICLES"] else { return }
    guard let data = FileManager.default.contents(atPath: TestSupport.evalDir + "/boilerplate_scrapinghub_sample.jsonl") else { return }
    var lines: [String] = []
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
        guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
              let text = obj["expected_text"] as? String else { continue }
        let doc = TestSupport.process(text)
        for s in doc.sentences ?? [] {
            let kind = doc.blocks![s.block].kind.rawValue
            lines.append("[\(kind)] " + doc.slice(s.start, s.end).replacingOccurrences(of: "\n", with: "⏎"))
        }
        lines.append("")
    }
    try lines.joined(separator: "\n").write(toFile: out, atomically: true, encoding: .utf8)
}

/// Prints the sentences of each paragraph of the file named by $SEG_TRY (paragraphs separated by a
/// line "---"); used to try texts by hand.
@Test func tryFile_printWhenAsked() throws {
    guard let path = ProcessInfo.processInfo.environment["SEG_TRY"],
          let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
    for part in text.components(separatedBy: "\n---\n") {
        let doc = TestSupport.process(part)
        print("=== " + part.prefix(60).replacingOccurrences(of: "\n", with: "⏎"))
        for s in doc.sentences ?? [] {
            print("  [\(doc.blocks![s.block].kind.rawValue)] " + doc.slice(s.start, s.end).replacingOccurrences(of: "\n", with: "⏎"))
        }
    }
}
