/// The checked options of one configured `faq` stage.
struct FAQSettings: Sendable {
    /// Where unlabelled questions (question headings, question lines) count.
    enum Scope: String, Sendable, CaseIterable {
        /// Inside an FAQ section, or when ≥ 2 of them form a run (see README).
        case faqSections = "faq_sections"
        /// Everywhere.
        case all
        /// Never.
        case none
    }

    /// How far a labelled answer (`A: …`) reaches past its own block.
    enum Continuation: String, Sendable, CaseIterable {
        /// Following blocks belong to the answer only when they clearly continue it (see README).
        case auto
        /// The answer is the `A:` block (and its wrapped lines) only.
        case none
        /// Every following block up to the next question, heading or `Label:` paragraph.
        case all
    }

    var headings: Scope = .faqSections
    var questionLines: Scope = .faqSections
    var continuation: Continuation = .auto
    var maxAnswerBlocks = 20
    var minQuestionWords = 2
    var maxQuestionWords = 40
    var questionLabels = LabelMatcher.defaultQuestionLabels
    var answerLabels = LabelMatcher.defaultAnswerLabels
    var sectionTitles = PhraseMatcher.defaultSectionTitles
    var ignoredQuestions = PhraseMatcher.defaultIgnoredQuestions
}
