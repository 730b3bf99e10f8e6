import StageKit

/// Names (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, LAW) from gazetteers, capitalisation and context.
///
/// Runs of capitalised words ("chunks", joined by particles such as "of", "von", "&" or a glued
/// hyphen) are cut into units: gazetteer phrases (longest match), titles ("President", "Special
/// Envoy") and plain words. A title splits a chunk and makes the name after it a PERSON; a cue word
/// ("Council", "University", "River") labels the whole chunk; a given name starts a PERSON; what is
/// left is labelled from its context (", a think tank", "said", "in X", acronyms) or not at all.
/// Words at the start of a sentence and words in headings are never labelled from capitalisation
/// alone. The second pass adds what the first learnt about the document (surnames, acronyms).
struct NameTagger: Sendable {
    let lex: Lexicon
    /// Capitalisation and context guesses on (gazetteers, titles and memory always apply).
    let guess: Bool

    struct Unit {
        var s: Int
        var e: Int
        /// 0 word, 1 gazetteer/memory phrase, 2 connector, 3 title
        var kind: UInt8
        var label: UInt16
        var weak: Bool
        /// A country from the gazetteer (a national team stays a place in sports text).
        var country = false
    }

    /// What the first pass learnt: token sequences with their labels, matched exactly and, for words in
    /// capitals ("SAMPRAS" after "Pete Sampras"), ignoring case.
    /// A class: one per document, filled in place by the first pass and read by the second (never copied).
    final class Memory {
        // filled by the first pass only, read when the second starts: no overlapping access to check
        @exclusivity(unchecked) private(set) var table = PhraseTable(ignoreCase: false, capacity: 64)
        @exclusivity(unchecked) private(set) var tableCI = PhraseTable(ignoreCase: true, capacity: 64)
        private(set) var count = 0
        /// Remembers tokens `idx` of `t` as `label`; `needsThe`: only right after "the" ("the Commission").
        func add<C: Collection>(_ t: UnsafeBufferPointer<Tok>, _ idx: C, _ label: UInt16, needsThe: Bool = false) where C.Element == Int {
            let entry = PhraseEntry(label: label, weak: false, needsThe: needsThe, priority: 2)
            table.add(idx.lazy.map { t[$0].hash }, entry)
            tableCI.add(idx.lazy.map { t[$0].lhash }, entry)
            count += 1
        }
    }

    /// Tags names among tokens not yet used; `learn` collects document memory (first pass),
    /// `memory` applies it (second pass).
    /// `sports`: the document is a sports report (clubs named like places are clubs).
    func tag(_ b: UnsafeBufferPointer<UInt8>, _ t: UnsafeBufferPointer<Tok>, memory: Memory?, learn: Memory?, sports: Bool, out: inout [TokSpan]) {
        let run = Run(lex: lex, guess: guess, b: b, t: t, memory: memory, sports: sports, learn: learn)
        run.all()
        out.append(contentsOf: run.out)
    }

    /// The state of one pass over one document. A class: its helpers are called many times per token, and
    /// a struct this size (the lexicon's tables inline) was copied for every call out of a mutating method.
    private final class Run {
        let lex: Lexicon
        let guess: Bool
        let b: UnsafeBufferPointer<UInt8>
        let t: UnsafeBufferPointer<Tok>
        /// The tables of `memory` (read-only in this pass), held here so that reading them needs no access check.
        let memTable: PhraseTable?
        let memTableCI: PhraseTable?
        let sports: Bool
        let learn: Memory?
        let w: Words
        let n: Int
        // Only this pass's own methods touch these, one at a time on one thread; unchecked, since the
        // dynamic exclusivity checks of a class's stored properties cost more than the work on them.
        @exclusivity(unchecked) var out: [TokSpan] = []
        @exclusivity(unchecked) var units: [Unit] = []

        init(lex: Lexicon, guess: Bool, b: UnsafeBufferPointer<UInt8>, t: UnsafeBufferPointer<Tok>, memory: Memory?, sports: Bool,
             learn: Memory?) {
            self.lex = lex; self.guess = guess; self.b = b; self.t = t; self.memTable = memory?.table; self.memTableCI = memory?.tableCI; self.sports = sports
            self.learn = learn; self.w = lex.words; self.n = t.count
        }

        // MARK: token tests

