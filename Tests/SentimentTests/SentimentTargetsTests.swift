import StageKit
import Testing
@testable import SentimentStage

/// `targets`: the sentiment of the sentences that mention each entity, in `result.sentiment_targets`.
@Suite struct SentimentTargetsTests {
    /// A document with one sentence per line of `lines` and the entities `(name, label)` found at every
    /// occurrence of the name.
    static func document(_ lines: [String], entities: [(String, String)]) -> Document {
        let text = lines.joined(separator: " ")
        var d = Document(text: text)
        var sentences: [Sentence] = []
        var at = 0
        for l in lines {
            sentences.append(Sentence(start: at, end: at + l.utf8.count, block: 0))
            at += l.utf8.count + 1
        }
        d.sentences = sentences
        let bytes = Array(text.utf8)
        var found: [Entity] = []
        for (name, label) in entities {
            let needle = Array(name.utf8)
            var i = 0
            while i + needle.count <= bytes.count {
                if Array(bytes[i..<i + needle.count]) == needle { found.append(Entity(start: i, end: i + needle.count, label: label)); i += needle.count } else { i += 1 }
            }
        }
        d.entities = found.sorted { $0.start < $1.start }
        return d
    }

    static func stage(_ options: [(String, ConfigNode)] = [("targets", TestSupport.scalar("true"))]) throws -> SentimentAnalyzer {
        try TestSupport.make(TestSupport.mapping(options))
    }

    static func targets(_ d: Document) -> [JSONValue] {
        if case .array(let a)? = d.extensions[SentimentAnalyzer.targetsKey] { return a }
        return []
    }

    @Test func targets_offByDefault_addNothing() throws {
        var d = Self.document(["Acme makes wonderful phones."], entities: [("Acme", "ORG")])
        try TestSupport.analyzer.process(&d)
        #expect(d.extensions[SentimentAnalyzer.targetsKey] == nil)
        #expect(TestSupport.analyzer.targets == false)
    }

    @Test func targets_scoreEachEntityBySentencesThatMentionIt() throws {
        var d = Self.document([
            "Acme makes wonderful, reliable phones.",
            "Globex ships terrible, buggy software.",
            "The weather was mild.",
            "Acme support was excellent too.",
        ], entities: [("Acme", "ORG"), ("Globex", "ORG")])
        try Self.stage().process(&d)
        let t = Self.targets(d)
        #expect(t.count == 2)
        #expect(t[0]["text"] == .string("Acme"))
        #expect(t[0]["type"] == .string("ORG"))
        #expect(t[0]["mentions"] == .int(2))
        #expect(t[0]["sentences"] == .array([.int(0), .int(3)]))
        #expect(t[0]["label"] == .string("positive"))
        #expect((t[0]["score"]?.doubleValue ?? 0) > 0.5)
        #expect(t[1]["text"] == .string("Globex"))
        #expect(t[1]["sentences"] == .array([.int(1)]))
        #expect(t[1]["label"] == .string("negative"))
        // The document as a whole is mixed; the targets are not.
        #expect(abs(d.sentiment?.score ?? 1) < (t[0]["score"]?.doubleValue ?? 0))
    }

    @Test func targets_groupMentionsIgnoringCase_andKeepFirstSpelling() throws {
        var d = Self.document(["ACME is great.", "I love Acme."], entities: [("ACME", "ORG"), ("Acme", "ORG")])
        try Self.stage().process(&d)
        let t = Self.targets(d)
        #expect(t.count == 1)
        #expect(t.first?["text"] == .string("ACME"))
        #expect(t.first?["mentions"] == .int(2))
        #expect(t.first?["sentences"] == .array([.int(0), .int(1)]))
    }

    @Test func targets_sameTextWithOtherLabel_isAnotherTarget() throws {
        var d = Self.document(["Jordan won the game.", "Jordan is hot today."], entities: [])
        let second = "Jordan won the game. ".utf8.count
        d.entities = [Entity(start: 0, end: 6, label: "PERSON"), Entity(start: second, end: second + 6, label: "GPE")]
        try Self.stage().process(&d)
        #expect(Self.targets(d).count == 2)
    }

    @Test func targets_entityInNeutralSentences_isNeutralWithScoreZero() throws {
        var d = Self.document(["Paris is in France.", "It rained."], entities: [("Paris", "GPE"), ("France", "GPE")])
        try Self.stage().process(&d)
        let t = Self.targets(d)
        #expect(t.count == 2)
        #expect(t.allSatisfy { $0["label"] == .string("neutral") && $0["score"]?.doubleValue == 0 })
    }

    @Test func targets_onlyListedLabels_getAnEntry() throws {
        var d = Self.document(["On Monday Acme was great."], entities: [("Monday", "DATE"), ("Acme", "ORG")])
        try Self.stage().process(&d)
        #expect(Self.targets(d).map { $0["type"] } == [.string("ORG")])
        let dates = try Self.stage([("targets", TestSupport.scalar("true")),
                                    ("target_labels", ConfigNode(.sequence([TestSupport.scalar("DATE")]), mark: TestSupport.mark))])
        var d2 = Self.document(["On Monday Acme was great."], entities: [("Monday", "DATE"), ("Acme", "ORG")])
        try dates.process(&d2)
        #expect(Self.targets(d2).map { $0["text"] } == [.string("Monday")])
    }

    @Test func targets_withoutEntities_isAnEmptyList() throws {
        var d = Self.document(["A lovely day."], entities: [])
        d.entities = nil
        try Self.stage().process(&d)
        #expect(d.extensions[SentimentAnalyzer.targetsKey] == .array([]))
    }

    @Test func targets_nameWithSentimentWord_doesNotScoreItself() throws {
        // "Grace" is a sentiment word; as a name it carries nothing (ignore_entities), so the target is
        // as neutral as its sentence.
        var d = Self.document(["Grace arrived at noon."], entities: [("Grace", "PERSON")])
        try Self.stage().process(&d)
        #expect(Self.targets(d).first?["score"]?.doubleValue == 0)
    }

    @Test func factory_documentsTargetOptionsWithDefaults() {
        let specs = SentimentFactory().options
        #expect(specs.first { $0.name == "targets" }?.defaultText == "false")
        #expect(specs.first { $0.name == "target_labels" }?.defaultText.contains("PERSON") == true)
    }
}
