import StageKit

/// The configured `entities` stage. Immutable after `makeStage`; safe to share between threads.
struct EntityTagger: Stage {
    let patterns: PatternMatcher
    let names: NameTagger
    let labels: [String]
    let phrases: PhraseTable
    let phrasesCI: PhraseTable
    let tokenPatterns: [UserPattern]
    let keep: Set<UInt16>?
    let exclude: HashTable
    let consistency: Bool

    init(lex: Lexicon, labels: [String], phrases: PhraseTable, phrasesCI: PhraseTable, tokenPatterns: [UserPattern],
         keep: Set<UInt16>?, exclude: HashTable, consistency: Bool, guess: Bool) {
        self.patterns = PatternMatcher(lex: lex); self.names = NameTagger(lex: lex, guess: guess)
        self.labels = labels; self.phrases = phrases; self.phrasesCI = phrasesCI
        self.tokenPatterns = tokenPatterns; self.keep = keep; self.exclude = exclude
        self.consistency = consistency
    }

    func process(_ document: inout Document) throws {
        let sentences = document.sentences ?? []
        let blocks = document.blocks ?? []
        document.entities = document.withUTF8 { b in tag(b, sentences: sentences, blocks: blocks) }
    }

    /// Entities of a text with its sentences and blocks (byte offsets), sorted and non-overlapping.
    func tag(_ b: UnsafeBufferPointer<UInt8>, sentences: [Sentence], blocks: [Block]) -> [Entity] {
        var toks = Tokenizer.tokenize(b, specials: patterns.specials(b))
        markStructure(&toks, b, sentences: sentences, blocks: blocks)
        var spans: [TokSpan] = []
        spans.reserveCapacity(toks.count / 8)
        for k in toks.indices where toks[k].kind == Tokenizer.kSpecial {
            spans.append(TokSpan(s: k, e: k + 1, label: UInt16(toks[k].special)))
            toks[k].flags |= TokFlags.used
        }
        if !phrases.isEmpty || !phrasesCI.isEmpty || !tokenPatterns.isEmpty { userPass(&toks, b, &spans) }
        patterns.run(b, &toks, &spans)
        toks.withUnsafeBufferPointer { t in
            let sports = isSportsReport(t, b)
            let learn: NameTagger.Memory? = consistency ? NameTagger.Memory() : nil
            var first: [TokSpan] = []
            names.tag(b, t, memory: nil, learn: learn, sports: sports, out: &first)
            if let memory = learn, memory.count > 0 {
                names.tag(b, t, memory: memory, learn: nil, sports: sports, out: &spans)
            } else {
                spans.append(contentsOf: first)
            }
        }
        spans.sort { $0.s < $1.s || ($0.s == $1.s && $0.e > $1.e) }
        var out: [Entity] = []
        out.reserveCapacity(spans.count)
        var lastEnd = -1
        for sp in spans where sp.e > sp.s {
            if let keep, !keep.contains(sp.label) { continue }
            let start = Int(toks[sp.s].start), end = Int(toks[sp.e - 1].end)
            if start < lastEnd { continue }
            if exclude.count > 0 {
                var h = TokenHash.seed
                for k in sp.s..<sp.e { h = TokenHash.combine(h, toks[k].lhash) }
                if exclude.contains(h) { continue }
            }
            out.append(Entity(start: start, end: end, label: labels[Int(sp.label)]))
            lastEnd = end
        }
        return out
    }

    /// A sports report: at least two sports words ("league", "goals", "innings"…), or a score ("3-0") with a
    /// sports word or a result verb ("beat", "drew", "won").
    private func isSportsReport(_ t: UnsafeBufferPointer<Tok>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let words = names.lex.sportsWords, verbs = names.lex.resultVerbs
        var hits = 0, scores = 0, verbHits = 0
        var k = 0
        let n = t.count
        while k < n {
            let x = t[k]
            if x.kind == Tokenizer.kWord {
                // a score, not part of a date ("1996-08-30" is used by the DATE pattern already)
                if x.has(TokFlags.numeric), !x.has(TokFlags.used), x.length <= 2, k + 2 < n, t[k + 1].length == 1, b[Int(t[k + 1].start)] == 0x2D,
                   k == 0 || t[k - 1].lhash != names.lex.words.dash || t[k].has(TokFlags.space),
                   !t[k + 1].has(TokFlags.space), !t[k + 2].has(TokFlags.space), t[k + 2].has(TokFlags.numeric), t[k + 2].length <= 2 {
                    scores += 1
                } else if !x.has(TokFlags.digitStart), words.contains(x.lhash) {
                    hits += 1
                } else if x.has(TokFlags.lowerStart), verbs.contains(x.lhash) {
                    verbHits += 1
                }
                if hits >= 2 || (scores >= 1 && (hits >= 1 || verbHits >= 1)) { return true }
            }
            k += 1
        }
        return false
    }

