import Testing
@testable import TextpipeCore
import StageKit

@Suite struct JSONWriterTests {
    static let escapes: [(String, String)] = [
        ("", #""""#),
        ("plain", #""plain""#),
        ("a\"b", #""a\"b""#),
        ("back\\slash", #""back\\slash""#),
        ("\n\r\t", #""\n\r\t""#),
        ("\u{0}", #""\u0000""#),
        ("\u{1}", #""\u0001""#),
        ("\u{8}", #""\u0008""#),
        ("\u{B}", #""\u000b""#),
        ("\u{C}", #""\u000c""#),
        ("\u{1B}", #""\u001b""#),
        ("\u{1F}", #""\u001f""#),
        ("x\u{1F}y\"z", #""x\u001fy\"z""#),
        ("\u{7F}", "\"\u{7F}\""),
        ("/", #""/""#),
        ("é中😀", "\"é中😀\""),
        ("\u{2028}\u{2029}", "\"\u{2028}\u{2029}\""),
        ("end\\", #""end\\""#),
        ("\"\"", #""\"\"""#),
    ]

    @Test(arguments: escapes)
    func writer_whenStringNeedsEscaping_escapesPerRFC8259(input: String, expected: String) {
        var w = JSONWriter()
        w.string(input)
        #expect(text(w.bytes) == expected)
        var w2 = JSONWriter()
        Array(input.utf8).withUnsafeBufferPointer { w2.string(bytes: $0) }
        #expect(w2.bytes == w.bytes)
    }

    @Test(arguments: escapes.map(\.0))
    func writer_whenStringIsWrittenThenRead_roundTrips(input: String) throws {
        var w = JSONWriter()
        w.string(input)
        #expect(sameJSON(try JSONReader.parse(w.bytes), .string(input)))
    }

    static let values: [JSONValue] = [
        .null, .bool(true), .bool(false),
        .number("0"), .number("-1.5e-7"), .number("12345678901234567890"),
        .string(""), .string("q\"uote\\ \u{1}\n é 😀"),
        .array([]), .object([]),
        .array([.null, .number("1"), .array([.string("x")]), .object([("k", .bool(false))])]),
        .object([("z", .number("1")), ("a", .number("2")), ("a", .string("dup keys keep order"))]),
        .object([("ké\"y\n", .object([("inner", .array([.null, .null]))]))]),
    ]

    @Test(arguments: values)
    func writer_whenValueIsWrittenThenRead_roundTripsExactly(value: JSONValue) throws {
        var w = JSONWriter()
        w.value(value)
        #expect(sameJSON(try JSONReader.parse(w.bytes), value), "\(text(w.bytes))")
    }

    @Test(arguments: values)
    func writer_whenPrettyPrinting_producesParseableEqualJSON(value: JSONValue) throws {
        var w = JSONWriter()
        w.pretty(value)
        #expect(sameJSON(try JSONReader.parse(w.bytes), value), "\(text(w.bytes))")
    }

    @Test func writer_whenPrettyPrinting_indentsWithTwoSpacesPerLevel() {
        var w = JSONWriter()
        w.pretty(.object([("a", .array([.number("1"), .number("2")])), ("b", .array([])), ("c", .object([]))]))
        #expect(text(w.bytes) == "{\n  \"a\": [\n    1,\n    2\n  ],\n  \"b\": [],\n  \"c\": {}\n}")
    }

    @Test func writer_whenWritingCompactValue_emitsNoWhitespace() {
        var w = JSONWriter()
        w.value(.object([("a", .array([.number("1"), .null])), ("b", .string("x y"))]))
        #expect(text(w.bytes) == #"{"a":[1,null],"b":"x y"}"#)
    }

    @Test(arguments: [0, 1, 9, 10, 11, 99, 100, -1, -9, -10, 1_234_567_890, -987_654_321, Int.max, Int.min, Int.max - 1, Int.min + 1])
    func writer_whenWritingInt_matchesDecimalText(v: Int) throws {
        var w = JSONWriter()
        w.int(v)
        #expect(text(w.bytes) == String(v))
        #expect(try JSONReader.parse(w.bytes).intValue == v)
    }

    static let scores: [(Double, String)] = [
        (0, "0"),
        (-0.0, "0"),
        (1, "1"),
        (-1, "-1"),
        (0.5, "0.5"),
        (-0.5, "-0.5"),
        (0.1, "0.1"),
        (0.05, "0.05"),
        (0.25, "0.25"),
        (-0.0001, "-0.0001"),
        (0.0001, "0.0001"),
        (0.1234, "0.1234"),
        (0.123456, "0.1235"),
        (0.12344, "0.1234"),
        (-0.98766, "-0.9877"),
        (0.00004, "0"),
        (-0.00004, "0"),
        (0.99996, "1"),
        (2.5, "2.5"),
        (12.3456, "12.3456"),
        (0.1001, "0.1001"),
        (0.101, "0.101"),
        (Double.nan, "0"),
        (Double.infinity, "0"),
        (-Double.infinity, "0"),
    ]

    @Test(arguments: scores)
    func writer_whenWritingScore_roundsToFourDecimalsWithoutExponent(v: Double, expected: String) throws {
        var w = JSONWriter()
        w.score(v)
        #expect(text(w.bytes) == expected)
        let parsed = try JSONReader.parse(w.bytes)
        #expect(parsed.doubleValue != nil)
        #expect(!text(w.bytes).contains("e") && !text(w.bytes).contains("E"))
    }

    @Test
    func writer_whenScoreIsHugeButFinite_doesNotCrash() throws {
        var w = JSONWriter()
        w.score(1e16)
        _ = try JSONReader.parse(w.bytes)
    }

    @Test func writer_whenRawAndByteAndKeyAreMixed_concatenates() {
        var w = JSONWriter(capacity: 4)
        w.byte(UInt8(ascii: "{")); w.key("k"); w.int(-42); w.raw("}")
        #expect(text(w.bytes) == #"{"k":-42}"#)
    }
}
