import StageKit

/// Bit flags of a token.
enum TokFlags {
    static let cap: UInt16 = 1            // starts with an upper-case letter
    static let allCaps: UInt16 = 2        // ≥ 2 letters, all upper case (digits allowed)
    static let lowerStart: UInt16 = 4     // starts with a lower-case ASCII letter
    static let digitStart: UInt16 = 8
    static let numeric: UInt16 = 16       // only digits and inner . or ,
    static let space: UInt16 = 32         // whitespace before it
    static let newline: UInt16 = 64       // a line break before it
    static let sentStart: UInt16 = 128    // first token of a sentence or block
    static let initial: UInt16 = 256      // first word of a sentence, or after ':' or an opening quote
    static let heading: UInt16 = 512      // inside a heading block
    static let used: UInt16 = 1024        // already part of an entity
    static let word: UInt16 = 2048        // a word (letters/digits), not punctuation
    static let capsLine: UInt16 = 4096    // inside a sentence or line written in capitals (a headline)
}

/// One token: a word, a punctuation mark, a possessive "'s", or a URL/e-mail found before tokenizing.
struct Tok: Sendable {
    var start: Int32
    var end: Int32
    /// Exact hash of the bytes (’ hashed as ', – and — as -).
    var hash: UInt64
    /// Hash of the ASCII-lower-cased bytes.
    var lhash: UInt64
    var flags: UInt16
    /// 0 word, 1 punctuation, 2 possessive, 3 special (URL / e-mail, see `special`).
    var kind: UInt8
    var special: UInt8
    var length: Int { Int(end - start) }
    @inline(__always) func has(_ f: UInt16) -> Bool { flags & f != 0 }
}

/// Splits UTF-8 bytes into tokens without decoding characters.
enum Tokenizer {
    static let kWord: UInt8 = 0, kPunct: UInt8 = 1, kPossessive: UInt8 = 2, kSpecial: UInt8 = 3

    /// Number of bytes of the UTF-8 sequence starting with `lead`.
    @inline(__always) static func seqLen(_ lead: UInt8) -> Int {
        if lead < 0xC0 { return 1 }
        if lead < 0xE0 { return 2 }
        if lead < 0xF0 { return 3 }
        return 4
    }

    /// True when the non-ASCII sequence at `i` is a letter (not punctuation, a symbol or a space).
    @inline(__always) static func isLetterSeq(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if c < 0xC3 { return false }                      // C2: Latin-1 punctuation and symbols
        if c == 0xC3 { return i + 1 < b.count && b[i + 1] != 0x97 && b[i + 1] != 0xB7 }
        if c == 0xE2 { return false }                     // general punctuation, symbols, arrows
        if c == 0xE3 { return i + 1 < b.count && b[i + 1] != 0x80 }
        if c == 0xEF { return i + 1 < b.count && b[i + 1] < 0xBC }
        if c >= 0xF0 { return false }                     // emoji and other symbols
        return true
    }

    /// Width of a whitespace sequence at `i` (ASCII space, NBSP, thin and narrow spaces), or 0.
    @inline(__always) static func spaceWidth(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        let c = b[i]
        if ASCII.isSpace(c) { return 1 }
        if c == 0xC2, i + 1 < b.count, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, (b[i + 2] >= 0x80 && b[i + 2] <= 0x8B) || b[i + 2] == 0xAF { return 3 }
        return 0
    }

    @inline(__always) static func isUpperSeq(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = b[i]
        if c < 0x80 { return ASCII.isUpper(c) }
        guard i + 1 < b.count else { return false }
        let d = b[i + 1]
        switch c {
        case 0xC3: return d >= 0x80 && d <= 0x9E && d != 0x97
        case 0xC4, 0xC5: return d & 1 == 0
        case 0xCE: return d >= 0x86 && d <= 0xAB
        case 0xD0: return d >= 0x80 && d <= 0xAF
        default: return false
        }
    }

