import StageKit
import Testing

/// The last answer under a question heading when nothing but the end of the document closes it.
struct OpenEndTests {
    @Test func headingAnswer_inMarkup_keepsAllItsParagraphs_untilAFooter() throws {
        let doc = BlockDocument.make([
            .h(1, "FAQ"), .h(2, "What should I do in an emergency?"), .p("Call us on 0123."),
            .p("Outside opening hours, call 111."), .p("© 2026 Brightwater Dental"),
        ])
        #expect(try StageRunner.qa(doc) == [["What should I do in an emergency?", "Call us on 0123.\n\nOutside opening hours, call 111."]])
    }

    @Test(arguments: [
        "Follow us on Instagram.", "All rights reserved.", "Subscribe to our newsletter.", "Please send other questions to the committee.",
        "Privacy · Terms · Imprint", "Clay Corner Studio, 18 Canal Street", "Note: prices may change.",
        "Still have questions?",
    ])
    func headingAnswer_inMarkup_stopsAtFooterLikeParagraphs(footer: String) throws {
        let doc = BlockDocument.make([.h(1, "FAQ"), .h(2, "Is parking free?"), .p("Yes, for two hours."), .p(footer), .p("More text.")])
        #expect(try StageRunner.qa(doc) == [["Is parking free?", "Yes, for two hours."]], "\(footer)")
    }

    @Test func headingAnswer_inMarkup_keepsParagraphsThatOnlyMentionCookiesOrSubscriptions() throws {
        let doc = BlockDocument.make([.h(1, "Bakery FAQ"), .h(2, "Do you bake daily?"), .p("Yes, from 5 am."),
                                      .p("Our cookies are baked twice a day."), .p("You can subscribe to a weekly bread box.")])
        #expect(try StageRunner.qa(doc) == [["Do you bake daily?",
                                               "Yes, from 5 am.\n\nOur cookies are baked twice a day.\n\nYou can subscribe to a weekly bread box."]])
    }

    @Test func headingAnswer_inPlainText_keepsOnlyItsFirstBlock() throws {
        // No layout: plain text, where pages end with unmarked footers.
        let doc = BlockDocument.make([.h(1, "FAQ"), .h(2, "Is parking free?"), .p("Yes, for two hours."),
                                      .p("Explore our other articles on travel.")], layout: false)
        #expect(try StageRunner.qa(doc) == [["Is parking free?", "Yes, for two hours."]])
    }

    @Test func labelledLastAnswer_inMarkup_doesNotSwallowTheClosingParagraph() throws {
        let doc = BlockDocument.make([.p("Q: What do you miss most?"), .p("A: The storms."),
                                      .p("Berg now lives in Bergen, where he volunteers at the museum.")])
        #expect(try StageRunner.qa(doc) == [["What do you miss most?", "The storms."]])
    }
}
