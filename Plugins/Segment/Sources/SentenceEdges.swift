import StageKit

/// Non-text at the edges of a sentence that is not part of it: markup tags (`<p>`, `</em>`,
/// `<img src="…">`, `<!-- … -->`) and HTML-escaped tags (`&lt;b&gt;`), literal escape sequences
/// left by a bad export (`\r`, `\n`, `\t` written out as two characters), and decorative runs of
/// three or more of the same separator character (`-----`, `=====`, `*****`, `/////`, `_____`,
/// `~~~~~`, `#####`), and the dot leader and page number of a table-of-contents line
/// (`Introduction ........ 5`). A sentence made only of these is dropped. Only the edges are trimmed: spans
/// stay contiguous, so markup inside a sentence stays in it.
enum SentenceEdges {
    /// Longest tag recognised (bytes).
    static let maxTag = 400

    /// Moves `s` forward and `e` back over whitespace and edge non-text.
    @inline(__always)
    static func trim(_ b: UnsafeBufferPointer<UInt8>, _ s: inout Int, _ e: inout Int) {
        Whitespace.trim(b, &s, &e)
        guard e > s else { return }
        // Fast path: ordinary text starts with a letter/digit/quote and ends with punctuation or a letter.
        if !needsLook(b[s]) && !needsLookEnd(b[e - 1]) { return }
        var guardSteps = 0
        while s < e && guardSteps < 64 {
            guardSteps += 1
            let n = leading(b, s, e)
            if n == 0 { break }
            s += n
            s = Whitespace.skip(b, s, e)
        }
        guardSteps = 0
        while e > s && guardSteps < 64 {
            guardSteps += 1
            let n = trailing(b, s, e)
            if n == 0 { break }
            e -= n
            while e > s { let w = Whitespace.lengthBefore(b, s, e); if w == 0 { break }; e -= w }
        }
    }

    @inline(__always) static func needsLook(_ c: UInt8) -> Bool {
        c == UInt8(ascii: "<") || c == UInt8(ascii: "&") || c == UInt8(ascii: "\\") || isSeparator(c)
    }
    @inline(__always) static func needsLookEnd(_ c: UInt8) -> Bool {
        c == UInt8(ascii: ">") || c == UInt8(ascii: ";") || ASCII.isLower(c) || ASCII.isDigit(c) || isSeparator(c)
    }

    @inline(__always) static func isSeparator(_ c: UInt8) -> Bool {
        switch c {
        case UInt8(ascii: "-"), UInt8(ascii: "="), UInt8(ascii: "_"), UInt8(ascii: "*"), UInt8(ascii: "~"),
             UInt8(ascii: "#"), UInt8(ascii: "/"), UInt8(ascii: "+"):
            return true
        default:
            return false
        }
    }

    /// Length of the non-text item starting at `s`, or 0.
    static func leading(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        let c = b[s]
        if c == UInt8(ascii: "<") { return tagLength(b, s, e) }
        if c == UInt8(ascii: "&") { return escapedTagLength(b, s, e) }
        if c == UInt8(ascii: "\\") {
            // "\r", "\n", "\t" written out, not followed by a letter ("\neq" is no escape).
            if s + 1 < e, b[s + 1] == UInt8(ascii: "r") || b[s + 1] == UInt8(ascii: "n") || b[s + 1] == UInt8(ascii: "t"),
               s + 2 == e || !ASCII.isLetter(b[s + 2]) { return 2 }
            return 0
        }
        if isSeparator(c) {
            var j = s
            while j < e && b[j] == c { j += 1 }
            // Emphasis marks ("***Note***") are kept unless the run stands alone.
            if (c == UInt8(ascii: "*") || c == UInt8(ascii: "_")) && j < e && !ASCII.isSpace(b[j]) { return 0 }
            return j - s >= 3 ? j - s : 0
        }
        return 0
    }

