import Foundation
import StageKit
import Testing
@testable import SentimentStage

/// The product's first fixture, lines taken as sentences (the real `segment` stage splits further).
@Suite struct SeedArticleTests {
    static let text = try! String(contentsOfFile: TestSupport.repoRoot + "/Tests/Fixtures/seed_article.txt", encoding: .utf8)

    /// Every line as a sentence, and every sentence of the simple splitter.
    static func result(_ sentences: [Sentence]) throws -> SentimentResult {
        var doc = Document(text: text)
        doc.sentences = sentences
        try TestSupport.analyzer.process(&doc)
        return try #require(doc.sentiment)
    }

    static func sentenceScores() throws -> [(String, SentimentResult.SentenceScore)] {
        let spans = SentimentEvaluation.splitSentences(text)
        let r = try result(spans)
        let d = Document(text: text)
        return zip(spans, r.sentences).map { (d.slice($0.start, $0.end), $1) }
    }

    static func score(containing needle: String) throws -> SentimentResult.SentenceScore {
        try #require(try sentenceScores().first(where: { $0.0.contains(needle) })?.1, "no sentence with \(needle)")
    }

    @Test(arguments: [
        "described as “very positive” and “constructive” by both sides",
        "paved the way for the Agreed Framework",
        "there are efforts underway to explore alternative pathways to peace",
    ])
    func seed_positiveSentences_arePositive(needle: String) throws {
        #expect(try Self.score(containing: needle).label == "positive")
    }

    @Test(arguments: [
        "devastating consequences",
        "Lack of transparency can breed mistrust",
        "ultimately failed due to a lack of trust",
        "growing fear that the US might pressure Ukraine",
        "However, it also carries risks.",
    ])
    func seed_negativeSentences_areNegative(needle: String) throws {
        #expect(try Self.score(containing: needle).label == "negative")
    }

    @Test(arguments: ["Q: What is the role of Jared Kushner in these talks?", "FAQ"])
    func seed_plainQuestionsAndHeadings_areNeutral(needle: String) throws {
        #expect(try Self.score(containing: needle).label == "neutral")
    }

    @Test func seed_byLines_everyLineScoredInRange() throws {
        let b = Array(Self.text.utf8)
        var spans: [Sentence] = []
        var start = 0
        for (i, c) in b.enumerated() where c == 10 {
            if i > start { spans.append(Sentence(start: start, end: i, block: spans.count)) }
            start = i + 1
        }
        if start < b.count { spans.append(Sentence(start: start, end: b.count, block: spans.count)) }
        let r = try Self.result(spans)
        #expect(r.sentences.count == spans.count)
        #expect(r.sentences.allSatisfy { $0.score >= -1 && $0.score <= 1 })
        #expect(r.sentences.contains { $0.label == "positive" } && r.sentences.contains { $0.label == "negative" })
        print("seed article document: \(r.label) \(r.score)")
    }
}
