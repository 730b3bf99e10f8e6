import Foundation
import StageKit
import Testing
import TextpipeCore

/// The seed article through the bundled configuration's standard pipeline, over the wire, against a
/// golden file and against what the product promises about it. Re-record the golden file with
/// `UPDATE_GOLDEN=1 swift test --filter GoldenTests` and review the diff.
@Suite(.serialized) struct GoldenTests {
    static let fixtures = Daemon.repoRoot + "/Tests/Fixtures/"

    static func bundledConfig() throws -> String {
        try String(contentsOfFile: Daemon.repoRoot + "/config.yaml", encoding: .utf8)
            .replacingOccurrences(of: "socket: textpiped.sock", with: "socket: @SOCKET@")
    }

    static func seedText() throws -> String {
        try String(contentsOfFile: fixtures + "seed_article.txt", encoding: .utf8)
    }

    static func process(_ d: Daemon, _ text: String, offsets: OffsetUnit = .codepoint, pipeline: String? = nil) throws -> JSONValue {
        var fields: [(String, JSONValue)] = [("id", .string("seed")), ("text", .string(text)), ("offsets", .string(offsets.rawValue))]
        if let pipeline { fields.append(("pipeline", .string(pipeline))) }
        let a = try d.ask(.object(fields))
        guard a["ok"] == .bool(true), let result = a.result else { throw TestFailure("error answer: \(a)") }
        return result
    }

