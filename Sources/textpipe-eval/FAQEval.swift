import Foundation
import StageKit
import CleanStage
import SegmentStage
import FAQStage

/// The faq stage's scores for `make eval`: every document of `Tests/Fixtures/faq/corpus/` (plain text,
/// Markdown, HTML) runs through the real stages clean → segment → faq with default options, and the pairs
/// are compared with `NN_name.expected.json`: precision and recall of the exact question text, and of the
/// answer text after whitespace normalisation (a predicted pair's answer counts when its question is
/// expected and the answers agree), per file type, per format tag and overall.
///
/// `FAQ_DUMP=NN_name` prints the blocks segment made for that document and the pairs faq found;
/// `FAQ_CORPUS=DIR` scores another folder of documents laid out the same way.
enum FAQEval {
    struct Expected: Decodable {
        struct Pair: Decodable { var question: String; var answer: String }
        /// Format tags (`labels`, `bold`, `numbered`, `headings`, `dl`, `details`, `jsonld`, `microdata`,
        /// `negative`, …) the per-format lines are grouped by.
        var formats: [String]
        var pairs: [Pair]
    }

    struct Score {
        var expected = 0, predicted = 0, questionHits = 0, answerHits = 0
        static func + (a: Score, b: Score) -> Score {
            Score(expected: a.expected + b.expected, predicted: a.predicted + b.predicted,
                  questionHits: a.questionHits + b.questionHits, answerHits: a.answerHits + b.answerHits)
        }
        func ratio(_ hits: Int, _ total: Int) -> String { total == 0 ? "  -  " : EvalContext.f3(Double(hits) / Double(total)) }
        var line: String {
            "pairs \(String(format: "%3d", expected)) expected \(String(format: "%3d", predicted)) found   "
                + "question P \(ratio(questionHits, predicted)) R \(ratio(questionHits, expected))   "
                + "answer P \(ratio(answerHits, predicted)) R \(ratio(answerHits, expected))"
        }
    }

