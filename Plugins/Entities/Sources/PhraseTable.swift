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
///
/// Most tokens start no phrase, and the first probe of a large table is a cache miss; a small filter of
/// the first tokens' keys (two bits in one 64-bit word per key, ≥ 16 bits per key, so it stays in cache)
/// answers most of those misses without touching the table. The filter never says no to a stored key.
struct PhraseTable: Sendable {
    private var table: HashTable
    private(set) var entries: [PhraseEntry] = []
    private(set) var maxTokens = 0
    /// Matches use each token's lower-cased hash instead of its exact one.
    let ignoreCase: Bool
    /// The first-token filter: `filterMask + 1` words of 64 bits.
    private var filter: [UInt64]
    private var filterMask: Int
    private var firstKeys = 0

    /// `capacity`: the number of phrases and prefixes expected (the table grows beyond it).
    init(ignoreCase: Bool, capacity: Int = 1024) {
        self.ignoreCase = ignoreCase; table = HashTable(capacity: capacity)
        filter = [UInt64](repeating: 0, count: PhraseTable.minFilterWords); filterMask = PhraseTable.minFilterWords - 1
    }

    var isEmpty: Bool { entries.isEmpty }
    private static let prefixBit: UInt32 = 1 << 31
    /// Marks a one-token key (the first token of some phrase); not part of the entry index.
    private static let firstBit: UInt32 = 1 << 30
    private static let entryMask: UInt32 = firstBit - 1
    private static let minFilterWords = 16

    /// The filter word and the two bits of a stored one-token key.
    @inline(__always) private static func filterBits(_ key: UInt64, _ mask: Int) -> (word: Int, bits: UInt64) {
        let x = key &* 0xD6E8_FEB8_6659_FD93
        return (Int(truncatingIfNeeded: x >> 32) & mask, (1 << ((x >> 20) & 63)) | (1 << ((x >> 26) & 63)))
    }

    @inline(__always) private func mayStart(_ key: UInt64) -> Bool {
        let f = PhraseTable.filterBits(HashTable.fix(key), filterMask)
        return filter.withUnsafeBufferPointer { $0[f.word] } & f.bits == f.bits
    }

    private mutating func addFirst(_ key: UInt64) {
        if table.get(key).map({ $0 & PhraseTable.firstBit != 0 }) == true { return }
        firstKeys += 1
        if firstKeys * 16 > filter.count * 64 {
            // rebuild larger from the keys marked as first tokens
            var words = filter.count
            while firstKeys * 16 > words * 64 { words <<= 1 }
            filter = [UInt64](repeating: 0, count: words); filterMask = words - 1
            table.forEach { k, v in
                if v & PhraseTable.firstBit != 0 { let f = PhraseTable.filterBits(k, filterMask); filter[f.word] |= f.bits }
            }
        }
        let f = PhraseTable.filterBits(HashTable.fix(key), filterMask)
        filter[f.word] |= f.bits
        table.set(key, PhraseTable.firstBit, merge: { old, _ in old | PhraseTable.firstBit })
    }

    /// Adds a phrase given as the hashes of its tokens. A phrase already present is replaced when the
    /// new entry's priority is at least the old one's.
    mutating func add<C: Collection>(_ hashes: C, _ entry: PhraseEntry) where C.Element == UInt64 {
        guard !hashes.isEmpty else { return }
        let count = hashes.count
        var h = TokenHash.seed
        for (i, t) in hashes.enumerated() {
            h = TokenHash.combine(h, t)
            if i == 0 { addFirst(h) }
            if i < count - 1 {
                table.set(h, PhraseTable.prefixBit, merge: { old, _ in old | PhraseTable.prefixBit })
            }
        }
        let idx = UInt32(entries.count + 1)
        var replace = true
        if let old = table.get(h), old & PhraseTable.entryMask != 0 {
            let prev = entries[Int(old & PhraseTable.entryMask) - 1]
            replace = entry.priority >= prev.priority
        }
        if replace {
            entries.append(entry)
            table.set(h, idx, merge: { old, new in (old & ~PhraseTable.entryMask) | new })
        }
        maxTokens = max(maxTokens, count)
    }

    /// The longest phrase starting at token `i` and ending before `limit`: (end token, entry index).
    @inline(__always)
    func longest(_ toks: UnsafeBufferPointer<Tok>, at i: Int, limit: Int) -> (end: Int, entry: Int)? {
        var h = TokenHash.seed
        var j = i
        var best: (Int, Int)? = nil
        let stop = min(limit, i + maxTokens)
        guard i < stop else { return nil }
        h = TokenHash.combine(h, ignoreCase ? toks[i].lhash : toks[i].hash)
        guard mayStart(h) else { return nil }
        while j < stop {
            let t = toks[j]
            if j > i {
                if t.flags & (TokFlags.sentStart | TokFlags.newline) != 0 { break }
                h = TokenHash.combine(h, ignoreCase ? t.lhash : t.hash)
            }
            guard let v = table.get(h) else { break }
            let e = v & PhraseTable.entryMask
            if e != 0 { best = (j + 1, Int(e) - 1) }
            if v & PhraseTable.prefixBit == 0 { break }
            j += 1
        }
        return best
    }
}
