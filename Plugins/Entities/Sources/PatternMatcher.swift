import StageKit

/// An entity over tokens `s..<e` (token indexes) before it becomes byte offsets.
struct TokSpan: Sendable {
    var s: Int
    var e: Int
    var label: UInt16
}

/// URL, e-mail, phone, money, percent, time and date patterns, scanned on bytes and tokens.
struct PatternMatcher: Sendable {
    let lex: Lexicon

    // MARK: URLs and e-mail addresses (byte level, before tokenizing)

    @inline(__always) private static func urlByte(_ c: UInt8) -> Bool {
        c > 32 && c < 127 && c != 0x22 && c != 0x3C && c != 0x3E && c != 0x60 && c != 0x7B && c != 0x7D
    }
    @inline(__always) private static func emailLocal(_ c: UInt8) -> Bool {
        ASCII.isAlnum(c) || c == 0x2E || c == 0x5F || c == 0x25 || c == 0x2B || c == 0x2D
    }
    @inline(__always) private static func hostByte(_ c: UInt8) -> Bool { ASCII.isAlnum(c) || c == 0x2E || c == 0x2D }

    /// URL and e-mail spans, sorted and non-overlapping, as (start, end, label).
    func specials(_ b: UnsafeBufferPointer<UInt8>) -> [(start: Int, end: Int, label: UInt8)] {
        var out: [(start: Int, end: Int, label: UInt8)] = []
        let n = b.count
        var i = 0
        var lastEnd = 0
        while i < n {
            // only ":", "w"/"W" and "@" can start a special: skip to the next one, 16 bytes at a time
            i = PatternMatcher.nextSpecialStart(b, i)
            guard i < n else { break }
            let c = b[i]
            if c == 0x3A, i + 2 < n, b[i + 1] == 0x2F, b[i + 2] == 0x2F {          // "://"
                var s = i
                while s > lastEnd, ASCII.isLetter(b[s - 1]) { s -= 1 }
                if i - s >= 3 {
                    let e = urlEnd(b, i + 3)
                    if e > i + 3 { out.append((s, e, UInt8(Label.url))); lastEnd = e; i = e; continue }
                }
            } else if (c == 0x77 || c == 0x57), i + 4 < n, (b[i + 1] | 0x20) == 0x77, (b[i + 2] | 0x20) == 0x77, b[i + 3] == 0x2E,
                      i == 0 || !PatternMatcher.urlByte(b[i - 1]) || b[i - 1] == 0x28, i >= lastEnd {
                let e = urlEnd(b, i + 4)
                if e > i + 5 { out.append((i, e, UInt8(Label.url))); lastEnd = e; i = e; continue }
            } else if c == 0x40, i > lastEnd {                                             // "@"
                var s = i
                while s > lastEnd, PatternMatcher.emailLocal(b[s - 1]) { s -= 1 }
                while s < i, !ASCII.isAlnum(b[s]) { s += 1 }
                var e = i + 1
                var dots = 0, lastDot = -1
                while e < n, PatternMatcher.hostByte(b[e]) { if b[e] == 0x2E { dots += 1; lastDot = e }; e += 1 }
                while e > i + 1, b[e - 1] == 0x2E || b[e - 1] == 0x2D { e -= 1; if lastDot == e { dots -= 1 } }
                if s < i, dots > 0, e - (lastDot + 1) >= 2, ASCII.isLetter(b[e - 1]) {
                    out.append((s, e, UInt8(Label.email))); lastEnd = e; i = e; continue
                }
            }
            i += 1
        }
        return out
    }

