import StageKit

/// One line-or-block the extractor walks over: a block of the document, or a line of a paragraph block
/// that was split because it starts with a question/answer label.
struct FAQUnit {
    enum Kind: Equatable {
        /// A heading (from the block kind or a leftover `## ` marker).
        case heading
        /// Starts with a question label (`Q:`, `Question:`) or is a `.question` block.
        case questionLabel
        /// Starts with an answer label (`A:`, `Answer:`) or is an `.answer` block.
        case answerLabel
        /// Anything else: paragraphs, list items, quotes, code, tables.
        case body
    }

    /// How a question line (not a heading) is marked: this decides which lines form a run together.
    enum LineStyle: Int {
        case bold = 0, numbered, bullet, listItem, plain
        /// A block whose first sentence is a question and whose rest answers it (`How much is it? It is
        /// free.`), as Markdown/HTML bold questions look once `clean` has removed the markers.
        case inline
    }

    /// Whole unit, trimmed of whitespace.
    var start: Int
    var end: Int
    /// The unit's text without labels, list numbers or emphasis markers around it.
    var textStart: Int
    var textEnd: Int
    var kind: Kind
    var blockKind: BlockKind
    /// Heading level 1…6 for headings; 0 otherwise.
    var level: Int
    /// Newlines between the previous unit's end and this unit's start (1: next line, ≥ 2: blank line between).
    var newlinesBefore: Int
    /// For labels: `Q.`/`A.` style.
    var weakLabel: Bool
    /// Heading whose text ends with a question mark.
    var questionHeading: Bool
    /// Set when a body unit looks like a stand-alone question line (bold, numbered or plain).
    var lineStyle: LineStyle?
    /// Words in the question text (headings and question lines).
    var words: Int
    /// For `.questionLabel`/`.answerLabel`: the kind came from the block kind that `clean` took from the
    /// markup (`<dt>`/`<dd>`, `<summary>`/`<details>`), not from a label in the text.
    var fromMarkup = false
    /// For `.inline` question lines: where the answer text starts inside this unit.
    var inlineAnswerStart = 0
}
