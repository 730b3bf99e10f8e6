import StageKit
import Testing

/// `.question`/`.answer` blocks that `clean` makes from `<dl><dt><dd>` and `<details><summary>`.
struct MarkupPairTests {
    typealias P = BlockDocument.Part

    @Test func definitionList_eachTermAndDescription_isAPair() throws {
        let doc = BlockDocument.make([
            .h(1, "Library card"), .p("Free for residents."), .h(2, "FAQ"),
            .q("How do I get a card?"), .a("Bring a photo ID."),
            .q("How many books can I borrow?"), .a("Up to 20 items."),
            .h(2, "Opening hours"), .p("Daily 9 to 19."),
        ])
        #expect(try StageRunner.qa(doc) == [["How do I get a card?", "Bring a photo ID."],
                                              ["How many books can I borrow?", "Up to 20 items."]])
    }

    @Test func markupAnswer_ofSeveralParagraphsAndAList_isKeptWhole() throws {
        let doc = BlockDocument.make([
            .q("What is included?"), .a("Every site comes with:"), .li("a fire ring"), .li("a table"), .a("Firewood is sold at the store."),
            .q("When are quiet hours?"), .a("From 22:00 to 7:00."), .p("Thanks for visiting."),
        ])
        let pairs = try StageRunner.pairs(doc)
        #expect(pairs.map(\.question) == ["What is included?", "When are quiet hours?"])
        #expect(pairs[0].answer == "Every site comes with:\na fire ring\na table\n\nFirewood is sold at the store.")
        #expect(pairs[1].answer == "From 22:00 to 7:00.")
        for p in pairs {
            #expect(doc.slice(p.questionSpan!.start, p.questionSpan!.end) == p.question)
            #expect(doc.slice(p.answerSpan!.start, p.answerSpan!.end) == p.answer)
        }
    }

    @Test func markupAnswer_listRightAfterLastAnswer_isKeptByTheColonRule() throws {
        let doc = BlockDocument.make([.h(2, "FAQs"), .q("What do I need?"), .a("Bring:"), .li("a towel"), .li("shoes")])
        #expect(try StageRunner.qa(doc) == [["What do I need?", "Bring:\na towel\nshoes"]])
    }

    @Test(arguments: [
        ("FAQ section", [P.h(2, "Frequently Asked Questions"), .q("Warranty"), .a("Two years."), .q("Returns"), .a("Within 30 days.")]),
        ("beside a real question", [P.h(2, "Support"), .q("How do I pair them?"), .a("Hold the button."), .q("Warranty"), .a("Two years.")]),
    ])
    func summaryWithoutQuestionMark_countsInFAQContext(name: String, parts: [P]) throws {
        let questions = try StageRunner.pairs(BlockDocument.make(parts)).map(\.question)
        #expect(questions.contains("Warranty"), "\(name)")
    }

    @Test func glossary_definitionListWithoutQuestions_givesNoPairs() throws {
        let doc = BlockDocument.make([
            .h(1, "Networking glossary"), .q("Latency"), .a("The time a packet needs to travel."),
            .q("Bandwidth"), .a("The data a link carries per second."),
        ])
        #expect(try StageRunner.qa(doc).isEmpty)
    }

    @Test func markupQuestion_withoutAnswerBlock_givesNoPair() throws {
        let doc = BlockDocument.make([.h(2, "FAQ"), .q("Is there parking?"), .h(2, "Contact"), .p("Call us.")])
        #expect(try StageRunner.qa(doc).isEmpty)
    }
}

extension MarkupPairTests {
    @Test func labelledMarkupPair_keepsItsLaterParagraphs() throws {
        let doc = BlockDocument.make([.q("Q: Can I pay later?"), .a("A: Yes, within 30 days."), .a("Interest applies after that."),
                                      .q("Q: Can I pay by card?"), .a("A: Yes.")])
        #expect(try StageRunner.qa(doc) == [["Can I pay later?", "Yes, within 30 days.\n\nInterest applies after that."],
                                              ["Can I pay by card?", "Yes."]])
    }
}