        func isCapWord(_ k: Int) -> Bool {
            guard k < n else { return false }
            let x = t[k]
            guard x.kind == Tokenizer.kWord, x.has(TokFlags.cap) || x.has(TokFlags.allCaps), !x.has(TokFlags.used) else { return false }
            if x.has(TokFlags.capsLine) { return false }
            if x.length >= 2 { return true }
            // an initial: "W." before a capitalised word
            return k + 2 < n && t[k + 1].kind == Tokenizer.kPunct && t[k + 1].length == 1 && b[Int(t[k + 1].start)] == 0x2E
                && !t[k + 1].has(TokFlags.space) && t[k + 2].has(TokFlags.cap)
        }

        func gaz(_ i: Int) -> (end: Int, label: UInt16, weak: Bool, country: Bool)? {
            var best: (end: Int, label: UInt16, weak: Bool, country: Bool)? = nil
            let afterThe = i > 0 && t[i - 1].lhash == w.the
            let capitals = t[i].has(TokFlags.allCaps)
            if let g = lex.gazetteer.longest(t, at: i, limit: n) {
                let e = lex.gazetteer.entries[g.entry]
                if !e.needsThe || afterThe { best = (g.end, e.label, e.weak, e.country) }
            }
            if capitals, let g = lex.gazetteerCI.longest(t, at: i, limit: n), best == nil || g.end > best!.end {
                let e = lex.gazetteerCI.entries[g.entry]
                // a word in capitals that is also an ordinary word ("POLE", "SURPRISE") needs a country entry
                if (!e.needsThe || afterThe) && (g.end > i + 1 || e.country || !lex.isCommon(t[i])) { best = (g.end, e.label, e.weak, e.country) }
            }
            if let memTable, let memTableCI {
                if let m = memTable.longest(t, at: i, limit: n) {
                    let me = memTable.entries[m.entry]
                    if (!me.needsThe || afterThe) && (best == nil || m.end > best!.end || (m.end == best!.end && (best!.weak || best!.label == me.label))) {
                        best = (m.end, me.label, false, false)
                    }
                }
                if capitals, let m = memTableCI.longest(t, at: i, limit: n) {
                    let me = memTableCI.entries[m.entry]
                    if (!me.needsThe || afterThe) && (best == nil || m.end > best!.end || (m.end == best!.end && (best!.weak || best!.label == me.label))) {
                        best = (m.end, me.label, false, false)
                    }
                }
            }
            if sports, !lex.sportsTeams.isEmpty, i == 0 || !w.placePrepositions.contains(t[i - 1].lhash),
               let m = lex.sportsTeams.longest(t, at: i, limit: n), best == nil || (m.end >= best!.end && !best!.country) {
                best = (m.end, Label.org, false, false)
            }
            if let g = best {
                for k in i..<g.end where t[k].has(TokFlags.used) { return nil }
            }
            return best
        }

        func isPunct(_ k: Int, _ c: UInt8) -> Bool {
            k < n && t[k].kind == Tokenizer.kPunct && t[k].length == 1 && b[Int(t[k].start)] == c
        }

        /// End of a connector sequence starting at `k` that is followed by a name word, or nil.
        func connector(_ k: Int) -> Int? {
            var j = k
            while j < n && j - k < 3 {
                let x = t[j]
                if x.has(TokFlags.used | TokFlags.sentStart | TokFlags.newline) { return nil }
                var isConn = false
                if x.kind == Tokenizer.kWord && x.has(TokFlags.lowerStart) {
                    if x.hash == w.of || x.hash == w.on || x.hash == w.for_ {
                        isConn = true
                        if j + 1 < n, t[j + 1].lhash == w.the, t[j + 1].has(TokFlags.lowerStart) { j += 1 }
                    } else if w.particles.contains(x.hash) { isConn = true }
                } else if x.kind == Tokenizer.kPunct && x.length == 1 {
                    let c = b[Int(x.start)]
                    if c == 0x26 { isConn = true }
                    if (c == 0x2D || c == 0x2E) && !x.has(TokFlags.space) && j + 1 < n && !t[j + 1].has(TokFlags.space) { isConn = true }
                    if c == 0x2E && !x.has(TokFlags.space) && j > 0 && t[j - 1].length == 1 { isConn = true }
                } else if x.kind == Tokenizer.kPunct, !x.has(TokFlags.space), j + 1 < n, !t[j + 1].has(TokFlags.space), x.lhash == w.dash {
                    isConn = true
                }
                if !isConn { break }
                j += 1
                if j < n, !t[j].has(TokFlags.sentStart | TokFlags.newline), isCapWord(j) || gaz(j) != nil { return j }
            }
            return nil
        }

