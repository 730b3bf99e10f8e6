import StageKit

/// A block found in the text, with where its sentence text starts (after a `>` or `#` marker).
struct RawBlock: Sendable {
    var start: Int
    var end: Int
    var kind: BlockKind
    var level: Int
    /// First byte of the text that sentences are taken from.
    var textStart: Int
}

/// Splits plain text into blocks line by line: blank lines, list/quote/Q&A markers and headings
/// start blocks; single line breaks are handled by the `NewlineMode`.
struct BlockSplitter: Sendable {
    let mode: NewlineMode
    let detectHeadings: Bool

    /// One non-blank line: its content (trimmed) and how the line ended.
    private struct Line {
        var contentStart: Int
        var contentEnd: Int
        /// True when spaces or tabs stand between the content and the line break.
        var trailingSpace: Bool
    }

    /// Appends the blocks of `b[start..<end]` to `out`. A heading detected as the document's first
    /// block (`start` is 0 and `out` is empty) gets level 1, later ones level 2.
    func split(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into out: inout [RawBlock]) {
        var i = start
        var open: RawBlock? = nil          // a block that may take continuation lines
        var openLast: Line? = nil          // its last line
        var prevAllowsHeading = true       // previous line ended a sentence, was blank or a marker line
        var prevBlank = true               // previous line was blank (or this is the first line)

        @inline(__always) func close() {
            if let o = open { out.append(o) }
            open = nil; openLast = nil
        }

        while i < end {
            // Find the line.
            // A line ends at \n, or at a \r that is not part of \r\n (old Mac line ends).
            var le = i
            while le < end && b[le] != 0x0A && !(b[le] == 0x0D && (le + 1 == end || b[le + 1] != 0x0A)) { le += 1 }
            let next = le < end ? le + 1 : end
            var cs = i
            var indent = 0
            while cs < le {
                let n = Whitespace.length(b, cs, le)
                if n == 0 { break }
                indent += b[cs] == 0x09 ? 4 : 1; cs += n
            }
            var ce = le
            while ce > cs { let n = Whitespace.lengthBefore(b, cs, ce); if n == 0 { break }; ce -= n }
            if cs == ce {
                close(); prevAllowsHeading = true; prevBlank = true; i = next; continue
            }
            // A page number: a line of one to three digits alone between blank lines (a year such as 2019 is kept) ("\n3\n\nIntroduction").
            if prevBlank && ce - cs <= 3 && (cs..<ce).allSatisfy({ ASCII.isDigit(b[$0]) }) && Self.blankLineAt(b, next, end) {
                close(); prevAllowsHeading = true; i = next; continue
            }
            prevBlank = false
            let line = Line(contentStart: cs, contentEnd: ce, trailingSpace: ce < le && b[ce] != 0x0D)

            if let m = LineMarkers.marker(b, cs, ce) {
                close()
                var blk = RawBlock(start: cs, end: ce, kind: m.kind, level: 0, textStart: m.textStart)
                switch m.kind {
                case .listItem:
                    blk.level = 1 + indent / 2
                    if blk.level > 6 { blk.level = 6 }
                    out.append(blk)
                    prevAllowsHeading = true
                case .heading:
                    blk.level = m.level
                    out.append(blk)
                    prevAllowsHeading = true
                case .question, .answer:
                    open = blk; openLast = line
                    prevAllowsHeading = LineMarkers.endsSentence(b, cs, ce)
                default:
                    out.append(blk)
                    prevAllowsHeading = true
                }
                i = next; continue
            }

            if detectHeadings && prevAllowsHeading && LineMarkers.looksLikeHeading(b, cs, ce),
               let f = firstLetterAfterOpeners(b, next, end), Self.canOpenText(f) {
                close()
                let level = out.isEmpty && start == 0 ? 1 : 2
                out.append(RawBlock(start: cs, end: ce, kind: .heading, level: level, textStart: cs))
                // Two title-like lines in a row are more often a list of short lines than two headings.
                prevAllowsHeading = false
                i = next; continue
            }

            if let o = open, let last = openLast, continues(o.kind, last, b, line) {
                open!.end = ce
                openLast = line
                prevAllowsHeading = LineMarkers.endsSentence(b, cs, ce)
                i = next; continue
            }

            close()
            open = RawBlock(start: cs, end: ce, kind: .paragraph, level: 0, textStart: cs)
            openLast = line
            prevAllowsHeading = LineMarkers.endsSentence(b, cs, ce)
            i = next
        }
        close()
    }

