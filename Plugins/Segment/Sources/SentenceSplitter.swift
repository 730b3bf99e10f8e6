import StageKit

/// A stretch of a block in which sentence boundaries are not allowed: a quotation or a bracketed
/// aside that closes within the block (`open` and `close` are the positions of the marks).
struct ProtectedSpan: Sendable {
    var open: Int
    var close: Int
}

/// Reusable buffers for one `process` call (not shared between threads).
struct SplitScratch {
    var spans: [ProtectedSpan] = []
    var stack: [Int] = []
}

/// The rule-based sentence boundary detector. It works on the UTF-8 bytes of one block in a
/// single forward pass (plus one pre-pass for quotations and brackets) and never looks back or
/// ahead more than a bounded distance, so it is linear in the input.
struct SentenceSplitter: Sendable {
    let lex: Lexicon
    let maxSentenceBytes: Int

    // MARK: character classes

    /// Case of the character starting at `q`: 1 upper, 2 lower, 3 digit, 4 other, 0 none.
    @inline(__always)
    static func charCase(_ b: UnsafeBufferPointer<UInt8>, _ q: Int, _ end: Int) -> Int {
        guard q < end else { return 0 }
        let c = b[q]
        if ASCII.isUpper(c) { return 1 }
        if ASCII.isLower(c) { return 2 }
        if ASCII.isDigit(c) { return 3 }
        if c == 0xC3 && q + 1 < end { return b[q + 1] < 0x9F ? 1 : 2 }
        return 4
    }

    // MARK: the pass

