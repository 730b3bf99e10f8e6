import StageKit

/// Turns Markdown into tagged lines: ATX and Setext headings, fenced and indented code (verbatim), block
/// quotes, bullet and ordered lists, pipe tables (one line per row, cells joined by " | "), paragraphs
/// (soft-wrapped lines joined by a space, hard breaks kept). Inline markup is removed by `MarkdownInline`.
struct MarkdownStripper: Sendable {
    let entities: EntityTable

    /// `record`: also note the input range of every byte of the text (`LineText.src`).
    func strip(_ p: UnsafeBufferPointer<UInt8>, record: Bool = false) -> LineText {
        var run = MarkdownRun(p: p, inline: MarkdownInline(entities: entities), record: record)
        run.run()
        return run.w.finish()
    }
}

private struct MarkdownRun {
    let p: UnsafeBufferPointer<UInt8>
    let inline: MarkdownInline
    var w: LineWriter
    let record: Bool
    var lines: [Range<Int>] = []
    /// With `record`: the input range of each byte of `para`.
    var paraSrc: [SourceMap.Range] = []

    /// The paragraph being collected: its source lines (joined later), kind, level.
    var para: [UInt8] = []
    var paraKind = LineKind.plain
    var paraLevel: UInt8 = 0
    var paraGroup: Int32 = 0
    /// Kind of the last block written, for choosing a line or a blank line before the next one.
    var lastKind = LineKind.plain
    var lastWasBlank = true
    var quoteGroup: Int32 = 0
    var indentedGroup: Int32 = 0

    init(p: UnsafeBufferPointer<UInt8>, inline: MarkdownInline, record: Bool) {
        self.p = p; self.inline = inline; self.record = record
        self.w = LineWriter(record: record)
        var s = 0
        for i in 0..<p.count where p[i] == 10 {
            var e = i
            if e > s && p[e - 1] == 13 { e -= 1 }
            lines.append(s..<e); s = i + 1
        }
        if s < p.count {
            var e = p.count
            if e > s && p[e - 1] == 13 { e -= 1 }
            lines.append(s..<e)
        }
    }

    @inline(__always) func isBlank(_ r: Range<Int>) -> Bool {
        for k in r where p[k] != 32 && p[k] != 9 { return false }
        return true
    }

    /// Column of the first non-space character (tabs count 4) and its index.
    func indent(_ r: Range<Int>) -> (Int, Int) {
        var col = 0
        var k = r.lowerBound
        while k < r.upperBound {
            if p[k] == 32 { col += 1 } else if p[k] == 9 { col += 4 - col % 4 } else { break }
            k += 1
        }
        return (col, k)
    }

    func trimmedEnd(_ r: Range<Int>) -> Int {
        var e = r.upperBound
        while e > r.lowerBound && (p[e - 1] == 32 || p[e - 1] == 9) { e -= 1 }
        return e
    }

