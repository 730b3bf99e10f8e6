import Testing
import StageKit
@testable import CleanStage

/// The map from `clean`'s output back to the input (`"source_offsets": true`).
struct SourceMapTests {
    /// Cleans `input` with the map and returns the input text behind the first occurrence of `piece`
    /// in the output.
    static func source(of piece: String, in input: String, _ options: [String: CleanHarness.Value] = [:]) throws -> String? {
        let stage = options.isEmpty ? CleanHarness.standard : try CleanHarness.stage(options)
        let (out, map) = stage.cleanMapped(input)
        let text = Array(out.text.utf8), want = Array(piece.utf8)
        guard !want.isEmpty, text.count >= want.count else { return nil }
        for s in 0...(text.count - want.count) where Array(text[s..<(s + want.count)]) == want {
            let r = map.sourceSpan(s, s + want.count)
            return String(decoding: Array(input.utf8)[r.start..<r.end], as: UTF8.self)
        }
        return nil
    }

    @Test(arguments: [
        // plain text: trimmed, collapsed spaces, removed boilerplate, CRLF
        ("  first line\r\nShare this article\nsecond", "first line", "first line"),
        ("  first line\r\nShare this article\nsecond", "second", "second"),
        ("a  \t b", "a b", "a  \t b"),
        ("Tom &amp; Jerry", "&", "&amp;"),
        ("Tom &amp; Jerry", "Tom & Jerry", "Tom &amp; Jerry"),
        ("it&#8217;s", "’", "&#8217;"),
        // mojibake, also doubly encoded
        ("CafÃ© au lait", "é", "Ã©"),
        ("CafÃ© au lait", "Café", "CafÃ©"),
        ("CafÃƒÂ© twice", "é", "ÃƒÂ©"),
        ("itâ€™s fine", "it’s", "itâ€™s"),
        // NFC, controls, zero-width
        ("cafe\u{301} ok", "café", "cafe\u{301}"),
        ("zero\u{200B}width", "zerowidth", "zero\u{200B}width"),
        ("emoji 😀 ok", "😀", "😀"),
    ])
    func map_plainText_pointsAtTheSourceBytes(input: String, piece: String, expected: String) throws {
        #expect(try Self.source(of: piece, in: input) == expected)
    }

    @Test(arguments: [
        ("<html><body><p>Fish &amp; chips</p></body></html>", "&", "&amp;"),
        ("<html><body><p>Fish &amp; chips</p></body></html>", "Fish & chips", "Fish &amp; chips"),
        ("<html><body><p>caf&eacute; <b>bold</b> end</p></body></html>", "é", "&eacute;"),
        ("<html><body><p>caf&eacute; <b>bold</b> end</p></body></html>", "bold end", "bold</b> end"),
        ("<html><body><h2>Title</h2><p>one<br>two</p></body></html>", "two", "two"),
        ("<html><body><table><tr><td>a</td><td>b</td></tr></table></body></html>", "a | b", "a</td><td>b"),
        ("<html><body><pre>x &lt; y\n  z</pre></body></html>", "x < y", "x &lt; y"),
        ("<html><body><pre>x &lt; y\n  z</pre></body></html>", "  z", "  z"),
        ("<html><body><p>Caf\u{C3}\u{A9}\u{2019}s</p></body></html>", "Café’s", "Caf\u{C3}\u{A9}\u{2019}s"),
    ])
    func map_html_pointsIntoTheHTMLString(input: String, piece: String, expected: String) throws {
        #expect(try Self.source(of: piece, in: input) == expected)
    }

    @Test(arguments: [
        ("# Title\n\nSome **bold** and [a link](http://x) here.", "bold", "bold"),
        ("# Title\n\nSome **bold** and [a link](http://x) here.", "bold and a link", "bold** and [a link"),
        ("# Title\n\nSome **bold** and [a link](http://x) here.", "Title", "Title"),
        ("Setext\n======\n\none\ntwo &amp; three", "two & three", "two &amp; three"),
        ("| a | b |\n|---|---|\n| c | d |", "c | d", "c | d"),
        ("```\ncode  line\n```", "code  line", "code  line"),
        ("- item `x`\n- other", "item x", "item `x"),
    ])
    func map_markdown_pointsIntoTheMarkdown(input: String, piece: String, expected: String) throws {
        #expect(try Self.source(of: piece, in: input, ["markdown": .scalar("always")]) == expected)
    }

    @Test(arguments: [
        "plain text\r\nwith  lines &amp; more\n\n\nShare this article\nlast",
        "<html><head><title>T</title></head><body><nav>menu</nav><article><h1>H</h1><p>a &amp; b<br>c</p><ul><li>x</li><li>y</li></ul></article></body></html>",
        "# H\n\npara *em* `code` [l](u)\n\n> quote\n\n1. one\n2. two\n\n| a | b |\n|---|---|\n| 1 | 2 |\n",
        "dÃ©jÃ  vu, itâ€™s CafÃƒÂ©",
        "<p>unclosed <b>bold <i>italic",
    ])
    func map_coversEveryOutputByte_inOrderAndInBounds(input: String) throws {
        let (out, map) = CleanHarness.standard.cleanMapped(input)
        #expect(map.ranges.count == out.text.utf8.count)
        #expect(out.text == CleanHarness.standard.clean(input).text)
        var last: Int32 = 0
        let n = Int32(input.utf8.count)
        for r in map.ranges where !r.isInserted {
            #expect(r.start >= last && r.start <= r.end && r.end <= n)
            last = r.start
        }
        // every line of the output maps to a non-empty source range
        var start = 0
        for line in out.text.utf8.split(separator: 10, omittingEmptySubsequences: false) {
            let len = line.count
            if len > 0 { let s = map.sourceSpan(start, start + len); #expect(s.end > s.start) }
            start += len + 1
        }
    }

    @Test func map_insertedBytes_takeTheNearestPosition() {
        let map = SourceMap(source: "ab", ranges: [SourceMap.Range(start: 0, end: 1), .inserted, SourceMap.Range(start: 1, end: 2)])
        #expect(map.sourceSpan(1, 2) == (1, 1))
        #expect(map.sourceSpan(0, 3) == (0, 2))
        #expect(map.sourceSpan(3, 3) == (2, 2))
    }

    @Test func map_composed_goesBackToTheFirstSource() {
        let first = SourceMap(source: "&amp;x", ranges: [SourceMap.Range(start: 0, end: 5), SourceMap.Range(start: 5, end: 6)])
        let second = SourceMap(source: "&x", ranges: [SourceMap.Range(start: 1, end: 2)])
        let both = second.composed(after: first)
        #expect(both.source == "&amp;x")
        #expect(both.sourceSpan(0, 1) == (5, 6))
    }

    @Test func process_recordsTheMapOnlyWhenAsked() throws {
        var doc = Document(text: "<p>a &amp; b</p>")
        try CleanHarness.standard.process(&doc)
        #expect(doc.sourceMap == nil)
        var asked = Document(text: "<p>a &amp; b</p>")
        asked.requestFlags = ["source_offsets"]
        try CleanHarness.standard.process(&asked)
        #expect(asked.text == "a & b")
        #expect(asked.sourceMap?.source == "<p>a &amp; b</p>")
        #expect(asked.sourceMap.map { $0.sourceSpan(2, 3) == (5, 10) } == true)
    }
}