    /// Whether `line` continues the open block whose last line is `last`.
    private func continues(_ kind: BlockKind, _ last: Line, _ b: UnsafeBufferPointer<UInt8>, _ line: Line) -> Bool {
        guard kind == .paragraph || kind == .question || kind == .answer else { return false }
        switch mode {
        case .sentence:
            return false
        case .join where kind == .paragraph:
            return true
        default:
            return Self.isSoftWrap(b, last.contentStart, last.contentEnd, trailingSpace: last.trailingSpace,
                                   nextFirst: b[line.contentStart])
        }
    }

    /// Whether the last fragment of the line `b[cs..<ce]` — the words after its last `.`, `!` or `?`
    /// that ends a word — holds at least `n` words ("It was a cold" has four, "… the city. features"
    /// one).
    static func wordCount(_ b: UnsafeBufferPointer<UInt8>, _ cs: Int, _ ce: Int, atLeast n: Int) -> Bool {
        var words = 0
        var k = ce
        while k > cs {
            while k > cs && (b[k - 1] == 0x20 || b[k - 1] == 0x09) { k -= 1 }
            guard k > cs else { break }
            let last = b[k - 1]
            if words > 0 && (last == UInt8(ascii: ".") || last == UInt8(ascii: "!") || last == UInt8(ascii: "?")) { return false }
            words += 1
            if words >= n { return true }
            while k > cs && b[k - 1] != 0x20 && b[k - 1] != 0x09 { k -= 1 }
        }
        return false
    }

    /// Whether the line starting at `p` is blank or `p` is the end of the text.
    static func blankLineAt(_ b: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> Bool {
        var j = p
        while j < end {
            let c = b[j]
            if c == 0x0A || c == 0x0D { return true }
            if c != 0x20 && c != 0x09 { return false }
            j += 1
        }
        return true
    }

    /// Whether a line starting with `f` can follow a heading: not lower case, not closing punctuation.
    static func canOpenText(_ f: UInt8) -> Bool {
        if ASCII.isLower(f) { return false }
        switch f {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
             UInt8(ascii: "?"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
            return false
        default:
            return true
        }
    }

    /// The soft-wrap rule of `NewlineMode.paragraph`.
    static func isSoftWrap(_ b: UnsafeBufferPointer<UInt8>, _ cs: Int, _ ce: Int, trailingSpace: Bool, nextFirst: UInt8) -> Bool {
        if LineMarkers.endsSentence(b, cs, ce) { return false }
        // A line cannot start with closing punctuation: "… for pricing\n." continues the line.
        switch nextFirst {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"),
             UInt8(ascii: "?"), UInt8(ascii: ")"):
            return true
        default:
            break
        }
        let last = b[ce - 1]
        // Long lines count like a trailing space: `clean` trims lines, so the space may be gone.
        if nextFirst == UInt8(ascii: "(") && (trailingSpace || ce - cs >= 30) { return true }
        guard ASCII.isLower(nextFirst) else { return false }
        if trailingSpace || Self.wordCount(b, cs, ce, atLeast: 4) { return true }
        switch last {
        case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "-"), UInt8(ascii: "("), UInt8(ascii: "/"), UInt8(ascii: "&"):
            return true
        case 0x93 where ce - cs >= 3 && b[ce - 3] == 0xE2 && b[ce - 2] == 0x80, 0x94 where ce - cs >= 3 && b[ce - 3] == 0xE2 && b[ce - 2] == 0x80:  // – —
            return true
        default:
            return ce - cs >= 30
        }
    }

    /// The first byte of the next text after `from`, past whitespace and opening quotes/brackets.
    private func firstLetterAfterOpeners(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> UInt8? {
        var j = from
        while j < end {
            let c = b[j]
            if ASCII.isSpace(c) || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "(") || c == UInt8(ascii: "[") {
                j += 1
            } else if c == 0xE2 && j + 2 < end && b[j + 1] == 0x80 && (b[j + 2] == 0x9C || b[j + 2] == 0x98) {
                j += 3
            } else {
                return c
            }
        }
        return nil
    }
}
