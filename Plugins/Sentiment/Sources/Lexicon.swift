import Foundation
import StageKit

/// What a word does besides (or instead of) carrying a valence of its own.
struct WordRole: OptionSet, Sendable, Hashable {
    let rawValue: UInt64
    /// `not`, `never`, `n't`, `without`: flips the valence of the words that follow in its clause.
    static let negator = WordRole(rawValue: 1 << 0)
    /// `very`, `slightly`: raises or lowers the strength of the next words (see `Entry.scalar`).
    static let booster = WordRole(rawValue: 1 << 1)
    /// `but`, `however`: the clause before counts half, the clause after one and a half.
    static let contrast = WordRole(rawValue: 1 << 2)
    /// `although`, `while`, `despite` at the start of a sentence: the clause up to the first comma
    /// counts half, the main clause after it one and a half.
    static let concessive = WordRole(rawValue: 1 << 3)
    /// The first word of at least one multi-word expression.
    static let phraseStart = WordRole(rawValue: 1 << 4)
    /// `like`: a valence only as a verb (after a subject or auxiliary), not as a preposition.
    static let like = WordRole(rawValue: 1 << 5)
    /// A subject or auxiliary after which `like` is a verb (`I`, `we`, `really`, `would`).
    static let likeSubject = WordRole(rawValue: 1 << 6)
    /// `too`: excess; a positive word after it turns negative, a negative one is strengthened.
    static let too = WordRole(rawValue: 1 << 7)
    /// `less`: comparative of lower degree.
    static let less = WordRole(rawValue: 1 << 8)
    /// `least`: negates unless in `at least` / `very least`.
    static let least = WordRole(rawValue: 1 << 9)
    /// `have` after `would/could/should/might`: counterfactual (`should have been funny`).
    static let modal = WordRole(rawValue: 1 << 10)
    static let have = WordRole(rawValue: 1 << 11)
    /// `tries`, `supposed`, `meant`, `wants` followed by `to`: intention, not achievement.
    static let attempt = WordRole(rawValue: 1 << 12)
    /// `to` (for the attempt rule), `than` (for `less than`), `of` (for `kind of`), `at`, `a`.
    static let to = WordRole(rawValue: 1 << 13)
    static let than = WordRole(rawValue: 1 << 14)
    static let of = WordRole(rawValue: 1 << 15)
    static let at = WordRole(rawValue: 1 << 16)
    static let article = WordRole(rawValue: 1 << 17)
    /// `kind`/`sort` (for `kind of`), `bit`/`little` (for `a bit`).
    static let kindSort = WordRole(rawValue: 1 << 18)
    static let bitLittle = WordRole(rawValue: 1 << 19)
    /// `only` (for `not only`).
    static let only = WordRole(rawValue: 1 << 20)
    /// `and` (for `, and yet`).
    static let and = WordRole(rawValue: 1 << 21)
    /// `yet`: contrast only after a comma or `and`, or at the start of a sentence.
    static let yet = WordRole(rawValue: 1 << 22)
    /// `even` (for `even though`, `even if`), `for`/`all` (for `for all`).
    static let even = WordRole(rawValue: 1 << 23)
    static let forAll = WordRole(rawValue: 1 << 24)
    /// Opens a sentence that turns against the previous one (`But`, `However`, `Still`).
    static let turn = WordRole(rawValue: 1 << 25)
    /// `although`, `though`: contrast also in the middle of a sentence.
    static let midTurn = WordRole(rawValue: 1 << 26)
    /// `if` (only `even if` is a concession).
    static let ifWord = WordRole(rawValue: 1 << 27)
    /// `never`, `been`, and `so`/`this` between them and a word (`never so good`).
    static let never = WordRole(rawValue: 1 << 28)
    static let been = WordRole(rawValue: 1 << 29)
    static let degreeThis = WordRole(rawValue: 1 << 30)
    /// `or`, `nor`, `and`: a negation reaches across them (`not funny or clever`).
    static let coordinator = WordRole(rawValue: 1 << 31)
    /// `lol`, `haha`, `ugh`, `wow`: discourse markers, outside the scope of a negation.
    static let interjection = WordRole(rawValue: 1 << 32)
    /// `you`, `it`, `that`, `he`…: after a negated auxiliary in a question, the auxiliary asks
    /// ("Wouldn't that be great?") instead of denying.
    static let subjectPronoun = WordRole(rawValue: 1 << 33)
    /// `fails`, `forgets`, `neglects`, `refuses`, `unable`: before `to`, a negation of what follows
    /// ("fails to be funny").
    static let failure = WordRole(rawValue: 1 << 34)
    /// Forms of `be` (`is`, `it's`, `isn't`): `like` after them is a preposition.
    static let copula = WordRole(rawValue: 1 << 35)
    /// Verbs of saying and `as`: words quoted after them are reported speech, not scare quotes.
    static let reporting = WordRole(rawValue: 1 << 36)
}

