import Foundation
import Testing
@testable import CleanStage

/// Opt-in measurements (set CLEAN_EVAL=1): word-overlap F1 on the ScrapingHub sample and throughput.
/// They print figures and assert nothing about speed.
struct EvaluationProbe {
    static let enabled = ProcessInfo.processInfo.environment["CLEAN_EVAL"] != nil

    static func words(_ s: String) -> [String] {
        s.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// F1 of bags of words (multiset overlap).
    static func f1(_ got: [String], _ want: [String]) -> Double {
        var counts: [String: Int] = [:]
        for w in want { counts[w, default: 0] += 1 }
        var overlap = 0
        for w in got where (counts[w] ?? 0) > 0 { counts[w]! -= 1; overlap += 1 }
        guard overlap > 0 else { return 0 }
        let p = Double(overlap) / Double(got.count), r = Double(overlap) / Double(want.count)
        return 2 * p * r / (p + r)
    }

    @Test(.enabled(if: enabled)) func scrapinghub_wordOverlapF1() throws {
        let path = CleanHarness.repoRoot + "/../shared/eval/boilerplate_scrapinghub_sample.jsonl"
        guard let data = FileManager.default.contents(atPath: path) else { return }
        var total = 0.0, count = 0, totalP = 0.0, totalR = 0.0
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let out = CleanHarness.standard.clean(obj["html"] as! String)
            let got = Self.words(out.text), want = Self.words(obj["expected_text"] as! String)
            let f = Self.f1(got, want)
            var counts: [String: Int] = [:]
            for w in want { counts[w, default: 0] += 1 }
            var overlap = 0
            for w in got where (counts[w] ?? 0) > 0 { counts[w]! -= 1; overlap += 1 }
            totalP += got.isEmpty ? 0 : Double(overlap) / Double(got.count)
            totalR += Double(overlap) / Double(max(1, want.count))
            print(String(format: "%.3f  got %5d want %5d  %@", f, got.count, want.count, (obj["url"] as! String).prefix(70) as CVarArg))
            if let dir = ProcessInfo.processInfo.environment["CLEAN_EVAL_DUMP"] {
                try? out.text.write(toFile: "\(dir)/\(count).txt", atomically: true, encoding: .utf8)
            }
            total += f; count += 1
        }
        print(String(format: "ScrapingHub sample: mean word F1 %.3f, precision %.3f, recall %.3f over %d pages", total / Double(count), totalP / Double(count), totalR / Double(count), count))
    }

    @Test(.enabled(if: enabled)) func throughput() throws {
        let seed = String(decoding: FileManager.default.contents(atPath: CleanHarness.repoRoot + "/Tests/CleanTests/Fixtures/seed_article.txt")!, as: UTF8.self)
        let ascii = String(repeating: "The quick brown fox jumps over the lazy dog near the river bank today.\n", count: 300_000)
        let html = String(repeating: "<div class=\"c\"><p>Some <b>bold</b> text &amp; a <a href=\"/x\">link</a> in a paragraph.</p></div>\n", count: 100_000)
        let md = String(repeating: "## Heading\n\nSome *em* text with a [link](http://x) and `code`.\n\n- item one\n- item two\n\n", count: 60_000)
        let longSeed = String(repeating: seed, count: 2000)
        for (name, text) in [("plain ASCII", ascii), ("seed article (UTF-8 punctuation)", longSeed), ("HTML", html), ("Markdown", md)] {
            let bytes = text.utf8.count
            let start = DispatchTime.now().uptimeNanoseconds
            let out = CleanHarness.standard.clean(text)
            let secs = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            print(String(format: "%@: %.1f MB in %.3f s = %.0f MB/s (out %d bytes)", name, Double(bytes) / 1e6, secs, Double(bytes) / 1e6 / secs, out.text.utf8.count))
        }
    }
}
