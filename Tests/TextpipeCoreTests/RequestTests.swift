import Testing
@testable import TextpipeCore
import StageKit

@Suite struct RequestDecodeTests {
    enum Expect: Sendable {
        case ok(Operation, pipeline: String?, text: String?, offsets: OffsetUnit)
        case fail(ErrorCode, String)
    }
    struct Case: Sendable, CustomTestStringConvertible {
        var line: String
        var id: JSONValue
        var expect: Expect
        var testDescription: String { line }
    }

    static let cases: [Case] = [
        Case(line: #"{"id":1,"text":"hi"}"#, id: .number("1"), expect: .ok(.process, pipeline: nil, text: "hi", offsets: .codepoint)),
        Case(line: #"{"op":"process","pipeline":"p","text":"x","offsets":"utf16","id":"a"}"#, id: .string("a"),
             expect: .ok(.process, pipeline: "p", text: "x", offsets: .utf16)),
        Case(line: #"{"offsets":"utf8","text":""}"#, id: .null, expect: .ok(.process, pipeline: nil, text: "", offsets: .utf8)),
        Case(line: #"{"op":"health"}"#, id: .null, expect: .ok(.health, pipeline: nil, text: nil, offsets: .codepoint)),
        Case(line: #"{"op":"pipelines","id":[1,2]}"#, id: .array([.number("1"), .number("2")]),
             expect: .ok(.pipelines, pipeline: nil, text: nil, offsets: .codepoint)),
        Case(line: #"{"op":"stats","id":{"k":null}}"#, id: .object([("k", .null)]),
             expect: .ok(.stats, pipeline: nil, text: nil, offsets: .codepoint)),
        Case(line: #"{"id":"x","op":"health","offsets":"utf16"}"#, id: .string("x"), expect: .ok(.health, pipeline: nil, text: nil, offsets: .utf16)),
        Case(line: #"{"id":null,"text":"a"}"#, id: .null, expect: .ok(.process, pipeline: nil, text: "a", offsets: .codepoint)),
        Case(line: #"{"id":12345678901234567890,"text":"a"}"#, id: .number("12345678901234567890"),
             expect: .ok(.process, pipeline: nil, text: "a", offsets: .codepoint)),
        Case(line: #"{"id":-1.5e3,"text":"a"}"#, id: .number("-1.5e3"), expect: .ok(.process, pipeline: nil, text: "a", offsets: .codepoint)),
        Case(line: #"{"text":"é \u00e9 😀 \ud83d\ude00","id":true}"#, id: .bool(true),
             expect: .ok(.process, pipeline: nil, text: "é é 😀 😀", offsets: .codepoint)),
        Case(line: " {\"text\":\"a\"} \r", id: .null, expect: .ok(.process, pipeline: nil, text: "a", offsets: .codepoint)),
        Case(line: #"{"op":"health","text":5}"#, id: .null, expect: .fail(.badRequest, "'text' must be a string")),

        Case(line: "hello", id: .null, expect: .fail(.badJSON, "request is not valid JSON")),
        Case(line: "", id: .null, expect: .fail(.badJSON, "request is not valid JSON")),
        Case(line: #"{"id":7,"text":"x""#, id: .null, expect: .fail(.badJSON, "request is not valid JSON")),
        Case(line: #"{"id":8,"text":"x"} trailing"#, id: .null, expect: .fail(.badJSON, "unexpected data after")),
        Case(line: #"{"id":9,"text":"\ud800"}"#, id: .null, expect: .fail(.badJSON, "lone surrogate")),
        Case(line: "{\"id\":10,\"text\":\"a\u{1}\"}", id: .null, expect: .fail(.badJSON, "control character")),
        Case(line: "[1]", id: .null, expect: .fail(.badRequest, "a request must be a JSON object")),
        Case(line: #""str""#, id: .null, expect: .fail(.badRequest, "a request must be a JSON object")),
        Case(line: "null", id: .null, expect: .fail(.badRequest, "a request must be a JSON object")),
        Case(line: #"{"id":3,"op":"nope"}"#, id: .number("3"), expect: .fail(.unknownOp, "unknown op 'nope' (known: process, pipelines, health, stats, reload, metrics)")),
        Case(line: #"{"id":3,"op":"PROCESS","text":"a"}"#, id: .number("3"), expect: .fail(.unknownOp, "unknown op 'PROCESS'")),
        Case(line: #"{"id":4,"op":5}"#, id: .number("4"), expect: .fail(.badRequest, "'op' must be a string")),
        Case(line: #"{"id":4,"op":null,"text":"a"}"#, id: .number("4"), expect: .fail(.badRequest, "'op' must be a string")),
        Case(line: #"{"id":5}"#, id: .number("5"), expect: .fail(.badRequest, "missing 'text'")),
        Case(line: #"{"id":5,"op":"process","pipeline":"p"}"#, id: .number("5"), expect: .fail(.badRequest, "missing 'text'")),
        Case(line: #"{"id":6,"text":5}"#, id: .number("6"), expect: .fail(.badRequest, "'text' must be a string")),
        Case(line: #"{"id":6,"text":null}"#, id: .number("6"), expect: .fail(.badRequest, "'text' must be a string")),
        Case(line: #"{"id":7,"text":"a","pipeline":null}"#, id: .number("7"), expect: .fail(.badRequest, "'pipeline' must be a string")),
        Case(line: #"{"id":7,"text":"a","pipeline":["p"]}"#, id: .number("7"), expect: .fail(.badRequest, "'pipeline' must be a string")),
        Case(line: #"{"id":8,"text":"a","offsets":"bytes"}"#, id: .number("8"), expect: .fail(.badRequest, "'offsets' must be one of codepoint, utf8, utf16")),
        Case(line: #"{"id":8,"text":"a","offsets":16}"#, id: .number("8"), expect: .fail(.badRequest, "'offsets' must be one of")),
        Case(line: #"{"id":8,"text":"a","offsets":"UTF16"}"#, id: .number("8"), expect: .fail(.badRequest, "'offsets' must be one of")),
        Case(line: #"{"id":9,"text":"a","extra":1}"#, id: .number("9"), expect: .fail(.badRequest, "unknown field 'extra' (known: id, op, pipeline, text, offsets, source_offsets, faq_jsonld)")),
        Case(line: #"{"extra":1,"id":13}"#, id: .number("13"), expect: .fail(.badRequest, "unknown field 'extra'")),
        Case(line: #"{"id":10,"text":"a","text":"b"}"#, id: .number("10"), expect: .fail(.badRequest, "field 'text' appears twice")),
        Case(line: #"{"id":11,"op":"health","op":"health"}"#, id: .number("11"), expect: .fail(.badRequest, "field 'op' appears twice")),
        Case(line: #"{"id":"first","id":"second","text":"a"}"#, id: .string("first"), expect: .fail(.badRequest, "field 'id' appears twice")),
    ]

    @Test(arguments: cases)
    func decode_whenGivenLine_returnsExpectedRequestOrError(c: Case) {
        let result = Array(c.line.utf8).withUnsafeBufferPointer { Request.decode($0) }
        switch (result, c.expect) {
        case (.success(let r), .ok(let op, let pipeline, let txt, let offsets)):
            #expect(r.op == op)
            #expect(r.pipeline == pipeline)
            #expect(r.text == txt)
            #expect(r.offsets == offsets)
            #expect(sameJSON(r.id, c.id), "id \(r.id)")
        case (.failure(let f), .fail(let code, let fragment)):
            #expect(f.error.code == code)
            #expect(f.error.message.contains(fragment), "message: \(f.error.message)")
            #expect(sameJSON(f.id, c.id), "echoed id \(f.id), expected \(c.id)")
        case (.success(let r), .fail(let code, _)):
            Issue.record("accepted, expected \(code.rawValue): \(r)")
        case (.failure(let f), .ok):
            Issue.record("rejected: \(f.error)")
        }
    }

    @Test(arguments: cases)
    func decode_whenRejected_errorResponseEchoesTheSameId(c: Case) throws {
        guard case .failure(let f) = Array(c.line.utf8).withUnsafeBufferPointer({ Request.decode($0) }) else { return }
        let v = try parseResponseLine(ResponseEncoder.error(id: f.id, f.error))
        #expect(sameJSON(v["id"] ?? .string("missing"), c.id))
        #expect(v["error"]?["code"]?.stringValue == f.error.code.rawValue)
    }
}

@Suite struct RequestFlagTests {
    @Test(arguments: [
        (#"{"text":"a","source_offsets":true}"#, Set(["source_offsets"])),
        (#"{"text":"a","faq_jsonld":true,"source_offsets":true}"#, Set(["source_offsets", "faq_jsonld"])),
        (#"{"text":"a","faq_jsonld":false}"#, Set<String>()),
        (#"{"text":"a"}"#, Set<String>()),
    ])
    func decode_whenFlagFieldsAreBooleans_collectsTheTrueOnes(line: String, flags: Set<String>) throws {
        let r = try Array(line.utf8).withUnsafeBufferPointer { Request.decode($0) }.get()
        #expect(r.flags == flags)
    }

    @Test(arguments: [#"{"id":1,"text":"a","faq_jsonld":"yes"}"#, #"{"id":1,"text":"a","source_offsets":1}"#])
    func decode_whenFlagIsNotBoolean_isBadRequest(line: String) {
        guard case .failure(let f) = Array(line.utf8).withUnsafeBufferPointer({ Request.decode($0) }) else {
            Issue.record("accepted \(line)"); return
        }
        #expect(f.error.code == .badRequest)
        #expect(f.error.message.contains("must be true or false"))
    }
}
