import StageKit

/// Byte-level recognisers for line markers (lists, quotes, Q/A, Markdown headings), enumerators,
/// bullets and heading-like lines.
enum LineMarkers {
    struct Marker { var kind: BlockKind; var level: Int; var textStart: Int }

    @inline(__always) static func isBlank(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 }

    /// Length of a bullet character at `i` (•, ⁃, ◦, ▪, ‣, ●, ■), or 0.
    @inline(__always)
    static func bulletLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        guard i + 3 <= end, b[i] == 0xE2 else { return 0 }
        let b1 = b[i + 1], b2 = b[i + 2]
        switch (b1, b2) {
        case (0x80, 0xA2), (0x80, 0xA3), (0x81, 0x83), (0x97, 0xA6), (0x96, 0xAA), (0x97, 0x8F), (0x96, 0xA0):
            return 3
        default:
            return 0
        }
    }

    private static let romans: [[UInt8]] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
                                            "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx"].map { Array($0.utf8) }

    /// The value of a lower- or upper-case Roman numeral from 1 to 20 written canonically, or 0.
    private static func romanValue(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int {
        let n = e - s
        guard n >= 1 && n <= 5 else { return 0 }
        // every numeral up to 20 is made of i, v and x (either case); most words are rejected here
        for k in s..<e {
            let c = b[k] | 0x20
            if c != UInt8(ascii: "i") && c != UInt8(ascii: "v") && c != UInt8(ascii: "x") { return 0 }
        }
        for (k, r) in romans.enumerated() where r.count == n {
            var same = true
            for t in 0..<n where ASCII.lower(b[s + t]) != r[t] { same = false; break }
            if same { return k + 1 }
        }
        return 0
    }

    /// Parses an enumerator at `q` that is followed by whitespace or `end`.
    @inline(__always)
    static func enumerator(_ b: UnsafeBufferPointer<UInt8>, _ q: Int, _ end: Int) -> Enumerator? {
        var j = q
        let paren = b[j] == UInt8(ascii: "(")
        if paren { j += 1 }
        let s = j
        while j < end && j - s <= 5 && ASCII.isAlnum(b[j]) { j += 1 }
        let n = j - s
        guard n >= 1, n <= 5, j < end else { return nil }
        // what must follow the number or letter (checked again below): most words stop here
        guard b[j] == UInt8(ascii: ")") || (!paren && b[j] == UInt8(ascii: ".")) else { return nil }
        return enumeratorRest(b, paren, s, j, end)
    }

    /// `enumerator` after its quick checks: `b[s..<j]` is 1…5 letters or digits, `b[j]` is `)` or `.`.
    private static func enumeratorRest(_ b: UnsafeBufferPointer<UInt8>, _ paren: Bool, _ s: Int, _ j: Int, _ end: Int) -> Enumerator? {
        var j = j
        let e = j
        let n = e - s
        var m = Enumerator(form: 1, end: 0)
        if ASCII.isDigit(b[s]) {
            guard n <= 3 else { return nil }
            var v = 0
            for k in s..<e { guard ASCII.isDigit(b[k]) else { return nil }; v = v * 10 + Int(b[k] - 48) }
            m.number = v
        } else {
            let allLower = (s..<e).allSatisfy { ASCII.isLower(b[$0]) }
            let allUpper = (s..<e).allSatisfy { ASCII.isUpper(b[$0]) }
            guard allLower || allUpper else { return nil }
            if n == 1 {
                if allLower { m.lower = Int(b[s] - 96) } else { m.upper = Int(b[s] - 64) }
            }
            m.roman = romanValue(b, s, e)
            if n > 1 && (m.roman == 0 || n > 4) { return nil }
        }
        if paren {
            guard b[j] == UInt8(ascii: ")") else { return nil }
            m.form = 4; j += 1
        } else if b[j] == UInt8(ascii: ")") {
            m.form = 2; j += 1
        } else if b[j] == UInt8(ascii: ".") {
            j += 1
            if j < end && b[j] == UInt8(ascii: ")") { m.form = 3; j += 1 } else { m.form = 1 }
        } else {
            return nil
        }
        guard j == end || ASCII.isSpace(b[j]) else { return nil }
        m.end = j
        return m
    }

    private static let questionWord = Array("question:".utf8), answerWord = Array("answer:".utf8)

    /// The marker a line starts with, if any. `cs..<ce` is the trimmed line.
    static func marker(_ b: UnsafeBufferPointer<UInt8>, _ cs: Int, _ ce: Int) -> Marker? {
        let c = b[cs]
        func skipBlank(_ k: Int) -> Int { var k = k; while k < ce && isBlank(b[k]) { k += 1 }; return k }
        switch c {
        case UInt8(ascii: "#"):
            var j = cs
            while j < ce && b[j] == UInt8(ascii: "#") { j += 1 }
            let level = j - cs
            guard level <= 6, j < ce, isBlank(b[j]) else { return nil }
            return Marker(kind: .heading, level: level, textStart: skipBlank(j))
        case UInt8(ascii: ">"):
            var j = cs
            while j < ce && (b[j] == UInt8(ascii: ">") || isBlank(b[j])) { j += 1 }
            return Marker(kind: .quote, level: 0, textStart: j)
        case UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "+"):
            guard cs + 1 < ce, isBlank(b[cs + 1]) else { return nil }
            return Marker(kind: .listItem, level: 0, textStart: cs)
        case UInt8(ascii: "Q"), UInt8(ascii: "A"), UInt8(ascii: "q"), UInt8(ascii: "a"):
            let kind: BlockKind = ASCII.lower(c) == UInt8(ascii: "q") ? .question : .answer
            if ASCII.isUpper(c), cs + 1 < ce, b[cs + 1] == UInt8(ascii: ":") || b[cs + 1] == UInt8(ascii: "."),
               cs + 2 == ce || isBlank(b[cs + 2]) {
                return Marker(kind: kind, level: 0, textStart: cs)
            }
            let word = kind == .question ? questionWord : answerWord
            if ce - cs >= word.count {
                var ok = true
                for k in 0..<word.count where ASCII.lower(b[cs + k]) != word[k] { ok = false; break }
                if ok && (cs + word.count == ce || isBlank(b[cs + word.count])) {
                    return Marker(kind: kind, level: 0, textStart: cs)
                }
            }
        default:
            break
        }
        if bulletLength(b, cs, ce) > 0 { return Marker(kind: .listItem, level: 0, textStart: cs) }
        if let e = enumerator(b, cs, ce) {
            // "A." at a line start is an answer (handled above); other capital letters with a dot are
            // initials ("J. K. Owens wrote…"), not list markers.
            if e.form == 1 && e.upper > 0 && e.roman == 0 { return nil }
            return Marker(kind: .listItem, level: 0, textStart: cs)
        }
        return nil
    }

    /// True when the trimmed line `cs..<ce` ends with sentence punctuation (closing quotes and
    /// brackets after it are skipped); a colon counts, since it introduces what follows.
    static func endsSentence(_ b: UnsafeBufferPointer<UInt8>, _ cs: Int, _ ce: Int) -> Bool {
        var j = ce
        while j > cs {
            let c = b[j - 1]
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "*"), UInt8(ascii: "_"):
                j -= 1; continue
            case 0x9D where j - cs >= 3 && b[j - 3] == 0xE2 && b[j - 2] == 0x80, 0x99 where j - cs >= 3 && b[j - 3] == 0xE2 && b[j - 2] == 0x80:  // ” ’
                j -= 3; continue
            case 0xBB where j - cs >= 2 && b[j - 2] == 0xC2:  // »
                j -= 2; continue
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"):
                return true
            case 0xA6 where j - cs >= 3 && b[j - 3] == 0xE2 && b[j - 2] == 0x80:  // …
                return true
            case 0x8E where j - cs >= 3 && b[j - 3] == 0xEF && b[j - 2] == 0xBC, 0x81 where j - cs >= 3 && b[j - 3] == 0xEF && b[j - 2] == 0xBC, 0x9F where j - cs >= 3 && b[j - 3] == 0xEF && b[j - 2] == 0xBC:  // ．！？
                return true
            case 0x82 where j - cs >= 3 && b[j - 3] == 0xE3 && b[j - 2] == 0x80:  // 。
                return true
            default:
                return false
            }
        }
        return false
    }

    private static let functionWords: Set<UInt64> = Set(["a", "an", "the", "and", "or", "nor", "but", "of", "to", "for", "with",
        "in", "on", "at", "by", "from", "as", "that", "than", "into", "onto", "our", "your", "their", "its", "is", "are", "was"].map { w in
        w.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    })

    /// True when `b[cs..<e]` ends with an article, conjunction or preposition ("Contact us for"): such a
    /// line is an unfinished sentence, not a title.
    static func endsWithFunctionWord(_ b: UnsafeBufferPointer<UInt8>, _ cs: Int, _ e: Int) -> Bool {
        var s = e
        while s > cs && ASCII.isLetter(b[s - 1]) { s -= 1 }
        guard e - s >= 1, e - s <= 5, s == cs || isBlank(b[s - 1]), s > cs else { return false }
        var w: UInt64 = 0
        for k in s..<e { w = w << 8 | UInt64(ASCII.lower(b[k])) }
        return functionWords.contains(w)
    }

    /// A short, title-like line: at most 20 words and 150 bytes, starting with a capital or digit,
    /// not ending with `. , ; :` or an ellipsis, with no sentence break inside. Lines ending in `?`/`!`
    /// or longer than 12 words must be in title case (¾ of the words of four or more letters capitalised).
    static func looksLikeHeading(_ b: UnsafeBufferPointer<UInt8>, _ cs: Int, _ ce: Int) -> Bool {
        guard ce - cs <= 150 else { return false }
        var f = cs
        if b[f] == UInt8(ascii: "\"") || b[f] == UInt8(ascii: "'") { f += 1 }
        else if f + 3 <= ce && b[f] == 0xE2 && b[f + 1] == 0x80 && (b[f + 2] == 0x9C || b[f + 2] == 0x98) { f += 3 }
        guard f < ce else { return false }
        let first = b[f]
        // A capital, a digit, or a non-ASCII letter (not a dash, bullet or other symbol from U+2000…).
        guard ASCII.isUpper(first) || ASCII.isDigit(first) || (first >= 0xC3 && first <= 0xDF) || first >= 0xE3 else { return false }
        // Last significant character, before closing quotes and brackets.
        var j = ce
        while j > cs {
            let c = b[j - 1]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: ")") || c == UInt8(ascii: "]") { j -= 1; continue }
            if (c == 0x9D || c == 0x99) && j - cs >= 3 && b[j - 3] == 0xE2 && b[j - 2] == 0x80 { j -= 3; continue }  // ” ’
            if c == 0xBB && j - cs >= 2 && b[j - 2] == 0xC2 { j -= 2; continue }  // »
            break
        }
        guard j > cs else { return false }
        let last = b[j - 1]
        var needTitle = false
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"):
            return false
        case 0xA6 where j - cs >= 3 && b[j - 3] == 0xE2:
            return false
        case UInt8(ascii: "?"), UInt8(ascii: "!"):
            needTitle = true
        default:
            break
        }
        var words = 0, sig = 0, cap = 0, letters = 0
        var k = cs
        while k < ce {
            while k < ce && isBlank(b[k]) { k += 1 }
            guard k < ce else { break }
            let ws = k
            while k < ce && !isBlank(b[k]) {
                let c = b[k]
                if ASCII.isLetter(c) || c >= 0xC0 { letters += 1 }
                if (c == UInt8(ascii: "?") || c == UInt8(ascii: "!")) && k + 1 < ce && isBlank(b[k + 1]) { return false }
                if c == UInt8(ascii: "."), k - ws >= 2, ASCII.isLower(b[k - 1]), ASCII.isLower(b[k - 2]) {
                    // "word. Next" or "word.” “Next": a full stop after a word, then a capital.
                    var t = k + 1
                    while t < ce && (b[t] == UInt8(ascii: "\"") || b[t] == UInt8(ascii: "'") || b[t] >= 0x80 && !(b[t] >= 0xC3 && b[t] <= 0xDF)) { t += 1 }
                    if t < ce && isBlank(b[t]) {
                        while t < ce && (isBlank(b[t]) || b[t] == UInt8(ascii: "\"") || b[t] == UInt8(ascii: "'") || b[t] == 0xE2 || b[t] == 0x80 || b[t] == 0x9C || b[t] == 0x98) { t += 1 }
                        if t < ce && ASCII.isUpper(b[t]) { return false }
                    }
                }
                k += 1
            }
            words += 1
            if k - ws >= 4 {
                let w0 = b[ws]
                if ASCII.isUpper(w0) { sig += 1; cap += 1 } else if ASCII.isLower(w0) { sig += 1 }
            }
        }
        guard letters > 0, words <= 20 else { return false }
        if endsWithFunctionWord(b, cs, j) { return false }
        if words > 12 { needTitle = true }
        if needTitle && cap * 4 < sig * 3 { return false }
        return true
    }
}
