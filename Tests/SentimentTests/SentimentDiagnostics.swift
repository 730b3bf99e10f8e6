import Foundation
import StageKit
import Testing
@testable import SentimentStage

/// Development aids, each switched on by an environment variable and silent otherwise:
/// - SENTIMENT_ABLATION=1: figures with each rule switched off (the README's table);
/// - SENTIMENT_LEXICONS=<dir>: figures for every `*.tsv` lexicon in that folder;
/// - SENTIMENT_WHOLE=1: figures with each text taken as one sentence;
/// - SENTIMENT_PROBE=<file>: each line's score and token valences.
@Suite struct SentimentDiagnostics {
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
        off("no bare exclamation") { $0.bareExclamation = false }
        off("no scare quotes") { $0.scareQuotes = false }
        off("no repetition") { $0.repetition = false }
        off("no conditional") { $0.conditional = 1 }
        for (name, s) in variants {
            let a = TestSupport.analyzer.with(s)
            let t = try SentimentEvaluation.evaluate(tweets, stage: a)
            let m = try SentimentEvaluation.evaluate(movies, stage: a)
            print("ABLATION \(name): tweets \(t) | movies \(m)")
        }
    }
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

    @Test func probe_whenFileGiven_printsScores() throws {
        guard let path = ProcessInfo.processInfo.environment["SENTIMENT_PROBE"],
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        let a = TestSupport.analyzer
        for line in text.split(separator: "\n") {
            let s = String(line)
            let r = a.analyze(text: s, sentences: SentimentEvaluation.splitSentences(s))
            var toks: [Token] = []
            var tk = Tokenizer(lexicon: a.lexicon)
            var sc = SentenceScorer(lexicon: a.lexicon, settings: a.settings)
            var detail = ""
            for sen in SentimentEvaluation.splitSentences(s) {
                Document(text: s).withUTF8 { buf in tk.tokenize(UnsafeBufferPointer(rebasing: buf[sen.start..<sen.end]), into: &toks) }
                let raw = sc.score(toks).raw
                detail += " [raw \(String(format: "%.2f", raw)):"
                for (k, v) in sc.valence.enumerated() where v != 0 { detail += " \(k)=\(String(format: "%.2f", v))" }
                detail += "]"
            }
            print(String(format: "PROBE %.3f", r.score), s, "|", detail)
        }
    }
}
