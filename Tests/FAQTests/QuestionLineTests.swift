import StageKit
import Testing

/// Bold, numbered and plain question lines (not headings).
struct QuestionLineTests {
    static let expected = [["How long does shipping take?", "Three to five days."],
                           ["Can I return an item?", "Yes, within 30 days."]]

    @Test(arguments: [
        ("bold", "**How long does shipping take?**\nThree to five days.\n**Can I return an item?**\nYes, within 30 days."),
        ("underscore bold", "__How long does shipping take?__\nThree to five days.\n__Can I return an item?__\nYes, within 30 days."),
        ("plain (bold removed by clean)", "How long does shipping take?\nThree to five days.\nCan I return an item?\nYes, within 30 days."),
        ("numbered", "1. How long does shipping take?\nThree to five days.\n2. Can I return an item?\nYes, within 30 days."),
        ("numbered paren", "1) How long does shipping take?\nThree to five days.\n2) Can I return an item?\nYes, within 30 days."),
        ("bullets", "- How long does shipping take?\nThree to five days.\n- Can I return an item?\nYes, within 30 days."),
    ])
    func questionLines_inFAQSection_givePairs(name: String, body: String) throws {
        let doc = TestDocument.make("# Shop\nWelcome.\n## Shipping FAQs\n\(body)\n## About us\nWe sell things.")
        #expect(try StageRunner.qa(doc) == Self.expected, "\(name)")
    }

    @Test func boldQuestionLines_inOneParagraphBlock_areSplit() throws {
        let doc = TestDocument.make("## FAQ\n**How long does shipping take?**\nThree to five days.\n\n**Can I return an item?**\nYes, within 30 days.", paragraphs: true)
        #expect(try StageRunner.qa(doc) == Self.expected)
    }

    @Test func boldQuestionLines_twoInOneSection_formARunOutsideFAQ() throws {
        let doc = TestDocument.make("# Shop news\nWe moved.\n**How long does shipping take?**\nThree to five days.\n**Can I return an item?**\nYes, within 30 days.")
        #expect(try StageRunner.qa(doc) == Self.expected)
    }

    @Test func singleQuestionLine_outsideFAQ_isIgnoredByDefault_andTakenWithAll() throws {
        let doc = TestDocument.make("# Markets\nStocks rose today.\n**So what happens next?**\nNobody knows.\n## Outlook\nCalm.")
        #expect(try StageRunner.qa(doc).isEmpty)
        #expect(try StageRunner.qa(doc, ["question_lines": .s("all")]) == [["So what happens next?", "Nobody knows."]])
    }

    @Test func questionLinesNone_ignoresThemEvenInFAQ() throws {
        let doc = TestDocument.make("## FAQ\n**How long does shipping take?**\nThree to five days.\n**Can I return an item?**\nYes, within 30 days.")
        #expect(try StageRunner.qa(doc, ["question_lines": .s("none")]).isEmpty)
    }

    @Test(arguments: ["faq_sections", "all"])
    func listOfQuestionsWithoutAnswers_givesNoPairs(mode: String) throws {
        let doc = TestDocument.make("## FAQ\nBefore buying, ask yourself:\n- Do you need it?\n- Can you afford it?\n- Will you use it?\nThen decide.")
        #expect(try StageRunner.qa(doc, ["question_lines": .s(mode)]).isEmpty)
    }

    @Test func multiSentenceParagraphEndingWithQuestion_isNotAQuestionLine() throws {
        let doc = TestDocument.make("## FAQ\nPrices went up. Is that fair?\nWe think so.\nRates fell. Will they rise?\nMaybe.")
        #expect(try StageRunner.qa(doc).isEmpty)
    }

    @Test func questionLine_answerStopsAtAnyHeading() throws {
        let doc = TestDocument.make("## FAQ\n**How long does shipping take?**\nThree to five days.\n#### Note\nHolidays are slower.")
        #expect(try StageRunner.qa(doc) == [["How long does shipping take?", "Three to five days."]])
    }

    @Test func questionLine_spansExcludeMarkers() throws {
        let doc = TestDocument.make("## FAQ\n**How long does shipping take?**\nThree to five days.\n3. Can I return an item?\nYes, within 30 days.")
        for p in try StageRunner.pairs(doc) {
            #expect(doc.slice(p.questionSpan!.start, p.questionSpan!.end) == p.question)
        }
        #expect(try StageRunner.qa(doc) == Self.expected)
    }

    @Test func boldQuestion_withAnswerOnTheSameLine_isSplit() throws {
        let doc = TestDocument.make("## FAQ\n**How long does shipping take?** Three to five days.\n**Can I return an item?** Yes, within 30 days.")
        #expect(try StageRunner.qa(doc) == Self.expected)
    }

    @Test func boldLabelledQuestion_withInlineAnswer_isSplit() throws {
        let doc = TestDocument.make("**Q: How long does shipping take?** A: Three to five days.")
        #expect(try StageRunner.qa(doc) == [Self.expected[0]])
    }

    @Test(arguments: ["Still have questions?", "**Still have questions?**", "Was this article helpful?", "Can’t find what you need?"])
    func contactPrompt_isNoQuestion_andEndsThePreviousAnswer(prompt: String) throws {
        let doc = TestDocument.make("## FAQ\n**How long does shipping take?**\nThree to five days.\n**Can I return an item?**\nYes, within 30 days.\n\(prompt)\nCall us on 555-0100.")
        #expect(try StageRunner.qa(doc) == Self.expected, "\(prompt)")
    }

    @Test func ignoreQuestionsOption_addsPrompts() throws {
        let doc = TestDocument.make("## FAQ\n### How long does shipping take?\nThree to five days.\n### Wondering about anything else?\nMail us.")
        #expect(try StageRunner.qa(doc).count == 2)
        #expect(try StageRunner.qa(doc, ["ignore_questions": .list(["Wondering about"])]) == [Self.expected[0]])
    }
}
