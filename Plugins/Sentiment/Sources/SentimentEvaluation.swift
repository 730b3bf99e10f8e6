import Foundation
import StageKit

/// Scores a sentiment stage against human ratings: three-class accuracy, macro-F1 and Pearson r
/// between the document score and the gold normalised score. For `make eval` and the tests.
public enum SentimentEvaluation {
    /// One rated text: gold score −1…1 and gold label positive/negative/neutral.
    public struct Record: Sendable {
        public var text: String
        public var score: Double
        public var label: String
        public init(text: String, score: Double, label: String) { self.text = text; self.score = score; self.label = label }
    }

    public struct Report: Sendable, CustomStringConvertible {
        public var count: Int
        public var accuracy: Double
        public var macroF1: Double
        public var pearson: Double
        public var description: String {
            func f(_ x: Double) -> String { String(format: "%.3f", x) }
            return "n=\(count) accuracy=\(f(accuracy)) macroF1=\(f(macroF1)) r=\(f(pearson))"
        }
    }

    /// Reads JSON Lines records `{"text", "score_norm", "label"}` (other keys ignored).
    public static func load(jsonl path: String) throws -> [Record] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw StageError("cannot read \(path)")
        }
        var out: [Record] = []
        for line in text.split(separator: "\n") where !line.trimmingCharacters(in: .whitespaces).isEmpty {
            guard let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let t = obj["text"] as? String, let s = (obj["score_norm"] as? NSNumber)?.doubleValue,
                  let l = obj["label"] as? String else { throw StageError("bad record in \(path): \(line.prefix(80))") }
            out.append(Record(text: t, score: s, label: l))
        }
        return out
    }

    /// A simple sentence splitter for evaluation: a run of `.`, `!` or `?` (with closing quotes or
    /// brackets) followed by white space ends a sentence; sentences are trimmed; blocks are all 0.
    public static func splitSentences(_ text: String) -> [Sentence] {
        let b = Array(text.utf8)
        var out: [Sentence] = []
        var start = 0
        func push(_ s: Int, _ e: Int) {
            var s = s, e = e
            while s < e, ASCII.isSpace(b[s]) { s += 1 }
            while e > s, ASCII.isSpace(b[e - 1]) { e -= 1 }
            if e > s { out.append(Sentence(start: s, end: e, block: 0)) }
        }
        var i = 0
        while i < b.count {
            let c = b[i]
            if c == 10 { push(start, i); start = i + 1; i += 1; continue }
            if c == 46 || c == 33 || c == 63 {
                var j = i
                while j < b.count, b[j] == 46 || b[j] == 33 || b[j] == 63 || b[j] == 34 || b[j] == 39 || b[j] == 41 { j += 1 }
                if j < b.count, ASCII.isSpace(b[j]) { push(start, j); start = j; i = j; continue }
                i = j; continue
            }
            i += 1
        }
        push(start, b.count)
        return out
    }

    /// Runs `stage` on every record (one document each, sentences from `splitSentences`).
    public static func evaluate(_ records: [Record], stage: any Stage) throws -> Report {
        var predicted: [Double] = []
        var labels: [String] = []
        for r in records {
            var d = Document(text: r.text)
            d.sentences = splitSentences(r.text)
            try stage.process(&d)
            predicted.append(d.sentiment?.score ?? 0)
            labels.append(d.sentiment?.label ?? "neutral")
        }
        return report(predicted: predicted, labels: labels, gold: records)
    }

    /// Runs `pipeline` (for example `segment` then `sentiment`) on every record, one document each,
    /// and scores the document sentiment it produces.
    public static func evaluate(_ records: [Record], pipeline: [any Stage]) throws -> Report {
        var predicted: [Double] = []
        var labels: [String] = []
        predicted.reserveCapacity(records.count); labels.reserveCapacity(records.count)
        for r in records {
            var d = Document(text: r.text)
            for stage in pipeline { try stage.process(&d) }
            predicted.append(d.sentiment?.score ?? 0)
            labels.append(d.sentiment?.label ?? "neutral")
        }
        return report(predicted: predicted, labels: labels, gold: records)
    }

    public static func report(predicted: [Double], labels: [String], gold: [Record]) -> Report {
        let n = gold.count
        guard n > 0 else { return Report(count: 0, accuracy: 0, macroF1: 0, pearson: 0) }
        var right = 0
        for k in 0..<n where labels[k] == gold[k].label { right += 1 }
        var f1s: [Double] = []
        for c in ["positive", "negative", "neutral"] {
            var tp = 0, fp = 0, fn = 0
            for k in 0..<n {
                let p = labels[k] == c, g = gold[k].label == c
                if p && g { tp += 1 } else if p { fp += 1 } else if g { fn += 1 }
            }
            let prec = tp + fp == 0 ? 0 : Double(tp) / Double(tp + fp)
            let rec = tp + fn == 0 ? 0 : Double(tp) / Double(tp + fn)
            f1s.append(prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec))
        }
        return Report(count: n, accuracy: Double(right) / Double(n), macroF1: f1s.reduce(0, +) / 3,
                      pearson: pearson(predicted, gold.map(\.score)))
    }

    public static func pearson(_ a: [Double], _ b: [Double]) -> Double {
        let n = Double(a.count)
        guard a.count == b.count, a.count > 1 else { return 0 }
        let ma = a.reduce(0, +) / n, mb = b.reduce(0, +) / n
        var c = 0.0, va = 0.0, vb = 0.0
        for k in 0..<a.count { let x = a[k] - ma, y = b[k] - mb; c += x * y; va += x * x; vb += y * y }
        return va == 0 || vb == 0 ? 0 : c / (va * vb).squareRoot()
    }
}
