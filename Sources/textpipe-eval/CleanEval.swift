import Foundation
import StageKit
import CleanStage

/// The clean stage's scores for `make eval`: main-text extraction on the ScrapingHub article-extraction
/// benchmark sample, scored the way that benchmark scores it (`evaluate.py` of
/// scrapinghub/article-extraction-benchmark):
///
/// - tokens are the runs of word characters (Python's `\w+`: letters, digits, `_`), case kept;
/// - shingles are the 4-grams of consecutive tokens (a text of fewer than 4 tokens is one shorter shingle),
///   counted as a multiset;
/// - per page: tp = Σ min(expected, got), fp = Σ extra got, fn = Σ missing, then divided by tp+fp+fn so
///   every page weighs the same; precision tp/(tp+fp) and recall tp/(tp+fn) (1 when fp = fn = 0);
/// - precision and recall are the means over pages, F1 their harmonic mean.
enum CleanEval {
    static func run(_ ctx: EvalContext) throws {
        guard let path = ctx.evalFile("boilerplate_scrapinghub_sample.jsonl") else { return }
        let pages = try ctx.jsonLines(path)
        let context = ctx.stageContext(folder: "Clean")
        let standard = try CleanStage(settings: CleanSettings(), context: context)
        var tagsOnlySettings = CleanSettings()
        tagsOnlySettings.htmlHeuristics = false
        let tagsOnly = try CleanStage(settings: tagsOnlySettings, context: context)

        var ours: [Counts] = [], plain: [Counts] = [], words: [Double] = []
        var bytes = 0
        var seconds = 0.0
        var rows: [(f1: Double, line: String)] = []
        for page in pages {
            guard let html = page["html"] as? String, let expected = page["expected_text"] as? String else {
                throw StageError("page without html/expected_text in \(path)")
            }
            let start = EvalContext.threadCPUSeconds()
            let got = standard.clean(html).text
            seconds += EvalContext.threadCPUSeconds() - start
            bytes += html.utf8.count
            if let dir = ProcessInfo.processInfo.environment["CLEAN_EVAL_DUMP"] {
                try? got.write(toFile: "\(dir)/\(ours.count).txt", atomically: true, encoding: .utf8)
            }
            let c = Shingles.match(expected: expected, got: got)
            ours.append(c)
            plain.append(Shingles.match(expected: expected, got: tagsOnly.clean(html).text))
            words.append(Shingles.wordF1(expected: expected, got: got))
            rows.append((c.f1, "  \(EvalContext.f3(c.f1))  P \(EvalContext.f3(c.precision))  R \(EvalContext.f3(c.recall))  \((page["url"] as? String ?? "?").prefix(90))"))
        }
        let score = Counts.summary(ours)
        let base = Counts.summary(plain)
        print("  ScrapingHub article-extraction sample, \(pages.count) pages (shingle-overlap, benchmark's evaluate.py rules)")
        print("  clean (default)               F1 \(EvalContext.f3(score.f1))  precision \(EvalContext.f3(score.precision))  recall \(EvalContext.f3(score.recall))   goal ≥ 0.900")
        print("  clean, html_boilerplate off   F1 \(EvalContext.f3(base.f1))  precision \(EvalContext.f3(base.precision))  recall \(EvalContext.f3(base.recall))")
        print("  (word-bag F1 of clean: \(EvalContext.f3(words.reduce(0, +) / Double(max(1, words.count)))))")
        print("  reference, full 181-page benchmark: trafilatura 2.3.1 0.960, readability-lxml 0.955, jusText 0.804, whole-page text dump 0.665")
        print(String(format: "  HTML speed on these pages: %.1f MB in %.3f s CPU = %.0f MB/s (one core, this build)", Double(bytes) / 1e6, seconds, Double(bytes) / 1e6 / max(seconds, 1e-9)))
        let shown = ctx.verbose ? rows : Array(rows.sorted { $0.f1 < $1.f1 }.prefix(5))
        print(ctx.verbose ? "  per page:" : "  lowest five pages (--all for every page):")
        for r in shown { print(r.line) }
        if ProcessInfo.processInfo.environment["CLEAN_SPEED"] != nil { try speed(standard, ctx) }
    }