    /// User phrases and token patterns first: they win over everything built in.
    private func userPass(_ toks: inout [Tok], _ b: UnsafeBufferPointer<UInt8>, _ spans: inout [TokSpan]) {
        let n = toks.count
        var marks: [TokSpan] = []
        toks.withUnsafeBufferPointer { t in
            var i = 0
            while i < n {
                if t[i].has(TokFlags.used) { i += 1; continue }
                var best: (Int, UInt16)? = nil
                if !phrases.isEmpty, let m = phrases.longest(t, at: i, limit: n) { best = (m.end, phrases.entries[m.entry].label) }
                if !phrasesCI.isEmpty, let m = phrasesCI.longest(t, at: i, limit: n), best == nil || m.end > best!.0 {
                    best = (m.end, phrasesCI.entries[m.entry].label)
                }
                for p in tokenPatterns {
                    if let e = p.match(t, b, at: i), best == nil || e > best!.0 { best = (e, p.label) }
                }
                if let (e, label) = best, !(i..<e).contains(where: { t[$0].has(TokFlags.used) }) {
                    marks.append(TokSpan(s: i, e: e, label: label)); i = e
                } else {
                    i += 1
                }
            }
        }
        for m in marks {
            spans.append(m)
            for k in m.s..<m.e { toks[k].flags |= TokFlags.used }
        }
    }

    /// Sets sentence starts, sentence-initial words and heading flags from the segment stage's output.
    private func markStructure(_ toks: inout [Tok], _ b: UnsafeBufferPointer<UInt8>, sentences: [Sentence], blocks: [Block]) {
        let n = toks.count
        guard n > 0 else { return }
        var starts: [Int] = sentences.map(\.start) + blocks.map(\.start)
        if starts.isEmpty {
            // no segmentation: lines and ". X" boundaries
            for k in 0..<n {
                if toks[k].has(TokFlags.newline) { starts.append(Int(toks[k].start)) }
                else if k > 0, toks[k - 1].kind == Tokenizer.kPunct, toks[k].has(TokFlags.space), toks[k - 1].length == 1 {
                    let c = b[Int(toks[k - 1].start)]
                    if c == 0x2E || c == 0x21 || c == 0x3F { starts.append(Int(toks[k].start)) }
                }
            }
        }
        starts.sort()
        var k = 0
        for s in starts {
            while k < n && Int(toks[k].start) < s { k += 1 }
            guard k < n else { break }
            toks[k].flags |= TokFlags.sentStart | TokFlags.initial
            var j = k
            while j < n && toks[j].kind != Tokenizer.kWord && j - k < 4 { j += 1 }
            if j < n { toks[j].flags |= TokFlags.initial }
        }
        // after a colon or an opening quote, a capitalised word starts a new clause
        for k in 0..<(n - 1) where toks[k].kind == Tokenizer.kPunct {
            let c = b[Int(toks[k].start)]
            let isColon = toks[k].length == 1 && c == 0x3A
            let isOpenQuote = (toks[k].length == 1 && c == 0x22 && toks[k].has(TokFlags.space) && !toks[k + 1].has(TokFlags.space))
                || (toks[k].length == 3 && c == 0xE2 && b[Int(toks[k].start) + 1] == 0x80 && b[Int(toks[k].start) + 2] == 0x9C)
            if isColon || isOpenQuote, toks[k + 1].kind == Tokenizer.kWord { toks[k + 1].flags |= TokFlags.initial }
        }
        // sentences or lines written in capitals (headlines): no guesses from capitalisation there
        var from = 0
        for k in 0...n {
            if k == n || (k > from && toks[k].has(TokFlags.sentStart | TokFlags.newline)) {
                var caps = 0, letters = 0, lower = 0
                for j in from..<k where toks[j].kind == Tokenizer.kWord && !toks[j].has(TokFlags.digitStart) {
                    letters += 1
                    if toks[j].has(TokFlags.allCaps) { caps += 1 } else if toks[j].has(TokFlags.lowerStart) { lower += 1 }
                }
                if caps >= 2 && lower == 0 && caps * 10 >= letters * 8 {
                    for j in from..<k { toks[j].flags |= TokFlags.capsLine }
                }
                from = k
            }
        }
        var bi = 0
        for blk in blocks where blk.kind == .heading {
            while bi < n && Int(toks[bi].start) < blk.start { bi += 1 }
            var j = bi
            // a short line with numbers is a table row or a results line ("Arsenal 1 Leicester 1"), not a title
            var hasNumber = false
            while j < n && Int(toks[j].end) <= blk.end { if toks[j].has(TokFlags.numeric) { hasNumber = true }; j += 1 }
            if hasNumber { continue }
            j = bi
            while j < n && Int(toks[j].end) <= blk.end { toks[j].flags |= TokFlags.heading; j += 1 }
        }
    }
}
