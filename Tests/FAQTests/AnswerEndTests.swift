import StageKit
import Testing

/// Where an answer stops: labelled answers (`A:`) and answers under question headings.
struct AnswerEndTests {
    @Test(arguments: [
        ("Pro Tip: Read the manual first.", "label paragraph"),
        ("Explore our other articles on security.", "plain footer paragraph"),
        ("## Contact", "heading"),
        ("- Related: password managers", "list item"),
    ])
    func lastLabelledAnswer_endsAtItsOwnBlock(following: String, name: String) throws {
        let doc = TestDocument.make("Q: How long does it take?\nA: About a minute.\nQ: Is it free?\nA: Yes, always.\n\(following)\nMore text.")
        #expect(try StageRunner.qa(doc) == [["How long does it take?", "About a minute."], ["Is it free?", "Yes, always."]], "\(name)")
    }

    @Test func labelledAnswer_takesParagraphsBeforeTheNextQuestion() throws {
        let doc = TestDocument.make("Q: How do I pay?\nA: By card.\nWe also take bank transfers.\nQ: Is it safe?\nA: Yes.")
        #expect(try StageRunner.qa(doc) == [["How do I pay?", "By card.\nWe also take bank transfers."], ["Is it safe?", "Yes."]])
    }

    @Test func labelledAnswer_stopsAtLabelParagraphEvenBeforeTheNextQuestion() throws {
        let doc = TestDocument.make("Q: How do I pay?\nA: By card.\nNote: cash is not accepted.\nQ: Is it safe?\nA: Yes.")
        #expect(try StageRunner.qa(doc).first == ["How do I pay?", "By card."])
    }

    @Test func lastLabelledAnswer_endingWithColon_takesTheListUnderIt() throws {
        let doc = TestDocument.make("Q: How do I install it?\nA: Run these steps:\n- download the file\n- run the installer\nThanks for reading.")
        #expect(try StageRunner.qa(doc) == [["How do I install it?", "Run these steps:\n- download the file\n- run the installer"]])
    }

    @Test func lastLabelledAnswer_endingWithColon_takesTheCodeUnderIt() throws {
        let doc = TestDocument.make("Q: What is the command?\nA: Type the following:\n    make install\nThanks for reading.")
        #expect(try StageRunner.qa(doc) == [["What is the command?", "Type the following:\n    make install"]])
    }

    @Test func lastLabelledAnswer_endingWithColon_takesOneParagraph() throws {
        let doc = TestDocument.make("Q: Where is the switch?\nA: Look here:\nBehind the panel on the left.\nThanks for reading.")
        #expect(try StageRunner.qa(doc) == [["Where is the switch?", "Look here:\nBehind the panel on the left."]])
    }

    @Test func labelledAnswer_hardWrappedLines_areJoined() throws {
        let doc = TestDocument.make("Q: How do I reset\nmy password?\nA: Use the link on the sign-in page and\nfollow the steps in the email.\nSubscribe to our newsletter.")
        #expect(try StageRunner.qa(doc) == [["How do I reset\nmy password?", "Use the link on the sign-in page and\nfollow the steps in the email."]])
    }

    @Test(arguments: [("auto", "By card."), ("none", "By card."), ("all", "By card.\nWe also take cash.\nThanks for reading.")])
    func continuationOption_decidesTheLastAnswer(mode: String, answer: String) throws {
        let doc = TestDocument.make("Q: How do I pay?\nA: By card.\nWe also take cash.\nThanks for reading.")
        #expect(try StageRunner.qa(doc, ["answer_continuation": .s(mode)]) == [["How do I pay?", answer]])
    }

    @Test func continuationNone_keepsOnlyTheAnswerBlockBeforeTheNextQuestion() throws {
        let doc = TestDocument.make("Q: How do I pay?\nA: By card.\nWe also take cash.\nQ: Is it safe?\nA: Yes.")
        #expect(try StageRunner.qa(doc, ["answer_continuation": .s("none")]).first == ["How do I pay?", "By card."])
    }

    @Test func maxAnswerBlocks_limitsTheAnswer() throws {
        let doc = TestDocument.make("## FAQ\n### How do I pay?\nBy card.\nOr by cash.\nOr by cheque.\n### Is it safe?\nYes.")
        #expect(try StageRunner.qa(doc, ["max_answer_blocks": .i(2)]).first == ["How do I pay?", "By card.\nOr by cash."])
        #expect(try StageRunner.qa(doc).first == ["How do I pay?", "By card.\nOr by cash.\nOr by cheque."])
    }

    @Test func headingAnswer_includesDeeperHeadingsAndStopsAtSameLevel() throws {
        let doc = TestDocument.make("""
        ## FAQ
        ### How do I install it?
        Download it first.
        #### On Linux
        Use the package.
        ### Does it cost anything?
        No.
        ## Contact
        Write to us.
        """)
        #expect(try StageRunner.qa(doc) == [["How do I install it?", "Download it first.\nOn Linux\nUse the package."],
                                              ["Does it cost anything?", "No."]])
    }

    @Test func headingAnswer_withAnswerLabel_dropsTheLabel() throws {
        let doc = TestDocument.make("## FAQ\n### How do I pay?\nA: By card.\n### Is it safe?\nAnswer: Yes.")
        #expect(try StageRunner.qa(doc) == [["How do I pay?", "By card."], ["Is it safe?", "Yes."]])
    }

    @Test func spans_ofMultiBlockAnswer_coverTheTextVerbatim() throws {
        let doc = TestDocument.make("## FAQ\n\n### How do I pay?\n\nBy card.\n\nOr by cash.\n\n## Contact\n\nMail us.")
        let p = try #require(try StageRunner.pairs(doc).first)
        #expect(p.answer == "By card.\n\nOr by cash.")
        #expect(doc.slice(p.answerSpan!.start, p.answerSpan!.end) == p.answer)
        #expect(doc.slice(p.questionSpan!.start, p.questionSpan!.end) == p.question)
    }

    @Test func headingAnswer_atDocumentEnd_dropsTheFooter() throws {
        let doc = TestDocument.make("## FAQ\n### How do I pay?\nBy card.\nOr by cash.\n### Is it safe?\nYes, fully encrypted.\nPro Tip: keep your receipt.\nSubscribe to our newsletter.")
        #expect(try StageRunner.qa(doc) == [["How do I pay?", "By card.\nOr by cash."], ["Is it safe?", "Yes, fully encrypted."]])
        #expect(try StageRunner.qa(doc, ["answer_continuation": .s("all")]).last?[1] == "Yes, fully encrypted.\nPro Tip: keep your receipt.\nSubscribe to our newsletter.")
    }

    @Test func headingAnswer_closedByAHeading_keepsAllItsParagraphs() throws {
        let doc = TestDocument.make("## FAQ\n### Is it safe?\nYes, fully encrypted.\nWe never store card numbers.\n## Contact\nMail us.")
        #expect(try StageRunner.qa(doc) == [["Is it safe?", "Yes, fully encrypted.\nWe never store card numbers."]])
    }
}
