#if canImport(Glibc)
import Glibc
#endif
import StageKit

/// One token of a sentence: a word, a symbol (emoticon or emoji) or a punctuation mark.
struct Token {
    enum Kind: UInt8 { case word, symbol, punct }
    var kind: Kind
    /// Lexicon entry index, or -1.
    var entry: Int32
    /// The punctuation byte for `.punct` (`,` also stands for `;`, `:` and dashes; `.` for `…`).
    var mark: UInt8
    /// All letters upper-case and at least two of them (emphasis).
    var caps: Bool
    /// Has at least one lower-case letter.
    var lower: Bool
    /// Ends in `n't` (a negation even when the lexicon does not list it).
    var nt: Bool
    /// Letters repeated three times or more (`soooo`) and found only after shortening.
    var elongated: Bool
    /// Copied from the lexicon entry so that scoring does not go back to the table.
    var roles: WordRole = []
    var valence: Float = 0
}

/// Splits a sentence's UTF-8 bytes into tokens and looks each word up in the lexicon. Works on bytes
/// only: ASCII letters are lower-cased into a scratch key, `’` becomes `'`, emoji are looked up as
/// their UTF-8 bytes, HTML entities are decoded before (so `&amp;` is just `&` and `&lt;3` is `<3`).
struct Tokenizer {
    let lexicon: Lexicon
    /// Scratch key buffer, reused.
    private var key: [UInt8] = []
    private var alt: [UInt8] = []
    private var decoded: [UInt8] = []

    init(lexicon: Lexicon) {
        self.lexicon = lexicon
        key.reserveCapacity(64); alt.reserveCapacity(64); decoded.reserveCapacity(256)
    }

    enum ScalarClass { case letter, emoji, modifier, dash, ellipsis, quote, space, other }

