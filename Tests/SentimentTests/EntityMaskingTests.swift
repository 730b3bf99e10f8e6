import StageKit
import Testing
@testable import SentimentStage

/// Words inside named entities are names, not opinions.
@Suite struct EntityMaskingTests {
    static func document(_ text: String, entities: [(String, String)]) -> Document {
        var d = Document(text: text)
        d.sentences = [Sentence(start: 0, end: text.utf8.count, block: 0)]
        let bytes = Array(text.utf8)
        d.entities = entities.map { (name, label) in
            let needle = Array(name.utf8)
            let start = (0...(bytes.count - needle.count)).first { Array(bytes[$0..<$0 + needle.count]) == needle }!
            return Entity(start: start, end: start + needle.count, label: label)
        }
        return d
    }

    @Test(arguments: [
        ("The International Crisis Group offers in-depth analysis.", "International Crisis Group", "ORG"),
        ("He studied World War II at school.", "World War II", "EVENT"),
        ("We visited Paradise Valley on Monday.", "Paradise Valley", "GPE"),
    ])
    func process_whenSentimentWordIsInsideAnEntity_itDoesNotCount(text: String, name: String, label: String) throws {
        var d = Self.document(text, entities: [(name, label)])
        try TestSupport.analyzer.process(&d)
        #expect(d.sentiment?.score == 0)
        var plain = Self.document(text, entities: [])
        try TestSupport.analyzer.process(&plain)
        #expect(plain.sentiment?.score != 0)
    }

    @Test func process_whenEntityIsNotASentimentWord_scoreIsUnchanged() throws {
        let text = "Trump said the talks were very positive."
        var withEntity = Self.document(text, entities: [("Trump", "PERSON")])
        var without = Self.document(text, entities: [])
        try TestSupport.analyzer.process(&withEntity)
        try TestSupport.analyzer.process(&without)
        #expect(withEntity.sentiment?.score == without.sentiment?.score)
        #expect((withEntity.sentiment?.score ?? 0) > 0.3)
    }

    @Test func ignoreEntitiesOff_countsTheWords() throws {
        let a = try TestSupport.make(TestSupport.mapping([("ignore_entities", TestSupport.scalar("false"))]))
        var d = Self.document("The International Crisis Group offers in-depth analysis.", entities: [("International Crisis Group", "ORG")])
        try a.process(&d)
        #expect((d.sentiment?.score ?? 0) < -0.05)
    }
}
