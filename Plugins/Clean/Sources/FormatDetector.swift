import StageKit

/// Decides whether input is HTML or Markdown (for the `auto` settings) from its first part.
enum FormatDetector {
    /// Tags that show a text is HTML. `<html`, `<!doctype`, `<head`, `<body` decide alone.
    private static let strong: [[UInt8]] = ["<html", "<!doctype html", "<head", "<body"].map { Array($0.utf8) }
    private static let tags: [[UInt8]] = [
        "<p>", "<p ", "<div", "<br", "<span", "<a href", "<table", "<ul>", "<ul ", "<ol>", "<li>", "<li ", "<h1", "<h2", "<h3",
        "<h4", "<h5", "<h6", "<article", "<section", "<meta", "<title", "<script", "<img ", "<strong>", "<em>", "<b>", "<i>",
        "<blockquote", "<pre>", "<tr>", "<td", "</p>", "</div>", "</a>", "</li>", "</span>", "<hr", "<main", "<nav",
    ].map { Array($0.utf8) }

    /// HTML when a strong tag appears in the first 8 KB, or three known tags, or one when the text starts with `<`.
    static func looksLikeHTML(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(p.count, 8192)
        var count = 0
        var firstNonSpace: UInt8 = 0
        for i in 0..<n where !ASCII.isSpace(p[i]) && p[i] != 0xEF && p[i] != 0xBB && p[i] != 0xBF { firstNonSpace = p[i]; break }
        var i = 0
        while i < n {
            if p[i] == UInt8(ascii: "<") {
                for s in strong where matchesAt(p, i, n, s) { return true }
                for t in tags where matchesAt(p, i, n, t) { count += 1; break }
                if count >= 3 { return true }
            }
            i += 1
        }
        return count >= 1 && firstNonSpace == UInt8(ascii: "<")
    }

    private static func matchesAt(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ n: Int, _ s: [UInt8]) -> Bool {
        guard i + s.count <= n else { return false }
        for k in 0..<s.count where ASCII.lower(p[i + k]) != s[k] { return false }
        return true
    }

    /// Markdown when the first 64 KB show an ATX heading, a code fence, a link or image, or a table
    /// delimiter row; or two different weaker signs (`**bold**`, Setext underline, bullet or ordered list,
    /// block quote, code span).
    static func looksLikeMarkdown(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(p.count, 65536)
        var kinds: Set<UInt8> = []   // 1 ATX, 2 fence, 3 link, 4 bold, 5 setext, 6 table, 11 list, 12 quote, 13 code span
        var lineStart = 0
        var prevLineHadText = false
        while lineStart < n {
            var e = lineStart
            while e < n && p[e] != 10 { e += 1 }
            var k = lineStart
            while k < e && k - lineStart < 4 && p[k] == 32 { k += 1 }
            let line = k..<e
            if !line.isEmpty {
                let b = p[k]
                let next: UInt8 = k + 1 < e ? p[k + 1] : 0
                if b == UInt8(ascii: "#") {
                    var h = k
                    while h < e && p[h] == b { h += 1 }
                    if h - k <= 6 && h < e && p[h] == 32 { kinds.insert(1) }
                } else if (b == UInt8(ascii: "`") || b == UInt8(ascii: "~")) && k + 2 < e && p[k + 1] == b && p[k + 2] == b {
                    kinds.insert(2)
                } else if (b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+")) && next == 32 {
                    kinds.insert(11)
                } else if b == UInt8(ascii: ">") && (next == 32 || next == UInt8(ascii: ">")) {
                    kinds.insert(12)
                } else if ASCII.isDigit(b) {
                    var d = k
                    while d < e && ASCII.isDigit(p[d]) { d += 1 }
                    if d + 1 < e && d - k <= 3 && (p[d] == UInt8(ascii: ".") || p[d] == UInt8(ascii: ")")) && p[d + 1] == 32 { kinds.insert(11) }
                }
                if prevLineHadText && (b == UInt8(ascii: "=") || b == UInt8(ascii: "-")) {
                    var d = k
                    while d < e && p[d] == b { d += 1 }
                    while d < e && p[d] == 32 { d += 1 }
                    if d == e && e - k >= 3 { kinds.insert(5) }
                }
                // inline: links, bold, code spans, table delimiter rows
                var q = k
                var pipes = 0, dashes = 0, others = 0
                while q < e {
                    let c = p[q]
                    if c == UInt8(ascii: "]") && q + 1 < e && p[q + 1] == UInt8(ascii: "(") {
                        // need a `[` earlier on the line and a `)` later
                        var hasOpen = false
                        for r in k..<q where p[r] == UInt8(ascii: "[") { hasOpen = true; break }
                        if hasOpen, (q + 2..<e).contains(where: { p[$0] == UInt8(ascii: ")") }) { kinds.insert(3) }
                    } else if (c == UInt8(ascii: "*") || c == UInt8(ascii: "_")) && q + 2 < e && p[q + 1] == c && p[q + 2] != 32 {
                        // `**x` with a closing `x**` later
                        var r = q + 3
                        while r + 1 < e { if p[r] == c && p[r + 1] == c && p[r - 1] != 32 { kinds.insert(4); break }; r += 1 }
                    } else if c == UInt8(ascii: "`") && q + 1 < e && p[q + 1] != UInt8(ascii: "`") {
                        if (q + 2..<e).contains(where: { p[$0] == UInt8(ascii: "`") }) { kinds.insert(13) }
                    }
                    if c == UInt8(ascii: "|") { pipes += 1 } else if c == UInt8(ascii: "-") { dashes += 1 } else if c != 32 && c != UInt8(ascii: ":") && c != 13 { others += 1 }
                    q += 1
                }
                if pipes >= 1 && dashes >= 3 && others == 0 { kinds.insert(6) }
            }
            prevLineHadText = !line.isEmpty && !(p[k] == 13 && k + 1 == e)
            lineStart = e + 1
        }
        if !kinds.isDisjoint(with: [1, 2, 3, 6]) { return true }
        return kinds.count >= 2
    }
}