    @inline(__always)
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let c = b[i]
        if c < 0x80 { return (UInt32(c), 1) }
        if c < 0xE0, i + 1 < b.count { return ((UInt32(c & 0x1F) << 6) | UInt32(b[i + 1] & 0x3F), 2) }
        if c < 0xF0, i + 2 < b.count {
            return ((UInt32(c & 0x0F) << 12) | (UInt32(b[i + 1] & 0x3F) << 6) | UInt32(b[i + 2] & 0x3F), 3)
        }
        if i + 3 < b.count {
            return ((UInt32(c & 0x07) << 18) | (UInt32(b[i + 1] & 0x3F) << 12) | (UInt32(b[i + 2] & 0x3F) << 6) | UInt32(b[i + 3] & 0x3F), 4)
        }
        return (0xFFFD, 1)
    }

    static func decode(_ k: [UInt8], _ i: Int) -> (UInt32, Int) { k.withUnsafeBufferPointer { decode($0, i) } }

    @inline(__always)
    static func classify(_ cp: UInt32) -> ScalarClass {
        switch cp {
        case 0xFE0E, 0xFE0F, 0x200D, 0x20E3, 0x1F3FB...0x1F3FF: return .modifier
        case 0x1F000...0x1FAFF, 0x2600...0x27BF, 0x2300...0x23FF, 0x2B00...0x2BFF, 0x3030, 0x303D, 0x3297, 0x3299,
             0x2190...0x21FF, 0x2660...0x2667, 0x00A9, 0x00AE, 0x2122:
            return .emoji
        case 0x2013, 0x2014, 0x2015, 0x2012: return .dash
        case 0x2026: return .ellipsis
        case 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB, 0x2039, 0x203A: return .quote
        case 0x00A0, 0x2000...0x200B, 0x202F, 0x205F, 0x3000: return .space
        case 0x2010...0x2011, 0x2016...0x2017, 0x2020...0x2025, 0x2027...0x206F, 0x00A1...0x00BF, 0x00D7, 0x00F7: return .other
        default: return .letter
        }
    }

    /// Tokenizes `bytes` into `out` (cleared first).
    mutating func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, into out: inout [Token]) {
        out.removeAll(keepingCapacity: true)
        if let base = bytes.baseAddress, memchr(base, 38, bytes.count) != nil {  // '&': decode HTML entities into a copy first
            decodeEntities(bytes)
            if decoded.count < bytes.count, decoded.contains(38) {
                // Double-encoded text ("&amp;amp;"): one more pass.
                let once = decoded
                once.withUnsafeBufferPointer { decodeEntities($0) }
            }
            let copy = decoded
            copy.withUnsafeBufferPointer { run($0, &out) }
        } else {
            run(bytes, &out)
        }
    }

    private mutating func decodeEntities(_ b: UnsafeBufferPointer<UInt8>) {
        decoded.removeAll(keepingCapacity: true)
        var i = 0
        while i < b.count {
            if b[i] == 38 {
                var j = i + 1
                while j < b.count, j - i <= 9, ASCII.isAlnum(b[j]) || b[j] == 35 { j += 1 }
                if j < b.count, b[j] == 59, j > i + 1 {
                    if let r = Tokenizer.entity(b, i + 1, j) {
                        decoded.append(contentsOf: r); i = j + 1; continue
                    }
                }
            }
            decoded.append(b[i]); i += 1
        }
    }

    /// Named and numeric references the decoder knows, lower-case, with their replacement bytes.
    private static let entities: [([UInt8], [UInt8])] = [
        ("amp", "&"), ("lt", "<"), ("gt", ">"), ("quot", "\""), ("apos", "'"), ("#39", "'"), ("#x27", "'"),
        ("nbsp", " "), ("#160", " "), ("rsquo", "'"), ("lsquo", "'"), ("#8217", "'"), ("ldquo", "\""),
        ("rdquo", "\""), ("#8220", "\""), ("#8221", "\""), ("hellip", "..."), ("#8230", "..."),
        ("mdash", " - "), ("ndash", " - "), ("#8211", " - "), ("#8212", " - "),
    ].map { (Array($0.0.utf8), Array($0.1.utf8)) }

    /// The replacement of an entity name (bytes between `&` and `;`), or nil when unknown.
    private static func entity(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> [UInt8]? {
        let n = e - s
        for (name, repl) in entities where name.count == n {
            var same = true
            for k in 0..<n where ASCII.lower(b[s + k]) != name[k] { same = false; break }
            if same { return repl }
        }
        if b[s] == 35 { return [32] }  // other numeric references: a space
        return nil
    }

    private mutating func run(_ b: UnsafeBufferPointer<UInt8>, _ out: inout [Token]) {
        let n = b.count
        var i = 0
        while i < n {
            // Whitespace-separated chunk.
            while i < n, ASCII.isSpace(b[i]) { i += 1 }
            if i >= n { break }
            var end = i
            while end < n, !ASCII.isSpace(b[end]) { end += 1 }
            processChunk(b, i, end, &out)
            i = end
        }
    }

    private mutating func processChunk(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ out: inout [Token]) {
        let len = end - start
        // URLs carry no sentiment.
        if len > 4, ASCII.lower(b[start]) == 104, ASCII.lower(b[start + 1]) == 116, ASCII.lower(b[start + 2]) == 116,
           ASCII.lower(b[start + 3]) == 112 { return }
        if len > 4, ASCII.lower(b[start]) == 119, ASCII.lower(b[start + 1]) == 119, ASCII.lower(b[start + 2]) == 119, b[start + 3] == 46 { return }
        // A whole chunk that is an emoticon (":)", "<3", "xD", "D:").
        if len <= lexicon.maxSymbolLength {
            // Emoticons begin or end with a mark (":)", "<3", "d:", "0:)").
            let first = b[start], last = b[end - 1]
            var symbolLike = (first < 0x80 && !ASCII.isAlnum(first)) || (last < 0x80 && !ASCII.isAlnum(last))
            if !symbolLike && len <= 4 {    // "o_O", "o.o", "x-d"
                for k in start..<end where b[k] < 0x80 && !ASCII.isAlnum(b[k]) && b[k] != 39 { symbolLike = true; break }
            }
            if symbolLike {
                let e = lexicon.findLowercased(b.baseAddress! + start, len)
                if e >= 0, lexicon.entries[Int(e)].isSymbol, lexicon.entries[Int(e)].valence != 0 {
                    out.append(filled(Token(kind: .symbol, entry: e, mark: 0, caps: false, lower: false, nt: false, elongated: false)))
                    return
                }
            }
        }
        var j = start
        var mention = false
        while j < end {
            let c = b[j]
            if ASCII.isAlnum(c) || (c >= 0x80 && Tokenizer.classify(Tokenizer.decode(b, j).0) == .letter) {
                let wEnd = wordEnd(b, j, end)
                if mention { mention = false } else { emitWord(b, j, wEnd, &out) }
                j = wEnd
                continue
            }
            mention = false
            if c >= 0x80 {
                let (cp, w) = Tokenizer.decode(b, j)
                switch Tokenizer.classify(cp) {
                case .emoji:
                    let e = lookup(b, j, j + w)
                    if e >= 0, lexicon.entries[Int(e)].valence != 0 {
                        out.append(filled(Token(kind: .symbol, entry: e, mark: 0, caps: false, lower: false, nt: false, elongated: false)))
                    }
                case .dash: out.append(punct(44))
                case .ellipsis: out.append(punct(46))
                case .quote where cp == 0x201C || cp == 0x201D: out.append(punct(34))
                default: break
                }
                j += w
                continue
            }
            // ASCII punctuation: an emoticon glued to a word ("great:)"), or a mark.
            if lexicon.symbolStart[Int(c)] {
                var l = min(lexicon.maxSymbolLength, end - j)
                var matched = false
                while l >= 2 {
                    let after = j + l
                    if after == end || !ASCII.isAlnum(b[after]) {
                        let e = lexicon.findLowercased(b.baseAddress! + j, after - j)
                        if e >= 0, lexicon.entries[Int(e)].isSymbol, lexicon.entries[Int(e)].valence != 0 {
                            out.append(filled(Token(kind: .symbol, entry: e, mark: 0, caps: false, lower: false, nt: false, elongated: false)))
                            j = after; matched = true; break
                        }
                    }
                    l -= 1
                }
                if matched { continue }
            }
            switch c {
            case 33, 63, 46: out.append(punct(c))                 // ! ? .
            case 34: out.append(punct(34))                        // "
            case 39 where j + 1 < end && b[j + 1] == 39: out.append(punct(34)); j += 1  // '' as "
            case 44, 59, 58: out.append(punct(44))                // , ; :
            case 45 where j + 1 < end && b[j + 1] == 45: out.append(punct(44)); j += 1  // --
            case 45 where len == 1: out.append(punct(44))        // a lone dash
            case 40, 41: out.append(punct(40))                    // ( ) as (
            case 64: mention = true                               // @user
            default: break
            }
            j += 1
        }
    }

    @inline(__always)
    private func filled(_ t: Token) -> Token {
        guard t.entry >= 0 else { return t }
        var t = t
        lexicon.entries.withUnsafeBufferPointer { es in
            let e = es[Int(t.entry)]
            t.roles = e.roles; t.valence = e.valence
        }
        return t
    }

    @inline(__always)
    private func punct(_ c: UInt8) -> Token {
        Token(kind: .punct, entry: -1, mark: c, caps: false, lower: false, nt: false, elongated: false)
    }

    /// End of a word starting at `j`: letters, digits, non-ASCII letters, and `'`, `’`, `-` between letters.
    private func wordEnd(_ b: UnsafeBufferPointer<UInt8>, _ j: Int, _ end: Int) -> Int {
        var k = j
        while k < end {
            let c = b[k]
            if ASCII.isAlnum(c) { k += 1; continue }
            if c == 39 || c == 45 {
                if k + 1 < end, ASCII.isAlnum(b[k + 1]) { k += 1; continue }
                break
            }
            if c >= 0x80 {
                let (cp, w) = Tokenizer.decode(b, k)
                if cp == 0x2019, k + w < end, ASCII.isAlnum(b[k + w]) { k += w; continue }
                if Tokenizer.classify(cp) == .letter { k += w; continue }
            }
            break
        }
        return k
    }

    /// Looks up bytes [s, e) lower-cased and normalised.
    private mutating func lookup(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int32 {
        key.removeAll(keepingCapacity: true)
        key.reserveCapacity(e - s)
        var k = s
        while k < e {
            let c = b[k]
            if c == 0xE2, k + 2 < e, b[k + 1] == 0x80, b[k + 2] == 0x99 { key.append(39); k += 3; continue }
            key.append(ASCII.lower(c)); k += 1
        }
        return lexicon.find(key)
    }

    private mutating func emitWord(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ out: inout [Token]) {
        // Letter case counted and the lower-cased key hashed in one pass, eight bytes at a time.
        let n = e - s
        var upper = 0, lowerCount = 0
        var highs: UInt64 = 0
        var h = Lexicon.hashStart(n)
        var k = 0
        let p = b.baseAddress! + s
        let available = b.count - s   // bytes that may be read from `p` (the word and what follows it)
        while k < n {
            let m = min(8, n - k)
            // A whole word load when it stays inside the buffer, the bytes after the word masked off.
            let w = k + 8 <= available
                ? UInt64(littleEndian: UnsafeRawPointer(p + k).loadUnaligned(as: UInt64.self)) & (m == 8 ? ~0 : (1 << UInt64(8 * m)) &- 1)
                : Lexicon.word(p + k, m)
            let up = Lexicon.upperMask(w)
            upper += Lexicon.count(up)
            lowerCount += Lexicon.count(Lexicon.lowerMask(w))
            highs |= w
            h = Lexicon.hashStep(h, w | (up >> 2))
            k += m
        }
        h = Lexicon.hashFinish(h)
        let ascii = highs & 0x8080_8080_8080_8080 == 0
        var entry: Int32
        if ascii {
            // Fast path: hash and compare lower-cased on the fly, no copy.
            entry = lexicon.findLowercased(b.baseAddress! + s, n, hash: h)
            let nt = n >= 3 && ASCII.lower(b[e - 1]) == 116 && b[e - 2] == 39 && ASCII.lower(b[e - 3]) == 110
            let superlative = n >= 6 && ASCII.lower(b[e - 1]) == 116 && ASCII.lower(b[e - 2]) == 115 && ASCII.lower(b[e - 3]) == 101
            let droppedG = n >= 4 && ASCII.lower(b[e - 1]) == 110 && ASCII.lower(b[e - 2]) == 105
            if entry < 0, n >= 6, let (base, v) = negativeAffix(b.baseAddress! + s, n) {
                // "unoriginal", "implausible", "charmless": a positive base with a negating affix.
                var token = filled(Token(kind: .word, entry: base, mark: 0, caps: upper >= 2 && lowerCount == 0, lower: lowerCount > 0,
                                         nt: false, elongated: false))
                token.valence = v; token.roles = []
                out.append(token)
                return
            }
            if entry >= 0 || !(superlative || droppedG || Tokenizer.hasRun(b, s, e) || (n >= 3 && b[s + 1] == 45) || (n >= 4 && b[s + 2] == 45)
                               || Tokenizer.laughter(b, s, e) != nil) {
                out.append(filled(Token(kind: .word, entry: entry, mark: 0, caps: upper >= 2 && lowerCount == 0, lower: lowerCount > 0,
                                        nt: nt, elongated: false)))
                return
            }
        }
        entry = lookup(b, s, e)
        if entry < 0, let cut = Tokenizer.stutter(b, s, e) {
            // "h-happy", "b-b-baka": the word after the stutter.
            emitWord(b, cut, e, &out)
            return
        }
        let kn = key.count
        let nt = kn >= 3 && key[kn - 1] == 116 && key[kn - 2] == 39 && key[kn - 3] == 110
        var elongated = false
        if entry < 0, kn >= 6, key[kn - 1] == 116, key[kn - 2] == 115, key[kn - 3] == 101 {
            // Superlatives the lexicon lacks: "coolest" → "cool", "nicest" → "nice", "happiest" → "happy",
            // "biggest" → "big".
            entry = superlativeBase(kn)
        }
        if entry < 0, kn >= 4, key[kn - 1] == 110, key[kn - 2] == 105 {
            // Dropped g: "lovin", "chillin'", "nothin" are looked up as "loving", "chilling", "nothing".
            alt.removeAll(keepingCapacity: true)
            alt.append(contentsOf: key); alt.append(103)
            entry = lexicon.find(alt)
        }
        if entry < 0, let base = key.withUnsafeBufferPointer({ Tokenizer.laughter($0, 0, kn) }) {
            // "ahahaha", "bwahaha", "hehehehe", "lolol": laughter, looked up as "haha" / "lol".
            entry = lexicon.find(base)
        }
        var negatedValence: Float? = nil
        if entry < 0, kn >= 6, let (base, v) = key.withUnsafeBufferPointer({ negativeAffix($0.baseAddress!, kn) }) {
            // "unoriginal", "implausible", "charmless": a positive base with a negating affix.
            entry = base; negatedValence = v
        }
        if entry < 0, hasRun(3) {
            // "soooo" → "soo" → "so"
            for keep in [2, 1] {
                shorten(keep)
                let e2 = lexicon.find(alt)
                if e2 >= 0 { entry = e2; elongated = true; break }
            }
        }
        var token = filled(Token(kind: .word, entry: entry, mark: 0, caps: upper >= 2 && lowerCount == 0, lower: lowerCount > 0,
                                 nt: nt, elongated: elongated))
        if let v = negatedValence { token.valence = v; token.roles = [] }
        out.append(token)
    }

    /// Prefixes `un`, `in`, `im` and the suffix `less` turn a positive base the lexicon knows into its
    /// opposite when the whole word is unknown: "unoriginal", "uninteresting", "implausible",
    /// "inelegant", "graceless" (valence × the negation factor −0.74). Words whose prefix is not a
    /// negation are excepted ("unlike", "invaluable", "inflammable").
    private func negativeAffix(_ p: UnsafePointer<UInt8>, _ kn: Int) -> (Int32, Float)? {
        guard kn >= 6 else { return nil }
        func positive(_ from: Int, _ to: Int) -> Int32? {
            let e = lexicon.findLowercased(p + from, to - from)
            guard e >= 0 else { return nil }
            let x = lexicon.entries[Int(e)]
            return x.valence >= 0.5 && x.roles.isEmpty && !x.isSymbol ? e : nil
        }
        let c0 = ASCII.lower(p[0]), c1 = ASCII.lower(p[1])
        var base: Int32? = nil
        if c0 == 117, c1 == 110 { base = positive(2, kn) }
        else if c0 == 105, c1 == 110 || c1 == 109 {
            if !Tokenizer.notNegatingPrefix.contains(where: { w in w.count == kn && (0..<kn).allSatisfy { ASCII.lower(p[$0]) == w[$0] } }) {
                base = positive(2, kn)
            }
        }
        if base == nil, ASCII.lower(p[kn - 4]) == 108, ASCII.lower(p[kn - 3]) == 101, ASCII.lower(p[kn - 2]) == 115, ASCII.lower(p[kn - 1]) == 115 {
            // "-less" only after a clearly positive noun ("graceless", not "topless").
            if let e = positive(0, kn - 4), lexicon.entries[Int(e)].valence >= 1 { base = e }
        }
        guard let e = base else { return nil }
        return (e, lexicon.entries[Int(e)].valence * Tokenizer.affixNegation)
    }

    static let affixNegation: Float = -0.74
    private static let notNegatingPrefix: [[UInt8]] = ["invaluable", "inflammable", "income", "intend", "intends", "inside"].map { Array($0.utf8) }

    private mutating func superlativeBase(_ kn: Int) -> Int32 {
        let stem = kn - 3
        func probe(_ n: Int, _ extra: [UInt8]) -> Int32 {
            alt.removeAll(keepingCapacity: true)
            alt.append(contentsOf: key[0..<n]); alt.append(contentsOf: extra)
            return lexicon.find(alt)
        }
        var e = probe(stem, [])
        if e < 0 { e = probe(stem, [101]) }                                   // +e
        if e < 0, key[stem - 1] == 105 { e = probe(stem - 1, [121]) }         // i → y
        if e < 0, stem >= 3, key[stem - 1] == key[stem - 2] { e = probe(stem - 1, []) }  // doubled consonant
        return e
    }

    private static let haha: [UInt8] = Array("haha".utf8), lol: [UInt8] = Array("lol".utf8)

    /// The lexicon key of a laughter word the lexicon may lack: `(a|bwa|mwa|mua)?` then at least two
    /// `h` + vowel pairs and an optional final `h` ("ahahaha", "hehehe", "bwahahah") → `haha`;
    /// `lo(lo)+l` ("lolol") → `lol`. Nil for other words (fails on the first byte that does not fit).
    static func laughter(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> [UInt8]? {
        let n = e - s
        guard n >= 4 else { return nil }
        var k = s
        if ASCII.lower(b[k]) == 108 {   // l
            guard n >= 5, n % 2 == 1 else { return nil }
            while k < e { if ASCII.lower(b[k]) != ((k - s) % 2 == 0 ? 108 : 111) { return nil }; k += 1 }
            return lol
        }
        // Optional lead-in: "a", "bwa", "mwa", "mua", "mu".
        var lead = 0
        while lead < 3, k < e, Tokenizer.isLaughLead(ASCII.lower(b[k])) { k += 1; lead += 1 }
        var pairs = 0
        while k + 1 < e, ASCII.lower(b[k]) == 104, Tokenizer.isLaughVowel(ASCII.lower(b[k + 1])) { pairs += 1; k += 2 }
        if k < e, ASCII.lower(b[k]) == 104 { k += 1 }
        return pairs >= 2 && k == e ? haha : nil
    }

    /// `a`, `b`, `m`, `w`, `u`: letters of a laughter lead-in.
    @inline(__always)
    private static func isLaughLead(_ c: UInt8) -> Bool {
        switch c { case 97, 98, 109, 119, 117: return true; default: return false }
    }

    /// `a`, `e`, `i`, `o`: the vowels of `ha`, `he`, `hi`, `ho`.
    @inline(__always)
    private static func isLaughVowel(_ c: UInt8) -> Bool {
        switch c { case 97, 101, 105, 111: return true; default: return false }
    }

    /// Start of the last part of a stuttered word (`h-happy`, `I-i-it's`): every part before it is a
    /// short prefix of it. Nil for other words.
    private static func stutter(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        var lastHyphen = -1
        for k in s..<e where b[k] == 45 { lastHyphen = k }
        guard lastHyphen > s, lastHyphen + 1 < e else { return nil }
        let word = lastHyphen + 1
        var p = s
        while p < lastHyphen {
            var q = p
            while q < lastHyphen, b[q] != 45 { q += 1 }
            let n = q - p
            guard n >= 1, n <= 2, n < e - word else { return nil }
            for k in 0..<n where ASCII.lower(b[p + k]) != ASCII.lower(b[word + k]) { return nil }
            p = q + 1
        }
        return word
    }

    @inline(__always)
    private static func hasRun(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        var k = s + 2
        while k < e {
            if b[k] == b[k - 1] && b[k] == b[k - 2] { return true }
            k += 1
        }
        return false
    }

    private func hasRun(_ n: Int) -> Bool {
        var run = 1
        var k = 1
        while k < key.count {
            if key[k] == key[k - 1], ASCII.isLetter(key[k]) { run += 1; if run >= n { return true } } else { run = 1 }
            k += 1
        }
        return false
    }

    /// `alt` = `key` with every run of a repeated letter cut to `keep`.
    private mutating func shorten(_ keep: Int) {
        alt.removeAll(keepingCapacity: true)
        var run = 0
        for (k, c) in key.enumerated() {
            if k > 0, c == key[k - 1] { run += 1 } else { run = 1 }
            if run <= keep || !ASCII.isLetter(c) { alt.append(c) }
        }
    }
}