        func sayVerbAfter(_ e: Int) -> Bool {
            var k = e
            if k < n, t[k].kind == Tokenizer.kPossessive { return false }
            if isPunct(k, 0x2C) { return false }
            guard k < n else { return false }
            if t[k].has(TokFlags.sentStart) { return false }
            if w.sayVerbs.contains(t[k].lhash) { return true }
            if w.passive.contains(t[k].lhash) { return false }     // "residents of X were told"
            // "X has said", "X also said"
            k += 1
            return k < n && t[k - 1].kind == Tokenizer.kWord && t[k - 1].has(TokFlags.lowerStart) && w.sayVerbs.contains(t[k].lhash) && t[k - 1].length <= 4
        }

        /// Label from an apposition after `e`: "X, a think tank" → ORG; "X, a special envoy" → PERSON.
        func apposition(_ e: Int) -> UInt16? {
            guard isPunct(e, 0x2C) else { return nil }
            var k = e + 1
            guard k < n else { return nil }
            if t[k].lhash == w.a || t[k].lhash == w.an || t[k].lhash == w.the { k += 1 }
            var found: UInt16? = nil
            var steps = 0
            while k < n && steps < 5 {
                let x = t[k]
                if x.has(TokFlags.sentStart) { break }
                if x.kind == Tokenizer.kPunct && x.lhash == w.dash && !x.has(TokFlags.space) { k += 1; continue }
                if x.kind == Tokenizer.kPossessive { return nil }    // "…, the minister's office said"
                if x.kind != Tokenizer.kWord { break }
                if x.hash == w.of || x.hash == w.for_ || x.lhash == w.in_ || x.lhash == w.at || x.lhash == w.and || x.hash == w.on { break }
                if let v = w.apposition.get(x.lhash) {
                    // "…, the bank said" is a new clause, not a description of X
                    if k + 1 < n, w.sayVerbs.contains(t[k + 1].lhash) { return nil }
                    found = UInt16(v - 1)
                }
                k += 1; steps += 1
            }
            return found
        }

        // MARK: output

        func emit(_ s: Int, _ e0: Int, _ label: UInt16, guessed: Bool) {
            guard e0 > s else { return }
            var e = e0
            if isPunct(e, 0x2E), !t[e].has(TokFlags.space | TokFlags.used), w.orgAbbrev.contains(t[e - 1].hash) || t[e - 1].hash == w.jr || t[e - 1].hash == w.sr { e += 1 }
            out.append(TokSpan(s: s, e: e, label: label))
            guard learn != nil else { return }
            let all = s..<e
            // the words of the span: how many, the first, the last and the one before it
            var words = 0, firstWord = -1, lastWord = -1, beforeLast = -1
            for k in s..<e where t[k].kind == Tokenizer.kWord {
                if firstWord < 0 { firstWord = k }
                beforeLast = lastWord; lastWord = k; words += 1
            }
            if guessed { learn!.add(t, all, label) }
            // "the European Commission" → a later "the Commission"
            if label == Label.org, words >= 2, s > 0, t[s - 1].lhash == w.the,
               let v = lex.cues.get(t[lastWord].hash), v >> 8 == UInt32(Label.org) {
                learn!.add(t, CollectionOfOne(lastWord), label, needsThe: true)
            }
            if label == Label.person && words >= 2 {
                learn!.add(t, all, label)
                var last = lastWord
                let lh = t[last].hash
                if (lh == w.jr || lh == w.sr || lh == w.ii || lh == w.iii || lh == w.iv) && words >= 3 { last = beforeLast }
                if t[last].has(TokFlags.cap) && t[last].length >= 2 {
                    // a hyphenated surname ("al-Assad") is remembered whole from its first part
                    var from = last
                    while from - 2 >= s, t[from - 1].lhash == w.dash, !t[from - 1].has(TokFlags.space) { from -= 2 }
                    learn!.add(t, from...last, label)
                }
                let first = firstWord
                if lex.firstName(t[first]) == 1, lex.gazetteer.longest(t, at: first, limit: first + 1) == nil {
                    learn!.add(t, CollectionOfOne(first), label)
                }
            }
        }

        // MARK: passes

