import Foundation
import Testing
import StageKit
@testable import CleanStage

/// Whole documents through `clean` (default options) against reviewed golden files: an HTML page, a
/// Markdown help page, a mis-decoded text. Re-record with `UPDATE_GOLDEN=1 swift test --filter
/// GoldenFileTests` and review the diff.
struct GoldenFileTests {
    static let dir = CleanHarness.repoRoot + "/Tests/CleanTests/Fixtures/"

    /// Everything `clean` produces, as reviewable text.
    static func render(_ out: CleanOutput) -> String {
        var s = "== text ==\n" + out.text + "\n"
        s += "== layout ==\n" + CleanHarness.layout(out).map { $0 + "\n" }.joined()
        s += "== meta ==\n" + out.meta.keys.sorted().map { "\($0): \(out.meta[$0]!)\n" }.joined()
        s += "== removed ==\n" + out.removed.map { "\($0.reason): \($0.text)\n" }.joined()
        s += "== declared faq ==\n" + (out.declaredFAQ ?? []).map { "Q: \($0.question)\nA: \($0.answer)\n" }.joined()
        return s
    }

    @Test(arguments: ["golden_page.html", "golden_help.md", "golden_mojibake.txt"])
    func document_matchesGoldenFile(name: String) throws {
        let input = try String(contentsOfFile: Self.dir + name, encoding: .utf8)
        let got = Self.render(CleanHarness.standard.clean(input))
        let goldenPath = Self.dir + name + ".golden"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] != nil {
            try got.write(toFile: goldenPath, atomically: true, encoding: .utf8)
        }
        let want = try String(contentsOfFile: goldenPath, encoding: .utf8)
        #expect(got == want)
        // The mapped run gives the same output.
        #expect(Self.render(CleanHarness.standard.cleanMapped(input).0) == got)
    }
}
