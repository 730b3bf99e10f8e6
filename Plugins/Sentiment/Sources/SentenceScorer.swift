/// Scores one sentence's tokens with the rules (see README "Rules"). The raw result is an unbounded sum
/// of valences (VADER's scale); `SentimentAnalyzer.normalise` maps it to −1…1.
struct SentenceScorer {
    let lexicon: Lexicon
    let settings: RuleSettings

    /// Per-token valences of the last sentence scored (for tests and debugging).
    private(set) var valence: [Double] = []
    /// Tokens inside a matched multi-word expression, whose words no longer act as negators.
    private var inPhrase: [Bool] = []
    /// The document has lower-case words (an ALL-CAPS sentence in it is emphasis).
    var documentHasLower = false
    /// Per token: 1, or 1/n for the nth use of a word in the document (counts in the document score only).
    private var repeatFactor: [Double] = []
    /// How often each lexicon entry has carried sentiment so far in the document (repetition rule).
    private var seen = EntryCounts()
    /// Negated auxiliaries that ask rather than deny ("Wouldn't that be great?", "isn't it lovely?"):
    /// they open a question or stand before its subject, and do not negate.
    private var asks: [Bool] = []

    init(lexicon: Lexicon, settings: RuleSettings) {
        self.lexicon = lexicon; self.settings = settings; valence.reserveCapacity(64)
    }

    /// Result for one sentence: the raw valence sum, and whether it opens with a turn (`But`, `However`).
    struct Result {
        var raw: Double
        var turns: Bool
        /// The raw sum as it counts in the document: repeated words count 1/n (see `RuleSettings.repetition`).
        var documentRaw: Double
        /// The raw score comes only from exclamation marks (no sentiment word): it counts in the
        /// document only when no other sentence carries sentiment.
        var excitementOnly = false
    }

    @inline(__always)
    private func roles(_ t: Token) -> WordRole { t.roles }

    @inline(__always)
    private func has(_ t: [Token], _ i: Int, _ r: WordRole) -> Bool {
        i >= 0 && i < t.count && t[i].kind == .word && roles(t[i]).contains(r)
    }

    @inline(__always)
    private func isNegator(_ t: [Token], _ i: Int) -> Bool {
        guard t[i].kind == .word else { return false }
        if (i < asks.count && asks[i]) || (i < inPhrase.count && inPhrase[i]) { return false }
        if t[i].nt { return true }
        let r = roles(t[i])
        if r.contains(.negator) {
            // "not only … but", "no doubt" is a phrase, "never" etc. otherwise negate.
            if has(t, i + 1, .only) { return false }
            return true
        }
        if r.contains(.least) { return !(has(t, i - 1, .at) || has(t, i - 1, .booster)) }
        if r.contains(.failure) { return has(t, i + 1, .to) }
        return false
    }

    /// `never so good`, `haven't been this happy`: not a negation but "more than ever".
    private func comparesWithPast(_ t: [Token], _ i: Int) -> Bool {
        guard i >= 2, has(t, i - 1, .degreeThis) else { return false }
        if has(t, i - 2, .never) || has(t, i - 3, .never) { return true }
        return i >= 3 && has(t, i - 2, .been) && t[i - 3].kind == .word && t[i - 3].nt
    }

    @inline(__always)
    private func ownValence(_ t: Token) -> Double { Double(t.valence) }

    /// True when the word at `i` is followed by a word or symbol with a valence (within `span` words).
    private func followedByValence(_ t: [Token], _ i: Int, span: Int) -> Bool {
        var k = i + 1, seen = 0
        while k < t.count, seen < span {
            if t[k].kind == .punct { return false }
            if ownValence(t[k]) != 0 && !isNegator(t, k) { return true }
            if roles(t[k]).contains(.phraseStart), let (_, pv) = matchPhrase(t, k), pv != 0 { return true }
            seen += 1; k += 1
        }
        return false
    }