    /// Whitespace runs become one space; ends trimmed.
    static func normalise(_ s: String) -> String {
        s.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func run(_ ctx: EvalContext) throws {
        let folder = ProcessInfo.processInfo.environment["FAQ_CORPUS"] ?? ctx.repo + "/Tests/Fixtures/faq/corpus"
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
            .filter { !$0.hasSuffix(".json") && !$0.hasPrefix(".") }.sorted()
        guard !files.isEmpty else { throw StageError("no documents in \(folder)") }

        let clean = try ctx.defaultStage(CleanFactory(), folder: "Clean")
        let segment = try ctx.defaultStage(SegmentFactory(), folder: "Segment")
        let faq = try ctx.defaultStage(FAQFactory(), folder: "FAQ")
        let dump = ProcessInfo.processInfo.environment["FAQ_DUMP"]

        var byType: [String: Score] = [:], byFormat: [String: Score] = [:], total = Score()
        var mismatches: [String] = []
        var bytes = 0
        var segmented: [Document] = []
        var negatives = 0, falseAlarms = 0
        for file in files {
            let stem = String(file[..<(file.lastIndex(of: ".") ?? file.endIndex)])
            let type = String(file[(file.lastIndex(of: ".").map { file.index(after: $0) } ?? file.endIndex)...])
            guard let data = FileManager.default.contents(atPath: folder + "/" + stem + ".expected.json") else {
                throw StageError("\(file): no \(stem).expected.json")
            }
            let want = try JSONDecoder().decode(Expected.self, from: data)
            let source = try String(contentsOfFile: folder + "/" + file, encoding: .utf8)
            bytes += source.utf8.count
            var doc = Document(text: source)
            try clean.process(&doc)
            try segment.process(&doc)
            segmented.append(doc)
            try faq.process(&doc)
            let got = doc.faq ?? []
            if let dump, stem.hasPrefix(dump) { print(describe(doc)) }

            var s = Score(expected: want.pairs.count, predicted: got.count)
            var unmatched = want.pairs
            for p in got {
                guard let k = unmatched.firstIndex(where: { $0.question == p.question }) else {
                    mismatches.append("\(file): extra question \(p.question.debugDescription)")
                    continue
                }
                s.questionHits += 1
                if normalise(unmatched[k].answer) == normalise(p.answer) {
                    s.answerHits += 1
                } else {
                    mismatches.append("\(file): answer of \(p.question.debugDescription)\n      want \(normalise(unmatched[k].answer).debugDescription)\n      got  \(normalise(p.answer).debugDescription)")
                }
                unmatched.remove(at: k)
            }
            for w in unmatched { mismatches.append("\(file): missed question \(w.question.debugDescription)") }
            byType[type, default: Score()] = byType[type, default: Score()] + s
            for f in want.formats { byFormat[f, default: Score()] = byFormat[f, default: Score()] + s }
            total = total + s
            if want.pairs.isEmpty { negatives += 1; if !got.isEmpty { falseAlarms += 1 } }
        }

        print("  corpus: \(files.count) documents (\(bytes) bytes) in \(folder.hasPrefix(ctx.repo + "/") ? String(folder.dropFirst(ctx.repo.count + 1)) : folder), clean → segment → faq, default options")
        print("  by file type:")
        for (k, s) in byType.sorted(by: { $0.key < $1.key }) { print("    \(k.padding(toLength: 16, withPad: " ", startingAt: 0)) \(s.line)") }
        print("  by format:")
        for (k, s) in byFormat.sorted(by: { $0.key < $1.key }) { print("    \(k.padding(toLength: 16, withPad: " ", startingAt: 0)) \(s.line)") }
        print("  overall          \(total.line)")
        print("  documents without pairs: \(negatives), of which \(falseAlarms) with pairs found")
        print("  speed: \(speed(faq, segmented))")
        if mismatches.isEmpty {
            print("  mismatches: none")
        } else {
            print("  mismatches (\(mismatches.count)):")
            for m in ctx.verbose ? mismatches : Array(mismatches.prefix(40)) { print("    " + m) }
            if !ctx.verbose && mismatches.count > 40 { print("    … \(mismatches.count - 40) more (--all)") }
        }
    }

    /// Throughput of the faq stage alone (one thread) over the segmented corpus documents, run repeatedly
    /// for about half a second; rough, and meaningful only in a release build.
    static func speed(_ faq: any Stage, _ docs: [Document]) -> String {
        let bytes = docs.reduce(0) { $0 + $1.text.utf8.count }
        guard bytes > 0 else { return "-" }
        // CPU time of this thread as well as wall time: the machine is shared, and CPU time is what "per
        // core" means.
        let cpu = EvalContext.threadCPUSeconds
        var rounds = 0, pairs = 0
        let start = DispatchTime.now().uptimeNanoseconds, cpuStart = cpu()
        var elapsed = 0.0
        repeat {
            for d in docs {
                var copy = d
                try? faq.process(&copy)
                pairs &+= copy.faq?.count ?? 0
            }
            rounds += 1
            elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        } while elapsed < 1.0
        let used = cpu() - cpuStart
        let mb = Double(bytes * rounds) / 1e6
        return String(format: "faq alone %.0f MB/s of thread CPU time (%.0f MB/s wall) on one thread, %d rounds of %d bytes after clean+segment; ",
                      mb / used, mb / elapsed, rounds, bytes)
            + (isDebug ? "debug build, not meaningful" : "release build")
    }

    #if DEBUG
    static let isDebug = true
    #else
    static let isDebug = false
    #endif

    /// The blocks and pairs of a processed document, for `FAQ_DUMP`.
    static func describe(_ doc: Document) -> String {
        var out = "---- blocks\n"
        for b in doc.blocks ?? [] {
            out += "  \(b.kind.rawValue)/\(b.level) \(doc.slice(b.start, b.end).debugDescription)\n"
        }
        if let d = doc.declaredFAQ { out += "---- declared \(d.count)\n" }
        out += "---- pairs\n"
        for p in doc.faq ?? [] { out += "  Q \(p.question.debugDescription)\n  A \(p.answer.debugDescription)\n" }
        return out
    }
}
