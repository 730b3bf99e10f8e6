import Testing
@testable import TextpipeCore
import StageKit

/// Byte range of the first occurrence of `needle` in `haystack` (UTF-8), after byte `from`.
func byteRange(of needle: String, in haystack: String, from: Int = 0) -> (Int, Int)? {
    let h = Array(haystack.utf8), n = Array(needle.utf8)
    guard !n.isEmpty, n.count <= h.count else { return nil }
    var i = from
    while i + n.count <= h.count {
        if Array(h[i..<(i + n.count)]) == n { return (i, i + n.count) }
        i += 1
    }
    return nil
}

/// The text between `start` and `end`, counted in `unit`.
func sliceText(_ s: String, _ unit: OffsetUnit, _ start: Int, _ end: Int) -> String? {
    switch unit {
    case .utf8:
        let b = Array(s.utf8); guard 0 <= start, start <= end, end <= b.count else { return nil }
        return String(validating: b[start..<end], as: UTF8.self)
    case .utf16:
        let u = Array(s.utf16); guard 0 <= start, start <= end, end <= u.count else { return nil }
        return String(utf16CodeUnits: Array(u[start..<end]))
    case .codepoint:
        let c = Array(s.unicodeScalars); guard 0 <= start, start <= end, end <= c.count else { return nil }
        var out = String.UnicodeScalarView(); out.append(contentsOf: c[start..<end]); return String(out)
    }
}

func unitLength(_ s: String, _ unit: OffsetUnit) -> Int {
    switch unit {
    case .utf8: return s.utf8.count
    case .utf16: return s.utf16.count
    case .codepoint: return s.unicodeScalars.count
    }
}

extension String {
    init(utf16CodeUnits units: [UInt16]) {
        self = String(decoding: units, as: UTF16.self)
    }
}

@Suite struct OffsetMapTests {
    @Test func offsetMap_whenTextHasEmoji_convertsToCodepointAndUTF16() {
        // "a😀b": a = byte 0, 😀 = bytes 1..<5, b = byte 5.
        let t = Array("a😀b".utf8)
        t.withUnsafeBufferPointer { buf in
            let offsets = [6, 0, 5, 1, 5, 1]
            let cp = OffsetMap(text: buf, unit: .codepoint, offsets: offsets)
            #expect([0, 1, 5, 6].map { cp($0) } == [0, 1, 2, 3])
            let u16 = OffsetMap(text: buf, unit: .utf16, offsets: offsets)
            #expect([0, 1, 5, 6].map { u16($0) } == [0, 1, 3, 4])
            let u8 = OffsetMap(text: buf, unit: .utf8, offsets: offsets)
            #expect([0, 1, 5, 6].map { u8($0) } == [0, 1, 5, 6])
        }
    }

    static let texts = ["plain ascii", "Café déjà vu", "東京は大きい", "x😀y👍🏽z", "é中😀a", ""]

    @Test(arguments: texts, OffsetUnit.allCases)
    func offsetMap_whenGivenEveryScalarBoundary_matchesSwiftCounts(s: String, unit: OffsetUnit) {
        // Byte offset of every scalar boundary, and the expected offset in `unit`.
        var byteOffsets: [Int] = [0], expected: [Int] = [0]
        var b = 0, u = 0
        for scalar in s.unicodeScalars {
            b += String(scalar).utf8.count
            u += unit == .utf8 ? String(scalar).utf8.count : unit == .utf16 ? String(scalar).utf16.count : 1
            byteOffsets.append(b); expected.append(u)
        }
        Array(s.utf8).withUnsafeBufferPointer { buf in
            let map = OffsetMap(text: buf, unit: unit, offsets: byteOffsets.reversed())
            #expect(byteOffsets.map { map($0) } == expected)
        }
    }

    @Test func offsetMap_whenOffsetIsPastTheEnd_clampsToTextLength() {
        Array("é😀".utf8).withUnsafeBufferPointer { buf in
            let map = OffsetMap(text: buf, unit: .utf16, offsets: [100])
            #expect(map(100) == 3)
        }
    }
}

@Suite struct ResponseEncoderTests {
    struct Sample: Sendable, CustomTestStringConvertible {
        var text: String
        var sentences: [String]
        var entities: [(String, String)]
        var testDescription: String { text }
    }

    static let samples: [Sample] = [
        Sample(text: "Hello world. Bye now.", sentences: ["Hello world.", "Bye now."], entities: [("world", "LOC")]),
        Sample(text: "Café déjà vu à Paris. Ça va? Très bien.", sentences: ["Café déjà vu à Paris.", "Ça va?", "Très bien."],
               entities: [("Paris", "GPE"), ("Ça", "X"), ("Très", "Y")]),
        Sample(text: "東京は大きい。大阪も。", sentences: ["東京は大きい。", "大阪も。"], entities: [("東京", "GPE"), ("大阪", "GPE")]),
        Sample(text: "I ❤️ 😀 emoji! Then 👍🏽 ok 🇫🇷 Zoë.", sentences: ["I ❤️ 😀 emoji!", "Then 👍🏽 ok 🇫🇷 Zoë."],
               entities: [("😀", "EMOJI"), ("👍🏽", "EMOJI"), ("🇫🇷", "FLAG"), ("Zoë", "PERSON")]),
        Sample(text: "𝄞 music 😀😀 end", sentences: ["𝄞 music 😀😀 end"], entities: [("𝄞", "SYM"), ("😀😀", "E"), ("end", "W")]),
    ]

