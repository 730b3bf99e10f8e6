import Testing
import StageKit
@testable import CleanStage

/// The 16-byte scans of the clean stage against plain byte-by-byte answers, with the interesting byte at
/// every offset around the 16-byte steps.
struct FastScanTests {
    static let offsets = Array(0...40)

    @Test(arguments: offsets)
    func nextLineBreak_findsTheFirstBreakAtAnyOffset(at: Int) {
        for brk: UInt8 in [10, 13] {
            var bytes = [UInt8](repeating: UInt8(ascii: "a"), count: 50)
            bytes[at] = brk
            bytes.withUnsafeBufferPointer { p in
                #expect(UTF8Util.nextLineBreak(p, 0) == at)
                #expect(UTF8Util.nextLineBreak(p, at + 1) == p.count)
            }
        }
    }

    @Test(arguments: offsets)
    func plainPrefix_stopsBeforeControlsNonASCIIAndDoubleSpaces(at: Int) {
        for bad: [UInt8] in [[9], [0x7F], [0xC3, 0xA9], [32, 32], [0]] {
            var bytes = [UInt8](repeating: UInt8(ascii: "b"), count: 60)
            for (k, c) in bad.enumerated() { bytes[at + k] = c }
            bytes.withUnsafeBufferPointer { p in
                let n = UTF8Util.plainPrefix(p)
                // everything before the prefix end is plain, and the bad bytes are not inside it
                #expect(n <= at + bad.count - 1)
                #expect(n % 16 == 0)
                for k in 0..<n { #expect(p[k] >= 0x20 && p[k] < 0x7F) }
            }
        }
    }

    @Test(arguments: offsets)
    func looksLikeMarkdown_seesASignAtAnyOffset(at: Int) {
        let pad = String(repeating: "x", count: at)
        // a strong sign alone decides; two weak signs together decide
        for (text, expected) in [
            ("\(pad) see [the docs](https://example.com) now", true),
            ("\(pad) a **bold** and a `code` span", true),
            ("\(pad) only **bold** here", false),
            ("\(pad) nothing at all here", false),
            ("heading\n\(pad)\n| a | b |\n|---|---|", true),
        ] {
            var s = text
            let got = s.withUTF8 { FormatDetector.looksLikeMarkdown($0) }
            #expect(got == expected, "\(text)")
        }
    }

    @Test(arguments: offsets)
    func looksLikeHTML_findsTagsAtAnyOffset(at: Int) {
        var s = String(repeating: "y", count: at) + " <html><body>x</body></html>"
        #expect(s.withUTF8 { FormatDetector.looksLikeHTML($0) })
        var plain = String(repeating: "y", count: at) + " 3 < 4 and 5 > 2"
        #expect(!plain.withUTF8 { FormatDetector.looksLikeHTML($0) })
    }
}