    /// The index of the first `:`, `w`, `W` or `@` at or after `from`, or `b.count`.
    @inline(__always)
    private static func nextSpecialStart(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        guard let base = b.baseAddress else { return b.count }
        let n = b.count
        var i = from
        let colon = SIMD16<UInt8>(repeating: 0x3A), at = SIMD16<UInt8>(repeating: 0x40)
        let w = SIMD16<UInt8>(repeating: 0x77), caseBit = SIMD16<UInt8>(repeating: 0x20)
        while i + 16 <= n {
            let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
            if any((v .== colon) .| (v .== at) .| ((v | caseBit) .== w)) { break }
            i += 16
        }
        while i < n {
            let c = base[i]
            if c == 0x3A || c == 0x40 || c == 0x77 || c == 0x57 { return i }
            i += 1
        }
        return n
    }

    private func urlEnd(_ b: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        var e = from
        var open = 0
        while e < b.count, PatternMatcher.urlByte(b[e]) {
            if b[e] == 0x28 { open += 1 } else if b[e] == 0x29 { if open == 0 { break }; open -= 1 }
            e += 1
        }
        while e > from {
            let c = b[e - 1]
            if c == 0x2E || c == 0x2C || c == 0x3B || c == 0x3A || c == 0x21 || c == 0x3F || c == 0x27 || c == 0x5D { e -= 1 } else { break }
        }
        return e
    }

    // MARK: token patterns

    /// Finds phone numbers, money, percentages, times and dates among tokens that are not used yet,
    /// marks their tokens used and appends them to `out`.
    func run(_ b: UnsafeBufferPointer<UInt8>, _ toks: inout [Tok], _ out: inout [TokSpan]) {
        toks.withUnsafeMutableBufferPointer { tp in
            let t = UnsafeBufferPointer(tp)
            let n = t.count
            var i = 0
            while i < n {
                let tk = t[i]
                if tk.has(TokFlags.used) || tk.kind == Tokenizer.kSpecial || tk.kind == Tokenizer.kPossessive { i += 1; continue }
                // fast skip: an ordinary word that no pattern can start with
                if tk.kind == Tokenizer.kWord, !tk.has(TokFlags.digitStart | TokFlags.allCaps | TokFlags.numeric),
                   tk.length > 2 || !tk.has(TokFlags.cap), tk.lhash != lex.words.the, !lex.calendar.contains(tk.lhash) {
                    i += 1; continue
                }
                var found: (Int, UInt16)? = nil
                if tk.kind == Tokenizer.kPunct || tk.has(TokFlags.digitStart) {
                    if let e = phone(b, t, i) { found = (e, Label.phone) }
                }
                if found == nil, let e = money(b, t, i) { found = (e, Label.money) }
                if found == nil, let e = percent(t, i) { found = (e, Label.percent) }
                if found == nil, let e = time(b, t, i) { found = (e, Label.time) }
                if found == nil, let r = date(b, t, i) { found = r }
                if let (e, label) = found, e > i, !(i..<e).contains(where: { t[$0].has(TokFlags.used) }),
                   !((i + 1)..<e).contains(where: { t[$0].has(TokFlags.sentStart | TokFlags.newline) }) {
                    out.append(TokSpan(s: i, e: e, label: label))
                    for k in i..<e { tp[k].flags |= TokFlags.used }
                    i = e
                } else {
                    i += 1
                }
            }
        }
    }

    // MARK: helpers