    /// Length in tokens of the longest phrase starting at `i`, and its valence.
    private func matchPhrase(_ t: [Token], _ i: Int) -> (Int, Double)? {
        let e = lexicon.entries[Int(t[i].entry)]
        guard e.phraseCount > 0 else { return nil }
        // Flat arrays through buffer pointers: no reference counting per phrase tried.
        return lexicon.phraseSpans.withUnsafeBufferPointer { spans -> (Int, Double)? in
            lexicon.phraseWords.withUnsafeBufferPointer { words -> (Int, Double)? in
                t.withUnsafeBufferPointer { t -> (Int, Double)? in
                    for p in Int(e.phraseFirst)..<Int(e.phraseFirst + e.phraseCount) {
                        let ph = spans[p]
                        let count = Int(ph.count), start = Int(ph.start)
                        if i + count > t.count { continue }
                        var ok = true
                        for k in 0..<count where t[i + k].kind == .punct || t[i + k].entry != words[start + k] { ok = false; break }
                        if ok { return (count, Double(ph.valence)) }
                    }
                    return nil
                }
            }
        }
    }

    mutating func score(_ t: [Token]) -> Result {
        let n = t.count
        SentenceScorer.reset(&valence, n, 0)
        SentenceScorer.reset(&repeatFactor, n, 1)
        SentenceScorer.reset(&inPhrase, n, false)
        if n == 0 { return Result(raw: 0, turns: false, documentRaw: 0) }

        SentenceScorer.reset(&asks, n, false)
        if let q = t.lastIndex(where: { $0.kind == .punct && $0.mark == 63 }) {
            let f = t.firstIndex(where: { $0.kind == .word }) ?? n
            for k in 0..<q where t[k].kind == .word && t[k].nt && (k == f || has(t, k + 1, .subjectPronoun)) { asks[k] = true }
        }
        var anyCaps = false, anyLower = false
        for x in t where x.kind == .word { if x.caps { anyCaps = true } else if x.lower { anyLower = true } }
        let mixedCaps = anyCaps && (anyLower || documentHasLower)

        var i = 0
        var skipUntil = 0
        while i < n {
            defer { i += 1 }
            if i < skipUntil || t[i].kind == .punct || t[i].entry < 0 { continue }
            let r = roles(t[i])
            var v: Double
            if r.contains(.phraseStart), let (len, pv) = matchPhrase(t, i) {
                v = pv
                skipUntil = i + len
                for q in i..<(i + len) { inPhrase[q] = true }
                if v == 0 { continue }
            } else {
                v = ownValence(t[i])
                if v == 0 { continue }
                // Modifiers with a valence of their own ("incredible", "no", "lack") lend it only when
                // nothing they could modify follows.
                if r.contains(.booster), followedByValence(t, i, span: 1) { continue }
                if r.contains(.negator) || t[i].nt || (r.contains(.failure) && has(t, i + 1, .to)), followedByValence(t, i, span: 3) { continue }
                if r.contains(.kindSort), has(t, i + 1, .of) { continue }
                // "like" is a verb after a subject or auxiliary ("I like it"), else a preposition.
                // After a copula it is a preposition even when negated ("it's not like I'm jealous",
                // "that's not like me"): the negation then reaches the words that follow.
                if r.contains(.like), settings.likeAsVerbOnly,
                   !(has(t, i - 1, .likeSubject) || isNegator(t, max(0, i - 1))) || afterCopula(t, i) { continue }
            }
            let sign: Double = v > 0 ? 1 : -1
            if mixedCaps && t[i].caps { v += sign * settings.capsBoost }
            if t[i].elongated { v += sign * settings.elongation }

            // Look back up to three words within the clause.
            var negations = 0
            var scopeOpen = true   // a negation reaches the first sentiment word after it (and its "or"-siblings)
            var j = i - 1, k = 0
            while j >= 0 && k < 3 {
                let x = t[j]
                if x.kind == .punct { if x.mark != 34 { break }; j -= 1; continue }
                if x.kind == .symbol { break }
                let xr = roles(x)
                // Articles do not count towards the window ("wouldn't be such a bad idea").
                if xr.contains(.article) { j -= 1; continue }
                k += 1
                if xr.contains(.contrast) || xr.contains(.concessive) || xr.contains(.yet) { break }
                let decay = k == 1 ? 1.0 : (k == 2 ? 0.95 : 0.9)
                if xr.contains(.booster), x.entry >= 0 {
                    var s = Double(lexicon.entries[Int(x.entry)].scalar)
                    if s != 0 && mixedCaps && x.caps { s += s > 0 ? settings.capsBoost : -settings.capsBoost }
                    v += sign * s * decay
                } else if xr.contains(.of), has(t, j - 1, .kindSort) {
                    v += sign * Double(RuleWords.down) * decay; j -= 1
                } else if xr.contains(.bitLittle), has(t, j - 1, .article) {
                    v += sign * Double(RuleWords.down) * decay; j -= 1
                }
                if scopeOpen && isNegator(t, j) { negations += 1 }
                if valence[j] != 0 && !has(t, j + 1, .coordinator) && settings.narrowNegation { scopeOpen = false }
                j -= 1
            }
            // A negator is not negated itself ("no and no").
            if negations % 2 == 1 && !isNegator(t, i) && !comparesWithPast(t, i) && !r.contains(.interjection) {
                v *= settings.negation
                // "not helpful at all": the negation is emphatic.
                if has(t, i + 1, .at) && has(t, i + 2, .forAll) { v += (v > 0 ? 1 : -1) * Double(RuleWords.up) }
            }

            // Degree and comparison right before the word.
            if has(t, i - 1, .too) {
                // "too clever for its own good", "too sweet to be true": excess; a bare "too funny" is
                // colloquial emphasis.
                if v < 0 { v *= settings.tooNegative } else if has(t, i + 1, .to) || has(t, i + 1, .forAll) { v *= settings.excess } else { v *= settings.tooNegative }
            } else if has(t, i - 1, .less) {
                v = v > 0 ? v * settings.excess : v * settings.lessNegative
            } else if has(t, i - 1, .than), has(t, i - 2, .less) {
                v *= settings.excess   // "less than stellar"
            }
            // "too sweet to be believable": what follows "too X to" does not happen.
            if settings.excess != 1, tooXTo(t, i) { v *= settings.negation }
            // Intention and counterfactual within the clause before the word.
            if v > 0 { v *= irrealis(t, i) }
            if settings.repetition, t[i].entry >= 0, t[i].kind == .word, !r.contains(.interjection) {
                // The nth use of the same word in a document counts 1/n (SO-CAL's rule): "fun, fun,
                // fun, fun" is emphasis, not four opinions. Emoticons, emoji and interjections are
                // expressive marks, not opinions, and keep their full value.
                let n = seen.increment(t[i].entry)
                if n > 1 { repeatFactor[i] = 1 / Double(n) }
            }
            valence[i] = v
        }

        // Scare quotes: one to three words in quotation marks are mentioned, not meant
        // (legislative "idiots", magically ''significant''). After a verb of saying or `as` they are
        // reported speech and count (described as "very positive", called it "a disaster").
        if settings.scareQuotes {
            var open = -1, reportedClose = -10
            for q in 0..<n where t[q].kind == .punct && t[q].mark == 34 {
                if open < 0 { open = q; continue }
                var words = 0
                for k in (open + 1)..<q where t[k].kind != .punct { words += 1 }
                // A quotation joined to a reported one ("very positive" and "constructive") is reported too.
                let isReported = reported(t, open) || open - reportedClose == 1
                    || (open - reportedClose == 2 && (has(t, open - 1, .coordinator) || t[open - 1].mark == 44))
                if isReported { reportedClose = q } else if words >= 1 && words <= 3 { for k in (open + 1)..<q { valence[k] = 0 } }
                open = -1
            }
        }

        // Contrast inside the sentence.
        var turnAt = -1
        var firstWord = 0
        while firstWord < n, t[firstWord].kind != .word { firstWord += 1 }
        for q in 0..<n where t[q].kind == .word {
            let r = roles(t[q])
            if r.contains(.contrast) && !(r.contains(.turn) && has(t, q - 1, .only)) { turnAt = q; break }
            if r.contains(.yet), q == firstWord || (q > 0 && (t[q - 1].kind == .punct && t[q - 1].mark == 44)) || has(t, q - 1, .and) {
                turnAt = q; break
            }
            // "X, although Y": the weight goes to what follows ("while" mid-sentence is often temporal).
            if r.contains(.midTurn), q > firstWord, !has(t, q - 1, .even) { turnAt = q; break }
        }
        if turnAt >= 0, roles(t[turnAt]).contains(.midTurn), let comma = nextComma(t, after: turnAt) {
            // "(though ultimately unsuccessful, it demonstrated …)": the concession runs to the comma.
            for q in (turnAt + 1)..<n { valence[q] *= q < comma ? settings.contrastBefore : settings.contrastAfter }
        } else if turnAt >= 0 {
            for q in 0..<n {
                if q < turnAt { valence[q] *= settings.contrastBefore } else if q > turnAt { valence[q] *= settings.contrastAfter }
            }
        } else if settings.concessions, firstWord < n, opensConcession(t, firstWord) {
            // "Although X, Y" / "While X, Y" / "Even though X, Y" / "Despite X, Y" / "For all X, Y".
            var comma = firstWord + 1
            while comma < n, !(t[comma].kind == .punct && t[comma].mark == 44) { comma += 1 }
            if comma < n {
                for q in 0..<n { valence[q] *= q < comma ? settings.contrastBefore : settings.contrastAfter }
            }
        }

        var sum = 0.0, inDocument = 0.0
        for k in 0..<n { sum += valence[k]; inDocument += valence[k] * repeatFactor[k] }
        // Punctuation: questions dampen, exclamation marks strengthen.
        var bangs = 0, questions = 0
        for x in t where x.kind == .punct { if x.mark == 33 { bangs += 1 } else if x.mark == 63 { questions += 1 } }
        func emphasise(_ x: inout Double) {
            if questions == 1 && bangs == 0 { x *= settings.question }
            // "??", "?!?": incredulity, an emphasis like "!".
            if x != 0 && questions >= 2 { x += (x > 0 ? 1 : -1) * Double(min(questions, 3)) * settings.questions }
            if x != 0 && bangs > 0 { x += (x > 0 ? 1 : -1) * Double(min(bangs, 4)) * settings.exclamation }
        }
        emphasise(&sum)
        emphasise(&inDocument)
        // "Got the interwebs!": an exclamation with no sentiment word, no question and no negation is
        // excitement, mildly positive.
        if sum == 0 && bangs > 0 && questions == 0 && settings.bareExclamation
                    && !t.indices.contains(where: { t[$0].kind == .word && (t[$0].nt || roles(t[$0]).contains(.negator)) }) {
            sum = Double(min(bangs, 4)) * settings.exclamation
            return Result(raw: sum, turns: false, documentRaw: sum, excitementOnly: true)
        }
        let turns = firstWord < n && roles(t[firstWord]).contains(.turn)
        return Result(raw: sum, turns: turns, documentRaw: inDocument)
    }

