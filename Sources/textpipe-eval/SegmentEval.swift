import Foundation
import StageKit
import SegmentStage

/// The segment stage's scores for `make eval`: the English Golden Rules, the pragmatic_segmenter
/// extra cases and pySBD's English tests, each case right when its sentences (outer whitespace
/// stripped, empty ones dropped) equal the expected ones exactly. The stage runs with its default
/// options; cases marked `doc_type: "pdf"` use the documented `newlines: join`. Every failing case
/// is listed with its input, the expected and the produced sentences.
enum SegmentEval {
    /// One evaluation set and the published scores of other tools on it.
    struct Set {
        var title: String
        var file: String
        var reference: [(tool: String, score: String)]
    }

    static let sets: [Set] = [
        Set(title: "English Golden Rules", file: "sbd_golden_rules_en.jsonl", reference: [
            ("pySBD 0.3.4 (clean=False, its default)", "48/52"),
            ("pySBD 0.3.4 (clean=True)", "50/52"),
            ("spaCy models", "26–29/52"),
            ("NLTK Punkt", "27/52"),
            ("blingfire 0.1.8", "37/52"),
        ]),
        Set(title: "pragmatic_segmenter extra cases", file: "sbd_pragmatic_segmenter_en_extra.jsonl", reference: [
            ("pySBD 0.3.4 (clean=False)", "103/125"),
            ("pySBD 0.3.4 (clean=True)", "120/125"),
            ("spaCy en_core_web_sm (parser)", "63/125"),
            ("NLTK Punkt", "48/125"),
        ]),
        Set(title: "pySBD English tests (with clean)", file: "sbd_pysbd_en_clean_tests.jsonl", reference: [
            ("pySBD 0.3.4", "its own test suite (no published score)"),
        ]),
    ]

    static func run(_ ctx: EvalContext) throws {
        let plain = try Segmenter(config: SegmentConfig(), resourceDirectory: ctx.repo + "/Plugins/Segment")
        let pdf = try Segmenter(config: SegmentConfig(newlines: .join), resourceDirectory: ctx.repo + "/Plugins/Segment")
        print("  options: defaults (newlines: paragraph); cases with doc_type \"pdf\": newlines: join")
        print("  a case is right when its sentences equal the expected ones exactly (outer whitespace stripped, empty ones dropped)")
        for set in sets {
            print("")
            guard let path = ctx.evalFile(set.file) else { continue }
            let records = try ctx.jsonLines(path)
            var passed = 0, total = 0
            var failures: [String] = []
            var seen: [String: Int] = [:]
            for r in records {
                guard let text = r["text"] as? String, let expected = r["sentences"] as? [String] else { continue }
                total += 1
                var id = r["id"] as? String ?? "#\(total)"
                let n = (seen[id] ?? 0) + 1
                seen[id] = n
                if n > 1 { id += "#\(n)" }
                let options = r["options"] as? [String: Any]
                let isPDF = (r["doc_type"] as? String) == "pdf" || (options?["doc_type"] as? String) == "pdf"
                let got = normalise((isPDF ? pdf : plain).segmentSentences(text))
                let want = normalise(expected)
                if got == want { passed += 1; continue }
                failures.append(report(id: id, text: text, want: want, got: got, pdf: isPDF))
            }
            print("  \(set.title): \(passed)/\(total)   (textpiped segment)")
            for ref in set.reference { print("      \(ref.tool): \(ref.score)") }
            if failures.isEmpty { continue }
            print("    failing cases (\(failures.count)):")
            for f in failures { print(f) }
        }
    }

    /// Outer whitespace stripped, empty segments dropped.
    static func normalise(_ s: [String]) -> [String] {
        s.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
    }

    static func report(id: String, text: String, want: [String], got: [String], pdf: Bool) -> String {
        func quote(_ s: String, _ limit: Int) -> String {
            let d = s.debugDescription
            return d.count > limit ? String(d.prefix(limit)) + "…\"" : d
        }
        var out = "    - \(id)\(pdf ? " (pdf: newlines join)" : "")\n      input:    \(quote(text, 400))\n"
        // Long cases: show only where the two lists part.
        var k = 0
        while k < want.count && k < got.count && want[k] == got[k] { k += 1 }
        if k > 2 { out += "      (first \(k) sentences agree)\n" }
        let from = k > 2 ? k : 0
        out += "      expected: [" + want[from..<min(want.count, from + 6)].map { quote($0, 160) }.joined(separator: ", ") + (want.count > from + 6 ? ", …" : "") + "]\n"
        out += "      got:      [" + got[from..<min(got.count, from + 6)].map { quote($0, 160) }.joined(separator: ", ") + (got.count > from + 6 ? ", …" : "") + "]"
        return out
    }
}
