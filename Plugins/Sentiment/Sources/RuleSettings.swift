/// The strengths of the rules. The defaults are the stage's behaviour; tests switch single rules off to
/// show what each one does (see README "Rules").
struct RuleSettings: Sendable {
    /// Multiplier of a negated valence (VADER's −0.74).
    var negation: Double = -0.74
    /// A negation stops at the first sentiment word after it (`aren't good at dirty talk`).
    var narrowNegation = true
    /// Added to an ALL-CAPS word among lower-case ones, in the direction of its valence (VADER's 0.733).
    var capsBoost: Double = 0.733
    /// Added to a word stretched by repeated letters (`soooo good`).
    var elongation: Double = 0.293
    /// Added per `!` (at most four), in the direction of the sentence (VADER's 0.292).
    var exclamation: Double = 0.292
    /// A sentence with `!` but no sentiment word, question or negation counts as mildly positive
    /// (excitement): one exclamation step per mark.
    var bareExclamation = true
    /// One to three words in quotation marks carry no sentiment (scare quotes, titles, mentions).
    var scareQuotes = true
    /// The nth occurrence of the same sentiment word in a document counts 1/n.
    var repetition = true
    /// Multiplier of a sentence that asks one question (and has no `!`).
    var question: Double = 0.7
    /// Added per `?` (at most three) when a sentence has two or more (VADER's 0.18).
    var questions: Double = 0.18
    /// Contrast: the clause before `but` counts `contrastBefore`, the one after `contrastAfter`.
    var contrastBefore: Double = 0.5
    var contrastAfter: Double = 1.5
    /// Multiplier of a positive word after `too` / `less` / `less than` (excess or lack reads as a complaint).
    var excess: Double = -0.5
    /// Multiplier of a negative word after `too` (strengthened) and after `less` (weakened).
    var tooNegative: Double = 1.2
    var lessNegative: Double = 0.5
    /// Multiplier of a positive word after `tries to`, `supposed to`, `meant to` (intention, not achievement).
    var attempt: Double = 0.2
    /// Multiplier of a positive word in an `if` clause (a condition asserts nothing).
    var conditional: Double = 0
    /// Multiplier of a positive word after `would/could/should have` (counterfactual).
    var counterfactual: Double = -0.5
    /// `like` counts only as a verb (after a subject or auxiliary), not as a preposition.
    var likeAsVerbOnly = true
    /// Sentence-initial concessions (`Although X, Y`) shift weight to the main clause.
    var concessions = true
    /// A sentence opening with `But`/`However`/`Yet`/`Still` shifts weight from the previous one.
    var crossSentenceTurns = true
}