    /// Appends the sentences of `b[start..<end]` (one block) to `out`.
    func split(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, block: Int,
               into out: inout [Sentence], scratch: inout SplitScratch) {
        findProtectedSpans(b, start, end, &scratch)
        var spanPtr = 0
        var maxClose = -1
        let spans = scratch.spans

        var sentStart = -1
        var words = 0
        var tokenStart = start
        var prevTokenStart = -1
        var inSpace = true
        var lastEnum: Enumerator? = nil
        var enumEnd = -1          // end of the list marker of the current token (its dot is no full stop)
        var afterBullet = false
        var urlToken = -1         // token start for which `tokenIsURL` was computed
        var tokenIsURL = false

        @inline(__always) func emit(_ s: Int, _ e: Int) {
            var s = s, e = e
            SentenceEdges.trim(b, &s, &e)
            guard e > s else { return }
            appendSentence(b, s, e, block, &out)
        }

        @inline(__always) func protected(_ t0: Int, _ p: Int) -> Bool {
            while spanPtr < spans.count && spans[spanPtr].open < t0 {
                if spans[spanPtr].close > maxClose { maxClose = spans[spanPtr].close }
                spanPtr += 1
            }
            return maxClose >= p
        }

        var i = start
        while i < end {
            let c = b[i]
            if ASCII.isSpace(c) { inSpace = true; i += 1; continue }
            if c >= 0xC2 {  // Unicode spaces (no-break space, em space, ideographic space …)
                let n = Whitespace.length(b, i, end)
                if n > 0 { inSpace = true; i += n; continue }
            }

            if inSpace {
                inSpace = false
                prevTokenStart = tokenStart
                tokenStart = i
                if sentStart < 0 { sentStart = i; words = 0 }
                words += 1
                // Inline lists: bullets and numbered/lettered items in sequence.
                let bl = LineMarkers.bulletLength(b, i, end)
                if bl > 0 {
                    if i > sentStart { emit(sentStart, i); sentStart = i; words = 1 }
                    afterBullet = true
                    i += bl
                    if i < end && !ASCII.isSpace(b[i]) { inSpace = true }  // "⁃9." — marker right after the bullet
                    continue
                }
                if c == UInt8(ascii: "(") || ASCII.isAlnum(c), let e = LineMarkers.enumerator(b, i, end) {
                    var isMarker = false
                    let initial = i == sentStart || afterBullet || previousNonSpace(b, start, i) == UInt8(ascii: ":")
                    if initial {
                        isMarker = true
                    } else if let p = lastEnum, e.follows(p) || e.startsList,
                              !(e.isLetterOnly && prevTokenStart >= 0 && ASCII.isUpper(b[prevTokenStart])) {
                        // The next item of the list in progress, or a new list (1., a), i.) after it.
                        emit(sentStart, i); sentStart = i; words = 1
                        isMarker = true
                    }
                    if isMarker {
                        // A capital letter with a dot opening a sentence may be an initial; keep it as
                        // a marker only when it cannot be read as a name ("A. His name…").
                        lastEnum = e
                        enumEnd = e.end
                        afterBullet = false
                        i = e.end
                        continue
                    }
                }
                afterBullet = false
                // Emoticon standing after a sentence without a full stop: "Great :) See you".
                if c == UInt8(ascii: ":") || c == UInt8(ascii: ";") || c == UInt8(ascii: "=") || c == UInt8(ascii: "<")
                    || c == UInt8(ascii: "^") || c == UInt8(ascii: "x") || c == UInt8(ascii: "X") {
                    let el = emoticonLength(b, i, end)
                    if el > 0 {
                        let q = Whitespace.skip(b, i + el, end)
                        if i > sentStart && q < end && q > i + el && nextInfo(b, q, end).caseClass == 1
                            && !protected(i, i + el) {
                            emit(sentStart, i + el); sentStart = -1
                        }
                        i += el
                        continue
                    }
                }
            }

            switch c {
            case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), 0xE2, 0xEF, 0xE3, UInt8(ascii: "\""):
                break
            default:
                // inside a token: letters and digits that follow can be neither a space nor a terminal
                i += 1
                while i < end && ASCII.isAlnum(b[i]) { i += 1 }
                continue
            }

            // ---- Candidate terminal at i.
            var t1 = i + 1
            var kind = TerminalKind.period
            switch c {
            case UInt8(ascii: "."):
                if i < enumEnd && i >= tokenStart { i += 1; continue }  // the dot of "1." / "a." in a list
                var j = i
                while j < end && b[j] == UInt8(ascii: ".") { j += 1 }
                let n = j - i
                if n >= 2 {
                    if i > start && b[i - 1] == UInt8(ascii: "[") && j < end && b[j] == UInt8(ascii: "]") { i = j + 1; continue }
                    kind = .ellipsis; t1 = j
                    while t1 + 3 <= end && b[t1] == 0xE2 && b[t1 + 1] == 0x80 && b[t1 + 2] == 0xA6 { t1 += 3 }
                } else {
                    // Spaced dots: ". . ." (omission) and ". . . ." (omission + full stop).
                    var k = j, sp = 0
                    while k + 1 < end && b[k] == 0x20 && b[k + 1] == UInt8(ascii: ".")
                            && (k + 2 == end || !ASCII.isLetter(b[k + 2]) && !ASCII.isDigit(b[k + 2])) {
                        sp += 1; k += 2
                    }
                    let attached = i > tokenStart
                    if sp >= 2 {
                        if !attached {
                            if sp == 2 { i = k; continue }          // ". . ." inside a sentence
                            kind = .ellipsis; t1 = k                // ". . . ." ends one
                        } else if sp >= 3 {
                            // "word. . . . Next": the full stop ends the sentence, the omission opens the next.
                            let p = consumeClosers(b, k, end)
                            let q = Whitespace.skip(b, p, end)
                            if q < end && q > p && nextInfo(b, q, end).caseClass == 1 && !protected(i, i + 1) {
                                emit(sentStart, i + 1); sentStart = -1
                                i += 1; inSpace = true
                                continue
                            }
                            kind = .ellipsis; t1 = k
                        } else {
                            kind = .ellipsis; t1 = k
                        }
                    }
                }
            case UInt8(ascii: "!"), UInt8(ascii: "?"):
                if i > start && (b[i - 1] == UInt8(ascii: "[") || b[i - 1] == UInt8(ascii: "(")) { i += 1; continue }
                kind = .exclaim
                t1 = exclaimRunEnd(b, i, end)
            case 0xE2:
                guard i + 2 < end else { i += 1; continue }
                let b1 = b[i + 1], b2 = b[i + 2]
                if b1 == 0x80 && b2 == 0xA6 {                       // …
                    if i > start && b[i - 1] == UInt8(ascii: "[") && i + 3 < end && b[i + 3] == UInt8(ascii: "]") { i += 4; continue }
                    kind = .ellipsis
                    t1 = i + 3
                    while true {
                        if t1 + 3 <= end && b[t1] == 0xE2 && b[t1 + 1] == 0x80 && b[t1 + 2] == 0xA6 { t1 += 3 }
                        else if t1 < end && b[t1] == UInt8(ascii: ".") { t1 += 1 }
                        else { break }
                    }
                } else if (b1 == 0x80 && b2 == 0xBC) || (b1 == 0x81 && (b2 == 0x87 || b2 == 0x88 || b2 == 0x89)) {  // ‼ ⁇ ⁈ ⁉
                    kind = .exclaim
                    t1 = exclaimRunEnd(b, i, end)
                } else if b1 == 0x80 && b2 == 0x9D && i > start && isDashBefore(b, start, i) {  // --” interrupted speech
                    kind = .interrupted; t1 = i + 3
                } else {
                    i += 1; continue
                }
            case 0xEF:
                guard i + 2 < end, b[i + 1] == 0xBC, b[i + 2] == 0x8E || b[i + 2] == 0x81 || b[i + 2] == 0x9F else { i += 1; continue }
                kind = .strong; t1 = i + 3
            case 0xE3:
                guard i + 2 < end, b[i + 1] == 0x80, b[i + 2] == 0x82 else { i += 1; continue }
                kind = .strong; t1 = i + 3
            default:  // straight double quote
                guard i > start, isDashBefore(b, start, i) else { i += 1; continue }
                kind = .interrupted; t1 = i + 1
            }

            let t0 = i
            var p = t1
            // Footnote number glued to a full stop: "… a consultation.11 12 Take …", "(1987).1 According".
            if kind == .period && p < end && ASCII.isDigit(b[p]) && t0 > start
                && (ASCII.isLower(b[t0 - 1]) || b[t0 - 1] == UInt8(ascii: ")")) {
                var d = p
                while d < end && d - p < 4 && ASCII.isDigit(b[d]) { d += 1 }
                if d - p <= 3 && (d == end || ASCII.isSpace(b[d])) {
                    p = d
                    while true {
                        var e = p
                        if e < end && b[e] == UInt8(ascii: ",") { e += 1 }
                        guard e < end && b[e] == 0x20 else { break }
                        e += 1
                        let ds = e
                        while e < end && e - ds < 4 && ASCII.isDigit(b[e]) { e += 1 }
                        guard e - ds >= 1 && e - ds <= 3 && (e == end || ASCII.isSpace(b[e])) else { break }
                        p = e
                    }
                }
            }
            p = consumeClosers(b, p, end)

            if p >= end { i = end; break }

            if Whitespace.length(b, p, end) == 0 {
                // No space after the mark.
                var boundary = false
                if kind == .strong {
                    boundary = true
                } else if (kind == .period || kind == .exclaim) && ASCII.isUpper(b[p]) && p + 1 < end && ASCII.isLower(b[p + 1])
                            && t0 > start && (ASCII.isLower(b[t0 - 1]) || ASCII.isDigit(b[t0 - 1])) {
                    // "end.Next" — unless the token is a URL, e-mail address or domain, or the word an abbreviation.
                    if urlToken != tokenStart { urlToken = tokenStart; tokenIsURL = isURLLike(b, tokenStart, end) }
                    if !tokenIsURL {
                        var le = p
                        while le < end && ASCII.isLetter(b[le]) { le += 1 }
                        let ws = wordStart(b, tokenStart, t0)
                        boundary = lex.domains.lookup(b, p, le) == 0 && lex.abbreviations.lookup(b, ws, t0) == 0
                    }
                }
                if boundary && !protected(t0, p) {
                    emit(sentStart, p)
                    sentStart = p; words = 1; tokenStart = p; prevTokenStart = -1
                }
                i = max(p, t0 + 1)
                if kind == .exclaim || kind == .ellipsis { i = max(i, t1) }
                continue
            }

            // Whitespace follows: look at the next token.
            let q = Whitespace.skip(b, p, end)
            if q >= end { i = end; break }
            let next = nextInfo(b, q, end)
            var boundary: Bool
            switch kind {
            case .strong:
                boundary = true
            case .exclaim, .ellipsis, .interrupted:
                boundary = next.caseClass != 2 && (kind != .ellipsis || next.caseClass == 1 || next.listStart)
            case .period:
                boundary = periodEndsSentence(b, start, t0, tokenStart: tokenStart, prevTokenStart: prevTokenStart,
                                              wordsBefore: words - 1, next: next)
                if !boundary && next.caseClass == 2 && p == t1 && words >= 3 {
                    boundary = lowerCaseStartFollows(b, tokenStart, t0)
                }
            }
            if boundary && protected(t0, p) { boundary = false }
            if boundary && b[q] == UInt8(ascii: "(") && closesBlock(b, q, end, spans) { boundary = false }
            if boundary {
                // An emoticon right after the mark belongs to the sentence: "Thanks! :) See you".
                var e = p
                let el = emoticonLength(b, q, end)
                if el > 0 { e = q + el } else {
                    let ml = emojiLength(b, q, end)
                    if ml > 0 && (q + ml == end || ASCII.isSpace(b[q + ml])) { e = q + ml }
                }
                emit(sentStart, e)
                sentStart = -1
                i = e
                inSpace = true
                continue
            }
            i = t1
        }
        if sentStart >= 0 { emit(sentStart, end) }
    }

    enum TerminalKind { case period, ellipsis, exclaim, strong, interrupted }

    /// What the token after a candidate boundary looks like.
    struct NextInfo {
        /// Case of its first letter after opening quotes, brackets and dashes (see `charCase`).
        var caseClass: Int
        /// Start and end of its leading run of ASCII letters.
        var wordStart: Int
        var wordEnd: Int
        /// It is a bullet or an enumerator such as "2." or "(b)".
        var listStart: Bool
    }

    @inline(__always)
    func nextInfo(_ b: UnsafeBufferPointer<UInt8>, _ q: Int, _ end: Int) -> NextInfo {
        var listStart = LineMarkers.bulletLength(b, q, end) > 0
        if !listStart, b[q] == UInt8(ascii: "(") || ASCII.isAlnum(b[q]), let e = LineMarkers.enumerator(b, q, end) {
            listStart = !(e.form == 1 && e.upper > 0 && e.roman == 0)
        }
        var r = q
        var steps = 0
        while r < end && steps < 8 {
            let c = b[r]
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "(") || c == UInt8(ascii: "[")
                || c == UInt8(ascii: "`") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") || c == UInt8(ascii: "{") {
                r += 1
            } else if c == UInt8(ascii: "<"), r + 1 < end, ASCII.isLetter(b[r + 1]) {
                // An opening tag before the word: "<em>It".
                let n = SentenceEdges.tagLength(b, r, end)
                if n == 0 { break }
                r += n
            } else if c == UInt8(ascii: "-") {
                var d = r
                while d < end && b[d] == UInt8(ascii: "-") { d += 1 }
                guard d < end && b[d] == 0x20 else { break }
                r = d + 1
            } else if c == 0xE2 && r + 2 < end && b[r + 1] == 0x80 && (b[r + 2] == 0x9C || b[r + 2] == 0x98 || b[r + 2] == 0x93 || b[r + 2] == 0x94) {
                r += 3
                if b[r - 1] == 0x93 || b[r - 1] == 0x94 { while r < end && b[r] == 0x20 { r += 1 } }
            } else if c == 0xC2 && r + 1 < end && (b[r + 1] == 0xAB || b[r + 1] == 0xBF || b[r + 1] == 0xA1) {
                r += 2
            } else {
                break
            }
            steps += 1
        }
        var we = r
        while we < end && we - r < WordTable.maxKeyLength && ASCII.isLetter(b[we]) { we += 1 }
        return NextInfo(caseClass: Self.charCase(b, r, end), wordStart: r, wordEnd: we, listStart: listStart)
    }

    /// The decision for a single full stop at `t0` followed by whitespace and `next`.
    private func periodEndsSentence(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ t0: Int, tokenStart: Int,
                                    prevTokenStart: Int, wordsBefore: Int, next: NextInfo) -> Bool {
        let nextUpper = next.caseClass == 1
        let regular = next.caseClass != 2 && next.caseClass != 0 || next.listStart
        let starter = nextUpper && next.wordEnd > next.wordStart && lex.starters.lookup(b, next.wordStart, next.wordEnd) != 0
        let ws = wordStart(b, tokenStart, t0)
        let n = t0 - ws
        if n <= 0 || n > WordTable.maxKeyLength { return regular }

        // Numbers: "She has $100.00." ends a sentence before a capital or a digit.
        var digits = 0, letters = 0, dots = 0, others = 0
        for k in ws..<t0 {
            let c = b[k]
            if ASCII.isDigit(c) { digits += 1 }
            else if ASCII.isLetter(c) { letters += 1 }
            else if c == UInt8(ascii: ".") { dots += 1 }
            else { others += 1 }
        }
        if letters == 0 { return regular }

        let kindRaw = lex.abbreviations.lookup(b, ws, t0)
        if kindRaw != 0, var kind = AbbreviationKind(rawValue: kindRaw) {
            // Titles are capitalised before a name ("Dr. Smith"); "your sales rep." is an ordinary use.
            if kind == .title && !ASCII.isUpper(b[ws]) { kind = .plain }
            switch kind {
            case .title:
                return false
            case .number:
                if next.caseClass == 3 { return false }
                if n == 1 { return starter || next.listStart }  // "p." before a word: like a single letter
                return regular
            case .time:
                if starter || next.listStart { return true }
                guard nextUpper else { return false }
                if next.wordEnd > next.wordStart && lex.calendar.lookup(b, next.wordStart, next.wordEnd) != 0 { return false }
                return wordsBefore >= 3
            case .plain:
                return starter || next.listStart
            }
        }
        // Short letter groups joined by dots: U.S.A., Ph.D., i.v.
        if dots > 0 && digits == 0 && others == 0 {
            var seg = 0, ok = true
            for k in ws..<t0 {
                if b[k] == UInt8(ascii: ".") { if seg == 0 || seg > 2 { ok = false; break }; seg = 0 } else { seg += 1 }
            }
            if ok && seg >= 1 && seg <= 2 { return starter || next.listStart }
            return regular
        }
        if n == 1 && letters == 1 {
            let c = b[ws]
            if c == UInt8(ascii: "I") && prevTokenStart >= 0 && prevTokenStart < ws {
                // "you and I." — the pronoun after a lower-case word is an ordinary word.
                let pw = wordStart(b, prevTokenStart, ws)
                if pw < ws && ASCII.isLower(b[pw]) { return regular }
            }
            // An initial ("Jonas E. Smith") or a lower-case letter ("option b."): only before an opener.
            return starter || next.listStart
        }
        return regular
    }

    /// A full stop after an ordinary lower-case word of four or more letters (not an abbreviation)
    /// ends the sentence even before a lower-case word ("… in the city. features", "… went home.
    /// then …"): abbreviations are short or listed, so such a word before a full stop is a real
    /// word. Only called when nothing (no quote or bracket) stands between the mark and the space,
    /// so `"No." she said` stays whole.
    private func lowerCaseStartFollows(_ b: UnsafeBufferPointer<UInt8>, _ tokenStart: Int, _ t0: Int) -> Bool {
        let ws = wordStart(b, tokenStart, t0)
        guard ws == tokenStart, t0 - ws >= 4, t0 - ws <= WordTable.maxKeyLength else { return false }
        for k in ws..<t0 where !ASCII.isLower(b[k]) { return false }
        return lex.abbreviations.lookup(b, ws, t0) == 0
    }

    // MARK: helpers

    /// True when the bracket opening at `q` closes at the end of the block (only closing marks and
    /// spaces after it): a parenthetical remark that ends a paragraph stays with the sentence before it.
    private func closesBlock(_ b: UnsafeBufferPointer<UInt8>, _ q: Int, _ end: Int, _ spans: [ProtectedSpan]) -> Bool {
        var lo = 0, hi = spans.count
        while lo < hi {
            let mid = (lo + hi) / 2
            if spans[mid].open < q { lo = mid + 1 } else { hi = mid }
        }
        guard lo < spans.count, spans[lo].open == q else { return false }
        let after = consumeClosers(b, spans[lo].close + 1, end)
        return Whitespace.skip(b, after, end) == end
    }

    /// First byte of the word in the token `tokenStart..<t0`, after opening quotes and brackets.
    @inline(__always)
    func wordStart(_ b: UnsafeBufferPointer<UInt8>, _ tokenStart: Int, _ t0: Int) -> Int {
        var ws = tokenStart
        while ws < t0 {
            let c = b[ws]
            if c == UInt8(ascii: "(") || c == UInt8(ascii: "[") || c == UInt8(ascii: "\"") || c == UInt8(ascii: "'")
                || c == UInt8(ascii: "`") || c == UInt8(ascii: "{") || c == UInt8(ascii: "*") || c == UInt8(ascii: "_") {
                ws += 1
            } else if c == 0xE2 && ws + 2 < t0 && b[ws + 1] == 0x80 && (b[ws + 2] == 0x9C || b[ws + 2] == 0x98) {
                ws += 3
            } else {
                break
            }
        }
        return ws
    }

    /// Length of a run of emoji (pictographs, dingbats, variation selectors, joiners, skin tones) at `q`.
    func emojiLength(_ b: UnsafeBufferPointer<UInt8>, _ q: Int, _ end: Int) -> Int {
        var k = q
        while k < end {
            let c = b[k]
            if c >= 0xF0 && c <= 0xF4 && k + 3 < end { k += 4; continue }                          // U+1F000…
            if c == 0xE2 && k + 2 < end && (b[k + 1] >= 0x98 && b[k + 1] <= 0x9E) { k += 3; continue } // ☀…➿
            if c == 0xEF && k + 2 < end && b[k + 1] == 0xB8 && b[k + 2] == 0x8F { k += 3; continue }  // VS16
            if c == 0xE2 && k + 2 < end && b[k + 1] == 0x80 && b[k + 2] == 0x8D && k > q { k += 3; continue }  // ZWJ
            break
        }
        return k - q
    }

    private func previousNonSpace(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ i: Int) -> UInt8 {
        var j = i - 1
        while j >= start && ASCII.isSpace(b[j]) { j -= 1 }
        return j >= start ? b[j] : 0
    }

    /// True when the quote at `i` follows "--" or an em dash (interrupted speech) and is followed by a space.
    private func isDashBefore(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ i: Int) -> Bool {
        if i - 2 >= start && b[i - 1] == UInt8(ascii: "-") && b[i - 2] == UInt8(ascii: "-") { return true }
        if i - 3 >= start && b[i - 3] == 0xE2 && b[i - 2] == 0x80 && b[i - 1] == 0x94 { return true }
        return false
    }

    /// End of a run of `!`/`?` (ASCII, full-width or ‼ ⁇ ⁈ ⁉).
    private func exclaimRunEnd(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        var j = i
        while j < end {
            let c = b[j]
            if c == UInt8(ascii: "!") || c == UInt8(ascii: "?") { j += 1; continue }
            if c == 0xE2 && j + 2 < end && ((b[j + 1] == 0x80 && b[j + 2] == 0xBC) || (b[j + 1] == 0x81 && b[j + 2] >= 0x87 && b[j + 2] <= 0x89)) { j += 3; continue }
            if c == 0xEF && j + 2 < end && b[j + 1] == 0xBC && (b[j + 2] == 0x81 || b[j + 2] == 0x9F) { j += 3; continue }
            break
        }
        return j
    }

    /// Skips closing quotes and brackets after a sentence mark, and citation marks like "[1]" or "[7][8]".
    @inline(__always)
    func consumeClosers(_ b: UnsafeBufferPointer<UInt8>, _ p0: Int, _ end: Int) -> Int {
        var p = p0
        while p < end {
            let c = b[p]
            switch c {
            case UInt8(ascii: "\""), UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: "*"):
                p += 1
            case UInt8(ascii: "'"):
                if p + 1 < end && ASCII.isLetter(b[p + 1]) { return p }  // "Jr.'s"
                p += 1
            case UInt8(ascii: "<"):
                // A closing tag after the mark: "Yes.</em> Next".
                guard p + 1 < end, b[p + 1] == UInt8(ascii: "/") else { return p }
                let n = SentenceEdges.tagLength(b, p, end)
                if n == 0 { return p }
                p += n
            case 0xE2 where p + 2 < end && b[p + 1] == 0x80 && (b[p + 2] == 0x9D || b[p + 2] == 0x99):  // ” ’
                if b[p + 2] == 0x99 && p + 3 < end && ASCII.isLetter(b[p + 3]) { return p }
                p += 3
            case 0xC2 where p + 1 < end && b[p + 1] == 0xBB:  // »
                p += 2
            case UInt8(ascii: "["):
                var e = p + 1
                while e < end && e - p <= 12 && (ASCII.isDigit(b[e]) || b[e] == UInt8(ascii: ",") || b[e] == UInt8(ascii: "-") || b[e] == 0x20) { e += 1 }
                guard e < end, e > p + 1, b[e] == UInt8(ascii: "]") else { return p }
                p = e + 1
            default:
                return p
            }
        }
        return p
    }

    /// Length of an ASCII emoticon at `i` (":)", ";-)", ":D", "<3", "^_^", "xD" …) that is followed
    /// by whitespace or the end, or 0.
    @inline(__always)
    func emoticonLength(_ b: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Int {
        guard i + 1 < end else { return 0 }
        var j = i
        let c = b[j]
        func mouth(_ m: UInt8) -> Bool {
            switch m {
            case UInt8(ascii: ")"), UInt8(ascii: "("), UInt8(ascii: "D"), UInt8(ascii: "P"), UInt8(ascii: "p"),
                 UInt8(ascii: "/"), UInt8(ascii: "]"), UInt8(ascii: "["), UInt8(ascii: "|"), UInt8(ascii: "3"),
                 UInt8(ascii: "o"), UInt8(ascii: "O"), UInt8(ascii: "*"): return true
            default: return false
            }
        }
        if c == UInt8(ascii: ":") || c == UInt8(ascii: ";") || c == UInt8(ascii: "=") {
            j += 1
            if j < end && (b[j] == UInt8(ascii: "-") || b[j] == UInt8(ascii: "'")) { j += 1 }
            guard j < end, mouth(b[j]) else { return 0 }
            j += 1
            while j < end && b[j] == b[j - 1] && (b[j] == UInt8(ascii: ")") || b[j] == UInt8(ascii: "(")) { j += 1 }
        } else if c == UInt8(ascii: "<") && b[j + 1] == UInt8(ascii: "3") {
            j += 2
        } else if c == UInt8(ascii: "^") {
            if b[j + 1] == UInt8(ascii: "^") { j += 2 }
            else if j + 2 < end && b[j + 1] == UInt8(ascii: "_") && b[j + 2] == UInt8(ascii: "^") { j += 3 }
            else { return 0 }
        } else if (c == UInt8(ascii: "x") || c == UInt8(ascii: "X")) && b[j + 1] == UInt8(ascii: "D") {
            j += 2
        } else {
            return 0
        }
        guard j == end || ASCII.isSpace(b[j]) else { return 0 }
        return j - i
    }

    /// Whether the token starting at `s` looks like a URL, e-mail address or host name (checked once per token).
    private func isURLLike(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ end: Int) -> Bool {
        var j = s
        if j + 4 <= end && ASCII.lower(b[j]) == UInt8(ascii: "w") && ASCII.lower(b[j + 1]) == UInt8(ascii: "w")
            && ASCII.lower(b[j + 2]) == UInt8(ascii: "w") && b[j + 3] == UInt8(ascii: ".") { return true }
        while j < end && !ASCII.isSpace(b[j]) {
            let c = b[j]
            if c == UInt8(ascii: "@") || c == UInt8(ascii: "/") || c == UInt8(ascii: "\\") { return true }
            j += 1
        }
        return false
    }

    // MARK: quotations and brackets

    /// Finds quotations and brackets that open and close inside the block (double quotes up to 1,000
    /// bytes, single quotes up to 300 since apostrophes can pose as them, brackets up to 400), sorted
    /// by opening position.
    func findProtectedSpans(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ scratch: inout SplitScratch) {
        scratch.spans.removeAll(keepingCapacity: true)
        scratch.stack.removeAll(keepingCapacity: true)
        var dq = -1, cq = -1, sq = -1, gq = -1
        var unordered = false
        var lastOpen = -1

        func add(_ o: Int, _ c: Int, _ limit: Int, _ spans: inout [ProtectedSpan]) {
            guard c - o <= limit else { return }
            if o < lastOpen { unordered = true }
            lastOpen = o
            spans.append(ProtectedSpan(open: o, close: c))
        }
        @inline(__always) func opensAfter(_ j: Int) -> Bool {
            if j == start { return true }
            let p = b[j - 1]
            return ASCII.isSpace(p) || p == UInt8(ascii: "(") || p == UInt8(ascii: "[") || p == UInt8(ascii: "{")
                || p == UInt8(ascii: "-") || p == UInt8(ascii: "/") || p == 0x94 || p == 0x93 || p == 0x9C || p == 0x98
                || p == UInt8(ascii: "\"") || p == UInt8(ascii: "'")
        }

        var j = SentenceSplitter.nextMark(b, start, end)
        while j < end {
            let c = b[j]
            switch c {
            case UInt8(ascii: "\""):
                if opensAfter(j) && j + 1 < end && !ASCII.isSpace(b[j + 1]) { dq = j }
                else if dq >= 0 { add(dq, j, 1000, &scratch.spans); dq = -1 }
            case UInt8(ascii: "'"), UInt8(ascii: "`"):
                let nextIsLetter = j + 1 < end && ASCII.isLetter(b[j + 1])
                if opensAfter(j) && j + 1 < end && !ASCII.isSpace(b[j + 1]) {
                    if !isElision(b, j + 1, end) { sq = j }
                } else if sq >= 0 && !nextIsLetter && j > start && !ASCII.isSpace(b[j - 1]) {
                    add(sq, j, 300, &scratch.spans); sq = -1
                }
            case UInt8(ascii: "("), UInt8(ascii: "["):
                if scratch.stack.count < 16 { scratch.stack.append(j) }
            case UInt8(ascii: ")"), UInt8(ascii: "]"):
                if j > start {
                    let p = b[j - 1]
                    if p == UInt8(ascii: ":") || p == UInt8(ascii: ";") || p == UInt8(ascii: "=") { break }
                    if p == UInt8(ascii: "-") && j - 2 >= start && (b[j - 2] == UInt8(ascii: ":") || b[j - 2] == UInt8(ascii: ";")) { break }
                }
                let want: UInt8 = c == UInt8(ascii: ")") ? UInt8(ascii: "(") : UInt8(ascii: "[")
                if let top = scratch.stack.last, b[top] == want {
                    scratch.stack.removeLast()
                    add(top, j, 400, &scratch.spans)
                }
            case 0xE2 where j + 2 < end && b[j + 1] == 0x80:
                switch b[j + 2] {
                case 0x9C: cq = j                                      // “
                case 0x9D: if cq >= 0 { add(cq, j, 1000, &scratch.spans); cq = -1 }  // ”
                case 0x98: sq = j                                      // ‘
                case 0x99:                                             // ’
                    let nextIsLetter = j + 3 < end && ASCII.isLetter(b[j + 3])
                    if sq >= 0 && !nextIsLetter && j > start && !ASCII.isSpace(b[j - 1]) { add(sq, j, 300, &scratch.spans); sq = -1 }
                default: break
                }
                j += 2
            case 0xC2 where j + 1 < end:
                if b[j + 1] == 0xAB { gq = j } else if b[j + 1] == 0xBB, gq >= 0 { add(gq, j, 1000, &scratch.spans); gq = -1 }
                j += 1
            default:
                break
            }
            j = SentenceSplitter.nextMark(b, j + 1, end)
        }
        if unordered { scratch.spans.sort { $0.open < $1.open } }
    }

    /// The first byte at or after `from` (before `end`) that `findProtectedSpans` acts on: `" ' ` ( ) [ ]`
    /// or the lead byte C2/E2 of a typographic quote; `end` when none. Looks at 16 bytes at a time.
    @inline(__always)
    static func nextMark(_ b: UnsafeBufferPointer<UInt8>, _ from: Int, _ end: Int) -> Int {
        guard let base = b.baseAddress else { return end }
        var i = from
        let dq = SIMD16<UInt8>(repeating: 0x22), sq = SIMD16<UInt8>(repeating: 0x27), bt = SIMD16<UInt8>(repeating: 0x60)
        let paren = SIMD16<UInt8>(repeating: 0x28), fe = SIMD16<UInt8>(repeating: 0xFE)
        let ob = SIMD16<UInt8>(repeating: 0x5B), cb = SIMD16<UInt8>(repeating: 0x5D)
        let lead = SIMD16<UInt8>(repeating: 0xC2), df = SIMD16<UInt8>(repeating: 0xDF)
        while i + 16 <= end {
            let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
            let m = (v .== dq) .| (v .== sq) .| (v .== bt) .| ((v & fe) .== paren) .| (v .== ob) .| (v .== cb) .| ((v & df) .== lead)
            if any(m) { break }
            i += 16
        }
        while i < end {
            switch base[i] {
            case 0x22, 0x27, 0x60, 0x28, 0x29, 0x5B, 0x5D, 0xC2, 0xE2: return i
            default: i += 1
            }
        }
        return end
    }

    /// An apostrophe that starts a word rather than a quotation: a year ('90s) or a known elision
    /// ('n', 'em, 'til, 'tis, 'twas, 'cause, 'bout, 'round …). `k` is the byte after the apostrophe.
    private func isElision(_ b: UnsafeBufferPointer<UInt8>, _ k: Int, _ end: Int) -> Bool {
        if ASCII.isDigit(b[k]) { return true }
        var e = k
        while e < end && e - k < 7 && ASCII.isLetter(b[e]) { e += 1 }
        guard e > k, e - k < 7, e == end || !ASCII.isLetter(b[e]) else { return false }
        var w: UInt64 = 0
        for t in k..<e { w = w << 8 | UInt64(ASCII.lower(b[t])) }
        return Self.elisions.contains(w)
    }

    private static let elisions: Set<UInt64> = Set(["n", "em", "til", "tis", "twas", "cause", "cos", "bout", "round", "neath", "nother", "ere", "s", "t", "d", "ll", "re", "ve", "m"].map { word in
        word.utf8.reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
    })

    // MARK: output

    /// Appends a sentence, cutting it at spaces when it is longer than `maxSentenceBytes`.
    private func appendSentence(_ b: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, _ block: Int, _ out: inout [Sentence]) {
        var s = s
        let limit = maxSentenceBytes
        while limit > 0 && e - s > limit {
            var cut = s + limit
            var k = cut
            while k > s + limit / 2 && !ASCII.isSpace(b[k]) { k -= 1 }
            if ASCII.isSpace(b[k]) { cut = k } else {
                while cut > s + 1 && (b[cut] & 0xC0) == 0x80 { cut -= 1 }  // keep UTF-8 characters whole
            }
            var ps = s, pe = cut
            Whitespace.trim(b, &ps, &pe)
            if pe > ps { out.append(Sentence(start: ps, end: pe, block: block)) }
            s = cut
            var e2 = e
            Whitespace.trim(b, &s, &e2)
        }
        if e > s { out.append(Sentence(start: s, end: e, block: block)) }
    }
}