        func all() {
            var i = 0
            while i < n {
                let x = t[i]
                if x.has(TokFlags.used) || x.kind != Tokenizer.kWord { i += 1; continue }
                if guess, i == 0 || x.has(TokFlags.newline), x.has(TokFlags.allCaps), let e = dateline(i) {
                    var label = Label.gpe
                    if let g = gaz(i), g.end == e, g.label == Label.org || g.label == Label.loc { label = g.label }
                    emit(i, e, label, guessed: false)
                    i = e; continue
                }
                let g = gaz(i)
                if g == nil {
                    if !isCapWord(i) { i += 1; continue }
                    if x.lhash == w.the || x.lhash == w.a || x.lhash == w.an { i += 1; continue }
                }
                let end = buildUnits(from: i)
                let prevTitle = titleBefore(i)
                processChunk(prevTitle: prevTitle)
                i = max(end, i + 1)
            }
            if learn != nil { learnAcronyms() }
        }

        /// A news dateline at the start of a line: words in capitals followed by a date, by ", Region date"
        /// or by "(Agency)" — "LONDON 1996-08-30", "INDIAN WELLS , California 1997-03-15", "NEW YORK (Reuters)".
        /// Returns the end of the place name.
        func dateline(_ i: Int) -> Int? {
            var j = i, words = 0
            while j < n, words < 5, t[j].kind == Tokenizer.kWord, t[j].has(TokFlags.allCaps) || (j > i && t[j - 1].lhash == w.dash),
                  !t[j].has(TokFlags.used), j == i || !t[j].has(TokFlags.newline) {
                words += 1; j += 1
                if j + 1 < n, t[j].lhash == w.dash, !t[j].has(TokFlags.space), !t[j + 1].has(TokFlags.space) { j += 1 }
            }
            guard words > 0, j < n, !t[j].has(TokFlags.newline), t[j - 1].kind == Tokenizer.kWord else { return nil }
            func isDate(_ k: Int) -> Bool { k < n && t[k].has(TokFlags.used) && !t[k].has(TokFlags.newline) && (t[k].has(TokFlags.digitStart) || lex.cal(t[k]) == .month || lex.cal(t[k]) == .monthAbbr) }
            if isDate(j) { return j }
            if isPunct(j, 0x28), j + 2 < n, t[j + 1].has(TokFlags.cap), isPunct(j + 2, 0x29) { return j }
            if isPunct(j, 0x2C) {
                var k = j + 1
                while k < n, k - j <= 5, t[k].kind == Tokenizer.kWord, t[k].has(TokFlags.cap), !t[k].has(TokFlags.used) { k += 1 }
                if k > j + 1, isDate(k) { return j }
            }
            return nil
        }

        /// A whole number of at most three digits (a score, a minute, a place in a table).
        func isSmallInt(_ k: Int) -> Bool {
            guard k < n, t[k].kind == Tokenizer.kWord, t[k].has(TokFlags.numeric), t[k].length <= 3 else { return false }
            for p in Int(t[k].start)..<Int(t[k].end) where !ASCII.isDigit(b[p]) { return false }
            return true
        }

        /// Tokens s..<e name a side in a results line or a table: "Arsenal 1 Leicester 1",
        /// "Barcelona 15 10 4 1 42 17 34".
        func resultSide(_ s: Int, _ e: Int) -> Bool {
            guard isSmallInt(e) else { return false }
            let lineStart = s == 0 || t[s].has(TokFlags.newline)
            let next = e + 1
            let lineEndsAfter = next >= n || t[next].has(TokFlags.newline)
            if !sports {
                // outside a sports report only the whole shape "Name 2 Name 1" on its own line counts
                if lineStart {
                    var k = next
                    while k < n, !t[k].has(TokFlags.newline), t[k].kind == Tokenizer.kWord, t[k].has(TokFlags.cap), k - next < 4 { k += 1 }
                    return k > next && isSmallInt(k) && (k + 1 >= n || t[k + 1].has(TokFlags.newline))
                }
                guard lineEndsAfter, s > 1, isSmallInt(s - 1) else { return false }
                var k = s - 2
                while k > 0, !t[k].has(TokFlags.newline), t[k].kind == Tokenizer.kWord, t[k].has(TokFlags.cap), s - 2 - k < 4 { k -= 1 }
                return t[k].has(TokFlags.newline) || k == 0
            }
            if lineStart {
                if lineEndsAfter { return false }
                return (t[next].kind == Tokenizer.kWord && t[next].has(TokFlags.cap)) || isPunct(next, 0x28)
                    || (isSmallInt(next) && isSmallInt(next + 1) && !t[next + 1].has(TokFlags.newline))
            }
            return s > 0 && isSmallInt(s - 1) && (lineEndsAfter || isPunct(next, 0x28) || isPunct(next, 0x2E))
        }

