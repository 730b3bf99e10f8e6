import Foundation
import StageKit
import SegmentStage
import CleanStage

/// The segment stage's scores for `make eval`: the English Golden Rules, the pragmatic_segmenter
/// extra cases and pySBD's English tests, each case right when its sentences (outer whitespace
/// stripped, empty ones dropped) equal the expected ones exactly. The stage runs with its default
/// options; cases marked `doc_type: "pdf"` use the documented `newlines: join`. Every failing case
/// is listed with its input, the expected and the produced sentences. Beside each score it prints
/// the score of `clean` → `segment` (to compare with pySBD's `clean=True`); `SEG_EVAL_CLEAN_DIFF=1`
/// lists the cases that segment alone gets right and the pipeline does not. `SEG_BENCH` adds
/// throughput figures (see `bench`).
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
        // For comparison with pySBD's clean=True (which rewrites the text): the same cases through
        // `clean` (default options) and then `segment`, as a pipeline `[clean, segment]` runs them.
        let clean = try? ctx.defaultStage(CleanFactory(), folder: "Clean")
        print("  options: defaults (newlines: paragraph); cases with doc_type \"pdf\": newlines: join")
        print("  a case is right when its sentences equal the expected ones exactly (outer whitespace stripped, empty ones dropped)")
        for set in sets {
            print("")
            guard let path = ctx.evalFile(set.file) else { continue }
            let records = try ctx.jsonLines(path)
            var passed = 0, total = 0, passedWithClean = 0
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
                let seg = isPDF ? pdf : plain
                let got = normalise(seg.segmentSentences(text))
                let want = normalise(expected)
                if let clean {
                    var doc = Document(text: text)
                    if (try? clean.process(&doc)) != nil, (try? seg.process(&doc)) != nil,
                       normalise(Segmenter.sentenceStrings(doc)) == want { passedWithClean += 1 }
                    else if got == want, ProcessInfo.processInfo.environment["SEG_EVAL_CLEAN_DIFF"] != nil {
                        print("      (clean → segment fails \(id): \(Segmenter.sentenceStrings(doc).map { String($0.prefix(80)) }))")
                    }
                }
                if got == want { passed += 1; continue }
                failures.append(report(id: id, text: text, want: want, got: got, pdf: isPDF))
            }
            print("  \(set.title): \(passed)/\(total)   (textpiped segment)")
            if clean != nil { print("      textpiped clean → segment (to compare with pySBD clean=True): \(passedWithClean)/\(total)") }
            for ref in set.reference { print("      \(ref.tool): \(ref.score)") }
            if failures.isEmpty { continue }
            print("    failing cases (\(failures.count)):")
            for f in failures { print(f) }
        }
        try bench(ctx, plain)
    }

    /// Throughput of the stage on one core, printed when `SEG_BENCH` is set (a release build is
    /// meant): the bench corpus (`SEG_BENCH` names a `corpus.jsonl` from
    /// `python3 ../shared/bench/gen_corpus.py`; each text is one document), the seed article repeated
    /// to 20 MB, and 10 MB hostile inputs. Best of three runs, wall time and the thread's CPU time;
    /// nothing is asserted.
    static func bench(_ ctx: EvalContext, _ seg: Segmenter) throws {
        guard let spec = ProcessInfo.processInfo.environment["SEG_BENCH"] else { return }
        print("\n  speed (one core, best of 3):")
        func time(_ name: String, _ docs: [String], passes: Int = 1) {
            let bytes = docs.reduce(0) { $0 + $1.utf8.count } * passes
            var best = Double.infinity, bestCPU = Double.infinity
            var sentences = 0
            for _ in 0..<3 {
                sentences = 0
                let t0 = DispatchTime.now().uptimeNanoseconds
                let c0 = EvalContext.threadCPUSeconds()
                for _ in 0..<passes {
                    for t in docs {
                        var doc = Document(text: t)
                        try? seg.process(&doc)
                        sentences += doc.sentences?.count ?? 0
                    }
                }
                bestCPU = min(bestCPU, EvalContext.threadCPUSeconds() - c0)
                best = min(best, Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9)
            }
            let mb = Double(bytes) / 1_000_000
            print("    \(name): \(String(format: "%.1f", mb)) MB, \(sentences) sentences, wall \(String(format: "%.3f", best)) s = \(String(format: "%.0f", mb / best)) MB/s, CPU \(String(format: "%.3f", bestCPU)) s = \(String(format: "%.0f", mb / bestCPU)) MB/s per core")
        }
        if spec != "1", FileManager.default.fileExists(atPath: spec) {
            let docs = try ctx.jsonLines(spec).compactMap { $0["text"] as? String }
            time("bench corpus (\(docs.count) documents, 5 passes)", docs, passes: 5)
        }
        let seed = (try? String(contentsOfFile: ctx.repo + "/Tests/Fixtures/seed_article.txt", encoding: .utf8)) ?? ""
        if !seed.isEmpty {
            time("seed article repeated, one document", [String(repeating: seed + "\n", count: 20_000_000 / (seed.utf8.count + 1))])
        }
        time("10 MB without punctuation", [String(repeating: "word ", count: 2_000_000)])
        time("10 MB with one million full stops", [String(repeating: "abcdefgh. ", count: 1_000_000)])
        time("10 MB of full stops", [String(repeating: ".", count: 10_000_000)])
        time("10 MB of initials", [String(repeating: "A. ", count: 3_333_333)])
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
