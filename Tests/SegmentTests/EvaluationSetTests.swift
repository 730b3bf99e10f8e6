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