    /// `a` becomes `n` copies of `v`, reusing its storage.
    @inline(__always)
    private static func reset<T>(_ a: inout [T], _ n: Int, _ v: T) {
        if a.count > n { a.removeLast(a.count - n) } else if a.count < n { a.append(contentsOf: repeatElement(v, count: n - a.count)) }
        a.withUnsafeMutableBufferPointer { $0.update(repeating: v) }
    }

    /// How often each lexicon entry has been counted: open addressing on the entry index (no hashing
    /// of `Hasher`'s kind, no per-word allocation). Starts empty; grows when half full.
    struct EntryCounts {
        private var keys: [Int32] = []
        private var counts: [Int32] = []
        private var used = 0

        /// Adds one to `entry`'s count (entry ≥ 0) and returns the new count.
        @inline(__always)
        mutating func increment(_ entry: Int32) -> Int {
            if keys.isEmpty || (used + 1) * 2 > keys.count { grow() }
            let mask = keys.count - 1
            var s = Int(truncatingIfNeeded: UInt32(bitPattern: entry) &* 0x9E37_79B1) & mask
            while true {
                let k = keys[s]
                if k == entry { counts[s] += 1; return Int(counts[s]) }
                if k < 0 { keys[s] = entry; counts[s] = 1; used += 1; return 1 }
                s = (s + 1) & mask
            }
        }

