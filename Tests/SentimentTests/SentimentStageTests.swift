import Foundation
import StageKit
import Testing
@testable import SentimentStage

/// The factory, its options, the document score and the stage on the seed article.
@Suite struct SentimentStageTests {
    @Test func factory_declaresNameFieldsAndBundle() {
        let f = SentimentFactory()
        #expect(f.name == "sentiment")
        #expect(f.requires == [.sentences])
        #expect(f.provides == [.sentiment])
        #expect(f.resourceBundle == "textpiped_SentimentPlugin.resources")
        #expect(f.options.map(\.name) == ["lexicon", "words", "positive_threshold", "negative_threshold", "alpha", "ignore_entities", "targets", "target_labels"])
    }

    @Test func makeStage_withoutResourceDirectory_throwsConfigIssue() {
        let f = SentimentFactory()
        #expect(throws: ConfigIssue.self) {
            _ = try f.makeStage(options: StageOptions(specs: f.options, node: nil), context: StageContext(resourceDirectory: nil, configDirectory: "/tmp"))
        }
    }

    @Test func makeStage_withMissingLexiconFile_namesThePath() throws {
        let node = TestSupport.mapping([("lexicon", TestSupport.scalar("no-such-lexicon.tsv", line: 3))])
        do {
            _ = try TestSupport.make(node)
            Issue.record("expected a ConfigIssue")
        } catch let issue as ConfigIssue {
            #expect(issue.message.contains("/tmp/no-such-lexicon.tsv"))
            #expect(issue.mark?.line == 3)
        }
    }

    @Test func lexiconOption_replacesTheBuiltInLexicon() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("snt-lex-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        let path = dir.appendingPathComponent("mine.tsv").path
        try "# my words\nblorp\t3\ngood\t-2\nrather nice\t2.5\n".write(toFile: path, atomically: true, encoding: .utf8)
        let a = try TestSupport.make(TestSupport.mapping([("lexicon", TestSupport.scalar(path))]))
        #expect(TestSupport.score("so blorp", a) > 0.5)
        #expect(TestSupport.score("good", a) < 0)
        #expect(TestSupport.score("terrible", a) == 0)          // not in this lexicon
        #expect(TestSupport.score("a rather nice day", a) > 0.5) // phrase from the file
    }

    @Test func lexiconFile_withBadLine_throwsConfigIssue() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("snt-bad-\(getpid()).tsv").path
        try "good\tvery\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ConfigIssue.self) { _ = try TestSupport.make(TestSupport.mapping([("lexicon", TestSupport.scalar(path))])) }
        try "good\t7\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ConfigIssue.self) { _ = try TestSupport.make(TestSupport.mapping([("lexicon", TestSupport.scalar(path))])) }
    }

    @Test func wordsOption_addsAndOverridesWordsAndPhrases() throws {
        let words = TestSupport.mapping([
            ("textpiped", TestSupport.scalar("3.5")),
            ("great", TestSupport.scalar("0")),
            ("Blue Screen", TestSupport.scalar("-3")),
        ])
        let a = try TestSupport.make(TestSupport.mapping([("words", words)]))
        #expect(TestSupport.score("I use textpiped", a) > 0.5)
        #expect(TestSupport.score("great", a) == 0)
        #expect(TestSupport.score("another blue screen today", a) < -0.5)
        #expect(TestSupport.score("not textpiped", a) < 0)     // rules apply to added words too
    }

    @Test(arguments: [
        ("[1, 2]", 4),          // not a mapping
        ("words-bad-value", 6), // value not a number
        ("words-out-of-range", 7),
    ])
    func wordsOption_invalid_throwsConfigIssueAtTheNode(kind: String, line: Int) {
        let node: ConfigNode
        switch kind {
        case "[1, 2]":
            node = ConfigNode(.sequence([TestSupport.scalar("1")]), mark: SourceMark(file: "test.yaml", line: line, column: 10))
        case "words-bad-value":
            node = TestSupport.mapping([("meh", ConfigNode(.scalar("lots", plain: true), mark: SourceMark(file: "test.yaml", line: line, column: 12)))])
        default:
            node = TestSupport.mapping([("meh", ConfigNode(.scalar("9", plain: true), mark: SourceMark(file: "test.yaml", line: line, column: 12)))])
        }
        do {
            _ = try TestSupport.make(TestSupport.mapping([("words", node)]))
            Issue.record("expected a ConfigIssue")
        } catch let issue as ConfigIssue {
            #expect(issue.mark?.line == line, "\(issue)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func wordsOption_severalProblems_areReportedTogether() {
        let node = TestSupport.mapping([
            ("a", TestSupport.scalar("x", line: 2)),
            ("b", TestSupport.scalar("12", line: 3)),
        ])
        #expect(throws: ConfigIssues.self) { _ = try TestSupport.make(TestSupport.mapping([("words", node)])) }
    }

    @Test func thresholds_decideTheLabels() throws {
        let a = try TestSupport.make(TestSupport.mapping([
            ("positive_threshold", TestSupport.scalar("0.6")), ("negative_threshold", TestSupport.scalar("-0.6")),
        ]))
        let text = "The day was good."
        let r = a.analyze(text: text, sentences: [Sentence(start: 0, end: text.utf8.count, block: 0)])
        #expect(r.score > 0.05 && r.score < 0.6)
        #expect(r.label == "neutral")
        #expect(TestSupport.analyzer.label(r.score) == "positive")
    }

    @Test func alpha_changesOnlyTheScale() throws {
        let a = try TestSupport.make(TestSupport.mapping([("alpha", TestSupport.scalar("1"))]))
        #expect(TestSupport.score("good", a) > TestSupport.score("good"))
        #expect(TestSupport.score("good", a) < 1)
    }

    @Test func process_scoresEverySentenceAndTheDocument() throws {
        let text = "I love this phone. The battery is terrible. It arrived on Monday."
        var doc = Document(text: text)
        doc.sentences = SentimentEvaluation.splitSentences(text)
        try TestSupport.analyzer.process(&doc)
        let r = try #require(doc.sentiment)
        #expect(r.sentences.map(\.index) == [0, 1, 2])
        #expect(r.sentences.map(\.label) == ["positive", "negative", "neutral"])
        #expect(r.sentences[2].score == 0)
        // The document score is the normalised sum of the sentence sums.
        #expect(r.score > -1 && r.score < 1)
    }

    @Test func documentScore_isNormalisedSumOfSentenceValences() throws {
        let a = TestSupport.analyzer
        let one = "The food was good."
        let two = "The food was good. The staff were good."
        let r1 = a.analyze(text: one, sentences: SentimentEvaluation.splitSentences(one))
        let r2 = a.analyze(text: two, sentences: SentimentEvaluation.splitSentences(two))
        // Two mildly positive sentences make a more positive document than either.
        #expect(r2.score > r1.score)
        #expect(r2.sentences[0].score == r1.score)
        // One strong negative sentence outweighs one mild positive one.
        let mixed = "The food was okay. The service was absolutely horrible!"
        let r3 = a.analyze(text: mixed, sentences: SentimentEvaluation.splitSentences(mixed))
        #expect(r3.label == "negative")
    }

    @Test func process_withoutSentences_scoresTheWholeText() throws {
        var doc = Document(text: "What a wonderful day")
        try TestSupport.analyzer.process(&doc)
        #expect(doc.sentiment?.label == "positive")
        #expect(doc.sentiment?.sentences.isEmpty == true)
    }

    @Test func process_withSentencesOutsideTheText_doesNotCrash() throws {
        var doc = Document(text: "good")
        doc.sentences = [Sentence(start: 2, end: 99, block: 0), Sentence(start: 50, end: 60, block: 0)]
        try TestSupport.analyzer.process(&doc)
        #expect(doc.sentiment?.sentences.count == 2)
    }

    @Test func process_onInvalidUTF8Boundaries_doesNotCrash() throws {
        let text = "Tout était très bien 😀 — “magnifique”"
        var doc = Document(text: text)
        let n = text.utf8.count
        doc.sentences = (0..<n).map { Sentence(start: $0, end: min(n, $0 + 3), block: 0) }
        try TestSupport.analyzer.process(&doc)
        #expect(doc.sentiment?.sentences.count == n)
    }
}
