import Foundation
import Testing
@testable import SegmentStage

/// Scores on the English Golden Rules and the pragmatic_segmenter extra cases (exact segments,
/// outer whitespace stripped, empty segments dropped). Failures are printed.
@Suite struct EvaluationSetTests {
    @Test func goldenRules_passCount_isAtLeastTheAchievedScore() {
        let cases = TestSupport.cases(TestSupport.repoRoot + "/Tests/Fixtures/sbd_golden_rules_en.jsonl")
        #expect(cases.count == 52)
        let (passed, report) = TestSupport.score(cases)
        print("Golden Rules: \(passed)/\(cases.count)\n\(report)")
        #expect(passed >= 45)
    }

    @Test func pragmaticExtraCases_passCount_isAtLeastTheAchievedScore() {
        let cases = TestSupport.cases(TestSupport.repoRoot + "/Tests/SegmentTests/Fixtures/sbd_pragmatic_segmenter_en_extra.jsonl")
        #expect(cases.count == 125)
        let (passed, report) = TestSupport.score(cases)
        print("Pragmatic extra: \(passed)/\(cases.count)\n\(report)")
        #expect(passed >= 100)
    }

    @Test func pysbdCleanTests_report() {
        let path = "/work/shared/eval/sbd_pysbd_en_clean_tests.jsonl"
        let cases = TestSupport.cases(path)
        guard !cases.isEmpty else { return }
        let (passed, report) = TestSupport.score(cases)
        print("pySBD tests: \(passed)/\(cases.count)\n\(report)")
    }
}

/// Writes every case's output to $SEG_DUMP (JSON lines) when that variable is set; used while tuning.
@Test func evaluationSets_dumpWhenAsked() throws {
    guard let out = ProcessInfo.processInfo.environment["SEG_DUMP"] else { return }
    var lines: [String] = []
    for path in [TestSupport.repoRoot + "/Tests/Fixtures/sbd_golden_rules_en.jsonl",
                 TestSupport.repoRoot + "/Tests/SegmentTests/Fixtures/sbd_pragmatic_segmenter_en_extra.jsonl",
                 "/work/shared/eval/sbd_pysbd_en_clean_tests.jsonl"] {
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
    guard let data = FileManager.default.contents(atPath: "/work/shared/eval/boilerplate_scrapinghub_sample.jsonl") else { return }
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