    static func document(_ s: Sample) -> Document {
        var doc = Document(text: s.text)
        doc.blocks = [Block(start: 0, end: s.text.utf8.count, kind: .paragraph)]
        var from = 0
        doc.sentences = s.sentences.map { sub in
            let r = byteRange(of: sub, in: s.text, from: from)!
            from = r.1
            return Sentence(start: r.0, end: r.1, block: 0)
        }
        from = 0
        doc.entities = s.entities.map { (sub, label) in
            let r = byteRange(of: sub, in: s.text, from: from)!
            from = r.1
            return Entity(start: r.0, end: r.1, label: label)
        }
        let q = byteRange(of: s.sentences[0], in: s.text)!
        let a = byteRange(of: s.sentences.last!, in: s.text)!
        doc.faq = [FAQPair(question: s.sentences[0], answer: s.sentences.last!, questionSpan: Span(start: q.0, end: q.1), answerSpan: Span(start: a.0, end: a.1))]
        return doc
    }

    @Test(arguments: samples, OffsetUnit.allCases)
    func document_whenEncodedInUnit_spansSliceToTheirText(sample: Sample, unit: OffsetUnit) throws {
        let doc = Self.document(sample)
        let v = try parseResponseLine(ResponseEncoder.document(id: .number("7"), pipeline: "full", doc, unit: unit))
        #expect(sameJSON(v["id"] ?? .null, .number("7")))
        #expect(v["ok"]?.boolValue == true)
        let result = try #require(v["result"])
        #expect(result["pipeline"]?.stringValue == "full")
        #expect(result["offsets"]?.stringValue == unit.rawValue)
        #expect(result["text"]?.stringValue == sample.text)

        guard case .array(let blocks)? = result["blocks"] else { Issue.record("no blocks"); return }
        #expect(blocks.count == 1)
        #expect(blocks.first?["start"]?.intValue == 0)
        #expect(blocks.first?["end"]?.intValue == unitLength(sample.text, unit))
        #expect(blocks.first?["kind"]?.stringValue == "paragraph")
        #expect(blocks.first?["level"] == nil)

        guard case .array(let sentences)? = result["sentences"] else { Issue.record("no sentences"); return }
        #expect(sentences.count == sample.sentences.count)
        for (s, expected) in zip(sentences, sample.sentences) {
            let start = try #require(s["start"]?.intValue), end = try #require(s["end"]?.intValue)
            #expect(sliceText(sample.text, unit, start, end) == expected, "\(unit) \(start)..<\(end)")
            #expect(s["text"]?.stringValue == expected)
            #expect(s["block"]?.intValue == 0)
        }
        guard case .array(let entities)? = result["entities"] else { Issue.record("no entities"); return }
        #expect(entities.count == sample.entities.count)
        for (e, expected) in zip(entities, sample.entities) {
            let start = try #require(e["start"]?.intValue), end = try #require(e["end"]?.intValue)
            #expect(sliceText(sample.text, unit, start, end) == expected.0, "\(unit) \(start)..<\(end)")
            #expect(e["text"]?.stringValue == expected.0)
            #expect(e["label"]?.stringValue == expected.1)
        }
        guard case .array(let faq)? = result["faq"], let pair = faq.first else { Issue.record("no faq"); return }
        let qs = try #require(pair["question_span"]), asp = try #require(pair["answer_span"])
        #expect(sliceText(sample.text, unit, qs["start"]?.intValue ?? -1, qs["end"]?.intValue ?? -1) == sample.sentences.first)
        #expect(sliceText(sample.text, unit, asp["start"]?.intValue ?? -1, asp["end"]?.intValue ?? -1) == sample.sentences.last)
    }

    @Test func document_whenOnlyTextIsSet_writesNoOptionalKeys() throws {
        let v = try parseResponseLine(ResponseEncoder.document(id: .null, pipeline: "p", Document(text: "x"), unit: .codepoint))
        guard case .object(let pairs)? = v["result"] else { Issue.record("no result"); return }
        #expect(pairs.map(\.0) == ["pipeline", "offsets", "text"])
        guard case .object(let top) = v else { return }
        #expect(top.map(\.0) == ["id", "ok", "result"])
    }

