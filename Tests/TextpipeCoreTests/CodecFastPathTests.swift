import Testing
@testable import TextpipeCore
import StageKit

/// The word-at-a-time paths of the JSON reader and writer and of OffsetMap handle eight bytes at a time
/// and the rest byte by byte: these tests put the interesting byte at every position of a long string.
@Suite struct CodecFastPathTests {
    /// Escapes one byte the plain way, as RFC 8259 and JSONWriter's short-string tests define it.
    static func naiveEscape(_ s: [UInt8]) -> [UInt8] {
        var out: [UInt8] = [0x22]
        let hex = Array("0123456789abcdef".utf8)
        for b in s {
            switch b {
            case 0x22: out += Array(#"\""#.utf8)
            case 0x5C: out += Array(#"\\"#.utf8)
            case 0x0A: out += Array(#"\n"#.utf8)
            case 0x0D: out += Array(#"\r"#.utf8)
            case 0x09: out += Array(#"\t"#.utf8)
            case 0..<0x20: out += Array(#"\u00"#.utf8) + [hex[Int(b >> 4)], hex[Int(b & 0xF)]]
            default: out.append(b)
            }
        }
        return out + [0x22]
    }

    /// Bytes that are escaped, and the ones just beside them that are not (0x20, 0x21, 0x5B, 0x7F).
    static let specials: [UInt8] = [0x22, 0x5C, 0x0A, 0x00, 0x01, 0x1F, 0x20, 0x21, 0x5B, 0x7F]

    @Test(arguments: specials)
    func writer_whenSpecialByteIsAtAnyPositionOfALongString_escapesLikeTheByteLoop(special: UInt8) {
        for length in [7, 8, 9, 16, 17, 33] {
            for at in 0..<length {
                var s = [UInt8](repeating: UInt8(ascii: "a"), count: length)
                s[at] = special
                var w = JSONWriter(capacity: 4)
                s.withUnsafeBufferPointer { w.string(bytes: $0) }
                #expect(w.bytes == Self.naiveEscape(s), "length \(length), byte \(special) at \(at)")
            }
        }
    }

    @Test func reader_whenEscapesAndMultibyteTextAreLong_roundTripsThroughTheWriter() throws {
        let pieces = ["plain ", "q\"uote ", "back\\slash ", "new\nline ", "tab\t", "é中😀 ", "\u{1}\u{1F}", "x"]
        var text = ""
        for i in 0..<200 { text += pieces[i % pieces.count] }
        for cut in [0, 1, 7, 8, 9, 63, 64, 65] {
            let s = String(text.dropFirst(cut))
            var w = JSONWriter()
            w.string(s)
            #expect(try JSONReader.parse(w.bytes) == .string(s), "cut \(cut)")
        }
    }

    @Test func reader_whenControlByteFollowsAnEscapeInALongString_reportsItsOffset() {
        // ["abcdefghij\nklmnopqrst<0x01>"]: the raw control byte sits after an escape, past 8-byte words.
        var line = Array(#"["abcdefghij\nklmnopqrst"#.utf8)
        let at = line.count
        line += [0x01] + Array(#""]"#.utf8)
        do throws(JSONReader.Failure) { _ = try JSONReader.parse(line); Issue.record("accepted") } catch {
            #expect(error.reason.contains("control character"))
            #expect(error.offset == at)
        }
    }

    @Test(arguments: OffsetUnit.allCases)
    func offsetMap_whenOffsetsAreUnsortedOverALongText_convertedFollowsTheGivenOrder(unit: OffsetUnit) {
        var s = ""
        for i in 0..<120 { s += ["word ", "café ", "東京 ", "😀 ", "👍🏽."][i % 5] }
        var boundaries: [Int] = [0], expected: [Int] = [0]
        var b = 0, u = 0
        for scalar in s.unicodeScalars {
            b += String(scalar).utf8.count
            u += unit == .utf8 ? String(scalar).utf8.count : unit == .utf16 ? String(scalar).utf16.count : 1
            boundaries.append(b); expected.append(u)
        }
        // Every boundary, in an order that is sorted in runs (as a response's lists are), with repeats.
        let order = Array(stride(from: 0, to: boundaries.count, by: 2)) + Array(stride(from: 1, to: boundaries.count, by: 2)) + [3, 3, 0]
        let offsets = order.map { boundaries[$0] }
        Array(s.utf8).withUnsafeBufferPointer { buf in
            let map = OffsetMap(text: buf, unit: unit, offsets: offsets)
            #expect(map.converted == order.map { expected[$0] })
            #expect(offsets.map { map($0) } == order.map { expected[$0] })
        }
    }
}
