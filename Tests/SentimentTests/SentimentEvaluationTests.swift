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

    /// VADER 3.3.2: accuracy 0.899, macro-F1 0.740, r 0.872. Reached: 0.894 / 0.732 / 0.878.
    @Test func evaluation_onTweets_reachesVadersCorrelation() throws {
        let r = try Self.run("sentiment_tweets.jsonl")
        #expect(r.count == 4200)
        #expect(r.accuracy >= 0.89)
        #expect(r.macroF1 >= 0.72)
        #expect(r.pearson >= 0.875)
    }

    /// VADER 3.3.2: accuracy 0.553, macro-F1 0.406, r 0.427. Reached: 0.621 / 0.455 / 0.529.
    @Test func evaluation_onMovieReviewSentences_beatsVader() throws {
        let r = try Self.run("sentiment_movie_reviews.jsonl")
        #expect(r.count == 10605)
        #expect(r.accuracy >= 0.615)
        #expect(r.macroF1 >= 0.45)
        #expect(r.pearson >= 0.52)
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

/// With SENTIMENT_ABLATION=1, prints the figures with each rule switched off (for the README).
@Suite struct SentimentAblationTests {
    @Test func ablation_whenRequested_printsFiguresPerRule() throws {
        guard ProcessInfo.processInfo.environment["SENTIMENT_ABLATION"] != nil else { return }
        let tweets = try SentimentEvaluation.load(jsonl: TestSupport.fixtures + "/sentiment_tweets.jsonl")
        let movies = try SentimentEvaluation.load(jsonl: TestSupport.fixtures + "/sentiment_movie_reviews.jsonl")
        var variants: [(String, RuleSettings)] = [("all rules", RuleSettings())]
        func off(_ name: String, _ change: (inout RuleSettings) -> Void) { var s = RuleSettings(); change(&s); variants.append((name, s)) }
        off("no negation") { $0.negation = 1 }
        off("wide negation") { $0.narrowNegation = false }
        off("no caps") { $0.capsBoost = 0 }
        off("no elongation") { $0.elongation = 0 }
        off("no exclamation") { $0.exclamation = 0 }
        off("no question") { $0.question = 1; $0.questions = 0 }
        off("no contrast") { $0.contrastBefore = 1; $0.contrastAfter = 1 }
        off("no concessions") { $0.concessions = false }
        off("no cross-sentence turns") { $0.crossSentenceTurns = false }
        off("no too/less") { $0.excess = 1; $0.tooNegative = 1; $0.lessNegative = 1 }
        off("no attempt") { $0.attempt = 1 }
        off("no counterfactual") { $0.counterfactual = 1 }
        off("like always") { $0.likeAsVerbOnly = false }
        for (name, s) in variants {
            let a = TestSupport.analyzer.with(s)
            let t = try SentimentEvaluation.evaluate(tweets, stage: a)
            let m = try SentimentEvaluation.evaluate(movies, stage: a)
            print("ABLATION \(name): tweets \(t) | movies \(m)")
        }
    }
}

/// With SENTIMENT_LEXICONS=<dir>, prints the figures for every `*.tsv` lexicon in that folder.
@Suite struct SentimentLexiconVariantTests {
    @Test func lexiconVariants_whenRequested_printFigures() throws {
        guard let dir = ProcessInfo.processInfo.environment["SENTIMENT_LEXICONS"] else { return }
        let tweets = try SentimentEvaluation.load(jsonl: TestSupport.fixtures + "/sentiment_tweets.jsonl")
        let movies = try SentimentEvaluation.load(jsonl: TestSupport.fixtures + "/sentiment_movie_reviews.jsonl")
        for f in try FileManager.default.contentsOfDirectory(atPath: dir).sorted() where f.hasSuffix(".tsv") {
            let a = try TestSupport.make(TestSupport.mapping([("lexicon", TestSupport.scalar(dir + "/" + f))]))
            let t = try SentimentEvaluation.evaluate(tweets, stage: a)
            let m = try SentimentEvaluation.evaluate(movies, stage: a)
            print("LEXICON \(f): tweets \(t) | movies \(m)")
        }
    }
}

/// With SENTIMENT_WHOLE=1, prints the figures with each text taken as one sentence.
@Suite struct SentimentWholeTextTests {
    @Test func wholeText_whenRequested_printsFigures() throws {
        guard ProcessInfo.processInfo.environment["SENTIMENT_WHOLE"] != nil else { return }
        for f in ["sentiment_tweets.jsonl", "sentiment_movie_reviews.jsonl"] {
            let records = try SentimentEvaluation.load(jsonl: TestSupport.fixtures + "/" + f)
            var scores: [Double] = [], labels: [String] = []
            for r in records {
                let res = TestSupport.analyzer.analyze(text: r.text, sentences: [Sentence(start: 0, end: r.text.utf8.count, block: 0)])
                scores.append(res.score); labels.append(res.label)
            }
            print("WHOLE \(f): \(SentimentEvaluation.report(predicted: scores, labels: labels, gold: records))")
        }
    }
}
