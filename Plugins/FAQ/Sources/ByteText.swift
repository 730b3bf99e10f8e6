#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StageKit

/// Byte-level helpers over a UTF-8 buffer used by the FAQ stage. All ranges are half-open byte offsets.
enum ByteText {
    typealias Buf = UnsafeBufferPointer<UInt8>

    @inline(__always) static func isBlank(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 13 || b == 12 || b == 11 }
    @inline(__always) static func isMarker(_ b: UInt8) -> Bool { b == UInt8(ascii: "*") || b == UInt8(ascii: "_") }

    /// Moves `start` forward and `end` backward over whitespace (including newlines and U+00A0).
    static func trim(_ buf: Buf, _ start: Int, _ end: Int) -> (Int, Int) {
        var s = start, e = end
        while s < e {
            if ASCII.isSpace(buf[s]) { s += 1 } else if buf[s] == 0xC2, s + 1 < e, buf[s + 1] == 0xA0 { s += 2 } else { break }
        }
        while e > s {
            if ASCII.isSpace(buf[e - 1]) { e -= 1 } else if e - 2 >= s, buf[e - 2] == 0xC2, buf[e - 1] == 0xA0 { e -= 2 } else { break }
        }
        return (s, e)
    }

    /// Skips spaces and tabs (not newlines).
    static func skipBlanks(_ buf: Buf, _ i: Int, _ end: Int) -> Int {
        var i = i
        while i < end, isBlank(buf[i]) { i += 1 }
        return i
    }

    /// Index of the last byte that is not a closing quote, bracket or emphasis marker, or nil when the
    /// range holds only such bytes. Used to see how a text really ends (`…works.”` ends with `.`).
    static func lastSignificant(_ buf: Buf, _ start: Int, _ end: Int) -> Int? {
        var e = end
        while e > start {
            let b = buf[e - 1]
            if b == UInt8(ascii: "\"") || b == UInt8(ascii: "'") || b == UInt8(ascii: ")") || b == UInt8(ascii: "]") || isMarker(b) || isBlank(b) {
                e -= 1
            } else if e - 3 >= start, buf[e - 3] == 0xE2, buf[e - 2] == 0x80, buf[e - 1] == 0x9D || buf[e - 1] == 0x99 {
                e -= 3 // ” ’
            } else if e - 2 >= start, buf[e - 2] == 0xC2, buf[e - 1] == 0xBB {
                e -= 2 // »
            } else {
                return e - 1
            }
        }
        return nil
    }

    /// True when the text ends with a question mark (ASCII, fullwidth `？` or Arabic `؟`), ignoring closing marks.
    static func endsWithQuestionMark(_ buf: Buf, _ start: Int, _ end: Int) -> Bool {
        guard let i = lastSignificant(buf, start, end) else { return false }
        if buf[i] == UInt8(ascii: "?") { return true }
        if i >= start + 2, buf[i - 2] == 0xEF, buf[i - 1] == 0xBC, buf[i] == 0x9F { return true }
        if i >= start + 1, buf[i - 1] == 0xD8, buf[i] == 0x9F { return true }
        return false
    }

