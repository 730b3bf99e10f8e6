import StageKit
import Testing

/// A block that opens with a question and goes on with its answer (`**How much?** It is free.` once clean
/// has removed the bold markers) counts inside FAQ sections only.
struct InlineQuestionTests {
    @Test func inlineQuestions_inFAQSection_splitIntoQuestionAndAnswer() throws {
        let doc = BlockDocument.make([.h(2, "FAQ"), .p("How much does it cost? The meetup is free. You pay for drinks."),
                                      .p("Which languages are offered? English, Spanish and German.")])
        let pairs = try StageRunner.pairs(doc)
        #expect(pairs.map { [$0.question, $0.answer] } == [["How much does it cost?", "The meetup is free. You pay for drinks."],
                                                            ["Which languages are offered?", "English, Spanish and German."]])
        #expect(doc.slice(pairs[0].questionSpan!.start, pairs[0].questionSpan!.end) == pairs[0].question)
        #expect(doc.slice(pairs[0].answerSpan!.start, pairs[0].answerSpan!.end) == pairs[0].answer)
    }

    @Test func inlineQuestions_inAnArticle_areProseNotPairs() throws {
        let doc = BlockDocument.make([.h(1, "Tram line"), .p("Who will pay for it? That is what the opposition asked."),
                                      .p("Does it work everywhere? Schools found it harder.")])
        #expect(try StageRunner.qa(doc).isEmpty)
        #expect(try StageRunner.qa(doc, ["question_lines": .s("all")]).count == 2)
    }

    @Test(arguments: [
        "Did you know? Plants release moisture through their leaves.",
        "Prices went up. Is that fair? We think so.",
        "What now? and then some lower-case text follows.",
    ])
    func notInlineQuestions_evenInFAQ(text: String) throws {
        let doc = BlockDocument.make([.h(2, "FAQ"), .p(text)])
        #expect(try StageRunner.qa(doc).isEmpty)
    }

    @Test func inlineQuestion_answerRunsOnToTheNextQuestion() throws {
        let doc = BlockDocument.make([.h(2, "FAQ"), .p("Is it safe? Yes."), .li("Tested by TÜV"), .p("Is it loud? No.")])
        #expect(try StageRunner.qa(doc) == [["Is it safe?", "Yes.\nTested by TÜV"], ["Is it loud?", "No."]])
    }
}

extension InlineQuestionTests {
    @Test func threeInlineQuestionsInARow_areAnFAQ_evenWithoutAHeading() throws {
        let doc = BlockDocument.make([.h(1, "Coworking"), .p("Can I book a room? Yes, four hours free."),
                                      .p("Is there a quiet zone? The back room."), .p("Can I bring guests? Two a day.")])
        #expect(try StageRunner.qa(doc) == [["Can I book a room?", "Yes, four hours free."], ["Is there a quiet zone?", "The back room."],
                                              ["Can I bring guests?", "Two a day."]])
    }

    @Test func inlineQuestionsSeparatedByProse_areNoRun() throws {
        let doc = BlockDocument.make([.h(1, "Cats"), .p("How does purring work? The larynx twitches."), .p("Scientists disagree."),
                                      .p("Could purring heal bones? Maybe."), .p("Why do cats knead? Nobody knows.")])
        #expect(try StageRunner.qa(doc).isEmpty)
    }
}

extension InlineQuestionTests {
    @Test func tableRows_withAQuestionInTheFirstCell_arePairs_inFAQSections() throws {
        let doc = BlockDocument.make([.h(2, "FAQ"), .tight(.table, "Question | Answer"), .tight(.table, "Can I pay later? | Yes, within 30 days."),
                                      .tight(.table, "Is there a fee? | No."), .h(2, "Prices"), .p("Our prices:"),
                                      .tight(.table, "Is it cheap? | Yes.")])
        let got = try StageRunner.qa(doc)
        #expect(got == [["Can I pay later?", "Yes, within 30 days."], ["Is there a fee?", "No."]], "\(got)")
    }
}