        private mutating func grow() {
            let oldKeys = keys, oldCounts = counts
            let cap = max(64, keys.count * 2)
            keys = [Int32](repeating: -1, count: cap)
            counts = [Int32](repeating: 0, count: cap)
            let mask = cap - 1
            for (i, k) in oldKeys.enumerated() where k >= 0 {
                var s = Int(truncatingIfNeeded: UInt32(bitPattern: k) &* 0x9E37_79B1) & mask
                while keys[s] >= 0 { s = (s + 1) & mask }
                keys[s] = k; counts[s] = oldCounts[i]
            }
        }
    }

    /// The quotation opening at `q` follows a verb of saying or `as` (up to one word between:
    /// `called it "…"`, `described as "…"`).
    private func reported(_ t: [Token], _ q: Int) -> Bool {
        var k = q - 1, seen = 0
        while k >= 0 && seen < 2 {
            if t[k].kind == .punct { if t[k].mark == 44 { k -= 1; continue }; return false }
            if has(t, k, .reporting) { return true }
            seen += 1; k -= 1
        }
        return false
    }

    /// `like` right after a copula, or after a copula and `not` (`is like`, `it's not like`, `isn't like`).
    private func afterCopula(_ t: [Token], _ i: Int) -> Bool {
        has(t, i - 1, .copula) || (isNegator(t, i - 1) && has(t, i - 2, .copula))
    }