        /// Club names made of a place and a word: "Chicago Bulls", "Manchester United", "Atletico Madrid",
        /// "PSV Eindhoven" (units a..<z). Countries, weak places, given names and cue words do not count.
        func clubChunk(_ a: Int, _ z: Int) -> Bool {
            guard z - a == 2 else { return false }
            let p = units[a], q = units[a + 1]
            func isCity(_ u: Unit) -> Bool {
                u.kind == 1 && u.label == Label.gpe && !u.country && !u.weak && lex.firstName(t[u.s]) == 0
            }
            func isPlainWord(_ u: Unit) -> Bool {
                u.kind == 0 && !lex.cues.contains(t[u.s].hash) && lex.firstName(t[u.s]) == 0 && t[u.s].length >= 2
                    && lex.cal(t[u.s]) == .none && !w.directions.contains(t[u.s].lhash)
            }
            if isCity(p) && (isPlainWord(q) || (q.kind == 1 && q.label == Label.org && q.e - q.s == 1)) && !t[q.s].has(TokFlags.sentStart) { return true }
            if isPlainWord(p) && isCity(q) && (t[p.s].has(TokFlags.allCaps) || !lex.isCommon(t[p.s])) { return true }
            // any town with a plural nickname that is an ordinary word: "Bradford Bulls", "Auckland Warriors"
            if p.kind == 1 && p.label == Label.gpe && !p.country && isPlainWord(q) && lex.isCommon(t[q.s]) && t[q.s].length > 3
                && (b[Int(t[q.s].end) - 1] == 0x73) && !t[q.s].has(TokFlags.sentStart) { return true }
            return false
        }

        /// A lower-case title right before token `i` ("special envoy Kirill Dmitriev").
        func titleBefore(_ i: Int) -> Bool {
            guard i > 0, !t[i].has(TokFlags.sentStart) else { return false }
            for back in 1...3 where i - back >= 0 {
                let p = i - back
                if t[p].has(TokFlags.used) { return false }
                if let m = lex.titles.longest(t, at: p, limit: i), m.end == i { return true }
                if p < i - 1 && t[p + 1].has(TokFlags.sentStart) { return false }
            }
            return false
        }

        func buildUnits(from i: Int) -> Int {
            units.removeAll(keepingCapacity: true)
            var j = i
            while j < n {
                if j > i && t[j].has(TokFlags.sentStart | TokFlags.newline) { break }
                if t[j].has(TokFlags.used) { break }
                if let g = gaz(j) {
                    units.append(Unit(s: j, e: g.end, kind: 1, label: g.label, weak: g.weak, country: g.country)); j = g.end; continue
                }
                if isCapWord(j) {
                    if let m = lex.titles.longest(t, at: j, limit: n), t[j].has(TokFlags.cap) {
                        units.append(Unit(s: j, e: m.end, kind: 3, label: 0, weak: false)); j = m.end; continue
                    }
                    units.append(Unit(s: j, e: j + 1, kind: 0, label: 0, weak: false)); j += 1; continue
                }
                if !units.isEmpty, units[units.count - 1].kind != 2, let c = connector(j) {
                    units.append(Unit(s: j, e: c, kind: 2, label: 0, weak: false)); j = c; continue
                }
                break
            }
            return j
        }

        func processChunk(prevTitle: Bool) {
            var u = 0
            let described = !units.isEmpty && guess && apposition(units[units.count - 1].e) != nil
            while u < units.count {
                let x = units[u]
                if x.kind == 2 { u += 1; continue }
                let initial = t[x.s].has(TokFlags.initial)
                if described && initial && x.kind == 0 && units.count == 1 && lex.isCommon(t[x.s]) { u += 1; continue }
                if described { break }
                if initial && (x.kind == 0 || (x.kind == 1 && x.weak)) {
                    let nextIsName = u + 1 < units.count && (units[u + 1].kind == 0 || units[u + 1].kind == 1)
                    if lex.firstName(t[x.s]) != 0 && nextIsName { break }
                    // an initial at the start of a line: "J. Smithers c …"
                    if x.kind == 0 && guess && t[x.s].length == 1 && u + 2 < units.count && units[u + 1].kind == 2 && units[u + 2].kind == 0 { break }
                    // an uncommon word before another name word ("Bjarne Riis won", "Atletico Madrid 15 …"),
                    // or an acronym ("BA chief executive …") is a name even at a sentence start
                    if x.kind == 0 && guess && !lex.isCommon(t[x.s]) {
                        let tk = t[x.s]
                        if tk.has(TokFlags.allCaps) && tk.length <= 6 && !w.acronymStop.contains(tk.hash) && u + 1 == units.count,
                           x.e < n, t[x.e].kind == Tokenizer.kPossessive || (t[x.e].kind == Tokenizer.kWord && t[x.e].has(TokFlags.lowerStart)) { break }
                        if nextIsName && !tk.has(TokFlags.allCaps) && (units[u + 1].kind == 1 || !lex.isCommon(t[units[u + 1].s])) { break }
                        // "Lebed said on Friday …"
                        if u + 1 == units.count && !tk.has(TokFlags.allCaps) && lex.firstName(tk) == 0 && sayVerbAfter(x.e) { break }
                    }
                    u += 1; continue
                }
                if x.kind == 0 && (t[x.s].lhash == w.the || t[x.s].lhash == w.a || t[x.s].lhash == w.an) { u += 1; continue }
                break
            }
            var segStart = u
            var afterTitle = prevTitle && u == 0
            var k = u
            while k < units.count {
                if units[k].kind == 3 {
                    classify(segStart, k, afterTitle: afterTitle)
                    segStart = k + 1; afterTitle = true
                }
                k += 1
            }
            classify(segStart, units.count, afterTitle: afterTitle)
        }

