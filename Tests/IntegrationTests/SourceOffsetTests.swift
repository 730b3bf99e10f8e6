import Foundation
import StageKit
import Testing
import TextpipeCore

/// `"source_offsets": true` over the wire: every span also carries `source_start`/`source_end` into the
/// text exactly as sent, in the unit the client asked for.
@Suite(.serialized) struct SourceOffsetTests {
    static let config = """
    server:
      socket: @SOCKET@
    default_pipeline: standard
    pipelines:
      standard: [clean, segment, entities, faq, sentiment]
      noclean: [segment, entities]
      html: [{clean: {html: always, boilerplate: false}}]
      markdown: [{clean: {html: never, markdown: always, boilerplate: false}}]
      plain: [{clean: {html: never, markdown: never, boilerplate: false}}]
    """

    static let html = """
    <!doctype html><html><head><title>Caf&eacute; news</title></head><body>
    <nav><a href="/">Home</a> <a href="/a">About</a></nav>
    <article><h1>Émilie Dubois opens a caf&eacute; in Z&uuml;rich</h1>
    <p>On Monday, <b>Émilie Dubois</b> opened Caf&eacute; Lumi&egrave;re in Zürich &amp; Geneva.
    The mayor of Zürich, Anna Keller, came too. Tickets cost $20 &mdash; cheap 😀.</p>
    <ul><li>Coffee &amp; cake</li><li>Tea from Japan</li></ul>
    <dl><dt>Where is it?</dt><dd>In Zürich, near the lake.</dd></dl>
    </article><footer>© 2024</footer></body></html>
    """

    static let markdown = """
    # Émilie Dubois opens a café

    On **Monday**, Émilie Dubois opened [Café Lumière](https://example.com) in *Zürich*.
    The mayor of Zürich, Anna Keller, came too 😀.

    - Coffee &amp; cake
    - Tea from `Japan`

    ## FAQ

    **Where is it?**

    In Zürich, near the lake.
    """

    static let mojibake = "On Monday, Ã‰milie Dubois opened CafÃ© LumiÃ¨re in ZÃ¼rich.\nThe mayor of ZÃ¼rich, Anna Keller, said itâ€™s â€œwonderfulâ€\u{9D} 😀.\nShare this article\n"

    static let plain = "On Monday,  Émilie Dubois opened Café Lumière in Zürich.\r\nThe mayor of Zürich, Anna Keller, came too 😀.\n\nQ: Where is it?\nA: In Zürich, near the lake.\n"

    static func ask(_ d: Daemon, _ text: String, unit: OffsetUnit, pipeline: String = "standard") throws -> JSONValue {
        let a = try d.ask(.object([("id", .int(1)), ("text", .string(text)), ("offsets", .string(unit.rawValue)),
                                   ("pipeline", .string(pipeline)), ("source_offsets", .bool(true))]))
        guard a["ok"] == .bool(true), let result = a.result else { throw TestFailure("error answer: \(a)") }
        return result
    }

    static func slice(_ text: String, _ s: Int, _ e: Int, _ unit: OffsetUnit) -> String {
        switch unit {
        case .utf8: return String(decoding: Array(text.utf8)[s..<e], as: UTF8.self)
        case .utf16: return String(decoding: Array(text.utf16)[s..<e], as: UTF16.self)
        case .codepoint: var u = String.UnicodeScalarView(); u.append(contentsOf: Array(text.unicodeScalars)[s..<e]); return String(u)
        }
    }

    static func words(_ s: String) -> [String] {
        s.split(whereSeparator: { !$0.isLetter && !$0.isNumber }).map(String.init)
    }

