import StageKit

/// Removes Markdown inline markup from one paragraph: emphasis and strike-through delimiters that pair up,
/// links and images (keeping their text / alt text), code-span backticks (keeping the code), autolinks,
/// inline HTML tags and backslash escapes; decodes complete character references.
struct MarkdownInline {
    let entities: EntityTable

    private struct Delim {
        var pos: Int          // first byte of the run in `out`
        var char: UInt8
        var length: Int       // original run length
        var left: Int         // bytes still unmatched at the run's end (openers use these)
        var used: Int         // bytes matched at the run's start (closers use these)
        var canOpen: Bool
        var canClose: Bool
        var active = true
    }

    @inline(__always) private static func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 }
    @inline(__always) private static func isPunct(_ b: UInt8) -> Bool {
        (b >= 33 && b <= 47) || (b >= 58 && b <= 64) || (b >= 91 && b <= 96) || (b >= 123 && b <= 126)
    }

    /// The paragraph text without markup. Deleted bytes are marked 0 while working, then removed.
    func strip(_ s: [UInt8]) -> [UInt8] { strip(s, src: nil).text }

    /// `strip`, and with `src` (the input range of each byte of `s`) the input range of each output byte.
    func strip(_ s: [UInt8], src: [SourceMap.Range]?) -> (text: [UInt8], src: [SourceMap.Range]) {
        let n = s.count
        var out: [UInt8] = []
        out.reserveCapacity(n)
        let record = src != nil
        var rec = InlineOrigins(on: record, src: src ?? [])
        var delims: [Delim] = []
        var brackets: [(pos: Int, width: Int)] = []
        var i = 0
        s.withUnsafeBufferPointer { p in
            while i < n {
                let b = p[i]
                switch b {
                case UInt8(ascii: "\\"):
                    if i + 1 < n, MarkdownInline.isPunct(p[i + 1]) { out.append(p[i + 1]); rec.add(i, i + 2, count: 1, copy: false); i += 2 } else { out.append(b); rec.add(i, i + 1, count: 1, copy: true); i += 1 }
                case UInt8(ascii: "`"):
                    var r = i
                    while r < n && p[r] == b { r += 1 }
                    let len = r - i
                    // closing run of the same length
                    var k = r
                    var close = -1
                    while k < n {
                        if p[k] == b {
                            var e = k
                            while e < n && p[e] == b { e += 1 }
                            if e - k == len { close = k; break }
                            k = e
                        } else { k += 1 }
                    }
                    if close < 0 {
                        out.append(contentsOf: p[i..<r]); rec.add(i, r, count: r - i, copy: true); i = r
                    } else {
                        var cs = r, ce = close
                        if ce - cs >= 2, p[cs] == 32, p[ce - 1] == 32 { cs += 1; ce -= 1 }
                        out.append(contentsOf: p[cs..<ce]); rec.add(cs, ce, count: ce - cs, copy: true)
                        i = close + len
                    }
                case UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"):
                    var r = i
                    while r < n && p[r] == b { r += 1 }
                    let prev: UInt8 = i > 0 ? p[i - 1] : 32
                    let next: UInt8 = r < n ? p[r] : 32
                    let left = !MarkdownInline.isSpace(next) && (!MarkdownInline.isPunct(next) || MarkdownInline.isSpace(prev) || MarkdownInline.isPunct(prev))
                    let right = !MarkdownInline.isSpace(prev) && (!MarkdownInline.isPunct(prev) || MarkdownInline.isSpace(next) || MarkdownInline.isPunct(next))
                    var canOpen = left, canClose = right
                    if b == UInt8(ascii: "_") {
                        canOpen = left && (!right || MarkdownInline.isPunct(prev))
                        canClose = right && (!left || MarkdownInline.isPunct(next))
                    }
                    if b == UInt8(ascii: "~") && r - i != 2 { canOpen = false; canClose = false }
                    delims.append(Delim(pos: out.count, char: b, length: r - i, left: r - i, used: 0, canOpen: canOpen, canClose: canClose))
                    out.append(contentsOf: p[i..<r]); rec.add(i, r, count: r - i, copy: true)
                    i = r
                case UInt8(ascii: "!") where i + 1 < n && p[i + 1] == UInt8(ascii: "["):
                    brackets.append((out.count, 2)); out.append(b); out.append(p[i + 1]); rec.add(i, i + 2, count: 2, copy: true); i += 2
                case UInt8(ascii: "["):
                    brackets.append((out.count, 1)); out.append(b); rec.add(i, i + 1, count: 1, copy: true); i += 1
                case UInt8(ascii: "]"):
                    guard let opener = brackets.popLast() else { out.append(b); rec.add(i, i + 1, count: 1, copy: true); i += 1; break }
                    if i + 1 < n, p[i + 1] == UInt8(ascii: "("), let close = MarkdownInline.matching(p, from: i + 1, open: UInt8(ascii: "("), close: UInt8(ascii: ")")) {
                        for k in opener.pos..<(opener.pos + opener.width) { out[k] = 0 }
                        i = close + 1
                    } else if i + 1 < n, p[i + 1] == UInt8(ascii: "["), let close = MarkdownInline.matching(p, from: i + 1, open: UInt8(ascii: "["), close: UInt8(ascii: "]")) {
                        for k in opener.pos..<(opener.pos + opener.width) { out[k] = 0 }
                        i = close + 1
                    } else {
                        out.append(b); rec.add(i, i + 1, count: 1, copy: true); i += 1
                    }
                case UInt8(ascii: "<"):
                    // autolink or inline HTML tag
                    var e = i + 1
                    while e < n && p[e] != UInt8(ascii: ">") && p[e] != UInt8(ascii: "<") && p[e] != 10 { e += 1 }
                    if e < n, p[e] == UInt8(ascii: ">"), e > i + 1 {
                        let inner = p[(i + 1)..<e]
                        let first = inner.first!
                        if MarkdownInline.isAutolink(inner) {
                            out.append(contentsOf: inner); rec.add(i + 1, e, count: e - i - 1, copy: true); i = e + 1; break
                        }
                        if ASCII.isLetter(first) || first == UInt8(ascii: "/") || first == UInt8(ascii: "!") {
                            if first == UInt8(ascii: "/") || ASCII.isLetter(first) {
                                // <br> and block-ish tags separate words
                                out.append(32); if record { rec.os.append(.inserted) }
                            }
                            i = e + 1; break
                        }
                    }
                    out.append(b); rec.add(i, i + 1, count: 1, copy: true); i += 1
                case UInt8(ascii: "&"):
                    let mark = out.count
                    if let e = entities.decode(p, at: i, end: n, strict: true, attribute: false, into: &out) { rec.add(i, e, count: out.count - mark, copy: false); i = e }
                    else { out.append(b); rec.add(i, i + 1, count: 1, copy: true); i += 1 }
                default:
                    out.append(b); rec.add(i, i + 1, count: 1, copy: true); i += 1
                }
            }
        }
        MarkdownInline.matchEmphasis(&delims, &out)
        if !record { return (out.filter { $0 != 0 }, []) }
        var text: [UInt8] = []
        var ts: [SourceMap.Range] = []
        text.reserveCapacity(out.count); ts.reserveCapacity(out.count)
        for (k, b) in out.enumerated() where b != 0 { text.append(b); ts.append(k < rec.os.count ? rec.os[k] : .inserted) }
        return (text, ts)
    }

    /// Index of the bracket that closes the one at `from`, or nil.
    private static func matching(_ p: UnsafeBufferPointer<UInt8>, from: Int, open: UInt8, close: UInt8) -> Int? {
        var depth = 0
        var k = from
        while k < p.count {
            let c = p[k]
            if c == UInt8(ascii: "\\") { k += 2; continue }
            if c == open { depth += 1 } else if c == close { depth -= 1; if depth == 0 { return k } }
            k += 1
        }
        return nil
    }

    private static func isAutolink(_ inner: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        if inner.contains(32) { return false }
        let lower = inner.prefix(8).map { ASCII.lower($0) }
        if lower.starts(with: Array("http://".utf8)) || lower.starts(with: Array("https://".utf8)) || lower.starts(with: Array("mailto:".utf8)) { return true }
        return inner.contains(UInt8(ascii: "@")) && inner.contains(UInt8(ascii: "."))
    }

    /// Pairs closers with the nearest earlier opener of the same character and deletes the matched bytes.
    private static func matchEmphasis(_ d: inout [Delim], _ out: inout [UInt8]) {
        guard d.count >= 2 else { return }
        for c in 0..<d.count where d[c].canClose {
            var o = c - 1
            while d[c].length - d[c].used > 0 && o >= 0 {
                if d[o].active && d[o].canOpen && d[o].char == d[c].char && d[o].left > 0 {
                    if d[c].char == UInt8(ascii: "~") && d[o].left != 2 { o -= 1; continue }
                    let use = min(2, d[o].left, d[c].length - d[c].used)
                    for k in 0..<use { out[d[o].pos + d[o].left - 1 - k] = 0 }
                    for k in 0..<use { out[d[c].pos + d[c].used + k] = 0 }
                    d[o].left -= use
                    d[c].used += use
                    // delimiters between the pair can no longer match across it
                    if o + 1 < c { for k in (o + 1)..<c { d[k].active = false } }
                    if d[o].left == 0 { o -= 1 }
                } else {
                    o -= 1
                }
            }
            if d[c].used > 0 { d[c].canOpen = false; d[c].left = 0 }
        }
    }
}

/// The input ranges of the bytes `MarkdownInline.strip` writes, when recording.
private struct InlineOrigins {
    let on: Bool
    let src: [SourceMap.Range]
    var os: [SourceMap.Range] = []

    /// The output bytes appended last (`count` of them) came from input bytes `lo..<hi` (one for one
    /// when `copy`).
    @inline(__always)
    mutating func add(_ lo: Int, _ hi: Int, count: Int, copy: Bool) {
        guard on else { return }
        if copy { for k in lo..<hi { os.append(k < src.count ? src[k] : .inserted) } }
        else { let r = LineOrigins.union(src, lo, hi); for _ in 0..<count { os.append(r) } }
    }
}