    private func nextComma(_ t: [Token], after q: Int) -> Int? {
        var k = q + 1
        while k < t.count {
            if t[k].kind == .punct && t[k].mark == 44 { return k }
            if t[k].kind == .punct && t[k].mark != 34 { return nil }
            k += 1
        }
        return nil
    }

    private func opensConcession(_ t: [Token], _ f: Int) -> Bool {
        let r = roles(t[f])
        if r.contains(.concessive) { return true }
        if r.contains(.even) { return has(t, f + 1, .concessive) || has(t, f + 1, .ifWord) }
        if r.contains(.forAll) { return has(t, f + 1, .forAll) }   // "for all its charm, …"
        return false
    }

    /// `too <word> to … <i>` within the clause (up to 5 words back).
    private func tooXTo(_ t: [Token], _ i: Int) -> Bool {
        var j = i - 1, k = 0
        while j >= 2 && k < 5 {
            if t[j].kind == .punct { return false }
            if has(t, j, .to) && has(t, j - 2, .too) { return true }
            k += 1; j -= 1
        }
        return false
    }

    /// Within the clause before `i` (up to 6 words): `tries/supposed/meant … to` or `would/could/should have`.
    private func irrealis(_ t: [Token], _ i: Int) -> Double {
        var j = i - 1, k = 0
        var sawTo = false
        while j >= 0 && k < 6 {
            if t[j].kind == .punct { if t[j].mark != 34 { break }; j -= 1; continue }
            k += 1
            let r = roles(t[j])
            if r.contains(.to) { sawTo = true }
            if r.contains(.attempt), sawTo { return settings.attempt }
            if r.contains(.have), has(t, j - 1, .modal) || (j >= 1 && t[j - 1].nt) {
                return t[j - 1].nt || (j >= 2 && isNegator(t, j - 2)) ? 1 : settings.counterfactual
            }
            // "if it were funny", "if only the plot made sense": a condition asserts nothing (SO-CAL's
            // irrealis blocking).
            if r.contains(.ifWord) { return settings.conditional }
            if r.contains(.contrast) || r.contains(.concessive) { break }
            j -= 1
        }
        return 1
    }

}