        func isNameUnit(_ x: Unit) -> Bool {
            x.kind == 0 || (x.kind == 1 && (x.weak || x.label == Label.person))
        }

        func classify(_ from: Int, _ to: Int, afterTitle: Bool) {
            var a = from, z = to
            while a < z && units[a].kind == 2 { a += 1 }
            while z > a && units[z - 1].kind == 2 { z -= 1 }
            guard a < z else { return }
            let heading = t[units[a].s].has(TokFlags.heading)
            if afterTitle {
                var k = a, last = -1
                while k < z {
                    let x = units[k]
                    if isNameUnit(x) { last = k; k += 1; continue }
                    if x.kind == 2 && k + 1 < z && isNameUnit(units[k + 1]) { k += 1; continue }
                    break
                }
                if last >= 0 {
                    emit(units[a].s, units[last].e, Label.person, guessed: true)
                    a = last + 1
                    while a < z && units[a].kind == 2 { a += 1 }
                    if a >= z { return }
                }
            }
            if z - a == 1 && units[a].kind == 1 { emitGaz(units[a]); return }
            if !heading && guess, let label = cueLabel(a, z) {
                emit(units[a].s, units[z - 1].e, label, guessed: true)
                return
            }
            if !heading && guess && clubChunk(a, z) {
                emit(units[a].s, units[z - 1].e, Label.org, guessed: true)
                return
            }
            var k = a
            while k < z {
                let x = units[k]
                if x.kind == 2 { k += 1; continue }
                // a direction before a place: "West Yorkshire", "Northern California", "South Wales"
                if x.kind == 0, k + 1 < z, units[k + 1].kind == 1, units[k + 1].label == Label.gpe || units[k + 1].label == Label.loc,
                   w.directions.contains(t[x.s].lhash), t[x.s].has(TokFlags.cap), !t[x.s].has(TokFlags.initial) || !heading {
                    emit(x.s, units[k + 1].e, units[k + 1].label, guessed: false)
                    k += 2; continue
                }
                if !heading && guess, let last = personRun(k, z) {
                    emit(units[k].s, units[last].e, Label.person, guessed: true)
                    k = last + 1; continue
                }
                if x.kind == 1 && !(leftoverable(x) && k + 1 < z && units[k + 1].kind == 0) { emitGaz(x); k += 1; continue }
                var m = k, last = k
                while m < z && (units[m].kind == 0 || leftoverable(units[m])
                                || (units[m].kind == 2 && m + 1 < z && (units[m + 1].kind == 0
                                    || (leftoverable(units[m + 1]) && !isOfLike(units[m].s))))) {
                    if units[m].kind == 0 || (m > k && leftoverable(units[m])) { last = m }
                    m += 1
                }
                if !heading && guess { leftover(units[k].s, units[last].e) }
                k = last + 1
            }
        }

        /// "of", "on", "for": "Ato Boldon of Trinidad" is a person and a place, not one name.
        func isOfLike(_ k: Int) -> Bool { t[k].hash == w.of || t[k].hash == w.on || t[k].hash == w.for_ }

        /// A weak one-word place that may be part of an unknown name ("Kemi Badenoch").
        func leftoverable(_ x: Unit) -> Bool {
            x.kind == 1 && x.weak && x.e - x.s == 1 && (x.label == Label.gpe || x.label == Label.loc)
        }

