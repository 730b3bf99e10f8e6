import StageKit
import Testing

/// Pairs declared by the markup (`Document.declaredFAQ`, from JSON-LD or microdata) are ground truth.
struct DeclaredFAQTests {
    static func pair(_ q: String, _ a: String) -> FAQPair { FAQPair(question: q, answer: a, questionSpan: nil, answerSpan: nil) }

    @Test func declaredPairs_foundInTheText_getTheirSpans_andAreNotRepeated() throws {
        var doc = BlockDocument.make([
            .h(2, "FAQ"), .h(3, "Is a helmet included?"), .p("Yes, every rental includes a helmet."),
            .h(3, "What if the battery runs out?"), .p("You can still pedal."),
        ])
        doc.declaredFAQ = [Self.pair("Is a helmet included?", "Yes, every rental includes a helmet."),
                           Self.pair("What if the battery runs out?", "You can still pedal.")]
        let pairs = try StageRunner.pairs(doc)
        #expect(pairs.map { [$0.question, $0.answer] } == [["Is a helmet included?", "Yes, every rental includes a helmet."],
                                                            ["What if the battery runs out?", "You can still pedal."]])
        for p in pairs {
            #expect(doc.slice(p.questionSpan!.start, p.questionSpan!.end) == p.question)
            #expect(doc.slice(p.answerSpan!.start, p.answerSpan!.end) == p.answer)
        }
    }

    @Test func declaredPair_withQuestionHiddenInAButton_keepsTheDeclaredQuestion_andLocatesTheAnswer() throws {
        // clean drops <button> text, so only the answer is visible.
        var doc = BlockDocument.make([.h(1, "Rent an e-bike"), .p("No. Our e-bikes are limited to 25 km/h.")])
        doc.declaredFAQ = [Self.pair("Do I need a licence?", "No.  Our e-bikes are\nlimited to 25 km/h.")]
        let p = try #require(try StageRunner.pairs(doc).first)
        #expect(p.question == "Do I need a licence?")
        #expect(p.questionSpan == nil)
        #expect(p.answer == "No. Our e-bikes are limited to 25 km/h.")
        #expect(doc.slice(p.answerSpan!.start, p.answerSpan!.end) == p.answer)
    }

    @Test func declaredPair_notInTheText_hasNoSpans() throws {
        var doc = BlockDocument.make([.p("Welcome to our shop.")])
        doc.declaredFAQ = [Self.pair("Do you ship abroad?", "Yes, to 30 countries.")]
        #expect(try StageRunner.pairs(doc) == [Self.pair("Do you ship abroad?", "Yes, to 30 countries.")])
    }

    @Test func declaredAnswer_withHTMLTags_isReadAsText() throws {
        var doc = BlockDocument.make([.h(3, "How long is a card valid?"), .p("Cards are valid for three years.")])
        doc.declaredFAQ = [Self.pair("How long is a card valid?", "<p>Cards are valid for <strong>three years</strong>.</p>")]
        let p = try #require(try StageRunner.pairs(doc).first)
        #expect(p.answer == "Cards are valid for three years.")
        #expect(p.answerSpan != nil)
    }

    @Test func pairsFoundInTheText_thatAreNotDeclared_areKeptInTextOrder() throws {
        var doc = BlockDocument.make([
            .h(2, "FAQ"), .h(3, "Can I pay by card?"), .p("Yes, all major cards."),
            .h(3, "Do you deliver on Sundays?"), .p("No."),
        ])
        doc.declaredFAQ = [Self.pair("Do you deliver on Sundays?", "No.")]
        #expect(try StageRunner.qa(doc) == [["Can I pay by card?", "Yes, all major cards."], ["Do you deliver on Sundays?", "No."]])
    }

    @Test func declaredPairs_areDeduplicated_andWinOverTheTextAnswer() throws {
        var doc = BlockDocument.make([.h(2, "FAQ"), .h(3, "Is it free?"), .p("Yes."), .p("Donations are welcome.")])
        doc.declaredFAQ = [Self.pair("Is it free?", "Yes."), Self.pair("Is it free?", "Yes.")]
        #expect(try StageRunner.qa(doc) == [["Is it free?", "Yes."]])
    }

    @Test func declaredPairs_withoutBlocks_areStillOutput() throws {
        var doc = Document(text: "")
        doc.declaredFAQ = [Self.pair("Q?", "A.")]
        #expect(try StageRunner.qa(doc) == [["Q?", "A."]])
    }
}

extension DeclaredFAQTests {
    @Test func declaredQuestion_isLocatedWhereItStandsAlone_notInAContentsLine() throws {
        var doc = BlockDocument.make([
            .p("Contents: Is a helmet included? · Prices"), .h(3, "Is a helmet included?"), .p("Yes, always."),
        ])
        doc.declaredFAQ = [Self.pair("Is a helmet included?", "Yes, always.")]
        let p = try #require(try StageRunner.pairs(doc).first)
        let heading = try #require(doc.blocks?[1])
        #expect(p.questionSpan == Span(start: heading.start, end: heading.end))
        #expect(doc.slice(p.answerSpan!.start, p.answerSpan!.end) == "Yes, always.")
    }
}
