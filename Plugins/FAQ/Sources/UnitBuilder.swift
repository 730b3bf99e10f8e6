import StageKit

/// Turns the document's blocks into `FAQUnit`s: classifies labels, headings and question lines, and splits
/// paragraph blocks that hold several labelled lines (`Q: …\nA: …` in one paragraph) into one unit per line.
struct UnitBuilder {
    let labels: LabelMatcher
    let minQuestionWords: Int
    let maxQuestionWords: Int

    func build(_ buf: ByteText.Buf, blocks: [Block], sentencesPerBlock: [SentenceInfo]?) -> [FAQUnit] {
        var units: [FAQUnit] = []
        units.reserveCapacity(blocks.count + 8)
        var prevEnd = 0
        for (index, block) in blocks.enumerated() {
            let bs = max(0, min(block.start, buf.count)), be = max(bs, min(block.end, buf.count))
            let (s, e) = ByteText.trim(buf, bs, be)
            guard s < e else { continue }
            let gap = index == 0 && units.isEmpty ? 2 : ByteText.newlines(buf, min(prevEnd, s), s)
            prevEnd = e
            switch block.kind {
            case .table:
                units.append(tableRow(buf, s, e, gap))
            case .code, .quote:
                units.append(body(s, e, block.kind, gap))
            case .heading:
                units.append(heading(buf, s, e, level: block.level, gap))
            default:
                let marker = block.kind == .paragraph ? ByteText.headingMarker(buf, s, e) : (length: 0, level: 0)
                if marker.length > 0, !ByteText.hasNewline(buf, s, e) {
                    units.append(heading(buf, s, e, level: marker.level, gap, markerLength: marker.length))
                } else {
                    split(buf, s, e, block: index, kind: block.kind, gap: gap, sentences: sentencesPerBlock, into: &units)
                }
            }
        }
        return units
    }

    private func body(_ s: Int, _ e: Int, _ kind: BlockKind, _ gap: Int) -> FAQUnit {
        FAQUnit(start: s, end: e, textStart: s, textEnd: e, kind: .body, blockKind: kind, level: 0,
                newlinesBefore: gap, weakLabel: false, questionHeading: false, lineStyle: nil, words: 0)
    }

    /// A table row `How do I pay? | By card.` (cells joined with ` | ` by clean) whose first cell is a question
    /// is an inline question whose answer is the rest of the row; any other row is body text.
    private func tableRow(_ buf: ByteText.Buf, _ s: Int, _ e: Int, _ gap: Int) -> FAQUnit {
        let u = body(s, e, .table, gap)
        var i = s
        let limit = min(e, s + 400)
        while i + 2 < limit, !(buf[i] == 32 && buf[i + 1] == UInt8(ascii: "|") && buf[i + 2] == 32) {
            if buf[i] == 10 { return u }
            i += 1
        }
        guard i + 2 < limit else { return u }
        let (ts, te) = ByteText.trim(buf, s, i)
        let rest = ByteText.skipBlanks(buf, i + 3, e)
        guard ts < te, rest < e, ByteText.endsWithQuestionMark(buf, ts, te), !ByteText.looksMultiSentence(buf, ts, te) else { return u }
        return inline(u, buf, question: ts, te, answerAt: rest)
    }

    /// `u` as an inline question `ts..<te` whose answer starts at `rest` in the same block, when its word
    /// count fits; otherwise `u` unchanged.
    private func inline(_ u: FAQUnit, _ buf: ByteText.Buf, question ts: Int, _ te: Int, answerAt rest: Int) -> FAQUnit {
        let words = ByteText.wordCount(buf, ts, te)
        guard words >= minQuestionWords, words <= maxQuestionWords else { return u }
        var u = u
        u.textStart = ts
        u.textEnd = te
        u.words = words
        u.lineStyle = .inline
        u.inlineAnswerStart = rest
        return u
    }

