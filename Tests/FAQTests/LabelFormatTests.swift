import StageKit
import Testing

/// `Q:`/`A:`-style labelled pairs in their different spellings.
struct LabelFormatTests {
    static let formats: [(String, String)] = [
        ("colon", "Q: How do I reset my password?\nA: Use the link on the sign-in page."),
        ("period", "Q. How do I reset my password?\nA. Use the link on the sign-in page."),
        ("words", "Question: How do I reset my password?\nAnswer: Use the link on the sign-in page."),
        ("upper words", "QUESTION: How do I reset my password?\nANSWER: Use the link on the sign-in page."),
        ("numbered", "Q1: How do I reset my password?\nA1: Use the link on the sign-in page."),
        ("numbered words", "Question 1: How do I reset my password?\nAnswer 1: Use the link on the sign-in page."),
        ("short words", "Ques: How do I reset my password?\nAns: Use the link on the sign-in page."),
        ("abbreviations with periods", "Q1. How do I reset my password?\nAns. Use the link on the sign-in page."),
        ("bold labels", "**Q:** How do I reset my password?\n**A:** Use the link on the sign-in page."),
        ("bold question", "**Q: How do I reset my password?**\nA: Use the link on the sign-in page."),
        ("bold label colon outside", "**Q**: How do I reset my password?\n**A**: Use the link on the sign-in page."),
        ("list items", "- Q: How do I reset my password?\n- A: Use the link on the sign-in page."),
        ("inline", "Q: How do I reset my password? A: Use the link on the sign-in page."),
        ("labels alone", "Q:\nHow do I reset my password?\nA:\nUse the link on the sign-in page."),
        ("blank lines", "Q: How do I reset my password?\n\nA: Use the link on the sign-in page."),
        ("fullwidth colon", "Q： How do I reset my password?\nA： Use the link on the sign-in page."),
        ("no answer label", "Q: How do I reset my password?\nUse the link on the sign-in page."),
    ]
    static let expected = [["How do I reset my password?", "Use the link on the sign-in page."]]

    @Test(arguments: formats)
    func labels_inEachFormat_giveThePair(name: String, text: String) throws {
        let source = "Account help\n" + text + "\nContact: support@example.com"
        #expect(try StageRunner.qa(TestDocument.make(source)) == Self.expected, "\(name)")
    }

    @Test(arguments: formats)
    func labels_whenSegmentMissedTheLabels_giveThePair(name: String, text: String) throws {
        let source = "Account help\n" + text
        #expect(try StageRunner.qa(TestDocument.make(source, labelKinds: false)) == Self.expected, "\(name)")
    }

    @Test(arguments: formats)
    func labels_whenAllLinesAreOneParagraphBlock_giveThePair(name: String, text: String) throws {
        #expect(try StageRunner.qa(TestDocument.make(text, paragraphs: true)) == Self.expected, "\(name)")
    }

    @Test func labels_spans_coverTheTextWithoutLabels() throws {
        let doc = TestDocument.make("**Q:** How do I reset my password?\n**A:** Use the link.")
        let p = try #require(try StageRunner.pairs(doc).first)
        #expect(doc.slice(p.questionSpan!.start, p.questionSpan!.end) == "How do I reset my password?")
        #expect(doc.slice(p.answerSpan!.start, p.answerSpan!.end) == "Use the link.")
    }

    @Test(arguments: [
        "A. Lincoln was the sixteenth president.\nHe led the Union.",
        "Q. Smith said the report was late.\nNobody replied.",
        "Questionnaire: fill it in before Monday.\nThanks.",
        "Quality: high.\nAnswers come later.",
        "As the saying goes: A: not a label here.",
        "Question: what happens next is anyone's guess.\nThe markets are nervous.",
    ])
    func labels_lookalikes_giveNoPairs(text: String) throws {
        #expect(try StageRunner.qa(TestDocument.make(text, labelKinds: false)).isEmpty)
    }

    @Test func labels_withoutAnswer_giveNoPair() throws {
        let doc = TestDocument.make("Q: Is anybody there?\n## Next section\nText.")
        #expect(try StageRunner.qa(doc).isEmpty)
    }

    @Test func labels_interview_givesEveryPair() throws {
        let doc = TestDocument.make("""
        Q: When did you start?
        A: In 2019.
        Q: Why?
        A: Because nobody else did.
        Q. What comes next?
        A. A second book.
        """)
        #expect(try StageRunner.qa(doc) == [["When did you start?", "In 2019."], ["Why?", "Because nobody else did."],
                                              ["What comes next?", "A second book."]])
    }

    @Test func labels_extraWords_forOtherLanguages() throws {
        let doc = TestDocument.make("Frage: Wie setze ich mein Passwort zurück?\nAntwort: Über den Link auf der Anmeldeseite.", labelKinds: false)
        #expect(try StageRunner.qa(doc).isEmpty)
        let qa = try StageRunner.qa(doc, ["question_labels": .list(["Frage"]), "answer_labels": .list(["Antwort"])])
        #expect(qa == [["Wie setze ich mein Passwort zurück?", "Über den Link auf der Anmeldeseite."]])
    }

    @Test func labels_questionWithoutQuestionMark_needsAnAnswerLabel() throws {
        let doc = TestDocument.make("Q: Tell us about your first boat.\nA: It was a leaky dinghy.", labelKinds: false)
        #expect(try StageRunner.qa(doc) == [["Tell us about your first boat.", "It was a leaky dinghy."]])
    }
}
