#if canImport(Glibc)
import Glibc
#endif
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
        guard let base = p.baseAddress else { return false }
        var i = 0
        while i < n, let hit = memchr(base + i, Int32(UInt8(ascii: "<")), n - i) {
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            for s in strong where matchesAt(p, i, n, s) { return true }
            for t in tags where matchesAt(p, i, n, t) { count += 1; break }
            if count >= 3 { return true }
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
    /// block quote, code span). Stops as soon as the answer is known; lines are found with `memchr`
    /// and ordinary bytes (everything but `] * _ ` | - : space CR`) are skipped one compare each.
    static func looksLikeMarkdown(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = min(p.count, 65536)
        guard n > 0, let base = p.baseAddress else { return false }
        // one bit per kind: 1 ATX, 2 fence, 3 link, 4 bold, 5 setext, 6 table, 11 list, 12 quote, 13 code span
        var kinds: UInt16 = 0
        let strong: UInt16 = 1 << 1 | 1 << 2 | 1 << 3 | 1 << 6
        @inline(__always) func decided(_ k: UInt16) -> Bool { k & strong != 0 || k.nonzeroBitCount >= 2 }
        var lineStart = 0
        var prevLineHadText = false
        while lineStart < n {
            var e = n
            if let hit = memchr(base + lineStart, 10, n - lineStart) {
                e = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            }
            var k = lineStart
            while k < e && k - lineStart < 4 && p[k] == 32 { k += 1 }
            let lineIsEmpty = k >= e
            if !lineIsEmpty {
                let b = p[k]
                let next: UInt8 = k + 1 < e ? p[k + 1] : 0
                if b == UInt8(ascii: "#") {
                    var h = k
                    while h < e && p[h] == b { h += 1 }
                    if h - k <= 6 && h < e && p[h] == 32 { kinds |= 1 << 1 }
                } else if (b == UInt8(ascii: "`") || b == UInt8(ascii: "~")) && k + 2 < e && p[k + 1] == b && p[k + 2] == b {
                    kinds |= 1 << 2
                } else if (b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+")) && next == 32 {
                    kinds |= 1 << 11
                } else if b == UInt8(ascii: ">") && (next == 32 || next == UInt8(ascii: ">")) {
                    kinds |= 1 << 12
                } else if ASCII.isDigit(b) {
                    var d = k
                    while d < e && ASCII.isDigit(p[d]) { d += 1 }
                    if d + 1 < e && d - k <= 3 && (p[d] == UInt8(ascii: ".") || p[d] == UInt8(ascii: ")")) && p[d + 1] == 32 { kinds |= 1 << 11 }
                }
                if prevLineHadText && (b == UInt8(ascii: "=") || b == UInt8(ascii: "-")) {
                    var d = k
                    while d < e && p[d] == b { d += 1 }
                    while d < e && p[d] == 32 { d += 1 }
                    if d == e && e - k >= 3 { kinds |= 1 << 5 }
                }
                if decided(kinds) { return true }
                // inline: links, bold, code spans (only at `] * _ ``, found 16 bytes at a time)
                var q = nextInlineSign(base, k, e)
                while q < e {
                    let c = p[q]
                    if c == UInt8(ascii: "]") {
                        // `](` with a `[` earlier on the line and a `)` later
                        if q + 1 < e && p[q + 1] == UInt8(ascii: "("), memchr(base + k, Int32(UInt8(ascii: "[")), q - k) != nil,
                           q + 2 < e, memchr(base + q + 2, Int32(UInt8(ascii: ")")), e - q - 2) != nil {
                            return true
                        }
                    } else if c == UInt8(ascii: "`") {
                        if q + 1 < e && p[q + 1] != UInt8(ascii: "`") && q + 2 < e,
                           memchr(base + q + 2, Int32(UInt8(ascii: "`")), e - q - 2) != nil {
                            kinds |= 1 << 13
                            if decided(kinds) { return true }
                        }
                    } else if q + 2 < e && p[q + 1] == c && p[q + 2] != 32 {
                        // `**x` (or `__x`) with a closing `x**` later
                        var r = q + 3
                        while r + 1 < e { if p[r] == c && p[r + 1] == c && p[r - 1] != 32 { kinds |= 1 << 4; break }; r += 1 }
                        if decided(kinds) { return true }
                    }
                    q = nextInlineSign(base, q + 1, e)
                }
                // a table delimiter row: only `| - :`, spaces and CR, with a `|` and three `-`
                var pipes = 0, dashes = 0, t = k
                while t < e {
                    let c = p[t]
                    if c == UInt8(ascii: "|") { pipes += 1 } else if c == UInt8(ascii: "-") { dashes += 1 }
                    else if c != 32 && c != UInt8(ascii: ":") && c != 13 { break }
                    t += 1
                }
                if t == e && pipes >= 1 && dashes >= 3 { return true }
            }
            prevLineHadText = !lineIsEmpty && !(p[k] == 13 && k + 1 == e)
            lineStart = e + 1
        }
        return false
    }

    /// The index of the first `]`, `*`, `_` or `` ` `` in `from..<to`, or `to`.
    @inline(__always) private static func nextInlineSign(_ base: UnsafePointer<UInt8>, _ from: Int, _ to: Int) -> Int {
        var i = from
        let close = SIMD16<UInt8>(repeating: UInt8(ascii: "]")), star = SIMD16<UInt8>(repeating: UInt8(ascii: "*"))
        let under = SIMD16<UInt8>(repeating: UInt8(ascii: "_")), tick = SIMD16<UInt8>(repeating: UInt8(ascii: "`"))
        while i + 16 <= to {
            let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
            if any((v .== close) .| (v .== star) .| (v .== under) .| (v .== tick)) { break }
            i += 16
        }
        while i < to {
            let c = base[i]
            if c == UInt8(ascii: "]") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") || c == UInt8(ascii: "`") { return i }
            i += 1
        }
        return to
    }
}
