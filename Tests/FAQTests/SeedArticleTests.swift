import Foundation
import StageKit
import Testing

/// The product's first fixture: a news article with a rhetorical title and heading, then an FAQ section
/// with four `Q:`/`A:` pairs followed by a "Pro Tip:" paragraph and a footer.
struct SeedArticleTests {
    static let text: String = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Fixtures/seed_article.txt")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }()

    static let title = "Behind Closed Doors in Davos: Are Backchannel Talks Signaling a Shift in the Ukraine Conflict?"
    static let rhetorical = "What Does This Mean for the Future?"

    static let expected: [[String]] = [
        ["What is the role of Jared Kushner in these talks?",
         "Kushner, while no longer in office, maintains close ties to Donald Trump and is believed to be conveying Trump’s views on the conflict."],
        ["Is the US excluding European allies from these negotiations?",
         "There are concerns among European allies that the US might pursue a unilateral approach to negotiations, potentially sidelining their interests."],
        ["What is Russia’s stated position on a peace agreement?",
         "Kirill Dmitriev stated that “more and more people understand the justice of the Russian position,” suggesting Russia believes its concerns are gaining wider acceptance."],
        ["What are the biggest obstacles to a peace agreement?",
         "Key obstacles include disagreements over territorial control, security guarantees for Ukraine, and the future of sanctions against Russia."],
    ]

    /// Segment's plain-text headings; `nested` puts the title at level 1 and the rest at level 2.
    static func headings(nested: Bool) -> [String: Int] {
        let sub = nested ? 2 : 1
        return [title: 1, "The Players and the Stakes": sub, "Trump’s Shadow and European Concerns": sub,
                "The Role of Backchannel Diplomacy": sub, rhetorical: sub, "FAQ": sub]
    }

    static func document(nested: Bool = false, labelKinds: Bool = true) -> Document {
        TestDocument.make(text, headings: headings(nested: nested), labelKinds: labelKinds)
    }

    @Test func seed_fixtureIsPresent() {
        #expect(Self.text.utf8.count > 5000)
    }

    @Test(arguments: [(false, true), (true, true), (false, false), (true, false)])
    func seed_byDefault_givesExactlyTheFourPairs(nested: Bool, labelKinds: Bool) throws {
        let qa = try StageRunner.qa(Self.document(nested: nested, labelKinds: labelKinds))
        #expect(qa == Self.expected)
    }

    @Test func seed_spansCoverExactlyTheQuestionAndAnswerText() throws {
        let doc = Self.document()
        let pairs = try StageRunner.pairs(doc)
        #expect(pairs.count == 4)
        for p in pairs {
            let q = try #require(p.questionSpan), a = try #require(p.answerSpan)
            #expect(doc.slice(q.start, q.end) == p.question)
            #expect(doc.slice(a.start, a.end) == p.answer)
        }
    }

    @Test func seed_lastAnswer_endsBeforeProTip() throws {
        let pairs = try StageRunner.pairs(Self.document())
        #expect(pairs.last?.answer == "Key obstacles include disagreements over territorial control, security guarantees for Ukraine, and the future of sanctions against Russia.")
    }

    @Test(arguments: ["faq_sections", "none"])
    func seed_rhetoricalHeadings_areNotQuestions(headings: String) throws {
        let questions = try StageRunner.pairs(Self.document(), ["headings": .s(headings)]).map(\.question)
        #expect(!questions.contains(Self.rhetorical))
        #expect(!questions.contains(Self.title))
    }

    @Test func seed_withHeadingsAll_addsRhetoricalHeadings() throws {
        let pairs = try StageRunner.pairs(Self.document(), ["headings": .s("all")])
        #expect(pairs.map(\.question) == [Self.title, Self.rhetorical] + Self.expected.map { $0[0] })
        let future = try #require(pairs.first { $0.question == Self.rhetorical })
        #expect(future.answer.hasPrefix("The Davos meeting doesn’t guarantee a breakthrough"))
        #expect(future.answer.hasSuffix("challenges of achieving a lasting peace in the region."))
        #expect(Array(pairs.suffix(4)).map { [$0.question, $0.answer] } == Self.expected)
    }

    @Test func seed_asOneParagraphBlockAfterFAQ_stillGivesTheFourPairs() throws {
        // A segmenter that keeps the FAQ lines together as one paragraph block.
        var doc = Self.document()
        let blocks = try #require(doc.blocks)
        let faq = try #require(blocks.firstIndex { doc.slice($0.start, $0.end) == "FAQ" })
        let merged = Block(start: blocks[faq + 1].start, end: blocks.last!.end, kind: .paragraph)
        doc.blocks = Array(blocks[...faq]) + [merged]
        doc.sentences = TestDocument.sentences(doc.text, doc.blocks!)
        #expect(try StageRunner.qa(doc) == Self.expected)
    }

    @Test func seed_whenSegmentTookTheLabelledLinesForHeadings_stillGivesTheFourPairs() throws {
        var heads = Self.headings(nested: false)
        for line in Self.text.split(separator: "\n") where line.hasPrefix("Q: ") || line.hasPrefix("A: ") { heads[String(line)] = 1 }
        #expect(try StageRunner.qa(TestDocument.make(Self.text, headings: heads)) == Self.expected)
    }
}
