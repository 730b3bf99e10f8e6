import Testing
@testable import TextpipeCore
import StageKit

@Suite struct JSONReaderTests {
    static let valid: [(String, JSONValue)] = [
        ("0", .number("0")),
        ("-0", .number("-0")),
        ("123", .number("123")),
        ("-7", .number("-7")),
        ("3.25", .number("3.25")),
        ("-12.5e+3", .number("-12.5e+3")),
        ("1E-2", .number("1E-2")),
        ("6.02e23", .number("6.02e23")),
        ("0e0", .number("0e0")),
        ("12345678901234567890", .number("12345678901234567890")),
        ("true", .bool(true)),
        ("false", .bool(false)),
        ("null", .null),
        ("\"\"", .string("")),
        ("\"plain ascii\"", .string("plain ascii")),
        (#""a\"b\\c\/d""#, .string("a\"b\\c/d")),
        (#""\b\f\n\r\t""#, .string("\u{8}\u{C}\n\r\t")),
        (#""\u0041\u00e9\u4E2D""#, .string("Aé中")),
        (#""\ud83d\ude00""#, .string("😀")),
        (#""\uD834\uDD1E""#, .string("𝄞")),
        (#""x\uDBFF\uDFFFy""#, .string("x\u{10FFFF}y")),
        (#""\u0000""#, .string("\u{0}")),
        (#""\uFFFF""#, .string("\u{FFFF}")),
        ("\"héllo 中文 😀\"", .string("héllo 中文 😀")),
        (#""raw é then \n escape 😀""#, .string("raw é then \n escape 😀")),
        ("\"del \u{7F} ok\"", .string("del \u{7F} ok")),
        ("[]", .array([])),
        ("{}", .object([])),
        (" [ 1 , \"a\" , [ ] , { } ] ", .array([.number("1"), .string("a"), .array([]), .object([])])),
        (#"{"a":{"b":[true,null]},"c":-1}"#,
         .object([("a", .object([("b", .array([.bool(true), .null]))])), ("c", .number("-1"))])),
        (#"{"a":1,"a":2}"#, .object([("a", .number("1")), ("a", .number("2"))])),
        (#"{"é😀":"v"}"#, .object([("é😀", .string("v"))])),
        ("\t\r\n 1 \n", .number("1")),
        ("[[[[\"deep\"]]]]", .array([.array([.array([.array([.string("deep")])])])])),
    ]

    @Test(arguments: valid)
    func reader_whenInputIsValidJSON_parsesExactValue(input: String, expected: JSONValue) throws {
        let v = try JSONReader.parse(input)
        #expect(sameJSON(v, expected), "parsed \(v), expected \(expected)")
    }

    /// Invalid inputs as bytes (so that invalid UTF-8 can be written) and a fragment of the reason.
    static let invalid: [([UInt8], String)] = [
        ([], "unexpected end of input"),
        (Array("   ".utf8), "unexpected end of input"),
        (Array("1 2".utf8), "unexpected data after the JSON value"),
        (Array("{} x".utf8), "unexpected data after the JSON value"),
        (Array("01".utf8), "unexpected data after the JSON value"),
        (Array("-01".utf8), "unexpected data after the JSON value"),
        (Array("1.".utf8), "invalid number"),
        (Array("1.e5".utf8), "invalid number"),
        (Array("-".utf8), "invalid number"),
        (Array("-a".utf8), "invalid number"),
        (Array("1e".utf8), "invalid number"),
        (Array("1e+".utf8), "invalid number"),
        (Array(".5".utf8), "unexpected character"),
        (Array("+1".utf8), "unexpected character"),
        (Array("NaN".utf8), "unexpected character"),
        (Array("Infinity".utf8), "unexpected character"),
        (Array("'a'".utf8), "unexpected character"),
        (Array("tru".utf8), "invalid literal"),
        (Array("nul".utf8), "invalid literal"),
        (Array("trUe".utf8), "invalid literal"),
        (Array("True".utf8), "unexpected character"),
        (Array("\"abc".utf8), "unterminated string"),
        (Array(#""abc\n"#.utf8), "unterminated string"),
        (Array(#""abc\"#.utf8), "unterminated escape"),
        (Array(#""\x""#.utf8), "invalid escape"),
        (Array(#""\U0041""#.utf8), "invalid escape"),
        (Array(#""\u12""#.utf8), "invalid \\u escape"),
        (Array(#""\uZZZZ""#.utf8), "invalid \\u escape"),
        (Array(#""\ud800""#.utf8), "lone surrogate"),
        (Array(#""\ud800x""#.utf8), "lone surrogate"),
        (Array(#""\uDBFF\n""#.utf8), "lone surrogate"),
        (Array(#""\udc00""#.utf8), "lone surrogate"),
        (Array(#""\uDFFF\uD800""#.utf8), "lone surrogate"),
        (Array(#""\ud800\u0041""#.utf8), "invalid surrogate pair"),
        (Array(#""\ud800\ud800""#.utf8), "invalid surrogate pair"),
        (Array("\"a\u{1}b\"".utf8), "control character in a string"),
        (Array("\"tab\there\"".utf8), "control character in a string"),
        (Array("\"line\nbreak\"".utf8), "control character in a string"),
        (Array("\"esc \\n then \u{1F}\"".utf8), "control character in a string"),
        ([0x22, 0xFF, 0x22], "invalid UTF-8"),
        ([0x22, 0xC3, 0x22], "invalid UTF-8"),
        ([0x22, 0xC0, 0xAF, 0x22], "invalid UTF-8"),
        ([0x22, 0xED, 0xA0, 0x80, 0x22], "invalid UTF-8"),
        ([0x22, 0xF4, 0x90, 0x80, 0x80, 0x22], "invalid UTF-8"),
        ([0x22, 0x5C, 0x6E, 0xFF, 0x22], "invalid UTF-8"),
        ([0xFF], "unexpected character"),
        ([0xEF, 0xBB, 0xBF, 0x31], "unexpected character"),
        (Array("[".utf8), "unexpected end of input"),
        (Array("[1".utf8), "unexpected end of input in an array"),
        (Array("[1,]".utf8), "unexpected character"),
        (Array("[1 2]".utf8), "expected ',' or ']'"),
        (Array("{".utf8), "expected a string key"),
        (Array(#"{"a":1"#.utf8), "unexpected end of input in an object"),
        (Array(#"{"a" 1}"#.utf8), "expected ':'"),
        (Array("{a:1}".utf8), "expected a string key"),
        (Array(#"{"a":1,}"#.utf8), "expected a string key"),
        (Array(#"{"a":1 "b":2}"#.utf8), "expected ',' or '}'"),
        (Array(#"{"a":}"#.utf8), "unexpected character"),
    ]

    @Test(arguments: invalid)
    func reader_whenInputIsInvalid_rejectsWithReason(input: [UInt8], reason: String) {
        do throws(JSONReader.Failure) {
            let v = try JSONReader.parse(input)
            Issue.record("accepted \(text(input)) as \(v)")
        } catch {
            #expect(error.reason.contains(reason), "reason was '\(error.reason)' for \(input)")
            #expect(error.offset >= 0 && error.offset <= input.count)
        }
    }

    @Test func reader_whenStringHasLoneSurrogate_rejects() {
        #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(#"{"text":"a\ud83d b"}"#) }
        #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(#"["\ude00"]"#) }
    }

    static let offsets: [(String, Int)] = [
        ("1 2", 2),
        ("01", 1),
        ("[1,]", 3),
        ("  @", 2),
        (#"{"a" 1}"#, 5),
    ]

    @Test(arguments: offsets)
    func reader_whenInputIsInvalid_reportsByteOffsetOfTheProblem(input: String, offset: Int) {
        do throws(JSONReader.Failure) { _ = try JSONReader.parse(input); Issue.record("accepted \(input)") } catch {
            #expect(error.offset == offset, "\(error)")
            #expect(error.description.hasSuffix("at byte \(offset)"))
        }
    }

    @Test func reader_whenInvalidUTF8InString_reportsOffsetOfStringStart() {
        do throws(JSONReader.Failure) { _ = try JSONReader.parse([0x5B, 0x22, 0x61, 0xFF, 0x22, 0x5D]); Issue.record("accepted") } catch {
            #expect(error.offset == 2)
        }
    }

    @Test(arguments: [1, 2, 255, 256])
    func reader_whenNestingIsAtMost256_accepts(depth: Int) throws {
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        var v = try JSONReader.parse(arrays)
        var seen = 0
        while case .array(let items) = v { seen += 1; v = items.first ?? .null }
        #expect(seen == depth)
        let objects = String(repeating: "{\"k\":", count: depth - 1) + "{}" + String(repeating: "}", count: depth - 1)
        _ = try JSONReader.parse(objects)
    }

    @Test(arguments: [257, 258, 10_000])
    func reader_whenNestingIsDeeperThan256_rejects(depth: Int) {
        let arrays = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        do throws(JSONReader.Failure) { _ = try JSONReader.parse(arrays); Issue.record("accepted depth \(depth)") } catch {
            #expect(error.reason.contains("nesting deeper than 256"))
            #expect(error.offset == 256)
        }
        let objects = String(repeating: "{\"k\":", count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(throws: JSONReader.Failure.self) { try JSONReader.parse(objects) }
    }

    @Test func reader_whenGivenBufferOrArrayOrString_agrees() throws {
        let s = #"{"id":[1,"é",null],"ok":true}"#
        let bytes = Array(s.utf8)
        let a = try JSONReader.parse(s)
        let b = try JSONReader.parse(bytes)
        let c = try bytes.withUnsafeBufferPointer { try JSONReader.parse($0) }
        #expect(sameJSON(a, b) && sameJSON(b, c))
    }

    @Test func reader_whenBufferIsASliceOfALargerLine_parsesOnlyTheSlice() throws {
        // The server hands the reader a slice of its read buffer; bytes after the slice must not be read.
        let bytes = Array(#"{"a":1}{"b":2}"#.utf8)
        let v = try bytes.withUnsafeBufferPointer { buf in try JSONReader.parse(UnsafeBufferPointer(rebasing: buf[0..<7])) }
        #expect(sameJSON(v, .object([("a", .number("1"))])))
    }
}
