import StageKit

/// The `segment` stage: splits `document.text` into blocks (paragraphs, headings, list items,
/// quotes, questions, answers) and the blocks into sentences.
public struct Segmenter: Stage {
    public let config: SegmentConfig
    let lexicon: Lexicon
    let blocks: BlockSplitter
    /// Splits the text between blocks known from markup: no heading detection (markup would have
    /// marked the headings).
    let blocksBetweenLayout: BlockSplitter
    let sentences: SentenceSplitter

    /// Builds a segmenter; `resourceDirectory` is the folder that holds `data/` (the plugin's resource
    /// bundle, or `Plugins/Segment` in a source checkout). Throws `ConfigIssue` for a missing data
    /// file or a bad extra abbreviation.
    public init(config: SegmentConfig, resourceDirectory: String?, abbreviationsMark: SourceMark? = nil) throws {
        self.config = config
        self.lexicon = try Lexicon.load(dataDirectory: resourceDirectory, extra: config.abbreviations, extraMark: abbreviationsMark)
        self.blocks = BlockSplitter(mode: config.newlines, detectHeadings: config.headings)
        self.blocksBetweenLayout = BlockSplitter(mode: config.newlines, detectHeadings: false)
        self.sentences = SentenceSplitter(lex: lexicon, maxSentenceBytes: config.maxSentenceBytes)
    }

    public func process(_ document: inout Document) throws {
        let layout = document.layout
        let (blocks, sentences) = document.withUTF8 { buf in segment(buf, layout: layout) }
        document.blocks = blocks
        document.sentences = sentences
    }

    /// Blocks and sentences of UTF-8 text; `layout` holds blocks known from markup (see `Document.layout`).
    func segment(_ b: UnsafeBufferPointer<UInt8>, layout: [Block]?) -> ([Block], [Sentence]) {
        var raw: [RawBlock] = []
        raw.reserveCapacity(b.count / 200 + 4)
        if let layout, !layout.isEmpty {
            // Markup told us some blocks; the text between them is split as plain text.
            var known = layout.filter { $0.start >= 0 && $0.end <= b.count && $0.start < $0.end }
            known.sort { $0.start < $1.start }
            var pos = 0
            for k in known {
                // Keep UTF-8 characters whole if the layout cut one; skip blocks that overlap earlier ones.
                var s = k.start, e = k.end
                while s < e && (b[s] & 0xC0) == 0x80 { s += 1 }
                while e < b.count && (b[e] & 0xC0) == 0x80 { e += 1 }
                guard s >= pos, s < e else { continue }
                if s > pos { blocksBetweenLayout.split(b, pos, s, into: &raw) }
                var ts = s, te = e
                Whitespace.trim(b, &ts, &te)
                if te > ts {
                    var textStart = ts
                    if k.kind == .quote { while textStart < te && (b[textStart] == UInt8(ascii: ">") || b[textStart] == 0x20) { textStart += 1 } }
                    raw.append(RawBlock(start: ts, end: te, kind: k.kind, level: k.level, textStart: textStart))
                }
                pos = e
            }
            if pos < b.count { blocksBetweenLayout.split(b, pos, b.count, into: &raw) }
        } else {
            blocks.split(b, 0, b.count, into: &raw)
        }

        var outBlocks: [Block] = []
        outBlocks.reserveCapacity(raw.count)
        var out: [Sentence] = []
        out.reserveCapacity(b.count / 80 + 4)
        var scratch = SplitScratch()
        for r in raw {
            let index = outBlocks.count
            outBlocks.append(Block(start: r.start, end: r.end, kind: r.kind, level: r.level))
            switch r.kind {
            case .heading:
                var s = r.textStart, e = r.end
                SentenceEdges.trim(b, &s, &e)
                if e > s { out.append(Sentence(start: s, end: e, block: index)) } else { outBlocks.removeLast() }
            case .code:
                break
            case .table:
                // One sentence per row.
                var s = r.start
                while s < r.end {
                    var e = s
                    while e < r.end && b[e] != 0x0A { e += 1 }
                    var a = s, z = e
                    Whitespace.trim(b, &a, &z)
                    if z > a { out.append(Sentence(start: a, end: z, block: index)) }
                    s = e + 1
                }
            default:
                let before = out.count
                sentences.split(b, r.textStart, r.end, block: index, into: &out, scratch: &scratch)
                // Only markup, separators or escapes: no text, no block.
                if out.count == before { outBlocks.removeLast() }
            }
        }
        return (outBlocks, out)
    }

    /// The sentences of `text` as strings, for evaluation tools. With `joinLines` (the default) a run
    /// of whitespace that holds a line break reads as one space, or as nothing before closing
    /// punctuation (so a soft-wrapped sentence reads as one line); other spaces are kept. Spans in
    /// the stage output are never changed by this.
    public func segmentSentences(_ text: String, joinLines: Bool = true) -> [String] {
        var doc = Document(text: text)
        try? process(&doc)
        return Self.sentenceStrings(doc, joinLines: joinLines)
    }

    /// The sentences of a document that has been through this stage, as strings (see
    /// `segmentSentences` for `joinLines`).
    public static func sentenceStrings(_ doc: Document, joinLines: Bool = true) -> [String] {
        doc.withUTF8 { buf -> [String] in
            (doc.sentences ?? []).map { s in
                let slice = UnsafeBufferPointer(rebasing: buf[s.start..<s.end])
                guard joinLines, slice.contains(0x0A) || slice.contains(0x0D) else { return String(decoding: slice, as: UTF8.self) }
                var bytes: [UInt8] = []
                bytes.reserveCapacity(slice.count)
                var k = 0
                while k < slice.count {
                    let c = slice[k]
                    guard ASCII.isSpace(c) else { bytes.append(c); k += 1; continue }
                    var e = k
                    var lineBreak = false
                    while e < slice.count && ASCII.isSpace(slice[e]) { if slice[e] == 0x0A || slice[e] == 0x0D { lineBreak = true }; e += 1 }
                    if !lineBreak {
                        bytes.append(contentsOf: slice[k..<e])
                    } else if e < slice.count, ![UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"),
                                                  UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ")")].contains(slice[e]) {
                        bytes.append(0x20)
                    }
                    k = e
                }
                return String(decoding: bytes, as: UTF8.self)
            }
        }
    }
}