    @inline(__always) private func glued(_ t: UnsafeBufferPointer<Tok>, _ k: Int) -> Bool {
        k < t.count && !t[k].has(TokFlags.space)
    }
    @inline(__always) private func ok(_ t: UnsafeBufferPointer<Tok>, _ k: Int) -> Bool {
        k < t.count && !t[k].has(TokFlags.used)
    }
    @inline(__always) private func isByte(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Tok>, _ k: Int, _ c: UInt8) -> Bool {
        k < t.count && t[k].kind == Tokenizer.kPunct && t[k].length == 1 && b[Int(t[k].start)] == c
    }
    /// Value of an all-digit token of at most 4 digits, or -1.
    @inline(__always) private func intValue(_ b: UnsafeBufferPointer<UInt8>, _ tk: Tok) -> Int {
        let len = tk.length
        guard len >= 1 && len <= 4 else { return -1 }
        var v = 0
        for k in Int(tk.start)..<Int(tk.end) {
            let c = b[k]
            guard ASCII.isDigit(c) else { return -1 }
            v = v * 10 + Int(c - 48)
        }
        return v
    }
    @inline(__always) private func isNumber(_ t: UnsafeBufferPointer<Tok>, _ k: Int, allowA: Bool) -> Bool {
        guard k < t.count else { return false }
        let tk = t[k]
        if tk.has(TokFlags.numeric) { return true }
        if tk.kind == Tokenizer.kWord, lex.cal(tk) == .num { return allowA || (tk.lhash != lex.words.a && tk.lhash != lex.words.an) }
        return false
    }
    /// A token like "5bn", "10m", "3k": digits followed by a scale suffix.
    private func isScaledNumber(_ b: UnsafeBufferPointer<UInt8>, _ tk: Tok) -> Bool {
        guard tk.has(TokFlags.digitStart) else { return false }
        var k = Int(tk.start)
        let e = Int(tk.end)
        while k < e, ASCII.isDigit(b[k]) || b[k] == 0x2E || b[k] == 0x2C { k += 1 }
        let rest = e - k
        guard rest >= 1 && rest <= 2 else { return false }
        let s0 = ASCII.lower(b[k])
        if rest == 1 { return s0 == 0x6D || s0 == 0x6B || s0 == 0x62 }          // m k b
        let s1 = ASCII.lower(b[k + 1])
        return (s0 == 0x62 && s1 == 0x6E) || (s0 == 0x6D && s1 == 0x6E) || (s0 == 0x74 && s1 == 0x6E)
    }
    @inline(__always) private func isCurrencySymbol(_ b: UnsafeBufferPointer<UInt8>, _ tk: Tok) -> Bool {
        guard tk.kind == Tokenizer.kPunct else { return false }
        let s = Int(tk.start)
        let c = b[s]
        if tk.length == 1 { return c == 0x24 }
        if tk.length == 2, c == 0xC2 { return b[s + 1] == 0xA3 || b[s + 1] == 0xA5 }        // £ ¥
        if tk.length == 3, c == 0xE2, b[s + 1] == 0x82 { return b[s + 2] == 0xAC || b[s + 2] == 0xB9 || b[s + 2] == 0xBD || b[s + 2] == 0xB4 } // € ₹ ₽ ₴
        return false
    }

    // MARK: PHONE