    /// Throughput on synthetic inputs (`CLEAN_SPEED=1`; `make bench` is the real benchmark).
    static func speed(_ stage: CleanStage, _ ctx: EvalContext) throws {
        let seed = (try? String(contentsOfFile: ctx.repo + "/Tests/CleanTests/Fixtures/seed_article.txt", encoding: .utf8)) ?? "Seed text – “quoted”.\n"
        let inputs: [(String, String)] = [
            ("plain ASCII", String(repeating: "The quick brown fox jumps over the lazy dog near the river bank today.\n", count: 150_000)),
            ("seed article ×1000 (UTF-8)", String(repeating: seed + "\n", count: 1000)),
            ("HTML", String(repeating: "<div class=\"c\"><p>Some <b>bold</b> text &amp; a <a href=\"/x\">link</a> in a paragraph.</p></div>\n", count: 50_000)),
            ("Markdown", String(repeating: "## Heading\n\nSome *em* text with a [link](http://x) and `code`.\n\n- item one\n- item two\n\n", count: 30_000)),
        ]
        let mapped = ProcessInfo.processInfo.environment["CLEAN_SPEED_MAP"] != nil
        let only = ProcessInfo.processInfo.environment["CLEAN_SPEED"] ?? "1"
        for (name, text) in inputs where only == "1" || name.lowercased().hasPrefix(only.lowercased()) {
            var best = Double.infinity
            for _ in 0..<3 {
                var doc = Document(text: text)
                if mapped { doc.requestFlags.insert("source_offsets") }
                let start = EvalContext.threadCPUSeconds()
                try stage.process(&doc)
                best = min(best, EvalContext.threadCPUSeconds() - start)
            }
            let mb = Double(text.utf8.count) / 1e6
            print(String(format: "  speed %@: %.1f MB, best of 3 %.3f s CPU = %.0f MB/s", name, mb, best, mb / best))
        }
    }
}

/// Per-page true/false positives and negatives of shingles, normalised to sum to 1.
struct Counts {
    var tp: Double, fp: Double, fn: Double

    var precision: Double { fp == 0 && fn == 0 ? 1 : (tp == 0 && fp == 0 ? 0 : tp / (tp + fp)) }
    var recall: Double { fp == 0 && fn == 0 ? 1 : (tp == 0 && fn == 0 ? 0 : tp / (tp + fn)) }
    var f1: Double { precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall) }

    /// Mean precision over pages with tp+fp > 0, mean recall over pages with tp+fn > 0, F1 of the two means.
    static func summary(_ all: [Counts]) -> (precision: Double, recall: Double, f1: Double) {
        let ps = all.filter { $0.tp + $0.fp > 0 }.map(\.precision)
        let rs = all.filter { $0.tp + $0.fn > 0 }.map(\.recall)
        let p = ps.isEmpty ? 0 : ps.reduce(0, +) / Double(ps.count)
        let r = rs.isEmpty ? 0 : rs.reduce(0, +) / Double(rs.count)
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
    }
}

/// The benchmark's shingle matching.
enum Shingles {
    /// Python's `\w` on `str`: letters, numbers, `_` (combining marks split words, as there).
    static func isWord(_ s: Unicode.Scalar) -> Bool {
        if s.value < 0x80 { return (s.value | 0x20) &- 97 < 26 || s.value &- 48 < 10 || s == "_" }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var cur = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            if isWord(s) { cur.append(s) } else if !cur.isEmpty { out.append(String(cur)); cur = String.UnicodeScalarView() }
        }
        if !cur.isEmpty { out.append(String(cur)) }
        return out
    }

    static func shingles(_ text: String, n: Int = 4) -> [String: Int] {
        let t = tokens(text)
        var out: [String: Int] = [:]
        if t.isEmpty { return out }
        let count = max(1, t.count - n + 1)
        for i in 0..<count {
            let key = t[i..<min(t.count, i + n)].joined(separator: "\u{1F}")
            out[key, default: 0] += 1
        }
        return out
    }

    static func match(expected: String, got: String) -> Counts {
        let want = shingles(expected), have = shingles(got)
        var tp = 0.0, fp = 0.0, fn = 0.0
        for key in Set(want.keys).union(have.keys) {
            let w = want[key] ?? 0, h = have[key] ?? 0
            tp += Double(min(w, h)); fp += Double(max(0, h - w)); fn += Double(max(0, w - h))
        }
        let s = tp + fp + fn
        return s > 0 ? Counts(tp: tp / s, fp: fp / s, fn: fn / s) : Counts(tp: 0, fp: 0, fn: 0)
    }

    /// Bag-of-words F1 (lower-cased tokens), the figure this stage reported before.
    static func wordF1(expected: String, got: String) -> Double {
        var counts: [String: Int] = [:]
        let want = tokens(expected.lowercased()), have = tokens(got.lowercased())
        for w in want { counts[w, default: 0] += 1 }
        var overlap = 0
        for w in have where (counts[w] ?? 0) > 0 { counts[w]! -= 1; overlap += 1 }
        guard overlap > 0 else { return 0 }
        let p = Double(overlap) / Double(have.count), r = Double(overlap) / Double(want.count)
        return 2 * p * r / (p + r)
    }
}