    @Test func seedArticle_matchesGoldenFile() throws {
        let d = try Daemon(config: try Self.bundledConfig())
        let result = try Self.process(d, try Self.seedText())
        var w = JSONWriter()
        w.pretty(result)
        w.byte(0x0A)
        let actual = String(decoding: w.bytes, as: UTF8.self)
        let goldenPath = Self.fixtures + "seed_article.golden.json"
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try actual.write(toFile: goldenPath, atomically: true, encoding: .utf8)
        }
        let golden = try String(contentsOfFile: goldenPath, encoding: .utf8)
        if golden != actual {
            try? actual.write(toFile: "/tmp/seed_article.actual.json", atomically: true, encoding: .utf8)
        }
        #expect(golden == actual, "differs from the golden file; see: diff \(goldenPath) /tmp/seed_article.actual.json")
        #expect(d.stop() == 0)
    }

    @Test func seedArticle_hasTheFourFAQPairsExactly() throws {
        let d = try Daemon(config: try Self.bundledConfig())
        let result = try Self.process(d, try Self.seedText())
        let pairs = try #require(result["faq"]?.arrayValue)
        let expected: [(String, String)] = [
            ("What is the role of Jared Kushner in these talks?",
             "Kushner, while no longer in office, maintains close ties to Donald Trump and is believed to be conveying Trump’s views on the conflict."),
            ("Is the US excluding European allies from these negotiations?",
             "There are concerns among European allies that the US might pursue a unilateral approach to negotiations, potentially sidelining their interests."),
            ("What is Russia’s stated position on a peace agreement?",
             "Kirill Dmitriev stated that “more and more people understand the justice of the Russian position,” suggesting Russia believes its concerns are gaining wider acceptance."),
            ("What are the biggest obstacles to a peace agreement?",
             "Key obstacles include disagreements over territorial control, security guarantees for Ukraine, and the future of sanctions against Russia."),
        ]
        #expect(pairs.count == expected.count)
        for (pair, (q, a)) in zip(pairs, expected) {
            #expect(pair["question"]?.stringValue == q)
            #expect(pair["answer"]?.stringValue == a)
        }
        #expect(d.stop() == 0)
    }

    @Test func seedArticle_namesThePeopleOrganisationsAndPlaces() throws {
        let d = try Daemon(config: try Self.bundledConfig())
        let result = try Self.process(d, try Self.seedText())
        let entities = try #require(result["entities"]?.arrayValue)
        func labels(of text: String) -> Set<String> {
            Set(entities.filter { $0["text"]?.stringValue == text }.compactMap { $0["label"]?.stringValue })
        }
        for person in ["Jared Kushner", "Steve Witkoff", "Kirill Dmitriev", "Vladimir Putin", "Donald Trump"] {
            #expect(labels(of: person) == ["PERSON"], "\(person): \(labels(of: person))")
        }
        for org in ["World Economic Forum", "NATO", "European Council on Foreign Relations", "Council on Foreign Relations", "International Crisis Group"] {
            #expect(labels(of: org) == ["ORG"], "\(org): \(labels(of: org))")
        }
        for place in ["Ukraine", "Russia", "Davos", "Moscow", "Greenland", "Denmark", "North Korea", "Israel", "Norway"] {
            let l = labels(of: place)
            #expect(!l.isEmpty && l.isSubset(of: ["GPE", "LOC"]), "\(place): \(l)")
        }
        #expect(labels(of: "51%") == ["PERCENT"])
        for notAnEntity in ["Specifically", "Historically", "Similarly", "The Players and the Stakes", "FAQ", "Backchannel"] {
            #expect(labels(of: notAnEntity).isEmpty, "\(notAnEntity) tagged \(labels(of: notAnEntity))")
        }
        #expect(d.stop() == 0)
    }

    @Test func seedArticle_headingsAreHeadingBlocks_andPromotionalLinesAreRemoved() throws {
        let d = try Daemon(config: try Self.bundledConfig())
        let result = try Self.process(d, try Self.seedText(), offsets: .utf8)
        let text = try #require(result["text"]?.stringValue)
        let bytes = Array(text.utf8)
        let blocks = try #require(result["blocks"]?.arrayValue)
        let headings = blocks.filter { $0["kind"] == .string("heading") }.map { b -> String in
            String(decoding: bytes[b["start"]!.intValue!..<b["end"]!.intValue!], as: UTF8.self)
        }
        #expect(headings == [
            "Behind Closed Doors in Davos: Are Backchannel Talks Signaling a Shift in the Ukraine Conflict?",
            "The Players and the Stakes",
            "Trump’s Shadow and European Concerns",
            "The Role of Backchannel Diplomacy",
            "What Does This Mean for the Future?",
            "FAQ",
        ])
        #expect(!text.contains("Explore our other articles"))
        #expect(!text.contains("Subscribe to our newsletter"))
        #expect(text.contains("Pro Tip: Follow reputable news sources"))
        let removed = try #require(result["removed"]?.arrayValue)
        #expect(removed.count == 2)
        #expect(removed.allSatisfy { ($0["reason"]?.stringValue ?? "").hasPrefix("boilerplate") })
        #expect(d.stop() == 0)
    }

    /// In every unit, slicing `text` at a span's offsets gives the span's text.
    @Test(arguments: [OffsetUnit.codepoint, .utf16, .utf8])
    func offsets_everySpanSlicesToItsText(unit: OffsetUnit) throws {
        let d = try Daemon(config: try Self.bundledConfig())
        let input = try Self.seedText() + "\nÉmilie Dubois 😀 visited Zürich on Monday. Ça va? 日本語のテキスト。\n"
        let result = try Self.process(d, input, offsets: unit)
        let text = try #require(result["text"]?.stringValue)
        func slice(_ s: Int, _ e: Int) -> String {
            switch unit {
            case .utf8: return String(decoding: Array(text.utf8)[s..<e], as: UTF8.self)
            case .utf16: return String(decoding: Array(text.utf16)[s..<e], as: UTF16.self)
            case .codepoint: var u = String.UnicodeScalarView(); u.append(contentsOf: Array(text.unicodeScalars)[s..<e]); return String(u)
            }
        }
        var checked = 0
        for key in ["sentences", "entities"] {
            for span in result[key]?.arrayValue ?? [] {
                let s = try #require(span["start"]?.intValue), e = try #require(span["end"]?.intValue)
                #expect(slice(s, e) == span["text"]?.stringValue)
                checked += 1
            }
        }
        for pair in result["faq"]?.arrayValue ?? [] {
            let q = try #require(pair["question_span"]), a = try #require(pair["answer_span"])
            #expect(slice(q["start"]!.intValue!, q["end"]!.intValue!) == pair["question"]?.stringValue)
            #expect(slice(a["start"]!.intValue!, a["end"]!.intValue!) == pair["answer"]?.stringValue)
            checked += 1
        }
        #expect(checked > 50)
        #expect(d.stop() == 0)
    }

    @Test func quickPipeline_runsItsThreeStages() throws {
        let d = try Daemon(config: try Self.bundledConfig())
        let result = try Self.process(d, "<p>It works &amp; it is <b>great</b>.</p>", pipeline: "quick")
        #expect(result["sentences"] != nil && result["sentiment"] != nil)
        #expect(result["entities"] == nil && result["faq"] == nil)
        #expect(result["text"]?.stringValue == "It works & it is great.")
        #expect(result["sentiment"]?["label"] == .string("positive"))
        #expect(d.stop() == 0)
    }
}