    private func phone(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Tok>, _ i: Int) -> Int? {
        let s = Int(t[i].start)
        let c = b[s]
        guard c == 0x2B || c == 0x28 || ASCII.isDigit(c) else { return nil }
        if s > 0, ASCII.isAlnum(b[s - 1]) || b[s - 1] == 0x24 || b[s - 1] == 0x2E || b[s - 1] == 0x2C { return nil }
        let n = b.count
        var k = s
        var digits = 0, groups = 0, groupLen = 0, shortGroups = 0, maxGroup = 0, firstGroup = 0
        var lastDigitEnd = s
        var seps = Set<UInt8>()
        var parens = 0
        while k < n {
            let d = b[k]
            if ASCII.isDigit(d) {
                if groupLen == 0 { groups += 1 }
                groupLen += 1; digits += 1; lastDigitEnd = k + 1
            } else {
                if groupLen > 0 { if groupLen < 2 { shortGroups += 1 }; maxGroup = max(maxGroup, groupLen); if groups == 1 { firstGroup = groupLen } }
                groupLen = 0
                if d == 0x2B { if k != s { break } }
                else if d == 0x28 { parens += 1 }
                else if d == 0x29 { parens -= 1 }
                else if d == 0x20 { if k + 1 < n, b[k + 1] == 0x20 { break }; seps.insert(d) }
                else if d == 0x2D || d == 0x2E { seps.insert(d) }
                else { break }
            }
            k += 1
        }
        if groupLen > 0 { maxGroup = max(maxGroup, groupLen); if groupLen < 2 { shortGroups += 1 } }
        guard digits >= 7 && digits <= 15, parens == 0 || parens == 1 else { return nil }
        if digits == 8 && groups == 3 && firstGroup == 4 && c != 0x2B { return nil }      // 2025-03-31 is a date
        let plus = c == 0x2B
        if !plus && groups < 3 && !(groups == 2 && seps == [0x2D] && digits == 7) && !(c == 0x28) { return nil }
        if seps == [0x2E] && shortGroups > 0 { return nil }
        if shortGroups > 1 && !plus { return nil }
        if !plus && maxGroup > 4 && groups < 3 { return nil }
        // a list of years or plain numbers separated by spaces is not a phone number
        if seps == [0x20] && !plus && c != 0x28 && groups > 2 && maxGroup == 4 && shortGroups == 0 && digits % 4 == 0 { return nil }
        // numbers in a table ("15 10 4 1 42 17 34") are not a phone number: space-separated groups need a
        // first group of at least three digits and no one-digit group
        if seps == [0x20] && !plus && c != 0x28 && (firstGroup < 3 || shortGroups > 0) { return nil }
        var e = i
        while e < t.count, Int(t[e].end) <= lastDigitEnd { e += 1 }
        return e > i ? e : nil
    }

    // MARK: MONEY

    private func money(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Tok>, _ i: Int) -> Int? {
        let tk = t[i]
        var k = i
        var symbol = false
        if isCurrencySymbol(b, tk) {
            k = i + 1; symbol = true
        } else if tk.has(TokFlags.allCaps) || tk.has(TokFlags.cap), tk.length <= 2, isByte(b, t, i + 1, 0x24), glued(t, i + 1) {
            k = i + 2; symbol = true                                             // US$ C$ A$ HK$
        } else if tk.has(TokFlags.allCaps), tk.length == 3, lex.currencyCodes.contains(tk.hash), ok(t, i + 1), t[i + 1].has(TokFlags.numeric) {
            k = i + 1; symbol = true                                             // USD 5
        }
        if symbol {
            guard ok(t, k), t[k].has(TokFlags.numeric) || isScaledNumber(b, t[k]) else { return nil }
            var e = k + 1
            if ok(t, e), lex.cal(t[e]) == .scale, t[e].length > 1 || t[e].has(TokFlags.space) == false { e += 1 }
            return e
        }
        guard isNumber(t, i, allowA: true) || isScaledNumber(b, tk) else { return nil }
        var e = i + 1
        if ok(t, e), lex.cal(t[e]) == .scale, t[e].length > 2 { e += 1 }
        if ok(t, e), lex.cal(t[e]) == .cur, t[e].kind == Tokenizer.kWord {
            if t[i].lhash == lex.words.a && e == i + 1 { return nil }
            return e + 1
        }
        if ok(t, e), t[e].has(TokFlags.allCaps), t[e].length == 3, lex.currencyCodes.contains(t[e].hash), tk.kind == Tokenizer.kWord, tk.has(TokFlags.numeric) || isScaledNumber(b, tk) {
            return e + 1
        }
        return nil
    }

    // MARK: PERCENT

    private func percent(_ t: UnsafeBufferPointer<Tok>, _ i: Int) -> Int? {
        guard isNumber(t, i, allowA: false), t[i].lhash != lex.words.a else { return nil }
        let w = lex.words
        if ok(t, i + 1), glued(t, i + 1), t[i + 1].kind == Tokenizer.kPunct, t[i + 1].length == 1, t[i + 1].lhash == w.percentSign { return i + 2 }
        if ok(t, i + 1), lex.cal(t[i + 1]) == .pct { return i + 2 }
        if ok(t, i + 2), t[i + 1].lhash == w.per, t[i + 2].lhash == w.cent { return i + 3 }
        if ok(t, i + 2), t[i + 1].lhash == w.percentage, t[i + 2].lhash == w.point || t[i + 2].lhash == w.points { return i + 3 }
        return nil
    }