    /// True when the text ends like a finished sentence or clause: `. ! ? : ; …` (closing marks ignored).
    static func endsSentence(_ buf: Buf, _ start: Int, _ end: Int) -> Bool {
        guard let i = lastSignificant(buf, start, end) else { return false }
        switch buf[i] {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ";"): return true
        default: break
        }
        if i >= start + 2, buf[i - 2] == 0xE2, buf[i - 1] == 0x80, buf[i] == 0xA6 { return true } // …
        return endsWithQuestionMark(buf, start, end)
    }

    /// True when the text's last significant byte is `:`.
    static func endsWithColon(_ buf: Buf, _ start: Int, _ end: Int) -> Bool {
        guard let i = lastSignificant(buf, start, end) else { return false }
        return buf[i] == UInt8(ascii: ":")
    }

    /// Number of whitespace-separated words.
    static func wordCount(_ buf: Buf, _ start: Int, _ end: Int) -> Int {
        var n = 0, inWord = false
        var i = start
        while i < end {
            let space = ASCII.isSpace(buf[i])
            if !space && !inWord { n += 1 }
            inWord = !space
            i += 1
        }
        return n
    }

    /// Offset of the first `\n` in `start..<end`, or `end` when there is none (memchr).
    @inline(__always) static func firstNewline(_ buf: Buf, _ start: Int, _ end: Int) -> Int {
        guard start < end, let base = buf.baseAddress else { return end }
        guard let p = memchr(base + start, 10, end - start) else { return end }
        return UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self) - base
    }

    /// True when the range holds a newline.
    static func hasNewline(_ buf: Buf, _ start: Int, _ end: Int) -> Bool {
        firstNewline(buf, start, end) < end
    }

    /// Counts newlines in a range (the gap between two blocks): 1 means the next block starts on the next
    /// line, 2 or more means a blank line lies between them.
    static func newlines(_ buf: Buf, _ start: Int, _ end: Int) -> Int {
        var n = 0, i = start
        while i < end { if buf[i] == 10 { n += 1 }; i += 1 }
        return n
    }

    /// A rough check that a line holds more than one sentence: `. `, `! ` or `? ` followed by an
    /// upper-case letter somewhere before its end. Used when no sentence list covers the range.
    static func looksMultiSentence(_ buf: Buf, _ start: Int, _ end: Int) -> Bool {
        var i = start
        while i + 2 < end {
            let b = buf[i]
            if (b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?")) && buf[i + 1] == 32 && ASCII.isUpper(buf[i + 2]) {
                // "Dr. Who", "e.g. Foo": a one- or two-letter word before the period is an abbreviation.
                if b == UInt8(ascii: ".") {
                    var w = i
                    while w > start, ASCII.isLetter(buf[w - 1]) { w -= 1 }
                    if i - w <= 2 { i += 1; continue }
                }
                return true
            }
            i += 1
        }
        return false
    }

    /// Length of a list marker at `i` (`- `, `* `, `+ `, `• `, `1. `, `1) `, `(1) `), including the blanks
    /// after it; 0 when there is none. `numbered` tells whether it was a number.
    static func listMarker(_ buf: Buf, _ i: Int, _ end: Int) -> (length: Int, numbered: Bool) {
        guard i < end else { return (0, false) }
        let b = buf[i]
        if (b == UInt8(ascii: "-") || b == UInt8(ascii: "*") || b == UInt8(ascii: "+")) && i + 1 < end && isBlank(buf[i + 1]) {
            return (skipBlanks(buf, i + 1, end) - i, false)
        }
        if b == 0xE2, i + 3 < end, buf[i + 1] == 0x80, buf[i + 2] == 0xA2, isBlank(buf[i + 3]) { // •
            return (skipBlanks(buf, i + 3, end) - i, false)
        }
        var j = i
        if b == UInt8(ascii: "(") { j += 1 }
        let digitsStart = j
        while j < end, ASCII.isDigit(buf[j]), j - digitsStart < 3 { j += 1 }
        if j > digitsStart, j + 1 < end, buf[j] == UInt8(ascii: ".") || buf[j] == UInt8(ascii: ")"), isBlank(buf[j + 1]) {
            return (skipBlanks(buf, j + 1, end) - i, true)
        }
        return (0, false)
    }

    /// Length of an ATX heading marker (`## `) at `i`, and its level; (0, 0) when there is none.
    static func headingMarker(_ buf: Buf, _ i: Int, _ end: Int) -> (length: Int, level: Int) {
        var j = i
        while j < end, buf[j] == UInt8(ascii: "#"), j - i < 7 { j += 1 }
        let level = j - i
        guard level >= 1, level <= 6, j < end, isBlank(buf[j]) else { return (0, 0) }
        return (skipBlanks(buf, j, end) - i, level)
    }

    /// True when the range starts with a short "Label:" such as `Pro Tip:`, `Note:`, `Editor’s note:`:
    /// one to three words (the first capitalised), at most 30 bytes, then `:` and a blank.
    static func startsWithLabel(_ buf: Buf, _ start: Int, _ end: Int) -> Bool {
        guard start < end, ASCII.isUpper(buf[start]) else { return false }
        var i = start, words = 1
        let limit = min(end, start + 30)
        while i < limit {
            let b = buf[i]
            if b == UInt8(ascii: ":") {
                return i + 1 < end && isBlank(buf[i + 1]) && i > start
            }
            if b == 32 {
                words += 1
                if words > 3 || i + 1 >= limit || buf[i + 1] == 32 { return false }
            } else if !(ASCII.isAlnum(b) || b == UInt8(ascii: "'") || b == UInt8(ascii: "-") || b >= 0x80) {
                return false
            }
            i += 1
        }
        return false
    }
}
