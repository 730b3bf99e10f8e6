import StageKit
import Testing

/// Headings that end with `?`: questions inside FAQ sections or in runs of sibling question headings,
/// rhetorical otherwise.
struct QuestionHeadingTests {
    static let helpPage = """
    # Acme Cloud Help
    Welcome to the help pages.
    ## Getting started
    Create an account first. Why wait?
    ## FAQ
    ### How do I reset my password?
    Click "Forgot password" on the sign-in page.
    - Check your inbox.
    - Follow the link.
    ### Can I change my email address?
    Yes. Open Settings and choose Account.
    ## Contact
    Write to help@acme.example.
    """

    @Test(arguments: [false, true])
    func helpPage_questionHeadingsUnderFAQ_givePairs(paragraphs: Bool) throws {
        let qa = try StageRunner.qa(TestDocument.make(Self.helpPage, paragraphs: paragraphs))
        #expect(qa == [
            ["How do I reset my password?", "Click \"Forgot password\" on the sign-in page.\n- Check your inbox.\n- Follow the link."],
            ["Can I change my email address?", "Yes. Open Settings and choose Account."],
        ])
    }

    @Test(arguments: ["FAQ", "FAQs", "Frequently Asked Questions", "Frequently asked questions (FAQ)", "Questions and Answers",
                      "Questions & Answers", "Q&A", "Q & A", "F.A.Q.", "Product FAQ", "FAQ:", "Common questions"])
    func sectionTitles_areRecognised(title: String) throws {
        let doc = TestDocument.make("# Page\nIntro text.\n## \(title)\n### How do I pay?\nBy card.\n## Contact\nMail us.")
        #expect(try StageRunner.qa(doc) == [["How do I pay?", "By card."]], "\(title)")
    }

    @Test(arguments: ["Questionable practices", "FAQTool release notes", "Answers", "Quality assurance"])
    func sectionTitles_lookalikes_areNotFAQSections(title: String) throws {
        let doc = TestDocument.make("# Page\nIntro text.\n## \(title)\n### How do I pay?\nBy card.\n## Contact\nMail us.")
        #expect(try StageRunner.qa(doc).isEmpty, "\(title)")
    }

    @Test func sectionTitles_extraOption_addsTitles() throws {
        let doc = TestDocument.make("# Page\n## Häufig gefragt\n### Wie bezahle ich?\nMit Karte.")
        #expect(try StageRunner.qa(doc).isEmpty)
        #expect(try StageRunner.qa(doc, ["section_titles": .list(["Häufig gefragt"])]) == [["Wie bezahle ich?", "Mit Karte."]])
    }

    @Test func siblingQuestionHeadings_threeInARun_areAnFAQ_outsideFAQSections() throws {
        let doc = TestDocument.make("""
        # Solar panels explained
        Intro paragraph.
        ## How do solar panels work?
        They turn light into current.
        ## Are they worth the money?
        Usually, within ten years.
        ## How long do they last?
        About 25 years.
        ## Summary
        Solar is good.
        """)
        #expect(try StageRunner.qa(doc) == [["How do solar panels work?", "They turn light into current."],
                                              ["Are they worth the money?", "Usually, within ten years."],
                                              ["How long do they last?", "About 25 years."]])
    }

    @Test func siblingQuestionHeadings_twoThatAreAllTheSiblings_areAnFAQ() throws {
        let doc = TestDocument.make("# Solar panels\n## How do solar panels work?\nThey turn light into current.\n## Are they worth the money?\nUsually.")
        #expect(try StageRunner.qa(doc) == [["How do solar panels work?", "They turn light into current."],
                                              ["Are they worth the money?", "Usually."]])
    }

    @Test func siblingQuestionHeadings_twoAmongOtherSections_areRhetorical() throws {
        let doc = TestDocument.make("""
        # How to choose running shoes
        Intro.
        ## Why does cushioning matter?
        It spreads the impact.
        ## Trail or road?
        Trail shoes have deeper lugs.
        ## Getting the fit right
        Shop in the afternoon.
        """)
        #expect(try StageRunner.qa(doc).isEmpty)
        #expect(try StageRunner.qa(doc, ["headings": .s("all")]).count == 2)
    }

    @Test func singleRhetoricalHeading_isIgnoredByDefault_andTakenWithHeadingsAll() throws {
        let doc = TestDocument.make("""
        # Markets today
        Stocks rose.
        ## The numbers
        Up by two percent.
        ## What does this mean for savers?
        Rates may fall.
        ## Outlook
        Calm.
        """)
        #expect(try StageRunner.qa(doc).isEmpty)
        #expect(try StageRunner.qa(doc, ["headings": .s("all")]) == [["What does this mean for savers?", "Rates may fall."]])
    }

    @Test func questionHeadings_separatedByAnotherSibling_doNotFormARun() throws {
        let doc = TestDocument.make("# T\n## Why now?\nBecause.\n## Background\nHistory.\n## What next?\nWe wait.")
        #expect(try StageRunner.qa(doc).isEmpty)
    }

    @Test func questionHeadings_underDifferentParents_doNotFormARun() throws {
        let doc = TestDocument.make("# Part one\n## Why now?\nBecause.\n# Part two\n## What next?\nWe wait.")
        #expect(try StageRunner.qa(doc).isEmpty)
    }

    @Test func headingsNone_ignoresQuestionHeadingsEvenInFAQ() throws {
        let doc = TestDocument.make("## FAQ\n### How do I pay?\nBy card.\nQ: Is it safe?\nA: Yes.")
        #expect(try StageRunner.qa(doc, ["headings": .s("none")]) == [["Is it safe?", "Yes."]])
    }

    @Test func flatPlainTextFAQ_withCategoryHeadings_keepsTheSectionOpen() throws {
        // Plain text: segment gives every heading the same level.
        let text = """
        Acme Store
        Thanks for shopping with us.
        FAQ
        Orders
        How do I track my order?
        Use the link in your confirmation email.
        Can I cancel an order?
        Yes, within one hour.
        Returns
        How do I return an item?
        Send it back within 30 days.
        Contact
        Call us any time.
        """
        let heads = ["Acme Store", "FAQ", "Orders", "How do I track my order?", "Can I cancel an order?", "Returns",
                     "How do I return an item?", "Contact"]
        let doc = TestDocument.make(text, headings: Dictionary(uniqueKeysWithValues: heads.map { ($0, 1) }))
        #expect(try StageRunner.qa(doc) == [["How do I track my order?", "Use the link in your confirmation email."],
                                              ["Can I cancel an order?", "Yes, within one hour."],
                                              ["How do I return an item?", "Send it back within 30 days."]])
    }

    @Test func minQuestionWords_dropsShortHeadings() throws {
        let doc = TestDocument.make("## FAQ\n### Why?\nBecause.\n### How do I pay?\nBy card.")
        #expect(try StageRunner.qa(doc) == [["How do I pay?", "By card."]])
        #expect(try StageRunner.qa(doc, ["min_question_words": .i(1)]).count == 2)
    }

    @Test func numberedAndBoldHeadings_loseTheirMarkers() throws {
        let doc = TestDocument.make("## FAQ\n### 1. How do I pay?\nBy card.\n### **Is it safe?**\nYes.")
        #expect(try StageRunner.qa(doc) == [["How do I pay?", "By card."], ["Is it safe?", "Yes."]])
    }

    @Test func rawMarkdownHeadings_inParagraphBlocks_areRead() throws {
        // Text that never went through clean: `##` markers are still in the text.
        var doc = Document(text: "## FAQ\n\n### How do I pay?\n\nBy card.\n\n### Is it safe?\n\nYes.")
        var blocks: [Block] = []
        var offset = 0
        for part in doc.text.components(separatedBy: "\n\n") {
            blocks.append(Block(start: offset, end: offset + part.utf8.count, kind: .paragraph))
            offset += part.utf8.count + 2
        }
        doc.blocks = blocks
        doc.sentences = TestDocument.sentences(doc.text, blocks)
        #expect(try StageRunner.qa(doc) == [["How do I pay?", "By card."], ["Is it safe?", "Yes."]])
    }
}