    // MARK: TIME

    private func time(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Tok>, _ i: Int) -> Int? {
        let tk = t[i]
        let w = lex.words
        if tk.has(TokFlags.numeric), ok(t, i + 1), lex.cal(t[i + 1]) == .tunit {
            return durationTail(t, i + 2, unit: .tunit)
        }
        if tk.has(TokFlags.numeric) {
            let v = intValue(b, tk)
            guard v >= 0 && v <= 24 && tk.length <= 2 else { return nil }
            var k = i + 1
            var minutes = false
            if isByte(b, t, k, 0x3A), glued(t, k), k + 1 < t.count, glued(t, k + 1), t[k + 1].has(TokFlags.numeric), t[k + 1].length == 2 {
                k += 2; minutes = true
                if isByte(b, t, k, 0x3A), glued(t, k), k + 1 < t.count, glued(t, k + 1), t[k + 1].has(TokFlags.numeric), t[k + 1].length == 2 { k += 2 }
            }
            var ampm = false
            if ok(t, k), t[k].lhash == w.amDots || t[k].lhash == w.pmDots || t[k].lhash == w.am || t[k].lhash == w.pm {
                if t[k].lhash == w.am && !glued(t, k) && t[k].hash != w.amUpper { /* "am" as a verb */ } else { k += 1; ampm = true }
            }
            guard minutes || ampm else { return nil }
            if ampm && v > 12 { return nil }
            if ok(t, k), lex.words.timezones.contains(t[k].hash) { k += 1 }
            return k
        }
        if tk.has(TokFlags.digitStart), tk.length <= 6 {
            // 9am, 10pm, 9.30pm
            let e = Int(tk.end)
            let s0 = ASCII.lower(b[e - 2]), s1 = ASCII.lower(b[e - 1])
            if (s0 == 0x61 || s0 == 0x70) && s1 == 0x6D && ASCII.isDigit(b[e - 3]) { return i + 1 }
            return nil
        }
        guard tk.kind == Tokenizer.kWord else { return nil }
        let c = lex.cal(tk)
        if c == .timeword { return i + 1 }
        if (c == .rel || c == .dayword) && ok(t, i + 1) && lex.cal(t[i + 1]) == .daypart { return i + 2 }
        if c == .num && tk.lhash != w.a && tk.lhash != w.an && ok(t, i + 1) && lex.cal(t[i + 1]) == .tunit {
            return durationTail(t, i + 2, unit: .tunit)
        }
        return nil
    }

    /// After "three minutes": "and 49 seconds", "ago", "earlier", "later".
    private func durationTail(_ t: UnsafeBufferPointer<Tok>, _ e: Int, unit: Cal) -> Int {
        let w = lex.words
        var e = e
        if ok(t, e + 2), t[e].lhash == w.and, isNumber(t, e + 1, allowA: false), lex.cal(t[e + 2]) == unit { e += 3 }
        if ok(t, e), t[e].lhash == w.ago || t[e].lhash == w.earlier || t[e].lhash == w.later { e += 1 }
        return e
    }

    // MARK: DATE

