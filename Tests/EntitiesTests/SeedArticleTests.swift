import Foundation
import Testing
import StageKit
@testable import EntitiesStage

/// The product's first fixture: the seed article.
struct SeedArticleTests {
    static let text = try! String(contentsOfFile: TestSupport.repoRoot + "/Tests/Fixtures/seed_article.txt", encoding: .utf8)
    static let found: [(String, String)] = {
        var doc = TestSupport.document(text)
        try! TestSupport.shared.process(&doc)
        return (doc.entities ?? []).map { (doc.slice($0.start, $0.end), $0.label) }
    }()

    static func has(_ s: String, _ label: String) -> Bool { found.contains { $0.0 == s && $0.1 == label } }
    static func count(_ s: String, _ label: String) -> Int { found.filter { $0.0 == s && $0.1 == label }.count }

    @Test func seed_printsEntities() {
        for (s, l) in SeedArticleTests.found { print("SEED\t\(l)\t\(s)") }
    }

    @Test(arguments: [
        ("Jared Kushner", "PERSON"), ("Steve Witkoff", "PERSON"), ("Kirill Dmitriev", "PERSON"), ("Vladimir Putin", "PERSON"),
        ("Donald Trump", "PERSON"), ("Kushner", "PERSON"), ("Dmitriev", "PERSON"), ("Trump", "PERSON"),
        ("World Economic Forum", "ORG"), ("NATO", "ORG"), ("European Council on Foreign Relations", "ORG"),
        ("Council on Foreign Relations", "ORG"), ("International Crisis Group", "ORG"),
        ("Palestine Liberation Organization", "ORG"), ("White House", "ORG"),
        ("Ukraine", "GPE"), ("Russia", "GPE"), ("Davos", "GPE"), ("Moscow", "GPE"), ("Greenland", "GPE"), ("Denmark", "GPE"),
        ("North Korea", "GPE"), ("Israel", "GPE"), ("Norway", "GPE"), ("US", "GPE"),
        ("Europe", "LOC"), ("West", "LOC"), ("Korean Peninsula", "LOC"),
        ("Europeans", "NORP"), ("Ukrainian", "NORP"), ("Russian", "NORP"), ("European", "NORP"),
        ("World War II", "EVENT"), ("51%", "PERCENT"), ("the early 1990s", "DATE"), ("Minsk agreements", "LAW"),
        ("https://www.cfr.org/", "URL"), ("https://www.crisisgroup.org/", "URL"),
    ])
    func seed_whenArticleTagged_findsEntity(text: String, label: String) {
        #expect(SeedArticleTests.has(text, label), "\(text) \(label) missing")
    }

    @Test func seed_laterMentions_followDocumentConsistency() {
        #expect(SeedArticleTests.count("Trump", "PERSON") >= 6)
        #expect(SeedArticleTests.count("Kushner", "PERSON") >= 3)
        #expect(SeedArticleTests.count("Dmitriev", "PERSON") >= 2)
    }

    @Test(arguments: ["Specifically", "Historically", "Similarly", "Unfortunately", "Backchannel", "Backchannel diplomacy",
                      "Lack", "FAQ", "Pro Tip", "Pro", "Tip", "Did", "Resources", "The Players and the Stakes", "Players",
                      "Stakes", "Behind Closed Doors", "Q", "A", "What", "Explore", "Stay", "Subscribe", "Follow", "Shadow",
                      "Concerns", "Role", "Russia’s", "Trump’s", "Kushner’s"])
    func seed_whenArticleTagged_neverTags(text: String) {
        #expect(!SeedArticleTests.found.contains { $0.0 == text }, "\(text) must not be an entity")
    }

    @Test func seed_spans_areSortedAndDisjoint() {
        var doc = TestSupport.document(SeedArticleTests.text)
        try! TestSupport.shared.process(&doc)
        let e = doc.entities ?? []
        for (a, b) in zip(e, e.dropFirst()) { #expect(a.end <= b.start) }
        for x in e {
            let s = doc.slice(x.start, x.end)
            #expect(!s.hasSuffix(".") || s.hasSuffix("U.S.") || s.count <= 5, "\(s)")
            #expect(!s.hasSuffix("’s") && !s.hasSuffix("'s") && !s.hasSuffix(",") && !s.hasPrefix(" "), "\(s)")
        }
    }
}