/// A word, emoticon or emoji known to the stage.
struct LexEntry: Sendable {
    /// Valence −4…+4; 0 when the word only has a role.
    var valence: Float = 0
    var roles: WordRole = []
    /// For boosters: how much the next valence grows (> 0) or shrinks (< 0), VADER-style (0.293).
    var scalar: Float = 0
    /// True for emoticons and emoji (matched as symbols, never split).
    var isSymbol = false
    /// Range in `Lexicon.phraseList` of the phrases this entry starts.
    var phraseFirst: Int32 = 0
    var phraseCount: Int32 = 0
}

/// A multi-word expression: the entry indices of its words and its valence.
struct Phrase: Sendable {
    var words: [Int32]
    var valence: Float
}

/// Lexicon and rule words in one open-addressing hash table over lower-cased UTF-8 byte keys, so a
/// token costs one hash and one byte comparison. Built once; read-only afterwards.
struct Lexicon: Sendable {
    private(set) var entries: [LexEntry] = []
    private var arena: [UInt8] = []
    /// Open-addressing slots: entry index (-1 empty), key start and length in `arena`, low hash bits.
    private struct Slot { var entry: Int32; var start: Int32; var length: Int32; var hash: UInt32 }
    private var slots: [Slot] = []
    private var mask = 0
    private(set) var phraseList: [Phrase] = []
    /// `phraseList` flattened for matching: every phrase's words one after another in `phraseWords`,
    /// and per phrase (same index) where its words start, how many there are, and its valence.
    struct PhraseSpan: Sendable { var start: Int32; var count: Int32; var valence: Float }
    private(set) var phraseSpans: [PhraseSpan] = []
    private(set) var phraseWords: [Int32] = []
    /// Longest emoticon in bytes, and which bytes can start one (ASCII).
    private(set) var maxSymbolLength = 0
    private(set) var symbolStart = [Bool](repeating: false, count: 256)
    /// Bloom filter over the keys' hashes (two bits a key): a clear bit means "not in the table".
    private var filter: [UInt64] = []
    private static let filterBitCount = 1 << 16

    /// Hash of `n` bytes, with ASCII letters lower-cased first when `lower` is set. Eight bytes at a
    /// time (`hashStart`, `hashStep` per little-endian word, the last one zero-padded, `hashFinish`), so
    /// that a caller scanning a word eight bytes at a time can hash it in the same pass.
    @inline(__always)
    static func hash(_ p: UnsafePointer<UInt8>, _ n: Int, lower: Bool = false) -> UInt64 {
        var h = hashStart(n)
        var i = 0
        while i < n {
            let m = min(8, n - i)
            let w = word(p + i, m)
            h = hashStep(h, lower ? w | (upperMask(w) >> 2) : w)
            i += m
        }
        return hashFinish(h)
    }

    @inline(__always) static func hashStart(_ n: Int) -> UInt64 { 0xcbf2_9ce4_8422_2325 ^ (UInt64(truncatingIfNeeded: n) &* 0x9E37_79B9_7F4A_7C15) }

    @inline(__always) static func hashStep(_ h: UInt64, _ w: UInt64) -> UInt64 {
        let x = (h ^ w) &* 0x9E37_79B9_7F4A_7C15
        return x ^ (x >> 29)
    }

    @inline(__always) static func hashFinish(_ h: UInt64) -> UInt64 {
        var x = h ^ (h >> 32)
        x = x &* 0xD6E8_FEB8_6659_FD93
        return x ^ (x >> 32)
    }

