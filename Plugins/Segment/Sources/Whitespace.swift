import StageKit

/// Whitespace at the byte level: ASCII whitespace plus the Unicode spaces that Swift counts as
/// whitespace (no-break space, NEL, U+2000…U+200A, line/paragraph separators, U+202F, U+205F, U+3000),
/// so that blocks and sentences are trimmed the way `Character.isWhitespace` sees it.
enum Whitespace {
    /// Length of the whitespace character starting at `i`, or 0.
    @inline(__always)
    static func length(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        let c = b[i]
        if ASCII.isSpace(c) { return 1 }
        if c < 0xC2 { return 0 }
        if c == 0xC2 { return i + 1 < end && (b[i + 1] == 0xA0 || b[i + 1] == 0x85) ? 2 : 0 }
        if c == 0xE2 && i + 2 < end {
            let c1 = b[i + 1], c2 = b[i + 2]
            if c1 == 0x80 && (c2 <= 0x8A || c2 == 0xA8 || c2 == 0xA9 || c2 == 0xAF) { return 3 }
            if c1 == 0x81 && c2 == 0x9F { return 3 }
            return 0
        }
        if c == 0xE3 && i + 2 < end && b[i + 1] == 0x80 && b[i + 2] == 0x80 { return 3 }
        return 0
    }

    /// Length of the whitespace character that ends just before `e` (not reaching before `s`), or 0.
    @inline(__always)
    static func lengthBefore(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        guard e > s else { return 0 }
        let c = b[e - 1]
        if ASCII.isSpace(c) { return 1 }
        if c < 0x80 { return 0 }
        if e - 2 >= s && b[e - 2] == 0xC2 { return c == 0xA0 || c == 0x85 ? 2 : 0 }
        if e - 3 >= s { return length(b, e - 3, e) == 3 ? 3 : 0 }
        return 0
    }

    /// The first position at or after `p` (up to `end`) that is not whitespace.
    @inline(__always)
    static func skip(_ b: UnsafeBufferPointer<UInt8>, _ p: Int, _ end: Int) -> Int {
        var q = p
        while q < end { let n = length(b, q, end); if n == 0 { break }; q += n }
        return q
    }

    /// Moves `s` forward and `e` back over whitespace.
    @inline(__always)
    static func trim(_ b: UnsafeBufferPointer<UInt8>, _ s: inout Int, _ e: inout Int) {
        s = skip(b, s, e)
        while e > s { let n = lengthBefore(b, s, e); if n == 0 { break }; e -= n }
    }
}