    private func heading(_ buf: ByteText.Buf, _ s: Int, _ e: Int, level: Int, _ gap: Int, markerLength: Int = 0) -> FAQUnit {
        let lv = max(1, min(6, level))
        var i = s + markerLength
        // `Q: …?` (or a strong `A: …`) that segment took for a heading is a labelled line.
        if let m = labels.match(buf, i, e), m.side == .question || !m.weak {
            var u = labelled(buf, s, e, m, .heading, gap)
            u.level = lv
            return u
        }
        var te = e
        // Closing ATX marker `## Title ##`.
        if markerLength > 0 {
            var k = te
            while k > i, buf[k - 1] == UInt8(ascii: "#") { k -= 1 }
            if k < te, k > i, ByteText.isBlank(buf[k - 1]) { te = ByteText.trim(buf, i, k).1 }
        }
        let list = ByteText.listMarker(buf, i, te)
        if list.numbered { i += list.length }
        let (ts, tEnd) = stripEmphasis(buf, i, te)
        return FAQUnit(start: s, end: e, textStart: ts, textEnd: tEnd, kind: .heading, blockKind: .heading, level: lv,
                       newlinesBefore: gap, weakLabel: false,
                       questionHeading: ByteText.endsWithQuestionMark(buf, ts, tEnd), lineStyle: nil,
                       words: ByteText.wordCount(buf, ts, tEnd))
    }

    /// Removes emphasis markers that wrap the whole text (`**How …?**`); returns the inner range, or the
    /// range unchanged when the markers do not pair up.
    private func stripEmphasis(_ buf: ByteText.Buf, _ s: Int, _ e: Int) -> (Int, Int) {
        var open = 0
        while s + open < e, ByteText.isMarker(buf[s + open]), open < 3 { open += 1 }
        guard open > 0 else { return (s, e) }
        var close = 0
        while e - close > s + open, ByteText.isMarker(buf[e - close - 1]), close < open { close += 1 }
        guard close == open else { return (s, e) }
        return ByteText.trim(buf, s + open, e - close)
    }

    private func labelled(_ buf: ByteText.Buf, _ s: Int, _ e: Int, _ m: LabelMatcher.Match, _ kind: BlockKind, _ gap: Int) -> FAQUnit {
        var te = e
        var n = 0
        while n < m.openMarkers, te > m.textStart, ByteText.isMarker(buf[te - 1]) { te -= 1; n += 1 }
        let (ts, tEnd) = ByteText.trim(buf, m.textStart, te)
        return FAQUnit(start: s, end: e, textStart: ts, textEnd: max(ts, tEnd),
                       kind: m.side == .question ? .questionLabel : .answerLabel, blockKind: kind, level: 0,
                       newlinesBefore: gap, weakLabel: m.weak, questionHeading: false, lineStyle: nil,
                       words: ByteText.wordCount(buf, ts, tEnd))
    }