    @inline(__always) static func isApostrophe(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> Int {
        if b[i] == 0x27 { return 1 }
        if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x99 { return 3 }
        return 0
    }

    /// Tokens of `b`; `specials` are byte ranges (sorted, non-overlapping) that become one token each.
    static func tokenize(_ b: UnsafeBufferPointer<UInt8>, specials: [(start: Int, end: Int, label: UInt8)] = []) -> [Tok] {
        let n = b.count
        var out: [Tok] = []
        out.reserveCapacity(n / 5 + 4)
        var i = 0
        var sp = 0
        var pendingSpace = true
        var pendingNewline = true
        while i < n {
            if sp < specials.count && i >= specials[sp].start {
                let s = specials[sp]
                if s.start == i {
                    var f: UInt16 = TokFlags.word
                    if pendingSpace { f |= TokFlags.space }
                    if pendingNewline { f |= TokFlags.newline }
                    let h = hashBytes(b, i, s.end)
                    out.append(Tok(start: Int32(i), end: Int32(s.end), hash: h.0, lhash: h.1, flags: f, kind: kSpecial, special: s.label))
                    i = s.end; sp += 1; pendingSpace = false; pendingNewline = false
                    continue
                }
                sp += 1
                continue
            }
            let c = b[i]
            let w = spaceWidth(b, i)
            if w > 0 {
                pendingSpace = true
                if c == 10 { pendingNewline = true }
                i += w
                continue
            }
            var flags: UInt16 = 0
            if pendingSpace { flags |= TokFlags.space }
            if pendingNewline { flags |= TokFlags.newline }
            pendingSpace = false; pendingNewline = false
            let start = i
            var kind = kWord
            if ASCII.isAlnum(c) || (c >= 0x80 && isLetterSeq(b, i)) {
                var j = i
                // Dotted abbreviation: U.S., a.m., J.D.
                var groups = 0
                while j + 1 < n, ASCII.isLetter(b[j]), b[j + 1] == 0x2E,
                      j + 2 >= n || !ASCII.isAlnum(b[j + 2]) || (ASCII.isLetter(b[j + 2]) && (j + 3 >= n || !ASCII.isAlnum(b[j + 3]))) {
                    j += 2; groups += 1
                }
                if groups < 2 {
                    j = i
                    while j < n {
                        let d = b[j]
                        if ASCII.isAlnum(d) { j += 1; continue }
                        if d >= 0x80 {
                            if isLetterSeq(b, j) { j += seqLen(d); continue }
                            let a = isApostrophe(b, j)
                            if a > 0, j + a < n, j > start, ASCII.isLetter(b[j - 1]) || b[j - 1] >= 0x80, ASCII.isLetter(b[j + a]) {
                                let s = b[j + a] | 0x20
                                if !(s == 0x73 && (j + a + 1 >= n || !ASCII.isAlnum(b[j + a + 1]))) { j += a; continue }
                            }
                            break
                        }
                        if (d == 0x2E || d == 0x2C), j > start, ASCII.isDigit(b[j - 1]), j + 1 < n, ASCII.isDigit(b[j + 1]) {
                            if d == 0x2C {
                                // thousands separator: exactly three digits follow
                                if j + 3 < n, ASCII.isDigit(b[j + 2]), ASCII.isDigit(b[j + 3]), j + 4 >= n || !ASCII.isDigit(b[j + 4]) { j += 1; continue }
                                break
                            }
                            j += 1; continue
                        }
                        if d == 0x27, j > start, ASCII.isLetter(b[j - 1]), j + 1 < n, ASCII.isLetter(b[j + 1]) {
                            let s = b[j + 1] | 0x20
                            if !(s == 0x73 && (j + 2 >= n || !ASCII.isAlnum(b[j + 2]))) { j += 1; continue }
                            break
                        }
                        if d == 0x26, j > start, ASCII.isUpper(b[j - 1]), j + 1 < n, ASCII.isUpper(b[j + 1]) { j += 1; continue }
                        break
                    }
                }
                i = j
                flags |= TokFlags.word
                // shape, counted in the same pass as the hashes
                let (h, upper, lower, digits, other) = hashWord(b, start, i)
                if isUpperSeq(b, start) { flags |= TokFlags.cap }
                else if ASCII.isLower(c) { flags |= TokFlags.lowerStart }
                else if ASCII.isDigit(c) { flags |= TokFlags.digitStart }
                if upper >= 2 && lower == 0 { flags |= TokFlags.allCaps }
                if digits > 0 && upper == 0 && lower == 0 && (other == 0 || (b[i - 1] != 0x2E && b[i - 1] != 0x2C && !hasNonAsciiOrAmp(b, start, i))) {
                    flags |= TokFlags.numeric
                }
                out.append(Tok(start: Int32(start), end: Int32(i), hash: h.0, lhash: h.1, flags: flags, kind: kind, special: 0))
                continue
            } else {
                let a = isApostrophe(b, i)
                // "Russia's", and the tokenised form "Russia 's" of wire text
                if a > 0, i + a < n, (b[i + a] | 0x20) == 0x73, i + a + 1 >= n || !ASCII.isAlnum(b[i + a + 1]),
                   let last = out.last, last.kind == kWord, Int(last.end) == i || (Int(last.end) == i - 1 && b[i - 1] == 0x20) {
                    kind = kPossessive
                    i += a + 1
                } else {
                    kind = kPunct
                    i += c < 0x80 ? 1 : min(seqLen(c), n - i)
                }
            }
            let h = hashBytes(b, start, i)
            out.append(Tok(start: Int32(start), end: Int32(i), hash: h.0, lhash: h.1, flags: flags, kind: kind, special: 0))
        }
        return out
    }

    @inline(__always) private static func hasNonAsciiOrAmp(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var k = s
        while k < e { if b[k] >= 0x80 || b[k] == 0x26 || b[k] == 0x27 { return true }; k += 1 }
        return false
    }

    /// `hashBytes` of a word and, in the same pass, how many of its bytes are ASCII capitals, ASCII
    /// lower-case letters, ASCII digits and anything else.
    @inline(__always)
    static func hashWord(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> ((UInt64, UInt64), Int, Int, Int, Int) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var l: UInt64 = 0xCBF2_9CE4_8422_2325
        var upper = 0, lower = 0, digits = 0, other = 0
        var k = s
        while k < e {
            var d = b[k]
            if d >= 0x80 {
                other &+= 1
                if d == 0xE2, k + 2 < e, b[k + 1] == 0x80 {
                    let x = b[k + 2]
                    // ’ ‘ hash as ', – — as -; their other two bytes count as "other" too
                    if x == 0x99 || x == 0x98 { d = 0x27; k += 2; other &+= 2 } else if x == 0x93 || x == 0x94 { d = 0x2D; k += 2; other &+= 2 }
                }
            } else if d &- 0x41 < 26 {
                upper &+= 1
            } else if d &- 0x61 < 26 {
                lower &+= 1
            } else if d &- 0x30 < 10 {
                digits &+= 1
            } else {
                other &+= 1
            }
            h = (h ^ UInt64(d)) &* 0x100_0000_01B3
            l = (l ^ UInt64(ASCII.lower(d))) &* 0x100_0000_01B3
            k += 1
        }
        return ((h, l), upper, lower, digits, other)
    }

    /// FNV-1a of the bytes, exact and ASCII-lower-cased; ’ counts as ' and – — as -.
    @inline(__always) static func hashBytes(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> (UInt64, UInt64) {
        var h: UInt64 = 0xCBF2_9CE4_8422_2325
        var l: UInt64 = 0xCBF2_9CE4_8422_2325
        var k = s
        while k < e {
            var d = b[k]
            if d == 0xE2, k + 2 < e, b[k + 1] == 0x80 {
                let x = b[k + 2]
                if x == 0x99 || x == 0x98 { d = 0x27; k += 2 } else if x == 0x93 || x == 0x94 { d = 0x2D; k += 2 }
            }
            h = (h ^ UInt64(d)) &* 0x100_0000_01B3
            l = (l ^ UInt64(ASCII.lower(d))) &* 0x100_0000_01B3
            k += 1
        }
        return (h, l)
    }

    /// Hashes of the tokens of a phrase from a data file or an option.
    static func phraseHashes(_ s: String, ignoreCase: Bool) -> [UInt64] {
        var copy = s
        return copy.withUTF8 { buf in
            tokenize(buf).map { ignoreCase ? $0.lhash : $0.hash }
        }
    }

    /// Exact and lower-cased hash of a single string (as one token's bytes).
    static func hash(_ s: String) -> (UInt64, UInt64) {
        var copy = s
        return copy.withUTF8 { hashBytes($0, 0, $0.count) }
    }
}