    /// Length of the non-text item ending just before `e`, or 0.
    static func trailing(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        let c = b[e - 1]
        if c == UInt8(ascii: ">") {
            // Find the '<' that opens the tag, within `maxTag` bytes, and check the tag from there.
            var j = e - 2
            while j >= s && e - j <= maxTag && b[j] != UInt8(ascii: "<") && b[j] != UInt8(ascii: ">") && b[j] != 0x0A { j -= 1 }
            if j >= s && b[j] == UInt8(ascii: "<") && tagLength(b, j, e) == e - j { return e - j }
            return 0
        }
        if c == UInt8(ascii: ";") {
            // "&lt;/b&gt;"
            guard e - s >= 8, b[e - 4] == UInt8(ascii: "&"), b[e - 3] == UInt8(ascii: "g"), b[e - 2] == UInt8(ascii: "t") else { return 0 }
            var j = e - 5
            while j >= s && e - j <= maxTag && !(b[j] == UInt8(ascii: "&") && j + 3 < e && b[j + 1] == UInt8(ascii: "l")
                                                    && b[j + 2] == UInt8(ascii: "t") && b[j + 3] == UInt8(ascii: ";")) { j -= 1 }
            if j >= s && escapedTagLength(b, j, e) == e - j { return e - j }
            return 0
        }
        if ASCII.isLower(c) {
            if (c == UInt8(ascii: "r") || c == UInt8(ascii: "n") || c == UInt8(ascii: "t")) && e - 2 >= s
                && b[e - 2] == UInt8(ascii: "\\") { return 2 }
            return 0
        }
        if ASCII.isDigit(c) { return dotLeaderLength(b, s, e) }
        if isSeparator(c) {
            var j = e
            while j > s && b[j - 1] == c { j -= 1 }
            if (c == UInt8(ascii: "*") || c == UInt8(ascii: "_")) && j > s && !ASCII.isSpace(b[j - 1]) { return 0 }
            return e - j >= 3 ? e - j : 0
        }
        return 0
    }

    /// Length of a table-of-contents tail ending at `e`: a dot leader of four or more dots, optional
    /// spaces and a page number or range ("About Me........5", "Scoring ..... 16-17"), or 0. Text
    /// must stand before it.
    static func dotLeaderLength(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        var j = e
        while j > s && e - j <= 9 && (ASCII.isDigit(b[j - 1]) || b[j - 1] == UInt8(ascii: "-")) { j -= 1 }
        while j > s && (b[j - 1] == 0x20 || b[j - 1] == 0x09) { j -= 1 }
        var dots = 0
        while j > s && b[j - 1] == UInt8(ascii: ".") { j -= 1; dots += 1 }
        guard dots >= 4, j > s else { return 0 }
        return e - j
    }

    /// Length of an SGML-style tag at `s` (`<name …>`, `</name>`, `<name/>`, `<!-- … -->`, `<!DOCTYPE …>`), or 0.
    /// A name starts with a letter; the tag holds no line break and no other `<`.
    static func tagLength(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        var j = s + 1
        guard j < e else { return 0 }
        if b[j] == UInt8(ascii: "!") {
            j += 1
        } else {
            if b[j] == UInt8(ascii: "/") { j += 1 }
            guard j < e, ASCII.isLetter(b[j]) else { return 0 }
            while j < e && (ASCII.isAlnum(b[j]) || b[j] == UInt8(ascii: ":") || b[j] == UInt8(ascii: "-")) { j += 1 }
            guard j < e else { return 0 }
            let c = b[j]
            guard c == UInt8(ascii: ">") || c == UInt8(ascii: "/") || ASCII.isSpace(c) else { return 0 }
        }
        while j < e && j - s <= maxTag {
            let c = b[j]
            if c == UInt8(ascii: ">") { return j + 1 - s }
            if c == UInt8(ascii: "<") || c == 0x0A { return 0 }
            j += 1
        }
        return 0
    }

    /// Length of an HTML-escaped tag at `s` (`&lt;b&gt;`, `&lt;/b&gt;`), or 0.
    static func escapedTagLength(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        guard s + 4 < e, b[s + 1] == UInt8(ascii: "l"), b[s + 2] == UInt8(ascii: "t"), b[s + 3] == UInt8(ascii: ";") else { return 0 }
        var j = s + 4
        if b[j] == UInt8(ascii: "/") { j += 1 }
        guard j < e, ASCII.isLetter(b[j]) else { return 0 }
        while j < e && ASCII.isAlnum(b[j]) { j += 1 }
        while j + 3 < e && j - s <= maxTag {
            if b[j] == UInt8(ascii: "&") {
                if b[j + 1] == UInt8(ascii: "g") && b[j + 2] == UInt8(ascii: "t") && b[j + 3] == UInt8(ascii: ";") { return j + 4 - s }
                return 0
            }
            if b[j] == UInt8(ascii: "<") || b[j] == UInt8(ascii: ">") || b[j] == 0x0A { return 0 }
            j += 1
        }
        return 0
    }
}