    /// Splits a paragraph-like block into lines when one of its lines starts with a label, and after a bold
    /// line that ends with a question mark; classifies each piece.
    private func split(_ buf: ByteText.Buf, _ s: Int, _ e: Int, block: Int, kind: BlockKind, gap: Int,
                       sentences: [SentenceInfo]?, into units: inout [FAQUnit]) {
        // Most blocks are one line: nothing to cut.
        guard ByteText.hasNewline(buf, s, e) else {
            append(buf, s, e, label: labels.match(buf, s, e), kind: kind, first: true, whole: true, block: block,
                   gap: gap, sentences: sentences, into: &units)
            return
        }
        var segStart = s
        var segGap = gap
        var segLabel = labels.match(buf, s, e)
        var segBold = ByteText.isMarker(buf[s])
        var first = true
        // A block with a labelled line is cut into all its lines; the extractor joins wrapped lines again.
        var everyLine = segLabel != nil
        if !everyLine {
            var i = ByteText.firstNewline(buf, s, e)
            while i < e {
                let next = ByteText.skipBlanks(buf, i + 1, e)
                if next < e, labels.match(buf, next, e) != nil { everyLine = true; break }
                i = ByteText.firstNewline(buf, i + 1, e)
            }
        }
        var i = s
        while i < e {
            guard buf[i] == 10 else { i += 1; continue }
            let lineEnd = i
            var next = i + 1
            while next < e, ASCII.isSpace(buf[next]) { next += 1 }
            guard next < e else { break }
            let nextLabel = labels.match(buf, next, e)
            // A bold line ending in `?`, or the first line of a list item or paragraph that ends in `?` (an
            // HTML `<li><strong>Q?</strong><p>A</p></li>` after clean) is a question line of its own.
            let questionEnds = (segBold || (first && segStart == s && (kind == .listItem || kind == .paragraph)))
                && ByteText.endsWithQuestionMark(buf, segStart, lineEnd)
            if everyLine || questionEnds {
                let (a, b) = ByteText.trim(buf, segStart, lineEnd)
                if a < b {
                    append(buf, a, b, label: segLabel, kind: kind, first: first, whole: false, block: block,
                           gap: segGap, sentences: sentences, into: &units)
                    first = false
                }
                segGap = ByteText.newlines(buf, lineEnd, next)
                segStart = next
                segLabel = nextLabel
                segBold = ByteText.isMarker(buf[next])
            }
            i = next
        }
        let (a, b) = ByteText.trim(buf, segStart, e)
        if a < b {
            append(buf, a, b, label: segLabel, kind: kind, first: first, whole: first, block: block,
                   gap: segGap, sentences: sentences, into: &units)
        }
    }

    /// Adds one piece, or two when it starts with a bold question followed by its answer on the same line
    /// (`**How do I pay?** By card.`).
    private func append(_ buf: ByteText.Buf, _ s: Int, _ e: Int, label: LabelMatcher.Match?, kind: BlockKind, first: Bool,
                        whole: Bool, block: Int, gap: Int, sentences: [SentenceInfo]?, into units: inout [FAQUnit]) {
        if label == nil, kind == .paragraph || kind == .listItem, let cut = boldQuestionPrefix(buf, s, e) {
            units.append(classify(buf, s, cut, label: nil, kind: kind, first: false, whole: false, block: block,
                                  gap: gap, sentences: sentences))
            let rest = ByteText.skipBlanks(buf, cut, e)
            units.append(body(rest, e, kind, 0))
            return
        }
        units.append(classify(buf, s, e, label: label, kind: kind, first: first, whole: whole, block: block,
                              gap: gap, sentences: sentences))
    }

    /// End of a leading `**…?**` (or `__…?__`) when more text follows it on the same line.
    private func boldQuestionPrefix(_ buf: ByteText.Buf, _ s: Int, _ e: Int) -> Int? {
        let list = ByteText.listMarker(buf, s, e).length
        var i = s + list
        guard i + 1 < e, ByteText.isMarker(buf[i]), buf[i + 1] == buf[i] else { return nil }
        let marker = buf[i]
        i += 2
        let limit = min(e, i + 400)
        while i + 2 < limit {
            if buf[i] == 10 { return nil }
            if buf[i] == UInt8(ascii: "?"), buf[i + 1] == marker, buf[i + 2] == marker {
                let cut = i + 3
                let rest = ByteText.skipBlanks(buf, cut, e)
                return rest > cut && rest < e && buf[rest] != 10 ? cut : nil
            }
            i += 1
        }
        return nil
    }