    private func isYear(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Tok>, _ k: Int) -> Bool {
        guard ok(t, k), t[k].length == 4, t[k].has(TokFlags.numeric) else { return false }
        let v = intValue(b, t[k])
        return v >= 1000 && v <= 2099
    }
    private func isDay(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Tok>, _ k: Int) -> Bool {
        guard ok(t, k), t[k].has(TokFlags.digitStart) else { return false }
        let tk = t[k]
        var e = Int(tk.start)
        var v = 0
        while e < Int(tk.end), ASCII.isDigit(b[e]) { v = v * 10 + Int(b[e] - 48); e += 1 }
        let digits = e - Int(tk.start)
        guard digits <= 2, v >= 1, v <= 31 else { return false }
        let rest = Int(tk.end) - e
        if rest == 0 { return true }
        if rest == 2 {
            let a = ASCII.lower(b[e]), c = ASCII.lower(b[e + 1])
            return (a == 0x73 && c == 0x74) || (a == 0x6E && c == 0x64) || (a == 0x72 && c == 0x64) || (a == 0x74 && c == 0x68)
        }
        return false
    }
    private func isOrdinal(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Tok>, _ k: Int) -> Bool {
        guard ok(t, k), t[k].has(TokFlags.digitStart), t[k].length >= 3, t[k].length <= 4 else { return false }
        return isDay(b, t, k) && !t[k].has(TokFlags.numeric)
    }
    /// "1990s", "90s" (after an apostrophe), "mid-1990s" is handled by the caller.
    private func isDecade(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Tok>, _ k: Int) -> Bool {
        guard ok(t, k), t[k].has(TokFlags.digitStart) else { return false }
        let tk = t[k]
        let s = Int(tk.start), e = Int(tk.end)
        guard (tk.length == 5 || tk.length == 3), b[e - 1] == 0x73, b[e - 2] == 0x30 else { return false }
        for x in s..<(e - 1) where !ASCII.isDigit(b[x]) { return false }
        return true
    }

