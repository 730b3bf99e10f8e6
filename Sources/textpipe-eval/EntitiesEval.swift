import Foundation
import StageKit
import SegmentStage
import EntitiesStage

/// The entities stage's scores for `make eval`: precision, recall and F1 (exact span and label) per label
/// and micro-averaged, on the project's own news sets (`Tests/EntitiesTests/Fixtures/*.jsonl`, OntoNotes
/// labels) and on WNUT-17 (social media). Sentences and blocks come from the real `segment` stage, so the
/// evaluation runs what the daemon runs. Labels are also mapped to the CoNLL classes PER/ORG/LOC/MISC
/// (GPE/LOC/FAC → LOC; NORP/EVENT/WORK_OF_ART/PRODUCT/LAW/LANGUAGE → MISC; the rest not scored).
enum EntitiesEval {
    /// One gold or predicted entity in Unicode scalar offsets.
    struct Span: Hashable { let start: Int; let end: Int; let label: String }

    /// True/false positives and false negatives per label.
    struct Tally {
        var tp: [String: Int] = [:], fp: [String: Int] = [:], fn: [String: Int] = [:]
        var misses: [String] = []

        mutating func add(gold: Set<Span>, found: Set<Span>, text: [Unicode.Scalar], keepMisses: Bool) {
            for s in found.intersection(gold) { tp[s.label, default: 0] += 1 }
            for s in found.subtracting(gold) {
                fp[s.label, default: 0] += 1
                if keepMisses { misses.append("FP \(s.label)\t\(slice(text, s))") }
            }
            for s in gold.subtracting(found) {
                fn[s.label, default: 0] += 1
                if keepMisses { misses.append("FN \(s.label)\t\(slice(text, s))") }
            }
        }

        func slice(_ text: [Unicode.Scalar], _ s: Span) -> String {
            var v = String.UnicodeScalarView()
            v.append(contentsOf: text[s.start..<min(s.end, text.count)])
            return String(v)
        }

