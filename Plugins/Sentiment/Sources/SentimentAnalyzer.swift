import StageKit

/// The configured `sentiment` stage. Immutable and `Sendable`; each call uses its own scratch buffers.
///
/// Document score: every sentence's raw valence sum `x` (before normalisation) is added up, with a
/// sentence that opens with a turn (`But`, `However`, `Yet`, `Still`, …) counting 1.5× and the one
/// before it 0.5×; the total is divided by √k for the k sentences that carry any sentiment and then
/// normalised like a sentence, `x / sqrt(x² + alpha)`. Several mild sentences add up, a strong one
/// outweighs a weak one, neutral sentences do not dilute, and length alone does not push a long
/// article to ±1.
public struct SentimentAnalyzer: Stage {
    let lexicon: Lexicon
    let settings: RuleSettings
    public let positiveThreshold: Double
    public let negativeThreshold: Double
    public let alpha: Double
    /// Names found by `entities` carry no sentiment of their own ("International Crisis Group",
    /// "World War II"): their bytes are blanked before scoring when this is on.
    public let ignoreEntities: Bool
    /// Per-entity sentiment (`targets`): written to `document.extensions[targetsKey]` when on.
    public let targets: Bool
    /// Entity labels that get a target entry.
    public let targetLabels: Set<String>
    /// The key of `result` that holds the per-entity sentiment.
    public static let targetsKey = "sentiment_targets"
    public static let defaultTargetLabels = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART"]

    init(lexicon: Lexicon, positiveThreshold: Double, negativeThreshold: Double, alpha: Double,
         settings: RuleSettings = RuleSettings(), ignoreEntities: Bool = true,
         targets: Bool = false, targetLabels: [String] = SentimentAnalyzer.defaultTargetLabels) {
        self.lexicon = lexicon; self.settings = settings; self.ignoreEntities = ignoreEntities
        self.positiveThreshold = positiveThreshold; self.negativeThreshold = negativeThreshold; self.alpha = alpha
        self.targets = targets; self.targetLabels = Set(targetLabels)
    }

    public func process(_ document: inout Document) throws {
        let spans = document.sentences ?? []
        let names = ignoreEntities ? (document.entities ?? []) : []
        var raws: [Double] = []
        document.sentiment = document.withUTF8 { analyze($0, sentences: spans, entities: names, raws: &raws) }
        if targets {
            document.extensions[SentimentAnalyzer.targetsKey] = .array(
                targetScores(document, raws: raws).map { t in
                    .object([
                        ("text", .string(t.text)), ("type", .string(t.type)), ("mentions", .int(t.mentions)),
                        ("sentences", .array(t.sentences.map { .int($0) })), ("label", .string(t.label)), ("score", .double(t.score)),
                    ])
                })
        }
    }

    /// The sentiment towards one entity: the sentences that mention it, scored like a document.
    public struct Target: Sendable, Hashable {
        /// The entity's text at its first mention.
        public var text: String
        /// The entity label (`PERSON`, `ORG`, …).
        public var type: String
        /// How many times it is mentioned.
        public var mentions: Int
        /// Indices into `document.sentences` of the sentences that mention it.
        public var sentences: [Int]
        public var label: String
        public var score: Double
    }

    /// Per-entity sentiment for a document already scored: entities with a label in `targetLabels` are
    /// grouped by label and text (ASCII case ignored, first mention first); each group's score comes
    /// from the raw scores of the sentences that mention it, combined like the document score
    /// (sum / √(sentences with sentiment), normalised). Words of the entity itself carry no sentiment
    /// when `ignore_entities` is on.
    func targetScores(_ document: Document, raws: [Double]) -> [Target] {
        guard let entities = document.entities, let sentences = document.sentences, !sentences.isEmpty else { return [] }
        var order: [String] = []
        var groups: [String: (first: Entity, mentions: Int, sentences: [Int])] = [:]
        var s = 0
        for e in entities where targetLabels.contains(e.label) {
            while s < sentences.count && sentences[s].end <= e.start { s += 1 }
            let key = e.label + "\u{0}" + String(decoding: document.slice(e.start, e.end).utf8.map(ASCII.lower), as: UTF8.self)
            if groups[key] == nil { order.append(key); groups[key] = (e, 0, []) }
            groups[key]!.mentions += 1
            var k = s
            while k < sentences.count && sentences[k].start < e.end {
                if sentences[k].end > e.start, !groups[key]!.sentences.contains(k) { groups[key]!.sentences.append(k) }
                k += 1
            }
        }
        return order.map { key in
            let g = groups[key]!
            let indices = g.sentences
            var total = 0.0, carrying = 0
            for i in indices where i < raws.count && raws[i] != 0 { total += raws[i]; carrying += 1 }
            let score = normalise(total / Double(max(1, carrying)).squareRoot())
            return Target(text: document.slice(g.first.start, g.first.end), type: g.first.label, mentions: g.mentions,
                          sentences: indices, label: label(score), score: score)
        }
    }

