import Testing
import StageKit
@testable import CleanStage

/// The FAQ structure `clean` reads from HTML for the `faq` stage: `<dl>` and `<details>` as question and
/// answer layout blocks; schema.org `FAQPage` JSON-LD and microdata as `declaredFAQ`.
struct DeclaredFAQTests {
    static func page(_ body: String, head: String = "") -> String {
        "<html><head>\(head)</head><body><article>\(body)</article></body></html>"
    }

    static func pairs(_ out: CleanOutput) -> [String] {
        (out.declaredFAQ ?? []).map { "\($0.question) => \($0.answer)" }
    }

    @Test func dl_termsAreQuestions_definitionsAreAnswers() {
        let out = CleanHarness.standard.clean(Self.page("<p>Intro.</p><dl><dt>How do I pay?</dt><dd><p>By card.</p><p>Or cash.</p></dd><dt>Refunds?</dt><dd>Within <b>30</b> days.</dd></dl><p>After.</p>"))
        #expect(out.text == "Intro.\n\nHow do I pay?\nBy card.\nOr cash.\nRefunds?\nWithin 30 days.\n\nAfter.")
        #expect(CleanHarness.layout(out) == ["question: How do I pay?", "answer: By card.\nOr cash.", "question: Refunds?", "answer: Within 30 days."])
    }

    @Test func dl_unclosedItems_stillPairUp() {
        let out = CleanHarness.standard.clean(Self.page("<dl><dt>One?<dd>Yes.<dt>Two?<dd>No.</dl>"))
        #expect(CleanHarness.layout(out) == ["question: One?", "answer: Yes.", "question: Two?", "answer: No."])
    }

    @Test func details_summaryIsTheQuestion_restIsTheAnswer() {
        let out = CleanHarness.standard.clean(Self.page("<details><summary>What is it?</summary><p>A tool.</p><ul><li>fast</li><li>small</li></ul></details><details><summary>Cost?</summary>Free.</details><p>Contact us.</p>"))
        #expect(out.text == "What is it?\nA tool.\nfast\nsmall\n\nCost?\nFree.\n\nContact us.")
        #expect(CleanHarness.layout(out) == ["question: What is it?", "answer: A tool.\nfast\nsmall", "question: Cost?", "answer: Free."])
    }

    @Test func details_withoutSummary_isPlainText() {
        let out = CleanHarness.standard.clean(Self.page("<details><p>Just text.</p></details>"))
        #expect(out.text == "Just text.")
        #expect(CleanHarness.layout(out).isEmpty)
    }

    @Test func jsonLD_faqPage_givesDeclaredPairs_withHTMLStripped() {
        let ld = """
        <script type="application/ld+json">{"@context":"https://schema.org","@type":"FAQPage","mainEntity":[
          {"@type":"Question","name":"How long does delivery take?","acceptedAnswer":{"@type":"Answer","text":"<p>Usually <b>2&ndash;3</b> days.</p><p>Sometimes more.</p>"}},
          {"@type":"Question","name":"Can I return it?","acceptedAnswer":{"@type":"Answer","text":"Yes, within 30 days \\u2014 free."}}]}</script>
        """
        let out = CleanHarness.standard.clean(Self.page("<p>Body.</p>", head: ld))
        #expect(out.text == "Body.")
        #expect(Self.pairs(out) == ["How long does delivery take? => Usually 2–3 days.\nSometimes more.", "Can I return it? => Yes, within 30 days — free."])
        #expect(out.declaredFAQ?.allSatisfy { $0.questionSpan == nil && $0.answerSpan == nil } == true)
    }

    @Test(arguments: [
        // inside @graph
        #"{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},{"@type":"FAQPage","mainEntity":{"@type":"Question","name":"Q1?","acceptedAnswer":{"text":"A1."}}}]}"#,
        // a top-level array, type as a list
        #"[{"@type":"Organization","name":"o"},{"@type":["FAQPage","WebPage"],"mainEntity":[{"@type":"Question","name":"Q1?","acceptedAnswer":[{"@type":"Answer","text":"A1."}]}]}]"#,
        // trailing comma and an HTML comment around it
        #"<!-- {"@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Q1?","acceptedAnswer":{"text":"A1."}},]} -->"#,
    ])
    func jsonLD_variants_areFound(json: String) {
        let out = CleanHarness.standard.clean(Self.page("<p>Body.</p>", head: "<script type=\"application/ld+json\">\(json)</script>"))
        #expect(Self.pairs(out) == ["Q1? => A1."])
    }

    @Test(arguments: [
        #"{"@type":"Article","mainEntity":{"@type":"Question","name":"Q?","acceptedAnswer":{"text":"A."}}}"#,
        #"{"@type":"FAQPage","mainEntity":[{"@type":"Question","name":"Q?"}]}"#,
        #"{"@type":"FAQPage", not json"#,
    ])
    func jsonLD_withoutFAQPageOrAnswer_givesNothing(json: String) {
        let out = CleanHarness.standard.clean(Self.page("<p>Body.</p>", head: "<script type=\"application/ld+json\">\(json)</script>"))
        #expect(out.declaredFAQ == nil)
    }

    @Test func microdata_faqPage_givesDeclaredPairs() {
        let body = """
        <div itemscope itemtype="https://schema.org/FAQPage">
          <div itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
            <h3 itemprop="name">Is it &quot;safe&quot;?</h3>
            <div itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer">
              <div itemprop="text"><p>Yes.</p><p>Tested.</p></div>
            </div>
          </div>
          <div itemscope itemprop="mainEntity" itemtype="https://schema.org/Question">
            <h3 itemprop="name">Hidden answer?</h3>
            <div itemscope itemprop="acceptedAnswer" itemtype="https://schema.org/Answer" style="display:none">
              <span itemprop="text">Still read.</span>
            </div>
          </div>
        </div>
        """
        let out = CleanHarness.standard.clean(Self.page(body))
        #expect(Self.pairs(out) == ["Is it \"safe\"? => Yes.\nTested.", "Hidden answer? => Still read."])
    }

    @Test func microdata_questionOutsideFAQPage_isIgnored() {
        let out = CleanHarness.standard.clean(Self.page("<div itemscope itemtype=\"https://schema.org/Question\"><span itemprop=\"name\">Q?</span><div itemscope itemprop=\"acceptedAnswer\"><p itemprop=\"text\">A.</p></div></div>"))
        #expect(out.declaredFAQ == nil)
        #expect(out.text == "Q?\n\nA.")
    }

    @Test func declaredFAQ_off_readsNothing_andProcessSetsDocument() throws {
        let html = Self.page("<p>Body.</p>", head: #"<script type="application/ld+json">{"@type":"FAQPage","mainEntity":{"@type":"Question","name":"Q?","acceptedAnswer":{"text":"A."}}}</script>"#)
        #expect(try CleanHarness.clean(html, ["declared_faq": .scalar("false")]).declaredFAQ == nil)
        var doc = Document(text: html)
        try CleanHarness.standard.process(&doc)
        #expect(doc.declaredFAQ == [FAQPair(question: "Q?", answer: "A.", questionSpan: nil, answerSpan: nil)])
    }
}
