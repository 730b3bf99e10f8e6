import StageKit
import Testing

/// `"faq_jsonld": true` in the request: a schema.org `FAQPage` object built from the pairs.
struct FAQJSONLDTests {
    @Test func jsonld_whenRequested_isAnFAQPageOfThePairs() throws {
        var doc = TestDocument.make("Q: Is it free?\nA: Yes.\nQ: Where is it?\nA: In \"Leeds\".")
        doc.requestFlags = ["faq_jsonld"]
        try StageRunner.stage().process(&doc)
        func q(_ name: String, _ text: String) -> JSONValue {
            .object([("@type", .string("Question")), ("name", .string(name)),
                     ("acceptedAnswer", .object([("@type", .string("Answer")), ("text", .string(text))]))])
        }
        let want: JSONValue = .object([
            ("@context", .string("https://schema.org")), ("@type", .string("FAQPage")),
            ("mainEntity", .array([q("Is it free?", "Yes."), q("Where is it?", "In \"Leeds\".")])),
        ])
        #expect(doc.extensions["faq_jsonld"] == want)
    }

    @Test func jsonld_whenNotRequested_isAbsent() throws {
        var doc = TestDocument.make("Q: Is it free?\nA: Yes.")
        try StageRunner.stage().process(&doc)
        #expect(doc.extensions["faq_jsonld"] == nil)
        #expect(doc.faq?.count == 1)
    }

    @Test func jsonld_withoutPairs_hasAnEmptyMainEntity() throws {
        var doc = TestDocument.make("Just an article. Nothing to ask.")
        doc.requestFlags = ["faq_jsonld"]
        try StageRunner.stage().process(&doc)
        #expect(doc.extensions["faq_jsonld"]?["mainEntity"] == .array([]))
        #expect(doc.extensions["faq_jsonld"]?["@type"] == .string("FAQPage"))
    }
}