    /// Scores `text` split into `sentences` (byte spans); with no sentences, the whole text is one
    /// sentence and the result lists none.
    public func analyze(text: String, sentences: [Sentence]) -> SentimentResult {
        var d = Document(text: text)
        d.sentences = sentences
        return d.withUTF8 { analyze($0, sentences: sentences) }
    }

    /// A copy with other rule settings (for tests that switch rules off).
    func with(_ s: RuleSettings) -> SentimentAnalyzer {
        SentimentAnalyzer(lexicon: lexicon, positiveThreshold: positiveThreshold, negativeThreshold: negativeThreshold,
                          alpha: alpha, settings: s, ignoreEntities: ignoreEntities, targets: targets, targetLabels: Array(targetLabels))
    }

    /// The score −1…1 for a raw valence sum.
    public func normalise(_ x: Double) -> Double {
        let s = x / (x * x + alpha).squareRoot()
        return min(1, max(-1, s))
    }

    public func label(_ score: Double) -> String {
        score >= positiveThreshold ? "positive" : (score <= negativeThreshold ? "negative" : "neutral")
    }

    /// `entities` (sorted by start) are blanked out of the sentences they fall in before scoring.
    func analyze(_ bytes: UnsafeBufferPointer<UInt8>, sentences: [Sentence], entities: [Entity] = []) -> SentimentResult {
        var raws: [Double] = []
        return analyze(bytes, sentences: sentences, entities: entities, raws: &raws)
    }

    /// As above; `raws` receives each sentence's own raw valence sum (0 for a sentence whose only
    /// sentiment is `!`), for `targets`.
    func analyze(_ bytes: UnsafeBufferPointer<UInt8>, sentences: [Sentence], entities: [Entity], raws: inout [Double]) -> SentimentResult {
        var tokenizer = Tokenizer(lexicon: lexicon)
        var scorer = SentenceScorer(lexicon: lexicon, settings: settings)
        // Caps emphasis is judged against the whole document, as VADER judges the whole text: a
        // shouted sentence in a lower-case message is emphasis ("fine. THIS IS BAD!").
        scorer.documentHasLower = bytes.contains(where: { $0 >= 97 && $0 <= 122 })
        var tokens: [Token] = []
        tokens.reserveCapacity(64)
        if sentences.isEmpty {
            tokenizer.tokenize(bytes, into: &tokens)
            let s = normalise(scorer.score(tokens).documentRaw)
            return SentimentResult(label: label(s), score: s, sentences: [])
        }
        raws.removeAll(keepingCapacity: true)
        var docRaws: [Double] = []
        docRaws.reserveCapacity(sentences.count)
        var excitement = 0.0, excited = 0
        var weights: [Double] = []
        var out: [SentimentResult.SentenceScore] = []
        raws.reserveCapacity(sentences.count); out.reserveCapacity(sentences.count)
        var nextEntity = 0
        var masked: [UInt8] = []
        for (index, sentence) in sentences.enumerated() {
            let start = max(0, min(sentence.start, bytes.count)), end = max(start, min(sentence.end, bytes.count))
            while nextEntity < entities.count && entities[nextEntity].end <= start { nextEntity += 1 }
            if nextEntity < entities.count && entities[nextEntity].start < end {
                masked.removeAll(keepingCapacity: true)
                masked.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<end]))
                var k = nextEntity
                while k < entities.count && entities[k].start < end {
                    let lo = max(entities[k].start, start) - start, hi = min(entities[k].end, end) - start
                    if lo < hi { for i in lo..<hi { masked[i] = 0x20 } }
                    k += 1
                }
                masked.withUnsafeBufferPointer { tokenizer.tokenize($0, into: &tokens) }
            } else {
                tokenizer.tokenize(UnsafeBufferPointer(rebasing: bytes[start..<end]), into: &tokens)
            }
            let r = scorer.score(tokens)
            if r.excitementOnly { excitement += r.raw; excited += 1 }
            // The document counts repeated words 1/n; the sentence's own score does not depend on what
            // came before it.
            docRaws.append(r.excitementOnly ? 0 : r.documentRaw)
            raws.append(r.excitementOnly ? 0 : r.raw)
            weights.append(1)
            if settings.crossSentenceTurns && r.turns && index > 0 && r.raw != 0 {
                weights[index - 1] *= settings.contrastBefore
                weights[index] = settings.contrastAfter
            }
            let s = normalise(r.raw)
            out.append(.init(index: index, label: label(s), score: s))
        }
        var total = 0.0
        var opinionated = 0
        for k in 0..<docRaws.count {
            total += docRaws[k] * weights[k]
            if docRaws[k] != 0 { opinionated += 1 }
        }
        // Sentences whose only sentiment is "!" count when nothing else in the document does.
        if opinionated == 0 && excited > 0 { total = excitement; opinionated = excited }
        // Divided by √(sentences that carry sentiment) so that a long article does not saturate at ±1
        // merely by being long; for one sentence (tweets, review snippets) this changes nothing.
        let s = normalise(total / Double(max(1, opinionated)).squareRoot())
        return SentimentResult(label: label(s), score: s, sentences: out)
    }
}