        static func prf(_ tp: Int, _ fp: Int, _ fn: Int) -> (Double, Double, Double) {
            let p = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
            let r = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
            return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r))
        }

        /// Prints one line per label and the micro-average; returns the micro F1.
        @discardableResult
        func report(order: [String], reference: String?) -> Double {
            let labels = order.filter { tp[$0] != nil || fp[$0] != nil || fn[$0] != nil }
                + Set(tp.keys).union(fp.keys).union(fn.keys).subtracting(order).sorted()
            print("    label       P      R      F1     gold  found")
            for l in labels {
                let (a, b, c) = (tp[l] ?? 0, fp[l] ?? 0, fn[l] ?? 0)
                let (p, r, f) = Tally.prf(a, b, c)
                print("    " + l.padding(toLength: 10, withPad: " ", startingAt: 0)
                      + "  \(EvalContext.f3(p))  \(EvalContext.f3(r))  \(EvalContext.f3(f))  \(String(format: "%5d  %5d", a + c, a + b))")
            }
            let a = tp.values.reduce(0, +), b = fp.values.reduce(0, +), c = fn.values.reduce(0, +)
            let (p, r, f) = Tally.prf(a, b, c)
            print("    micro       \(EvalContext.f3(p))  \(EvalContext.f3(r))  \(EvalContext.f3(f))  \(String(format: "%5d  %5d", a + c, a + b))"
                  + (reference.map { "   (\($0))" } ?? ""))
            return f
        }
    }

    /// OntoNotes label → CoNLL class, nil for labels CoNLL does not score.
    static func conll(_ label: String) -> String? {
        switch label {
        case "PERSON", "PER": return "PER"
        case "ORG": return "ORG"
        case "GPE", "LOC", "FAC": return "LOC"
        case "NORP", "EVENT", "WORK_OF_ART", "PRODUCT", "LAW", "LANGUAGE", "MISC": return "MISC"
        default: return nil
        }
    }

    /// Byte offset → Unicode scalar offset for every byte position of `text` (and its end).
    static func scalarOffsets(_ text: String) -> [Int] {
        var map = [Int](repeating: 0, count: text.utf8.count + 1)
        var scalar = 0, byte = 0
        for u in text.unicodeScalars {
            let w = UTF8.width(u)
            for k in 0..<w { map[byte + k] = scalar }
            byte += w; scalar += 1
        }
        map[byte] = scalar
        return map
    }

    static func run(_ ctx: EvalContext) throws {
        let segment = try ctx.defaultStage(SegmentFactory(), folder: "Segment")
        let entities = try ctx.defaultStage(EntitiesFactory(), folder: "Entities")

        /// Entities of one text in scalar offsets, labels as the stage gives them.
        func tag(_ text: String) throws -> [Span] {
            var doc = Document(text: text)
            try segment.process(&doc)
            try entities.process(&doc)
            let m = scalarOffsets(text)
            return (doc.entities ?? []).map { Span(start: m[$0.start], end: m[$0.end], label: $0.label) }
        }

        // ENTITIES_TEXT="…": print the entities of one text (for looking at a case by hand)
        if let text = ProcessInfo.processInfo.environment["ENTITIES_TEXT"] {
            var doc = Document(text: text)
            try segment.process(&doc)
            for s in doc.sentences ?? [] { print("  sentence\t\(doc.slice(s.start, s.end))") }
            for s in doc.blocks ?? [] { print("  block \(s.kind)\t\(doc.slice(s.start, s.end))") }
            let scalars = Array(text.unicodeScalars)
            for s in try tag(text) { print("  \(s.label)\t\(Tally().slice(scalars, s))") }
            return
        }
        let fixtures = ctx.repo + "/Tests/EntitiesTests/Fixtures/"
        let sets: [(file: String, note: String)] = [
            ("news_dev.jsonl", "own news set 1, 20 paragraphs; the rules were tuned on it"),
            ("news_heldout.jsonl", "own held-out set 1, 8 paragraphs; not tuned on"),
            ("news_dev2.jsonl", "own CoNLL-style news set 2 (headlines, datelines, results); tuned on"),
            ("news_heldout2.jsonl", "own CoNLL-style held-out set 2; not tuned on"),
        ]
        let fine = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "LAW", "DATE", "TIME", "MONEY", "PERCENT", "EMAIL", "URL", "PHONE"]
        let coarse = ["PER", "ORG", "LOC", "MISC"]
        for (file, note) in sets {
            let path = fixtures + file
            guard FileManager.default.fileExists(atPath: path) else { print("  (skipped: \(path) not found)"); continue }
            var full = Tally(), mapped = Tally()
            var bytes = 0
            for rec in try ctx.jsonLines(path) {
                guard let text = rec["text"] as? String, let ents = rec["entities"] as? [[String: Any]] else { continue }
                bytes += text.utf8.count
                let gold = ents.compactMap { e -> Span? in
                    guard let s = e["start"] as? Int, let t = e["end"] as? Int, let l = e["label"] as? String else { return nil }
                    return Span(start: s, end: t, label: l)
                }
                let found = try tag(text)
                let scalars = Array(text.unicodeScalars)
                full.add(gold: Set(gold), found: Set(found), text: scalars, keepMisses: true)
                func toConll(_ x: [Span]) -> Set<Span> { Set(x.compactMap { s in conll(s.label).map { Span(start: s.start, end: s.end, label: $0) } }) }
                mapped.add(gold: toConll(gold), found: toConll(found), text: scalars, keepMisses: false)
            }
            print("  \(file) — \(note) (\(bytes) bytes)")
            print("   all labels (OntoNotes names, patterns included):")
            full.report(order: fine, reference: nil)
            print("   CoNLL classes PER/ORG/LOC/MISC:")
            mapped.report(order: coarse, reference: "spaCy en_core_web_sm on CoNLL-style news: 0.61")
            // errors of the held-out sets are listed only with --all, so that nobody tunes on them by accident
            let shown = ctx.verbose ? full.misses : note.contains("not tuned") ? [] : Array(full.misses.prefix(12))
            if !shown.isEmpty {
                print("   errors\(ctx.verbose ? "" : " (first \(shown.count) of \(full.misses.count); --all for every one)"):")
                for m in shown { print("     " + m) }
            }
        }

        // throughput of the entities stage alone (documents segmented beforehand), on the seed article and
        // the news sets, or on the "text" fields of an NDJSON file named by ENTITIES_BENCH
        var texts: [String] = []
        if let bench = ProcessInfo.processInfo.environment["ENTITIES_BENCH"] {
            texts = try ctx.jsonLines(bench).compactMap { $0["text"] as? String }
        } else {
            if let seed = try? String(contentsOfFile: ctx.repo + "/Tests/Fixtures/seed_article.txt", encoding: .utf8) { texts.append(seed) }
            for (file, _) in sets where FileManager.default.fileExists(atPath: fixtures + file) {
                texts += try ctx.jsonLines(fixtures + file).compactMap { $0["text"] as? String }
            }
        }
        if !texts.isEmpty {
            var docs: [Document] = []
            for text in texts {
                var native = text
                native.makeContiguousUTF8()     // as the daemon's own JSON reader gives it (not a bridged string)
                var d = Document(text: native); try segment.process(&d); docs.append(d)
            }
            let bytes = texts.reduce(0) { $0 + $1.utf8.count }
            // CPU time of this thread, so that other work on a shared machine does not count
            let cpuSeconds = EvalContext.threadCPUSeconds
            let start = Date(), cpu0 = cpuSeconds()
            var rounds = 0
            repeat {
                for d in docs { var copy = d; try entities.process(&copy) }
                rounds += 1
            } while Date().timeIntervalSince(start) < 1.5
            let secs = Date().timeIntervalSince(start), cpu = cpuSeconds() - cpu0
            print("  throughput: \(String(format: "%.1f", Double(bytes * rounds) / cpu / 1_000_000)) MB/s per core of CPU time "
                  + "(\(String(format: "%.1f", Double(bytes * rounds) / secs / 1_000_000)) MB/s by the wall clock; "
                  + "\(texts.count) documents, \(bytes) bytes, \(rounds) rounds; entities stage only; use a release build)")
        }

        guard let wnut = ctx.evalFile("ner_wnut17_test.jsonl") else { return }
        var tally = Tally()
        var n = 0
        for rec in try ctx.jsonLines(wnut) {
            guard let text = rec["text"] as? String, let ents = rec["entities"] as? [[String: Any]] else { continue }
            let gold = Set(ents.compactMap { e -> Span? in
                guard let s = e["start"] as? Int, let t = e["end"] as? Int, let l = e["label"] as? String else { return nil }
                return Span(start: s, end: t, label: l)
            })
            let found = Set(try tag(text).compactMap { s in conll(s.label).map { Span(start: s.start, end: s.end, label: $0) } })
            tally.add(gold: gold, found: found, text: Array(text.unicodeScalars), keepMisses: ctx.verbose)
            n += 1
        }
        print("  ner_wnut17_test.jsonl — \(n) social-media sentences, CoNLL classes:")
        tally.report(order: coarse, reference: "spaCy en_core_web_sm: 0.22")
        if ctx.verbose { for m in tally.misses { print("     " + m) } }
    }
}
