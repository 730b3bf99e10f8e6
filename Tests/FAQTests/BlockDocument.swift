import StageKit

/// Builds a `Document` from explicit blocks, the way `clean` + `segment` leave HTML or Markdown: blocks
/// separated by a blank line (or a single `\n` with `tight`), `layout` set (non-nil) unless `layout` is false,
/// and one sentence per block (split after `. `/`? `/`! ` before a capital, as `TestDocument` does).
enum BlockDocument {
    enum Part {
        case h(Int, String)
        case p(String)
        case li(String)
        case q(String)
        case a(String)
        /// A block that follows the previous one after a single newline (list items of one list).
        case tight(BlockKind, String)
    }

    static func make(_ parts: [Part], layout: Bool = true) -> Document {
        var text = ""
        var blocks: [Block] = []
        for part in parts {
            let (kind, level, body, tight): (BlockKind, Int, String, Bool) = {
                switch part {
                case .h(let l, let t): return (.heading, l, t, false)
                case .p(let t): return (.paragraph, 0, t, false)
                case .li(let t): return (.listItem, 1, t, true)
                case .q(let t): return (.question, 0, t, false)
                case .a(let t): return (.answer, 0, t, false)
                case .tight(let k, let t): return (k, k == .listItem ? 1 : 0, t, true)
                }
            }()
            if !text.isEmpty { text += tight ? "\n" : "\n\n" }
            let start = text.utf8.count
            text += body
            blocks.append(Block(start: start, end: text.utf8.count, kind: kind, level: level))
        }
        var doc = Document(text: text)
        doc.blocks = blocks
        doc.sentences = TestDocument.sentences(text, blocks)
        if layout { doc.layout = blocks.filter { $0.kind != .paragraph } }
        return doc
    }
}
