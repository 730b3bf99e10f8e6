import Foundation
import StageKit
import Testing
@testable import SentimentStage

/// Human-rated sets from VADER's authors (Hutto & Gilbert 2014). Each text is one document; the
/// document score comes from the sentences of a simple splitter. Floors are the figures reached.
@Suite struct SentimentEvaluationTests {
    static func run(_ file: String) throws -> SentimentEvaluation.Report {
        let records = try SentimentEvaluation.load(jsonl: TestSupport.fixtures + "/" + file)
        let report = try SentimentEvaluation.evaluate(records, stage: TestSupport.analyzer)
        // For development: SENTIMENT_DUMP=dir writes one predicted score per line.
        if let dir = ProcessInfo.processInfo.environment["SENTIMENT_DUMP"] {
            let lines = records.map { r -> String in
                var d = Document(text: r.text)
                d.sentences = SentimentEvaluation.splitSentences(r.text)
                try? TestSupport.analyzer.process(&d)
                return String(d.sentiment?.score ?? 0)
            }
            try lines.joined(separator: "\n").write(toFile: dir + "/" + file + ".pred", atomically: true, encoding: .utf8)
        }
        print("sentiment eval \(file): \(report)")
        return report
    }

    /// VADER 3.3.2: accuracy 0.899, macro-F1 0.740, r 0.872. Reached with this simple splitter:
    /// 0.899 / 0.739 / 0.878 (with `segment`, as `make eval` measures: see the README).
    @Test func evaluation_onTweets_reachesVadersCorrelation() throws {
        let r = try Self.run("sentiment_tweets.jsonl")
        #expect(r.count == 4200)
        #expect(r.accuracy >= 0.895)
        #expect(r.macroF1 >= 0.735)
        #expect(r.pearson >= 0.875)
    }

    /// VADER 3.3.2: accuracy 0.553, macro-F1 0.406, r 0.427. Reached: 0.625 / 0.458 / 0.535.
    @Test func evaluation_onMovieReviewSentences_beatsVader() throws {
        let r = try Self.run("sentiment_movie_reviews.jsonl")
        #expect(r.count == 10605)
        #expect(r.accuracy >= 0.62)
        #expect(r.macroF1 >= 0.455)
        #expect(r.pearson >= 0.53)
    }

    @Test func report_computesAccuracyMacroF1AndPearson() {
        let gold = [("a", 0.5, "positive"), ("b", -0.5, "negative"), ("c", 0.0, "neutral"), ("d", 0.4, "positive")]
            .map { SentimentEvaluation.Record(text: $0.0, score: $0.1, label: $0.2) }
        let r = SentimentEvaluation.report(predicted: [0.6, -0.4, 0.1, 0.3], labels: ["positive", "negative", "positive", "positive"], gold: gold)
        #expect(r.accuracy == 0.75)
        // positive F1 = 0.8, negative 1, neutral 0.
        #expect(abs(r.macroF1 - 0.6) < 1e-9)
        #expect(r.pearson > 0.95)
        #expect(SentimentEvaluation.pearson([1, 2, 3], [3, 2, 1]) == -1)
    }

    @Test(arguments: [
        ("One. Two! Three? Four", 4),
        ("Dr. Who arrived.", 2),            // a simple splitter: abbreviations split
        ("Wait... what?! No.", 3),
        ("He said \"yes.\" Then left.", 2),
        ("line one\nline two", 2),
        ("", 0),
    ])
    func splitSentences_splitsAfterMarksAndLines(text: String, count: Int) {
        let s = SentimentEvaluation.splitSentences(text)
        #expect(s.count == count, "\(text)")
        let d = Document(text: text)
        #expect(s.allSatisfy { !d.slice($0.start, $0.end).hasPrefix(" ") && !d.slice($0.start, $0.end).hasSuffix(" ") })
    }
}