        func emitGaz(_ x: Unit) {
            if x.label == Label.gpe && !x.country && guess && resultSide(x.s, x.e) {
                emit(x.s, x.e, Label.org, guessed: false); return
            }
            if x.weak {
                if t[x.s].has(TokFlags.heading) { return }
                if x.e - x.s == 1 && guess && sayVerbAfter(x.e) && !placePrepositionBefore(x.s) {
                    emit(x.s, x.e, Label.person, guessed: true); return
                }
            }
            emit(x.s, x.e, x.label, guessed: false)
        }

        /// "in/at/near/from X": the place reading wins over a saying verb after it ("the café in Zürich said").
        func placePrepositionBefore(_ s: Int) -> Bool {
            guard s > 0, t[s - 1].has(TokFlags.lowerStart) else { return false }
            let h = t[s - 1].lhash
            return h == w.in_ || h == w.at || h == w.near || h == w.from
        }

        /// A cue word that labels the units a..<z as a whole.
        func cueLabel(_ a: Int, _ z: Int) -> UInt16? {
            guard units[z - 1].e - units[a].s >= 2 else { return nil }
            let lastU = units[z - 1]
            if lastU.kind == 0, let v = lex.cues.get(t[lastU.s].hash), v & 0xFF != 2 { return UInt16(v >> 8) }
            let firstU = units[a]
            if firstU.kind == 0, let v = lex.cues.get(t[firstU.s].hash), v & 0xFF != 1, z - a >= 2 { return UInt16(v >> 8) }
            for k in a..<z where units[k].kind == 0 {
                if let v = lex.cues.get(t[units[k].s].hash), v & 0xFF == 3 { return UInt16(v >> 8) }
            }
            // a known organisation continued by "of/on/for …": "European Council on Foreign Relations"
            for k in a..<(z - 1) where units[k].kind == 1 && units[k].label == Label.org && units[k + 1].kind == 2
                && t[units[k + 1].s].kind == Tokenizer.kWord {
                if let v = lex.cues.get(t[units[k].e - 1].hash), v & 0xFF == 3 { return Label.org }
            }
            return nil
        }

        /// A given name at unit k followed by name words: the last unit of the PERSON, or nil.
        func personRun(_ k: Int, _ z: Int) -> Int? {
            let x = units[k]
            guard x.e - x.s == 1, x.kind == 0 || x.kind == 1 else { return nil }
            let fn = lex.firstName(t[x.s])
            guard fn != 0, x.kind == 0 || x.label != Label.norp else { return nil }
            if x.kind == 1 && !(x.weak || x.label == Label.person) {
                // "Jordan" the country: only before an unknown, uncommon word ("Jordan Bardella")
                guard k + 1 < z, units[k + 1].kind == 0, !lex.isCommon(t[units[k + 1].s]) else { return nil }
            }
            var m = k + 1, last = -1, tokens = 1
            while m < z && tokens < 5 {
                let y = units[m]
                if y.kind == 2 {
                    if m + 1 < z, isNameUnit(units[m + 1]), t[y.s].kind == Tokenizer.kWord || t[y.s].lhash == w.dash || isPunct(y.s, 0x2E) { m += 1; continue }
                    break
                }
                // a strong given name and a town: "Charles Austin"
                let surnamePlace = last < 0 && fn == 1 && y.kind == 1 && y.label == Label.gpe && !y.country && y.e - y.s == 1
                    && (m + 1 == z || units[m + 1].kind != 0)
                guard isNameUnit(y) || surnamePlace else { break }
                if y.kind == 0, lex.cues.contains(t[y.s].hash) { break }
                if y.kind == 0, t[y.s].has(TokFlags.allCaps), t[y.s].length > 3 { break }
                if last < 0 && fn == 2 && y.kind == 0 && lex.isCommon(t[y.s]) && lex.firstName(t[y.s]) == 0 { return nil }
                last = m; tokens += y.e - y.s; m += 1
            }
            return last >= 0 ? last : nil
        }

