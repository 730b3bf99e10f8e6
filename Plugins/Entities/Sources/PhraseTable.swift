/// What a phrase of a gazetteer says.
struct PhraseEntry: Sendable {
    /// Index into the stage's label names.
    var label: UInt16
    /// A weak entry (small town, ambiguous word) gives way to person cues and document memory.
    var weak: Bool
    /// Only valid right after "the"/"The" (which stays outside the span), e.g. "the West".
    var needsThe: Bool
    /// Higher wins when the same phrase comes from two sources (user 3 > memory 2 > hand list 1 > generated 0).
    var priority: UInt8
    /// A country (ISO 3166): a national team in sports text stays a place.
    var country: Bool = false
}

/// Phrases as sequences of token hashes: the table holds every phrase and every proper prefix, so the
/// longest match at a token is found by extending one token at a time until the prefix is unknown.
struct PhraseTable: Sendable {
    private var table: HashTable
    private(set) var entries: [PhraseEntry] = []
    private(set) var maxTokens = 0
    /// Matches use each token's lower-cased hash instead of its exact one.
    let ignoreCase: Bool

    /// `capacity`: the number of phrases and prefixes expected (the table grows beyond it).
    init(ignoreCase: Bool, capacity: Int = 1024) { self.ignoreCase = ignoreCase; table = HashTable(capacity: capacity) }

    var isEmpty: Bool { entries.isEmpty }
    private static let prefixBit: UInt32 = 1 << 31

    /// Adds a phrase given as the hashes of its tokens. A phrase already present is replaced when the
    /// new entry's priority is at least the old one's.
    mutating func add(_ hashes: [UInt64], _ entry: PhraseEntry) {
        guard !hashes.isEmpty else { return }
        var h = TokenHash.seed
        for (i, t) in hashes.enumerated() {
            h = TokenHash.combine(h, t)
            if i < hashes.count - 1 {
                table.set(h, PhraseTable.prefixBit, merge: { old, _ in old | PhraseTable.prefixBit })
            }
        }
        let idx = UInt32(entries.count + 1)
        var replace = true
        if let old = table.get(h), old & ~PhraseTable.prefixBit != 0 {
            let prev = entries[Int(old & ~PhraseTable.prefixBit) - 1]
            replace = entry.priority >= prev.priority
        }
        if replace {
            entries.append(entry)
            table.set(h, idx, merge: { old, new in (old & PhraseTable.prefixBit) | new })
        }
        maxTokens = max(maxTokens, hashes.count)
    }

    /// The longest phrase starting at token `i` and ending before `limit`: (end token, entry index).
    @inline(__always)
    func longest(_ toks: UnsafeBufferPointer<Tok>, at i: Int, limit: Int) -> (end: Int, entry: Int)? {
        var h = TokenHash.seed
        var j = i
        var best: (Int, Int)? = nil
        let stop = min(limit, i + maxTokens)
        while j < stop {
            let t = toks[j]
            if j > i && t.flags & (TokFlags.sentStart | TokFlags.newline) != 0 { break }
            h = TokenHash.combine(h, ignoreCase ? t.lhash : t.hash)
            guard let v = table.get(h) else { break }
            let e = v & ~PhraseTable.prefixBit
            if e != 0 { best = (j + 1, Int(e) - 1) }
            if v & PhraseTable.prefixBit == 0 { break }
            j += 1
        }
        return best
    }
}