    /// `m` (1…8) bytes at `p` as a little-endian word, zero-padded.
    @inline(__always) static func word(_ p: UnsafePointer<UInt8>, _ m: Int) -> UInt64 {
        if m == 8 { return UInt64(littleEndian: UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)) }
        var w: UInt64 = 0
        for k in 0..<m { w |= UInt64(p[k]) << UInt64(8 * k) }
        return w
    }

    /// How many bytes of a mask from `upperMask` or `lowerMask` are set (no popcnt instruction needed).
    @inline(__always) static func count(_ mask: UInt64) -> Int { Int(truncatingIfNeeded: ((mask >> 7) &* 0x0101_0101_0101_0101) >> 56) }

    /// 0x80 in each byte of `w` that is an ASCII upper-case letter.
    @inline(__always) static func upperMask(_ w: UInt64) -> UInt64 {
        let seven = w & 0x7F7F_7F7F_7F7F_7F7F
        return (seven &+ 0x3F3F_3F3F_3F3F_3F3F) & ~(seven &+ 0x2525_2525_2525_2525) & ~w & 0x8080_8080_8080_8080
    }

    /// 0x80 in each byte of `w` that is an ASCII lower-case letter.
    @inline(__always) static func lowerMask(_ w: UInt64) -> UInt64 {
        let seven = w & 0x7F7F_7F7F_7F7F_7F7F
        return (seven &+ 0x1F1F_1F1F_1F1F_1F1F) & ~(seven &+ 0x0505_0505_0505_0505) & ~w & 0x8080_8080_8080_8080
    }

    /// Entry index of a normalised key, or -1.
    @inline(__always)
    func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32 { probe(p, n, lower: false) }

    /// Entry index of ASCII bytes looked up lower-cased (no copy), or -1.
    @inline(__always)
    func findLowercased(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int32 { probe(p, n, lower: true) }

    /// As `findLowercased`, with `hash` = `Lexicon.hash(p, n, lower: true)` already computed.
    @inline(__always)
    func findLowercased(_ p: UnsafePointer<UInt8>, _ n: Int, hash h: UInt64) -> Int32 {
        if n == 0 || slots.isEmpty { return -1 }
        return probe(p, n, lower: true, hash: h)
    }

    /// Bits of a key's hash in `filter` (two per key).
    @inline(__always)
    private static func filterBits(_ h: UInt64) -> (Int, Int) {
        (Int(truncatingIfNeeded: (h >> 16) & UInt64(filterBitCount - 1)), Int(truncatingIfNeeded: (h >> 40) & UInt64(filterBitCount - 1)))
    }

    @inline(__always)
    private func probe(_ p: UnsafePointer<UInt8>, _ n: Int, lower: Bool) -> Int32 {
        if n == 0 || slots.isEmpty { return -1 }
        return probe(p, n, lower: lower, hash: Lexicon.hash(p, n, lower: lower))
    }

    @inline(__always)
    private func probe(_ p: UnsafePointer<UInt8>, _ n: Int, lower: Bool, hash h: UInt64) -> Int32 {
        // Most words of running text are not in the table: the filter (8 KB, stays in L1) says so
        // without touching the slots (hundreds of KB).
        let (b1, b2) = Lexicon.filterBits(h)
        let known = filter.withUnsafeBufferPointer { f in
            (f[b1 >> 6] >> UInt64(b1 & 63)) & (f[b2 >> 6] >> UInt64(b2 & 63)) & 1 != 0
        }
        if !known { return -1 }
        let h32 = UInt32(truncatingIfNeeded: h >> 32)
        return slots.withUnsafeBufferPointer { sl -> Int32 in
            arena.withUnsafeBufferPointer { a -> Int32 in
                var s = Int(truncatingIfNeeded: h) & mask
                while true {
                    let slot = sl[s]
                    if slot.entry < 0 { return -1 }
                    if slot.hash == h32 && Int(slot.length) == n {
                        let st = Int(slot.start)
                        var same = true
                        if lower {
                            for i in 0..<n where a[st + i] != ASCII.lower(p[i]) { same = false; break }
                        } else {
                            for i in 0..<n where a[st + i] != p[i] { same = false; break }
                        }
                        if same { return slot.entry }
                    }
                    s = (s + 1) & mask
                }
            }
        }
    }

    func find(_ key: [UInt8]) -> Int32 { key.withUnsafeBufferPointer { find($0.baseAddress!, $0.count) } }

    /// Lower-cases ASCII and maps the typographic apostrophe (U+2019) to `'`, as the tokenizer does.
    static func normalise(_ s: String) -> [UInt8] {
        var out: [UInt8] = []
        let b = Array(s.utf8)
        var i = 0
        while i < b.count {
            if b[i] == 0xE2, i + 2 < b.count, b[i + 1] == 0x80, b[i + 2] == 0x99 { out.append(39); i += 3; continue }
            out.append(ASCII.lower(b[i])); i += 1
        }
        return out
    }

    // MARK: building

    /// Builds the table from (term, valence) pairs; later pairs override earlier ones. A valence of 0
    /// removes a term's valence (its role, if any, stays).
    init(terms: [(String, Double)]) {
        var index: [[UInt8]: Int] = [:]
        var keys: [[UInt8]] = []
        var work: [LexEntry] = []
        var phrases: [[UInt8]: (words: [[UInt8]], valence: Float)] = [:]
        func entry(_ k: [UInt8]) -> Int {
            if let i = index[k] { return i }
            index[k] = work.count; keys.append(k); work.append(LexEntry()); return work.count - 1
        }
        for (term, v) in terms {
            let key = Lexicon.normalise(term.trimmingCharacters(in: .whitespaces))
            if key.isEmpty { continue }
            let words = key.split(separator: 32, omittingEmptySubsequences: true).map(Array.init)
            if words.count > 1 {
                phrases[words.joined(separator: [32]).map { $0 }] = (words, Float(v))
                continue
            }
            let e = entry(key)
            work[e].valence = Float(v)
            work[e].isSymbol = Lexicon.isSymbolKey(key)
        }
        for (word, roles, scalar) in RuleWords.table {
            let e = entry(Lexicon.normalise(word))
            work[e].roles.formUnion(roles)
            if scalar != 0 { work[e].scalar = scalar }
        }
        // Phrases, grouped by their first word; longest first so that matching takes the longest.
        var byFirst: [Int: [Phrase]] = [:]
        for (_, p) in phrases.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            let ids = p.words.map { Int32(entry($0)) }
            byFirst[Int(ids[0]), default: []].append(Phrase(words: ids, valence: p.valence))
        }
        var list: [Phrase] = []
        for (first, ps) in byFirst.sorted(by: { $0.key < $1.key }) {
            work[first].roles.insert(.phraseStart)
            work[first].phraseFirst = Int32(list.count)
            work[first].phraseCount = Int32(ps.count)
            list.append(contentsOf: ps.sorted { $0.words.count > $1.words.count })
        }
        phraseList = list
        for ph in list {
            phraseSpans.append(PhraseSpan(start: Int32(phraseWords.count), count: Int32(ph.words.count), valence: ph.valence))
            phraseWords.append(contentsOf: ph.words)
        }
        entries = work
        var cap = 16
        while cap < keys.count * 2 { cap <<= 1 }
        mask = cap - 1
        slots = [Slot](repeating: Slot(entry: -1, start: 0, length: 0, hash: 0), count: cap)
        filter = [UInt64](repeating: 0, count: Lexicon.filterBitCount / 64)
        for (i, k) in keys.enumerated() {
            let h = k.withUnsafeBufferPointer { Lexicon.hash($0.baseAddress!, $0.count) }
            var s = Int(truncatingIfNeeded: h) & mask
            while slots[s].entry >= 0 { s = (s + 1) & mask }
            slots[s] = Slot(entry: Int32(i), start: Int32(arena.count), length: Int32(k.count), hash: UInt32(truncatingIfNeeded: h >> 32))
            let (b1, b2) = Lexicon.filterBits(h)
            filter[b1 >> 6] |= 1 << UInt64(b1 & 63)
            filter[b2 >> 6] |= 1 << UInt64(b2 & 63)
            arena.append(contentsOf: k)
            if work[i].isSymbol && k[0] < 0x80 && work[i].valence != 0 {
                symbolStart[Int(k[0])] = true
                maxSymbolLength = max(maxSymbolLength, k.count)
            }
        }
    }

    /// An emoticon or emoji key: anything that is not a plain word of letters, digits, `'` and `-`.
    static func isSymbolKey(_ k: [UInt8]) -> Bool {
        if k[0] >= 0x80 { return !isLetterScalarStart(k) }
        for b in k where !(ASCII.isAlnum(b) || b == 39 || b == 45 || b >= 0x80) { return true }
        return false
    }

    private static func isLetterScalarStart(_ k: [UInt8]) -> Bool {
        let (cp, _) = Tokenizer.decode(k, 0)
        return Tokenizer.classify(cp) == .letter
    }

    /// Reads a lexicon file (see `parse(_:origin:)`).
    static func parse(file path: String) throws -> [(String, Double)] {
        try parse(StageContext(resourceDirectory: nil, configDirectory: "/").fileText(path, stage: "sentiment"), origin: path)
    }

    /// Parses lexicon text: `term TAB valence` lines, `#` comments, blank lines ignored; `path` names
    /// the file in messages.
    static func parse(_ text: String, origin path: String) throws -> [(String, Double)] {
        var out: [(String, Double)] = []
        var lineNo = 0
        for l in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            lineNo += 1
            if l.isEmpty || l.hasPrefix("#") { continue }
            guard let tab = l.lastIndex(of: "\t"), let v = Double(l[l.index(after: tab)...].trimmingCharacters(in: .whitespaces)) else {
                throw ConfigIssue("sentiment: \(path):\(lineNo): expected 'term<TAB>valence'", at: nil)
            }
            guard (-4.0...4.0).contains(v) else {
                throw ConfigIssue("sentiment: \(path):\(lineNo): valence \(v) is outside -4…4", at: nil)
            }
            out.append((String(l[..<tab]), v))
        }
        return out
    }
}