        /// Capitalised words no rule has claimed: guess from their form and context (`s..<e`).
        func leftover(_ s: Int, _ e: Int) {
            var words = 0, common = 0, caps = 0
            for k in s..<e where t[k].kind == Tokenizer.kWord {
                words += 1
                if lex.isCommon(t[k]) { common += 1 }
                if t[k].has(TokFlags.allCaps) { caps += 1 }
            }
            if let label = apposition(e) { emit(s, e, label, guessed: true); return }
            // the kind of name just before it: "retailer Asda said", "tech giant Apple", "businessman X"
            if s > 0, t[s - 1].kind == Tokenizer.kWord, !t[s - 1].has(TokFlags.allCaps), let v = w.apposition.get(t[s - 1].lhash),
               words <= 3, caps == 0 {
                emit(s, e, UInt16(v - 1), guessed: true); return
            }
            // "Michael Johnson ( U.S. )" in a results list
            if words <= 4, caps == 0, isPunct(e, 0x28), let g = gaz(e + 1), g.label == Label.gpe, isPunct(g.end, 0x29) {
                emit(s, e, Label.person, guessed: true); return
            }
            if sports && caps == 0 && words <= 3 {
                // a scorer and the minute: "( Kluivert 34 , Litmanen 70 )"
                if s > 0, isPunct(s - 1, 0x28) || isPunct(s - 1, 0x2C), isSmallInt(e), isPunct(e + 1, 0x2C) || isPunct(e + 1, 0x29) {
                    emit(s, e, Label.person, guessed: true); return
                }
                if resultSide(s, e) { emit(s, e, Label.org, guessed: true); return }
                // a cricket scoreboard: "Nick Knight c Flower b Streak 12", "lbw b Olonga"
                if (s > 0 && w.dismissal.contains(t[s - 1].hash)) || (e < n && w.dismissal.contains(t[e].hash) && t[e].has(TokFlags.space))
                    || (e + 1 < n && (t[e].hash == w.not || t[e].hash == w.run) && t[e + 1].hash == w.out) {
                    emit(s, e, Label.person, guessed: true); return
                }
            }
            if words == 1 {
                let x = t[s]
                if x.has(TokFlags.allCaps) && x.length >= 2 && x.length <= 6 && !w.acronymStop.contains(x.hash) && !lex.isCommon(x) {
                    emit(s, e, Label.org, guessed: true); return
                }
                if lex.isCommon(x) { return }
                if s > 1, t[s - 1].lhash == w.at, w.roleNouns.contains(t[s - 2].lhash) {
                    emit(s, e, Label.org, guessed: true); return
                }
                if sayVerbAfter(e) { emit(s, e, Label.person, guessed: true); return }
                if s > 0, t[s - 1].has(TokFlags.lowerStart), t[s - 1].lhash == w.in_ || t[s - 1].lhash == w.near || t[s - 1].lhash == w.from,
                   !x.has(TokFlags.allCaps) {
                    emit(s, e, Label.gpe, guessed: true); return
                }
                return
            }
            if common == 0 && caps == 0 && words <= 4 { emit(s, e, Label.person, guessed: true); return }
            if caps == 0 && words <= 3 && sayVerbAfter(e) { emit(s, e, Label.person, guessed: true); return }
        }

        /// "Full Name (ACRONYM)": the acronym takes the label of the name before it.
        func learnAcronyms() {
            var endLabel: [Int: (Int, UInt16)]? = nil     // made at the first "(ACRONYM)"
            var k = 0
            while k + 2 < n {
                defer { k += 1 }
                guard isPunct(k, 0x28), t[k + 1].has(TokFlags.allCaps), isPunct(k + 2, 0x29) else { continue }
                let acr = t[k + 1]
                if endLabel == nil {
                    var m: [Int: (Int, UInt16)] = [:]
                    for sp in out { m[sp.e] = (sp.s, sp.label) }
                    endLabel = m
                }
                if let (_, label) = endLabel![k] {
                    learn!.add(t, CollectionOfOne(k + 1), label); continue
                }
                // initials of the capitalised words before the bracket
                var letters: [UInt8] = []
                var s = k
                var p = k - 1
                let want = Array(b[Int(acr.start)..<Int(acr.end)])
                while p >= 0, letters.count < want.count, t[p].kind == Tokenizer.kWord, !t[p].has(TokFlags.used) {
                    if t[p].has(TokFlags.cap) { letters.insert(b[Int(t[p].start)], at: 0); s = p } else if !w.particles.contains(t[p].hash) && t[p].hash != w.of && t[p].hash != w.for_ && t[p].hash != w.on && t[p].lhash != w.and && t[p].lhash != w.the { break }
                    if t[p].has(TokFlags.sentStart) { break }
                    p -= 1
                }
                if letters == want, k - s >= 2 {
                    learn!.add(t, s..<k, Label.org)
                    learn!.add(t, CollectionOfOne(k + 1), Label.org)
                }
            }
        }
    }
}
