import StageKit
import Testing
@testable import TextpipeCore

/// `JSONReader.peek` finds a top-level key without decoding the rest of the line.
@Suite struct JSONPeekTests {
    static func peek(_ line: String, _ key: String = "id") -> JSONValue? {
        Array(line.utf8).withUnsafeBufferPointer { JSONReader.peek(key, in: $0) }
    }

    @Test(arguments: [
        (#"{"id":7,"text":"x"}"#, JSONValue.int(7)),
        (#"{"text":"a \"quoted\" \\ word","id":"late"}"#, .string("late")),
        (#"{"op":"x","nested":{"id":1,"a":[1,{"b":2}]},"id":[1,2]}"#, .array([.int(1), .int(2)])),
        (#"  { "id" : null }  "#, .null),
        (#"{"x":[],"y":{},"id":true}"#, .bool(true)),
    ])
    func peek_whenKeyIsPresent_returnsItsValue(line: String, expected: JSONValue) {
        #expect(Self.peek(line) == expected)
    }

    @Test(arguments: [
        #"{"text":"no id here"}"#,
        #"[1,2]"#,
        #"not json"#,
        #"{"text":"unterminated"#,
        #"{"a":1 "id":2}"#,
        "",
    ])
    func peek_whenKeyIsMissingOrLineIsBroken_returnsNil(line: String) {
        #expect(Self.peek(line) == nil)
    }

    @Test func peek_doesNotValidateSkippedStrings() {
        // Invalid UTF-8 inside a skipped value does not stop the id from being found.
        let bytes: [UInt8] = Array(#"{"text":""#.utf8) + [0xC3, 0x28] + Array(#"","id":5}"#.utf8)
        #expect(bytes.withUnsafeBufferPointer { JSONReader.peek("id", in: $0) } == .int(5))
    }
}
