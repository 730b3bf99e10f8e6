import StageKit
import Testing

/// FAQ sections without a heading, and question headings without a question mark inside FAQ sections.
struct FAQSectionEdgeTests {
    @Test(arguments: ["FAQ:", "Frequently Asked Questions:", "FAQs", "Questions and answers:"])
    func titleOnAParagraphLine_opensAnFAQSection(title: String) throws {
        let doc = BlockDocument.make([.h(1, "Pool"), .p("Open daily."), .p(title), .p("Can I swim laps?"), .p("Yes, lanes 1 to 3."),
                                      .h(2, "Contact"), .p("Call us.")], layout: false)
        #expect(try StageRunner.qa(doc) == [["Can I swim laps?", "Yes, lanes 1 to 3."]], "\(title)")
    }

    @Test(arguments: ["See our FAQ for more.", "Read the FAQ and the terms before you book today"])
    func faqMentionedInText_opensNoSection(text: String) throws {
        let doc = BlockDocument.make([.h(1, "Pool"), .p(text), .p("Can I swim laps?"), .p("Yes, lanes 1 to 3.")], layout: false)
        #expect(try StageRunner.qa(doc).isEmpty, "\(text)")
    }

    @Test func questionWordHeadings_withoutQuestionMark_countInFAQSections() throws {
        let doc = BlockDocument.make([
            .h(2, "FAQ"), .h(3, "How to cancel my subscription"), .p("Go to Billing and click Cancel."),
            .h(3, "Billing"), .h(4, "Can I get a refund"), .p("Within 14 days, yes."),
            .h(2, "How we work"), .p("We are a small team."),
        ])
        #expect(try StageRunner.qa(doc) == [["How to cancel my subscription", "Go to Billing and click Cancel."],
                                              ["Can I get a refund", "Within 14 days, yes."]])
    }

    @Test func questionWordHeadings_withoutQuestionMark_outsideFAQSections_areTitles() throws {
        let doc = BlockDocument.make([.h(1, "Guide"), .h(2, "How to cancel my subscription"), .p("Go to Billing."),
                                      .h(2, "How to change your plan"), .p("Go to Plans."), .h(2, "What you get"), .p("A lot.")])
        #expect(try StageRunner.qa(doc).isEmpty)
    }
}
