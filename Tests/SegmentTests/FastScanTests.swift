import Testing
@testable import SegmentStage

/// The quick paths of the splitter against byte-by-byte answers.
struct FastScanTests {
    @Test(arguments: Array(0...40))
    func nextMark_findsEveryQuoteOrBracketAtAnyOffset(at: Int) {
        let marks: [[UInt8]] = [[0x22], [0x27], [0x60], [0x28], [0x29], [0x5B], [0x5D], [0xC2, 0xAB], [0xE2, 0x80, 0x9C]]
        for m in marks {
            var bytes = [UInt8](repeating: UInt8(ascii: "q"), count: 64)
            for (k, c) in m.enumerated() { bytes[at + k] = c }
            bytes.withUnsafeBufferPointer { p in
                #expect(SentenceSplitter.nextMark(p, 0, p.count) == at)
                #expect(SentenceSplitter.nextMark(p, at + m.count, p.count) == p.count)
            }
        }
    }

    @Test(arguments: [
        ("iv. item", 1), ("(xii) item", 4), ("12) item", 2), ("a.) item", 3), ("B) item", 2), ("xviii. item", 0),
        ("said. More", 0), ("the end", 0), ("1987. Then", 0), ("(a) item", 4),
    ])
    func enumerator_readsMarkersAndRejectsWords(text: String, form: Int) {
        var s = text
        let e = s.withUTF8 { LineMarkers.enumerator($0, 0, $0.count) }
        #expect(Int(e?.form ?? 0) == form, "\(text)")
    }
}