    /// Every span with its text (sentences, entities, FAQ question and answer), and its source range.
    static func spans(_ result: JSONValue) -> [(text: String, start: Int, end: Int, sourceStart: Int?, sourceEnd: Int?)] {
        var out: [(String, Int, Int, Int?, Int?)] = []
        for key in ["sentences", "entities"] {
            for s in result[key]?.arrayValue ?? [] {
                out.append((s["text"]?.stringValue ?? "", s["start"]?.intValue ?? -1, s["end"]?.intValue ?? -1,
                            s["source_start"]?.intValue, s["source_end"]?.intValue))
            }
        }
        for pair in result["faq"]?.arrayValue ?? [] {
            for (text, span) in [("question", "question_span"), ("answer", "answer_span")] {
                guard let sp = pair[span] else { continue }
                out.append((pair[text]?.stringValue ?? "", sp["start"]?.intValue ?? -1, sp["end"]?.intValue ?? -1,
                            sp["source_start"]?.intValue, sp["source_end"]?.intValue))
            }
        }
        return out
    }

    @Test(arguments: [OffsetUnit.codepoint, .utf16])
    func sourceOffsets_highlightTheSpanInTheTextAsSent(unit: OffsetUnit) throws {
        let d = try Daemon(config: Self.config)
        for (input, format) in [(Self.html, "html"), (Self.markdown, "markdown"), (Self.mojibake, "plain"), (Self.plain, "plain")] {
            let result = try Self.ask(d, input, unit: unit)
            let spans = Self.spans(result)
            #expect(spans.count >= 5, "\(format): \(spans.count) spans")
            #expect(result["entities"]?.arrayValue?.contains { $0["text"]?.stringValue == "Anna Keller" } == true)
            for span in spans {
                let ss = try #require(span.sourceStart), se = try #require(span.sourceEnd)
                let highlighted = Self.slice(input, ss, se, unit)
                // The highlighted source, cleaned on its own, has the span's words (HTML tags, entities,
                // Markdown markup and mojibake are what differ).
                let again = try Self.ask(d, highlighted, unit: unit, pipeline: format)["text"]?.stringValue ?? ""
                #expect(Self.words(again) == Self.words(span.text), "\(format) \(unit): '\(span.text)' ← '\(highlighted)'")
                if input == Self.plain && !highlighted.contains("  ") {
                    #expect(highlighted == span.text, "plain text spans point at the same characters")
                }
            }
            if let blocks = result["blocks"]?.arrayValue {
                for b in blocks {
                    let ss = try #require(b["source_start"]?.intValue), se = try #require(b["source_end"]?.intValue)
                    #expect(ss <= se)
                }
            }
        }
        #expect(d.stop() == 0)
    }

    @Test func sourceOffsets_htmlEntity_coversTheWholeReference() throws {
        let d = try Daemon(config: Self.config)
        let input = "<html><body><p>Fish &amp; chips in Z&uuml;rich.</p></body></html>"
        let result = try Self.ask(d, input, unit: .utf16)
        let sentence = try #require(result["sentences"]?.arrayValue?.first)
        #expect(sentence["text"]?.stringValue == "Fish & chips in Zürich.")
        let s = try #require(sentence["source_start"]?.intValue), e = try #require(sentence["source_end"]?.intValue)
        #expect(Self.slice(input, s, e, .utf16) == "Fish &amp; chips in Z&uuml;rich.")
        #expect(d.stop() == 0)
    }

    @Test func sourceOffsets_withoutClean_equalTheOffsets() throws {
        let d = try Daemon(config: Self.config)
        let result = try Self.ask(d, Self.plain, unit: .utf16, pipeline: "noclean")
        let spans = Self.spans(result)
        #expect(spans.count >= 4)
        for s in spans { #expect(s.sourceStart == s.start && s.sourceEnd == s.end) }
        for b in result["blocks"]?.arrayValue ?? [] {
            #expect(b["source_start"] == b["start"] && b["source_end"] == b["end"])
        }
        #expect(d.stop() == 0)
    }

    @Test func sourceOffsets_notAsked_areNotWritten() throws {
        let d = try Daemon(config: Self.config)
        let a = try d.ask(.object([("id", .int(1)), ("text", .string(Self.html))]))
        let text = String(describing: a)
        #expect(a["ok"] == .bool(true))
        #expect(!text.contains("source_start"))
        #expect(d.stop() == 0)
    }
}
