import Foundation
import StageKit
import SegmentStage
import SentimentStage

/// The sentiment stage's scores for `make eval`: three-class accuracy, macro-F1 and Pearson r against
/// the human ratings of `sentiment_tweets.jsonl` and `sentiment_movie_reviews.jsonl`, beside the
/// reference tools' published figures, with the targets of issue 5 and PASS/FAIL.
///
/// What is measured is what the daemon does: each record is one document, its sentences come from the
/// real `segment` stage and it is scored by the `sentiment` stage, both with default options and the
/// repository's data files.
enum SentimentEval {
    /// Figures of a reference tool on one set (nil where not measured).
    struct Reference { var name: String; var accuracy: Double; var macroF1: Double?; var pearson: Double }

    struct EvalSet {
        var file: String
        var title: String
        var minAccuracy: Double
        var minPearson: Double
        var references: [Reference]
    }

    static let sets: [EvalSet] = [
        EvalSet(file: "sentiment_tweets.jsonl", title: "tweets", minAccuracy: 0.90, minPearson: 0.88, references: [
            Reference(name: "VADER 3.3.2", accuracy: 0.899, macroF1: 0.740, pearson: 0.872),
            Reference(name: "TextBlob 0.20.1", accuracy: 0.695, macroF1: nil, pearson: 0.697),
        ]),
        EvalSet(file: "sentiment_movie_reviews.jsonl", title: "movie-review sentences", minAccuracy: 0.60, minPearson: 0.50, references: [
            Reference(name: "VADER 3.3.2", accuracy: 0.553, macroF1: 0.406, pearson: 0.427),
            Reference(name: "TextBlob 0.20.1", accuracy: 0.516, macroF1: nil, pearson: 0.409),
        ]),
    ]

    static func run(_ ctx: EvalContext) throws {
        let segment = try ctx.defaultStage(SegmentFactory(), folder: "Segment")
        let sentiment = try ctx.defaultStage(SentimentFactory(), folder: "Sentiment")
        print("  pipeline: segment → sentiment (default options); three classes at ±0.05; r = Pearson with the human mean")
        func row(_ name: String, _ acc: Double, _ f1: Double?, _ r: Double) -> String {
            func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
            return "    " + pad(name, 22) + pad(EvalContext.f3(acc), 10) + pad(f1.map(EvalContext.f3) ?? "-", 10) + EvalContext.f3(r)
        }
        for set in sets {
            guard let path = ctx.evalFile(set.file) else { continue }
            let records = try SentimentEvaluation.load(jsonl: path)
            let started = Date()
            let report = try SentimentEvaluation.evaluate(records, pipeline: [segment, sentiment])
            let seconds = Date().timeIntervalSince(started)
            print("  \(set.title) (\(set.file), n=\(report.count), \(String(format: "%.2f", seconds)) s)")
            print("    " + "".padding(toLength: 22, withPad: " ", startingAt: 0) + "accuracy  macro-F1  r")
            print(row("textpiped sentiment", report.accuracy, report.macroF1, report.pearson))
            for ref in set.references { print(row(ref.name, ref.accuracy, ref.macroF1, ref.pearson)) }
            let pass = report.accuracy >= set.minAccuracy && report.pearson >= set.minPearson
            let right = Int((report.accuracy * Double(report.count)).rounded())
            print("    target: accuracy ≥ \(EvalContext.f3(set.minAccuracy)) and r ≥ \(EvalContext.f3(set.minPearson))  →  \(pass ? "PASS" : "FAIL")"
                  + "  (\(right) of \(report.count) right, r = \(String(format: "%.4f", report.pearson)))")
        }
    }
}