    @Test func document_whenAllPartsArePresent_writesThemInOrderWithSortedMetaAndExtensions() throws {
        var doc = Document(text: "Title\nGood day.")
        doc.meta = ["title": "T \"q\"", "author": "A"]
        doc.removed = [Removal(text: "Subscribe!", reason: "boilerplate:subscribe")]
        doc.blocks = [Block(start: 0, end: 5, kind: .heading, level: 1), Block(start: 6, end: 15, kind: .listItem, level: 2), Block(start: 6, end: 15, kind: .paragraph)]
        doc.sentences = [Sentence(start: 6, end: 15, block: 1)]
        doc.entities = []
        doc.faq = [FAQPair(question: "Q?", answer: "A.", questionSpan: nil, answerSpan: nil)]
        doc.sentiment = SentimentResult(label: "positive", score: 0.123456, sentences: [.init(index: 0, label: "positive", score: -0.5)])
        doc.extensions = ["zeta": .number("1"), "alpha": .array([.string("x")]), "text": .string("must be skipped"), "sentences": .null]
        let v = try parseResponseLine(ResponseEncoder.document(id: .string("r"), pipeline: "p", doc, unit: .utf8))
        guard case .object(let pairs)? = v["result"] else { Issue.record("no result"); return }
        #expect(pairs.map(\.0) == ["pipeline", "offsets", "text", "meta", "removed", "blocks", "sentences", "entities", "faq", "sentiment", "alpha", "zeta"])
        let result = v["result"]!
        guard case .object(let meta)? = result["meta"] else { Issue.record("no meta"); return }
        #expect(meta.map(\.0) == ["author", "title"])
        #expect(result["meta"]?["title"]?.stringValue == "T \"q\"")
        #expect(result["text"]?.stringValue == "Title\nGood day.")
        #expect(result["removed"] == .array([.object([("text", .string("Subscribe!")), ("reason", .string("boilerplate:subscribe"))])]))
        guard case .array(let blocks)? = result["blocks"] else { return }
        #expect(blocks[0]["kind"]?.stringValue == "heading" && blocks[0]["level"]?.intValue == 1)
        #expect(blocks[1]["kind"]?.stringValue == "list_item" && blocks[1]["level"]?.intValue == 2)
        #expect(blocks[2]["level"] == nil)
        #expect(result["entities"] == .array([]))
        guard case .array(let faq)? = result["faq"] else { return }
        #expect(faq[0]["question_span"] == nil && faq[0]["answer_span"] == nil)
        #expect(faq[0]["question"]?.stringValue == "Q?")
        guard case .number(let score)? = result["sentiment"]?["score"] else { Issue.record("no score"); return }
        #expect(score == "0.1235")
        guard case .array(let ss)? = result["sentiment"]?["sentences"], case .number(let s0)? = ss.first?["score"] else { return }
        #expect(s0 == "-0.5")
        #expect(ss.first?["index"]?.intValue == 0)
        #expect(result["alpha"] == .array([.string("x")]))
    }

    @Test func document_whenSpanIsOutsideTheText_clampsItsSliceInsteadOfCrashing() throws {
        var doc = Document(text: "abc")
        doc.sentences = [Sentence(start: 2, end: 99, block: 0), Sentence(start: 5, end: 1, block: 0)]
        let v = try parseResponseLine(ResponseEncoder.document(id: .null, pipeline: "p", doc, unit: .utf8))
        guard case .array(let s)? = v["result"]?["sentences"] else { Issue.record("no sentences"); return }
        #expect(s[0]["text"]?.stringValue == "c")
        #expect(s[1]["text"]?.stringValue == "")
    }

    static let errors: [(JSONValue, ErrorCode, String)] = [
        (.null, .badJSON, "request is not valid JSON"),
        (.number("42"), .unknownPipeline, "unknown pipeline 'x'"),
        (.string("id-\"1\""), .stageFailed, "stage 'a' failed: \"quoted\"\nnewline\t\u{1}"),
        (.object([("a", .array([.bool(true)]))]), .timeout, "é 😀"),
        (.number("12345678901234567890"), .overloaded, ""),
    ]

    @Test(arguments: errors)
    func error_whenEncoded_hasIdOkFalseAndCodeAndMessageInOrder(id: JSONValue, code: ErrorCode, message: String) throws {
        let bytes = ResponseEncoder.error(id: id, RequestError(code, message))
        let v = try parseResponseLine(bytes)
        guard case .object(let pairs) = v else { Issue.record("not an object"); return }
        #expect(pairs.map(\.0) == ["id", "ok", "error"])
        #expect(sameJSON(v["id"]!, id))
        #expect(v["ok"] == .bool(false))
        guard case .object(let err)? = v["error"] else { Issue.record("no error object"); return }
        #expect(err.map(\.0) == ["code", "message"])
        #expect(v["error"]?["code"]?.stringValue == code.rawValue)
        #expect(v["error"]?["message"]?.stringValue == message)
    }

    @Test func success_whenEncoded_hasIdOkTrueAndResult() throws {
        let v = try parseResponseLine(ResponseEncoder.success(id: .number("3"), result: .object([("status", .string("ok"))])))
        guard case .object(let pairs) = v else { return }
        #expect(pairs.map(\.0) == ["id", "ok", "result"])
        #expect(v["ok"] == .bool(true))
        #expect(v["result"]?["status"]?.stringValue == "ok")
    }

    @Test func errorCodes_areTheStableWireNames() {
        #expect(ErrorCode.allCases.map(\.rawValue) == ["bad_json", "bad_request", "unknown_op", "unknown_pipeline", "too_large", "overloaded", "timeout", "stage_failed", "shutting_down", "forbidden"])
    }
}
