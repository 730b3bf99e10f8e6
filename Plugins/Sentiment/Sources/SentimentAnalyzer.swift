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

    init(lexicon: Lexicon, positiveThreshold: Double, negativeThreshold: Double, alpha: Double,
         settings: RuleSettings = RuleSettings(), ignoreEntities: Bool = true) {
        self.lexicon = lexicon; self.settings = settings; self.ignoreEntities = ignoreEntities
        self.positiveThreshold = positiveThreshold; self.negativeThreshold = negativeThreshold; self.alpha = alpha
    }

    public func process(_ document: inout Document) throws {
        let spans = document.sentences ?? []
        let names = ignoreEntities ? (document.entities ?? []) : []
        document.sentiment = document.withUTF8 { analyze($0, sentences: spans, entities: names) }
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
                          alpha: alpha, settings: s, ignoreEntities: ignoreEntities)
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
        var tokenizer = Tokenizer(lexicon: lexicon)
        var scorer = SentenceScorer(lexicon: lexicon, settings: settings)
        var tokens: [Token] = []
        tokens.reserveCapacity(64)
        if sentences.isEmpty {
            tokenizer.tokenize(bytes, into: &tokens)
            let s = normalise(scorer.score(tokens).raw)
            return SentimentResult(label: label(s), score: s, sentences: [])
        }
        var raws: [Double] = []
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
        for k in 0..<raws.count {
            total += raws[k] * weights[k]
            if raws[k] != 0 { opinionated += 1 }
        }
        // Sentences whose only sentiment is "!" count when nothing else in the document does.
        if opinionated == 0 && excited > 0 { total = excitement; opinionated = excited }
        // Divided by √(sentences that carry sentiment) so that a long article does not saturate at ±1
        // merely by being long; for one sentence (tweets, review snippets) this changes nothing.
        let s = normalise(total / Double(max(1, opinionated)).squareRoot())
        return SentimentResult(label: label(s), score: s, sentences: out)
    }
}