    private func date(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Tok>, _ i: Int) -> (Int, UInt16)? {
        let w = lex.words
        var j = i
        let hasThe = t[i].lhash == w.the && t[i].kind == Tokenizer.kWord
        if hasThe { j = i + 1; guard ok(t, j) else { return nil } }
        // early / mid / late + decade or year; decades
        var k = j
        var part = false
        if lex.cal(t[k]) == .part {
            part = true; k += 1
            if isByte(b, t, k, 0x2D), glued(t, k) { k += 1 }
        } else if t[k].kind == Tokenizer.kWord, t[k].has(TokFlags.lowerStart), t[k].lhash == w.mid {
            part = true; k += 1
        }
        if ok(t, k), t[k].kind == Tokenizer.kPunct, t[k].lhash == w.apostrophe, glued(t, k + 1), isDecade(b, t, k + 1), t[k + 1].length == 3 {
            return (k + 2, Label.date)
        }
        if isDecade(b, t, k) && t[k].length == 5 { return (k + 1, Label.date) }
        if part && isYear(b, t, k) { return (k + 1, Label.date) }
        if part { if hasThe { return nil } }
        // the 21st century
        if isOrdinal(b, t, j), ok(t, j + 1), t[j + 1].lhash == w.century { return (j + 2, Label.date) }
        // last year, the past five years, recent years
        let cj = lex.cal(t[j])
        if cj == .rel && t[j].kind == Tokenizer.kWord {
            if ok(t, j + 1) {
                let c1 = lex.cal(t[j + 1])
                if c1 == .unit || c1 == .season { return (j + 2, Label.date) }
                if c1 == .weekday || c1 == .month { return (j + 2, Label.date) }
                if isNumber(t, j + 1, allowA: false), ok(t, j + 2), lex.cal(t[j + 2]) == .unit { return (j + 3, Label.date) }
            }
            return nil
        }
        // the first quarter, the second half
        if hasThe, ok(t, j + 1), w.ordinalWords.contains(t[j].lhash), t[j + 1].lhash == w.quarter || t[j + 1].lhash == w.half {
            return (j + 2, Label.date)
        }
        if hasThe { return nil }
        // five years ago, two weeks
        if isNumber(t, j, allowA: true), !t[j].has(TokFlags.digitStart) || t[j].length <= 3, ok(t, j + 1), lex.cal(t[j + 1]) == .unit {
            if (t[j].lhash == w.a || t[j].lhash == w.an) && !(ok(t, j + 2) && t[j + 2].lhash == w.ago) { return nil }
            return (durationTail(t, j + 2, unit: .unit), Label.date)
        }
        let tk = t[j]
        // months
        if cj == .month || cj == .monthAbbr, tk.has(TokFlags.cap) {
            var k = j + 1
            if cj == .monthAbbr { if isByte(b, t, k, 0x2E), glued(t, k) { k += 1 } }
            if isDay(b, t, k) {
                var e = k + 1
                if isByte(b, t, e, 0x2C), isYear(b, t, e + 1) { e += 2 } else if isYear(b, t, e) { e += 1 }
                return (e, Label.date)
            }
            if isYear(b, t, k) { return (k + 1, Label.date) }
            if cj == .monthAbbr { return nil }
            let ambiguous = tk.lhash == w.may || tk.lhash == w.march
            if ambiguous {
                if tk.has(TokFlags.initial) { return nil }
                guard j > 0, lex.words.monthContext.contains(t[j - 1].lhash) else { return nil }
            }
            return (j + 1, Label.date)
        }
        // 24 November 2024
        if isDay(b, t, j), ok(t, j + 1), lex.cal(t[j + 1]) == .month, t[j + 1].has(TokFlags.cap) {
            var e = j + 2
            if isYear(b, t, e) { e += 1 }
            return (e, Label.date)
        }
        if cj == .weekday, tk.has(TokFlags.cap) {
            if ok(t, j + 1), lex.cal(t[j + 1]) == .daypart { return (j + 2, Label.time) }
            var e = j + 1
            if isByte(b, t, e, 0x2C), ok(t, e + 1), lex.cal(t[e + 1]) == .month, t[e + 1].has(TokFlags.cap), isDay(b, t, e + 2) {
                e += 3
                if isByte(b, t, e, 0x2C), isYear(b, t, e + 1) { e += 2 }
            }
            return (e, Label.date)
        }
        if cj == .dayword { return (j + 1, Label.date) }
        if cj == .season, ok(t, j + 1), isYear(b, t, j + 1) { return (j + 2, Label.date) }
        // years, ranges and ISO dates
        if isYear(b, t, j) {
            if j > 0, isCurrencySymbol(b, t[j - 1]) { return nil }
            if isByte(b, t, j + 1, 0x25) || (ok(t, j + 1) && lex.cal(t[j + 1]) == .pct) { return nil }
            if isByte(b, t, j + 1, 0x2D), glued(t, j + 1), ok(t, j + 2), glued(t, j + 2), t[j + 2].has(TokFlags.numeric) {
                if t[j + 2].length == 2, isByte(b, t, j + 3, 0x2D), glued(t, j + 3), ok(t, j + 4), glued(t, j + 4), t[j + 4].length == 2, t[j + 4].has(TokFlags.numeric) {
                    return (j + 5, Label.date)
                }
                if t[j + 2].length == 2 || t[j + 2].length == 4 { return (j + 3, Label.date) }
            }
            let v = intValue(b, tk)
            if v >= 1900 { return (j + 1, Label.date) }
            if j > 0, lex.words.yearPrepositions.contains(t[j - 1].lhash) { return (j + 1, Label.date) }
            return nil
        }
        // 01/15/2024
        if tk.has(TokFlags.numeric), tk.length <= 2, isByte(b, t, j + 1, 0x2F), glued(t, j + 1), ok(t, j + 2), t[j + 2].has(TokFlags.numeric),
           t[j + 2].length <= 2, isByte(b, t, j + 3, 0x2F), glued(t, j + 3), ok(t, j + 4), glued(t, j + 4), t[j + 4].has(TokFlags.numeric),
           t[j + 4].length == 4 || t[j + 4].length == 2 {
            return (j + 5, Label.date)
        }
        return nil
    }
}
