import Testing
import StageKit
@testable import SegmentStage

/// Random texts built from tricky pieces: whatever the rules decide, the output must keep the
/// contract (blocks in order without overlap, sentences trimmed, non-empty, inside their block, in order).
@Suite struct InvariantTests {
    static let pieces = ["Mr.", "Dr. ", "U.S.", " ", "  ", "\n", "\n\n", "\r", "\r\n", "\t", ".", "..", "...", ". . .", "…", "!", "?", "?!",
                         "\"", "'", "“", "”", "‘", "’", "(", ")", "[", "]", "[1]", "a", "B", "word", "The", "It", "1.", "2)", "(iv)",
                         "a)", "- ", "* ", "• ", "⁃", "> ", "Q: ", "A: ", "# ", "e.g.", "a.m.", "5", "3.14", "x@y.com", "http://a.b/c",
                         ":)", "😀", "é", "Ü", "．", "。", "--\"", "\u{00A0}", "www.", "Title Case Line", "end.Next", "No. ", "Jan. "]

    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
    }

    static func check(_ text: String, _ seg: Segmenter, layout: [Block]? = nil) {
        let doc = TestSupport.process(text, seg, layout: layout)
        let blocks = doc.blocks ?? []
        let n = text.utf8.count
        var prevEnd = 0
        for b in blocks {
            #expect(b.start >= prevEnd && b.start < b.end && b.end <= n, "block \(b) in \(text.debugDescription)")
            prevEnd = b.end
        }
        var prevSentenceEnd = 0
        for s in doc.sentences ?? [] {
            #expect(s.block >= 0 && s.block < blocks.count)
            guard s.block >= 0 && s.block < blocks.count else { continue }
            let b = blocks[s.block]
            #expect(b.start <= s.start && s.start < s.end && s.end <= b.end, "sentence \(s) in \(text.debugDescription)")
            #expect(s.start >= prevSentenceEnd)
            prevSentenceEnd = s.end
            let t = doc.slice(s.start, s.end)
            #expect(!t.isEmpty && t.first?.isWhitespace == false && t.last?.isWhitespace == false, "\(t.debugDescription) in \(text.debugDescription)")
        }
    }

    @Test(arguments: [NewlineMode.paragraph, .sentence, .join])
    func segment_randomTexts_keepTheContract(_ mode: NewlineMode) {
        let seg = TestSupport.segmenter(SegmentConfig(newlines: mode, maxSentenceBytes: mode == .join ? 40 : 0))
        var g = Generator(state: 42 &+ UInt64(mode.rawValue.utf8.count))
        for _ in 0..<1500 {
            var text = ""
            for _ in 0..<(Int(g.next() % 40) + 1) {
                text += Self.pieces[Int(g.next() % UInt64(Self.pieces.count))]
            }
            Self.check(text, seg)
        }
    }

    @Test func segment_randomLayouts_keepTheContract() {
        var g = Generator(state: 7)
        for _ in 0..<500 {
            var text = ""
            for _ in 0..<(Int(g.next() % 30) + 1) { text += Self.pieces[Int(g.next() % UInt64(Self.pieces.count))] }
            let n = text.utf8.count
            var layout: [Block] = []
            for _ in 0..<Int(g.next() % 4) {
                let a = Int(g.next() % UInt64(n + 1)), b = Int(g.next() % UInt64(n + 2))
                layout.append(Block(start: a, end: b, kind: BlockKind.allCases[Int(g.next() % 8)], level: 1))
            }
            // Layout spans may cut UTF-8 characters or overlap; the stage must cope.
            Self.check(text, TestSupport.standard, layout: layout)
        }
    }
}
