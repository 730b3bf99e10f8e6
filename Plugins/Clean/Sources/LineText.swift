import StageKit

/// What a line of the intermediate text is, as far as the markup said.
enum LineKind: UInt8 {
    case plain = 0, heading, listItem, quote, code, table, question, answer

    var blockKind: BlockKind? {
        switch self {
        case .plain: return nil
        case .heading: return .heading
        case .listItem: return .listItem
        case .quote: return .quote
        case .code: return .code
        case .table: return .table
        case .question: return .question
        case .answer: return .answer
        }
    }
}

/// One line of the intermediate text: a byte range of `LineText.bytes` (no line break inside) and its tag.
/// A line with `start == end` and kind `.plain` is a blank line (a block separator).
struct TextLine {
    var start: Int
    var end: Int
    var kind: LineKind
    /// Heading level, list depth (1 = top level), else 0.
    var level: UInt8
    /// Lines of one layout block (a code block, a list item that spans lines) share a group; 0 for plain lines.
    var group: Int32
    /// HTML: the element the line's first text was written in (an ordinal, see `HTMLExtraction.nodeParent`).
    var node: Int32 = 0

    var isBlank: Bool { start == end && kind != .code }
}

/// Text as tagged lines: what each step of the stage hands to the next. Keeping lines (not offsets) lets
/// later steps change bytes freely; offsets are computed once, when the final text is assembled.
struct LineText {
    var bytes: [UInt8] = []
    var lines: [TextLine] = []
    /// When the source map is recorded: the input byte range of every byte of `bytes`.
    var src: [SourceMap.Range] = []
}