    /// A one-line block that opens with a one-sentence question and goes on with its answer: the end of
    /// the question (after `?`) and the start of the rest. The rest must start like a sentence (capital
    /// letter, digit, quote or non-ASCII letter), and the question must hold no sentence break itself.
    func inlineQuestion(_ buf: ByteText.Buf, _ s: Int, _ e: Int) -> (Int, Int)? {
        let limit = min(e, s + 400)
        var i = s
        while i < limit {
            let b = buf[i]
            if b == 10 { return nil }
            if b == UInt8(ascii: "?") {
                var q = i + 1
                while q < e, buf[q] == UInt8(ascii: "\"") || buf[q] == UInt8(ascii: ")") || ByteText.isMarker(buf[q]) { q += 1 }
                let rest = ByteText.skipBlanks(buf, q, e)
                guard rest > q, rest < e else { return nil }
                let c = buf[rest]
                guard ASCII.isUpper(c) || ASCII.isDigit(c) || c == UInt8(ascii: "\"") || c >= 0xC0 else { return nil }
                if ByteText.looksMultiSentence(buf, s, q) { return nil }
                return (q, rest)
            }
            i += 1
        }
        return nil
    }

    private func classify(_ buf: ByteText.Buf, _ s: Int, _ e: Int, label: LabelMatcher.Match?, kind: BlockKind, first: Bool,
                          whole: Bool, block: Int, gap: Int, sentences: [SentenceInfo]?) -> FAQUnit {
        if let m = label { return labelled(buf, s, e, m, kind, gap) }
        if first && (kind == .question || kind == .answer) {
            // The segmenter saw a label our list does not know; trust its kind.
            let m = LabelMatcher.Match(side: kind == .question ? .question : .answer, weak: false, textStart: s, openMarkers: 0)
            var u = labelled(buf, s, e, m, kind, gap)
            u.fromMarkup = true
            return u
        }
        var u = body(s, e, kind, gap)
        guard kind == .paragraph || kind == .listItem || kind == .question || kind == .answer else { return u }
        // Question line?
        let list = ByteText.listMarker(buf, s, e)
        let inner = stripEmphasis(buf, s + list.length, e)
        // stripEmphasis moves the start only past markers that pair up
        let bold = inner != (s + list.length, e)
        let (ts, te) = bold ? inner : (s + list.length, e)
        guard ts < te else { return u }
        if !ByteText.endsWithQuestionMark(buf, ts, te) {
            guard whole, !bold else { return u }
            if let info = sentences, block < info.count, info[block].firstEnd > ts {
                // Cheap test first: the block's first sentence must end in `?` and not be the whole block.
                let fe = info[block].firstEnd
                guard info[block].count >= 2, fe < te, ByteText.endsWithQuestionMark(buf, ts, fe) else { return u }
            }
            guard let (qEnd, rest) = inlineQuestion(buf, ts, te) else { return u }
            // The question must be the block's first sentence (a sentence ending inside a list number
            // `1.` does not count).
            if let info = sentences, block < info.count, info[block].count > 0 {
                let firstEnd = info[block].firstEnd
                if firstEnd > ts && firstEnd < qEnd - 1 { return u }
            }
            return inline(u, buf, question: ts, qEnd, answerAt: rest)
        }
        if !bold {
            if ByteText.hasNewline(buf, ts, te) { return u }
            if whole, let info = sentences, block < info.count {
                // A segmenter may end a "sentence" after the list number `1.`; that one does not count.
                let count = info[block].count - (info[block].count > 1 && info[block].firstEnd <= ts ? 1 : 0)
                if count > 1 { return u }
            } else if ByteText.looksMultiSentence(buf, ts, te) {
                return u
            }
        }
        // `Interviewer: How did it start?` is a speaker's turn, not a question line (its text would keep
        // the speaker's name).
        if !bold && list.length == 0 && ByteText.startsWithLabel(buf, ts, te) { return u }
        let words = ByteText.wordCount(buf, ts, te)
        guard words >= minQuestionWords, words <= maxQuestionWords else { return u }
        u.textStart = ts
        u.textEnd = te
        u.words = words
        u.lineStyle = bold ? .bold : list.numbered ? .numbered : list.length > 0 ? .bullet : kind == .listItem ? .listItem : .plain
        return u
    }
}
