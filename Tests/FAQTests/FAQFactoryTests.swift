import StageKit
import FAQStage
import Testing

/// The factory: declaration, option checking.
struct FAQFactoryTests {
    @Test func factory_declaresNameFieldsAndOptions() {
        let f = FAQFactory()
        #expect(f.name == "faq")
        #expect(f.requires == [.blocks, .sentences])
        #expect(f.provides == [.faq])
        #expect(f.resourceBundle == nil)
        #expect(Set(f.options.map(\.name)) == ["headings", "question_lines", "answer_continuation", "max_answer_blocks",
                                               "min_question_words", "max_question_words", "question_labels", "answer_labels",
                                               "section_titles", "ignore_questions"])
    }

    @Test(arguments: [
        ["headings": StageRunner.Value.s("sometimes")],
        ["max_answer_blocks": .i(0)],
        ["question_labels": .list(["Frage:"])],
        ["answer_labels": .list([""])],
        ["section_titles": .list(["!!"])],
        ["min_question_words": .i(10), "max_question_words": .i(5)],
        ["no_such_option": .s("x")],
    ])
    func badOptions_areRejected(options: [String: StageRunner.Value]) {
        #expect(throws: (any Error).self) { try StageRunner.stage(options) }
    }

    @Test func documentWithoutBlocks_getsEmptyFAQ() throws {
        var doc = Document(text: "Q: Why?\nA: Because.")
        try StageRunner.stage().process(&doc)
        #expect(doc.faq == [])
    }

    @Test func blocksOutsideTheText_areClampedNotFatal() throws {
        var doc = Document(text: "Q: How?\nA: So.")
        doc.blocks = [Block(start: 0, end: 7, kind: .question), Block(start: 8, end: 500, kind: .answer)]
        doc.sentences = []
        try StageRunner.stage().process(&doc)
        #expect(doc.faq?.map(\.answer) == ["So."])
    }
}
