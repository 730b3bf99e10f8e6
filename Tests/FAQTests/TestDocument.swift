import StageKit

/// Builds a segmented `Document` from lines the way the `segment` stage is expected to, so the FAQ stage
/// can be tested without it.
///
/// - `# `…`###### ` markers make a heading of that level; the marker is removed from the document text.
/// - Lines listed in `headings` (text → level) are headings too (plain-text headings segment detects).
/// - `Q:`/`Question:`/`Q.` lines are `.question`, `A:`/`Answer:`/`A.` lines `.answer` (unless
///   `labelKinds` is false: then they stay `.paragraph`, as if segment had missed them).
/// - `- `, `* `, `+ `, `1. ` lines are `.listItem`; `> ` lines `.quote`; `    `-indented lines `.code`.
/// - Every other non-empty line is a `.paragraph`. With `paragraphs: true`, consecutive non-empty lines
///   (not headings) form one block whose kind is that of its first line.
/// - Sentences: headings are one sentence; other blocks split after `. `, `? `, `! ` before an upper-case
///   letter.
enum TestDocument {
    static func make(_ source: String, headings: [String: Int] = [:], paragraphs: Bool = false, labelKinds: Bool = true) -> Document {
        var lines: [(text: String, level: Int)] = []
        for raw in source.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = String(raw)
            var level = headings[line.trimmingSpaces] ?? 0
            var hashes = 0
            for c in line.utf8 { if c == UInt8(ascii: "#") { hashes += 1 } else { break } }
            if hashes >= 1, hashes <= 6, line.utf8.count > hashes, Array(line.utf8)[hashes] == 32 {
                line = String(line.dropFirst(hashes + 1))
                level = hashes
            }
            lines.append((line, level))
        }
        let text = lines.map(\.text).joined(separator: "\n")
        var doc = Document(text: text)
        var blocks: [Block] = []
        var offset = 0
        var current: Block? = nil
        func close() { if let b = current { blocks.append(b); current = nil } }
        for (line, level) in lines {
            let len = line.utf8.count
            let lead = line.utf8.prefix { $0 == 32 }.count
            defer { offset += len + 1 }
            if line.trimmingSpaces.isEmpty { close(); continue }
            let start = offset + lead, end = offset + len
            if level > 0 {
                close()
                blocks.append(Block(start: start, end: end, kind: .heading, level: level))
                continue
            }
            if paragraphs, current != nil {
                current!.end = end
                continue
            }
            close()
            let kind = kindOf(line, labelKinds: labelKinds)
            current = Block(start: kind == .code ? offset : start, end: end, kind: kind)
            if !paragraphs { close() }
        }
        close()
        doc.blocks = blocks
        doc.sentences = sentences(text, blocks)
        return doc
    }

    static func kindOf(_ line: String, labelKinds: Bool) -> BlockKind {
        if line.hasPrefix("    ") { return .code }
        let t = line.trimmingSpaces
        if labelKinds {
            for p in ["Q:", "Question:", "Q. ", "**Q:**"] where t.hasPrefix(p) { return .question }
            for p in ["A:", "Answer:", "A. ", "**A:**"] where t.hasPrefix(p) { return .answer }
        }
        for p in ["- ", "* ", "+ "] where t.hasPrefix(p) { return .listItem }
        let digits = t.utf8.prefix { ASCII.isDigit($0) }.count
        if digits > 0, t.utf8.count > digits + 1, Array(t.utf8)[digits] == UInt8(ascii: "."), Array(t.utf8)[digits + 1] == 32 { return .listItem }
        if t.hasPrefix("> ") { return .quote }
        return .paragraph
    }

    static func sentences(_ text: String, _ blocks: [Block]) -> [Sentence] {
        let bytes = Array(text.utf8)
        var out: [Sentence] = []
        for (i, b) in blocks.enumerated() {
            if b.kind == .heading { out.append(Sentence(start: b.start, end: b.end, block: i)); continue }
            var s = b.start
            var k = b.start
            while k + 2 < b.end {
                let c = bytes[k]
                if (c == UInt8(ascii: ".") || c == UInt8(ascii: "?") || c == UInt8(ascii: "!")), bytes[k + 1] == 32, ASCII.isUpper(bytes[k + 2]) {
                    out.append(Sentence(start: s, end: k + 1, block: i))
                    s = k + 2
                }
                k += 1
            }
            out.append(Sentence(start: s, end: b.end, block: i))
        }
        return out
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s = s.dropFirst() }
        while let l = s.last, l == " " || l == "\t" { s = s.dropLast() }
        return String(s)
    }
}