    mutating func run() {
        var li = 0
        var fence: (char: UInt8, len: Int, indent: Int, group: Int32)? = nil
        var tableGroup: Int32 = 0
        while li < lines.count {
            let r = lines[li]
            defer { li += 1 }
            if let f = fence {
                let (col, k) = indent(r)
                if col <= 3, runLength(k, r.upperBound, f.char) >= f.len, isBlank((k + runLength(k, r.upperBound, f.char))..<r.upperBound) {
                    fence = nil
                    lastKind = .code; lastWasBlank = false
                    continue
                }
                // verbatim, minus the fence's indentation
                var s = r.lowerBound
                var c = 0
                while s < r.upperBound && c < f.indent && p[s] == 32 { s += 1; c += 1 }
                w.emitLine(p[s..<r.upperBound], source: s, kind: .code, level: 0, group: f.group)
                continue
            }
            if isBlank(r) {
                flush()
                tableGroup = 0
                lastWasBlank = true
                continue
            }
            let (col, k) = indent(r)
            let end = trimmedEnd(r)
            let b = p[k]
            // table rows continue a table
            if tableGroup != 0 {
                if contains(k..<end, UInt8(ascii: "|")) {
                    emitTableRow(k..<end, group: tableGroup)
                    continue
                }
                tableGroup = 0
            }
            // indented code
            if col >= 4 && para.isEmpty && lastWasBlank && lastKind != .listItem {
                var s = r.lowerBound
                var c = 0
                while s < r.upperBound && c < 4 { if p[s] == 9 { c = 4 } else { c += 1 }; s += 1 }
                let g = indentedGroup != 0 ? indentedGroup : w.newGroupID()
                if indentedGroup == 0 { w.blockBreak() }
                indentedGroup = g
                w.emitLine(p[s..<end], source: s, kind: .code, level: 0, group: g)
                lastKind = .code
                continue
            }
            indentedGroup = 0
            if col <= 3 && (b == UInt8(ascii: "`") || b == UInt8(ascii: "~")) {
                let len = runLength(k, end, b)
                if len >= 3 && !(b == UInt8(ascii: "`") && contains((k + len)..<end, UInt8(ascii: "`"))) {
                    flush()
                    w.blockBreak()
                    fence = (b, len, col, w.newGroupID())
                    continue
                }
            }
            if col <= 3 && b == UInt8(ascii: "#") {
                let len = runLength(k, end, b)
                if len <= 6 && (k + len == end || p[k + len] == 32 || p[k + len] == 9) {
                    flush()
                    var e = end
                    // closing sequence of #s
                    var h = e
                    while h > k + len && p[h - 1] == UInt8(ascii: "#") { h -= 1 }
                    if h < e && (h == k + len || p[h - 1] == 32 || p[h - 1] == 9) { e = h }
                    emitBlock(Array(p[(k + len)..<e]), src: identity((k + len)..<e), kind: .heading, level: UInt8(len))
                    continue
                }
            }
            // Setext underline
            if col <= 3 && !para.isEmpty && paraKind == .plain && (b == UInt8(ascii: "=") || b == UInt8(ascii: "-")) && runLength(k, end, b) == end - k {
                let text = para, src = paraSrc
                para.removeAll(); paraSrc.removeAll()
                emitBlock(text, src: src, kind: .heading, level: b == UInt8(ascii: "=") ? 1 : 2)
                continue
            }
            // thematic break
            if col <= 3 && (b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "_")) && isThematicBreak(k..<end, b) {
                flush()
                w.blockBreak()
                lastKind = .plain; lastWasBlank = true
                continue
            }
            // table: header row followed by a delimiter row
            if contains(k..<end, UInt8(ascii: "|")), li + 1 < lines.count, isDelimiterRow(lines[li + 1]) {
                flush()
                tableGroup = w.newGroupID()
                w.blockBreak()
                emitTableRow(k..<end, group: tableGroup)
                li += 1
                continue
            }
            // block quote
            if col <= 3 && b == UInt8(ascii: ">") {
                var s = k
                while s < end && (p[s] == UInt8(ascii: ">") || p[s] == 32 || p[s] == 9) { s += 1 }
                if paraKind != .quote || para.isEmpty && lastKind != .quote { flush(); if quoteGroup == 0 || lastKind != .quote { quoteGroup = w.newGroupID() } }
                if s >= end { flush(); lastKind = .quote; continue }
                paraKind = .quote; paraGroup = quoteGroup; paraLevel = 0
                var s2 = s
                if p[s2] == UInt8(ascii: "#") { let l = runLength(s2, end, p[s2]); if l <= 6 && s2 + l < end && p[s2 + l] == 32 { s2 += l + 1 } }
                appendToParagraph(s2..<r.upperBound)
                continue
            }
            // list item
            if let contentStart = listMarker(k, end) {
                flush()
                paraKind = .listItem
                paraLevel = UInt8(min(col / 2 + 1, 9))
                paraGroup = w.newGroupID()
                var s = contentStart
                if s + 3 <= end, p[s] == UInt8(ascii: "["), p[s + 2] == UInt8(ascii: "]"),
                   p[s + 1] == 32 || p[s + 1] | 0x20 == UInt8(ascii: "x"), s + 3 == end || p[s + 3] == 32 {
                    s = min(end, s + 4)
                }
                appendToParagraph(s..<r.upperBound)
                continue
            }
            // link reference definition
            if para.isEmpty, col <= 3, b == UInt8(ascii: "["), let close = firstIndex(k..<end, UInt8(ascii: "]")), close + 1 < end, p[close + 1] == UInt8(ascii: ":") {
                continue
            }
            // paragraph text (or a lazy continuation of a list item / quote)
            if para.isEmpty { paraKind = .plain; paraLevel = 0; paraGroup = 0 }
            appendToParagraph(k..<r.upperBound)
        }
        flush()
    }

    func runLength(_ k: Int, _ end: Int, _ b: UInt8) -> Int {
        var e = k
        while e < end && p[e] == b { e += 1 }
        return e - k
    }

    func contains(_ r: Range<Int>, _ b: UInt8) -> Bool { firstIndex(r, b) != nil }
    func firstIndex(_ r: Range<Int>, _ b: UInt8) -> Int? {
        for k in r where p[k] == b { return k }
        return nil
    }

    func isThematicBreak(_ r: Range<Int>, _ c: UInt8) -> Bool {
        var count = 0
        for k in r {
            if p[k] == c { count += 1 } else if p[k] != 32 && p[k] != 9 { return false }
        }
        return count >= 3
    }

    func isDelimiterRow(_ r: Range<Int>) -> Bool {
        var dashes = 0
        var pipes = 0
        for k in r {
            switch p[k] {
            case UInt8(ascii: "-"): dashes += 1
            case UInt8(ascii: "|"): pipes += 1
            case UInt8(ascii: ":"), 32, 9: break
            default: return false
            }
        }
        return dashes >= 1 && (pipes >= 1)
    }

    /// `- `, `* `, `+ `, `1. `, `1) `: returns where the item's text starts.
    func listMarker(_ k: Int, _ end: Int) -> Int? {
        let b = p[k]
        if b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+") {
            if k + 1 < end && (p[k + 1] == 32 || p[k + 1] == 9) { return skipSpaces(k + 1, end) }
            return nil
        }
        var e = k
        while e < end && e - k < 9 && ASCII.isDigit(p[e]) { e += 1 }
        if e > k, e + 1 < end, p[e] == UInt8(ascii: ".") || p[e] == UInt8(ascii: ")"), p[e + 1] == 32 || p[e + 1] == 9 {
            return skipSpaces(e + 1, end)
        }
        return nil
    }

    func skipSpaces(_ k: Int, _ end: Int) -> Int {
        var e = k
        while e < end && (p[e] == 32 || p[e] == 9) { e += 1 }
        return e
    }

    /// Adds a source line to the paragraph: joined with a space, or a hard break (`\n`) after a line that
    /// ended in two spaces or a backslash.
    mutating func appendToParagraph(_ r: Range<Int>) {
        var s = r.lowerBound
        while s < r.upperBound && (p[s] == 32 || p[s] == 9) { s += 1 }
        if !para.isEmpty {
            if para.last == UInt8(ascii: "\\") { para.removeLast(); para.append(10); if record { paraSrc.removeLast() } }
            else if para.count >= 2 && para[para.count - 1] == 32 && para[para.count - 2] == 32 { para.append(10) }
            else { para.append(32) }
            if record { paraSrc.append(.inserted) }
        }
        para.append(contentsOf: p[s..<r.upperBound])
        if record { paraSrc.append(contentsOf: identity(s..<r.upperBound)) }
    }

    /// The input ranges of the bytes `r` copied as they are (empty when not recording).
    func identity(_ r: Range<Int>) -> [SourceMap.Range] {
        guard record else { return [] }
        return r.map { SourceMap.Range(start: Int32($0), end: Int32($0 + 1)) }
    }

    mutating func flush() {
        guard !para.isEmpty else { return }
        let text = para, src = paraSrc
        para.removeAll(keepingCapacity: true); paraSrc.removeAll(keepingCapacity: true)
        emitBlock(text, src: src, kind: paraKind, level: paraLevel, group: paraGroup)
        paraKind = .plain
    }

    mutating func emitBlock(_ source: [UInt8], src: [SourceMap.Range], kind: LineKind, level: UInt8, group: Int32 = 0) {
        let (text, ts) = inline.strip(source, src: record ? src : nil)
        let g = group != 0 ? group : (kind == .plain ? 0 : w.newGroupID())
        if kind == .listItem && lastKind == .listItem { w.lineBreak() } else { w.blockBreak() }
        var s = 0
        for (i, c) in text.enumerated() where c == 10 {
            w.emitLine(text[s..<i], sources: ts.isEmpty ? [] : ts[s..<i], kind: kind, level: level, group: g)
            s = i + 1
        }
        w.emitLine(text[s...], sources: ts.isEmpty ? [] : ts[s...], kind: kind, level: level, group: g)
        lastKind = kind
        lastWasBlank = false
    }

    /// One table row as a line; each row is its own layout block (`group` marks the table).
    mutating func emitTableRow(_ r: Range<Int>, group: Int32) {
        var cells: [([UInt8], [SourceMap.Range])] = []
        var s = r.lowerBound
        var e = r.upperBound
        if s < e && p[s] == UInt8(ascii: "|") { s += 1 }
        if e > s && p[e - 1] == UInt8(ascii: "|") && (e - 2 < s || p[e - 2] != UInt8(ascii: "\\")) { e -= 1 }
        var cs = s
        var k = s
        while k <= e {
            if k == e || (p[k] == UInt8(ascii: "|") && (k == s || p[k - 1] != UInt8(ascii: "\\"))) {
                var a = cs, b = k
                while a < b && (p[a] == 32 || p[a] == 9) { a += 1 }
                while b > a && (p[b - 1] == 32 || p[b - 1] == 9) { b -= 1 }
                cells.append(inline.strip(Array(p[a..<b]), src: record ? identity(a..<b) : nil))
                cs = k + 1
            }
            k += 1
        }
        var line: [UInt8] = []
        var lineSrc: [SourceMap.Range] = []
        for (i, c) in cells.enumerated() {
            if i > 0 {
                line.append(contentsOf: [32, UInt8(ascii: "|"), 32])
                if record { lineSrc.append(contentsOf: repeatElement(.inserted, count: 3)) }
            }
            line.append(contentsOf: c.0)
            lineSrc.append(contentsOf: c.1)
        }
        if lastKind != .table || lastWasBlank { w.blockBreak() } else { w.lineBreak() }
        w.emitLine(line, sources: lineSrc, kind: .table, level: 0, group: w.newGroupID())
        lastKind = .table
        lastWasBlank = false
    }
}
