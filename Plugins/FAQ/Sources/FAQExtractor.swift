import StageKit

/// The configured `faq` stage: finds question/answer pairs in the document's blocks (see README for the
/// rules). Read-only after construction, so one value serves every worker thread.
struct FAQExtractor: Stage {
    let settings: FAQSettings
    let builder: UnitBuilder
    let titles: PhraseMatcher
    let ignored: PhraseMatcher

    let footers: PhraseMatcher
    /// Section titles at the start of a short paragraph (`FAQ:` that segment did not take for a heading).
    let titleLines: PhraseMatcher

    init(settings: FAQSettings) {
        self.settings = settings
        self.footers = PhraseMatcher(PhraseMatcher.defaultFooterPhrases, mode: .anywhere)
        self.titleLines = PhraseMatcher(settings.sectionTitles, mode: .prefix)
        self.builder = UnitBuilder(
            labels: LabelMatcher(questionLabels: settings.questionLabels, answerLabels: settings.answerLabels),
            minQuestionWords: settings.minQuestionWords, maxQuestionWords: settings.maxQuestionWords)
        self.titles = PhraseMatcher(settings.sectionTitles, mode: .anywhere)
        self.ignored = PhraseMatcher(settings.ignoredQuestions, mode: .prefix)
    }

    func process(_ document: inout Document) throws {
        guard let blocks = document.blocks, !blocks.isEmpty else {
            let declared = document.declaredFAQ ?? []
            document.faq = declared.isEmpty ? [] : document.withUTF8 { DeclaredPairs.merge(declared, with: [], in: $0) }
            addJSONLD(&document)
            return
        }
        var perBlock: [SentenceInfo]? = nil
        if let sentences = document.sentences {
            var info = [SentenceInfo](repeating: SentenceInfo(count: 0, firstEnd: 0), count: blocks.count)
            for s in sentences where s.block >= 0 && s.block < info.count {
                if info[s.block].count == 0 { info[s.block].firstEnd = s.end }
                info[s.block].count += 1
            }
            perBlock = info
        }
        let hasLayout = document.layout != nil
        let declared = document.declaredFAQ ?? []
        document.faq = document.withUTF8 { buf in
            let found = extract(buf, blocks: blocks, sentencesPerBlock: perBlock, hasLayout: hasLayout)
            return declared.isEmpty ? found : DeclaredPairs.merge(declared, with: found, in: buf)
        }
        addJSONLD(&document)
    }

    /// All pairs of a document, in text order.
    func extract(_ buf: ByteText.Buf, blocks: [Block], sentencesPerBlock: [SentenceInfo]?, hasLayout: Bool = false) -> [FAQPair] {
        var walk = Walk(buf: buf, units: builder.build(buf, blocks: blocks, sentencesPerBlock: sentencesPerBlock), settings: settings, labelsMatcher: builder.labels, ignored: ignored,
                        footers: footers, hasLayout: hasLayout)
        walk.markSections(titles, titleLines: titleLines)
        walk.markMarkupQuestions()
        walk.acceptHeadings()
        walk.acceptLines()
        return walk.run()
    }
}

extension FAQExtractor {
    /// With the request flag `faq_jsonld`: the pairs as a schema.org `FAQPage` object under
    /// `extensions["faq_jsonld"]` (written as `result.faq_jsonld`), `mainEntity` empty when there are none.
    func addJSONLD(_ document: inout Document) {
        guard document.requestFlags.contains("faq_jsonld") else { return }
        let entities: [JSONValue] = (document.faq ?? []).map { p in
            .object([
                ("@type", .string("Question")),
                ("name", .string(p.question)),
                ("acceptedAnswer", .object([("@type", .string("Answer")), ("text", .string(p.answer))])),
            ])
        }
        document.extensions["faq_jsonld"] = .object([
            ("@context", .string("https://schema.org")),
            ("@type", .string("FAQPage")),
            ("mainEntity", .array(entities)),
        ])
    }
}

/// The state of one extraction: the units, which of them start questions, and the pairs found.
private struct Walk {
    let buf: ByteText.Buf
    var units: [FAQUnit]
    let settings: FAQSettings
    let labelsMatcher: LabelMatcher
    let ignored: PhraseMatcher
    let n: Int
    /// Unit lies inside an FAQ section.
    var inFAQ: [Bool]
    /// Unit is a question heading or question line that counts as a question.
    var accepted: [Bool]
    /// Unit is a contact/feedback prompt ("Still have questions?"): no question, but it ends answers.
    var prompt: [Bool]
    /// A `.question` block from markup (`<dt>`, `<summary>`) that counts: see `markMarkupQuestions`.
    var markupQuestion: [Bool]
    /// `clean` read the text from HTML or Markdown (`document.layout` is set): headings are real, so the
    /// last answer under a question heading may run on to the end of the document.
    let hasLayout: Bool
    /// Footer and contact phrases that end an answer left open at the end of a document.
    let footers: PhraseMatcher
    var pairs: [FAQPair] = []

    init(buf: ByteText.Buf, units: [FAQUnit], settings: FAQSettings, labelsMatcher: LabelMatcher, ignored: PhraseMatcher,
         footers: PhraseMatcher, hasLayout: Bool) {
        self.buf = buf; self.units = units; self.settings = settings; self.labelsMatcher = labelsMatcher
        self.ignored = ignored; self.footers = footers; self.hasLayout = hasLayout
        n = units.count
        inFAQ = [Bool](repeating: false, count: n)
        accepted = [Bool](repeating: false, count: n)
        prompt = [Bool](repeating: false, count: n)
        markupQuestion = [Bool](repeating: false, count: n)
        // An inline question ("Did you know? The last …") that is a prompt is no question, but the rest of
        // its block is text like any other, so it does not end an answer.
        for i in 0..<n where units[i].questionHeading || (units[i].lineStyle != nil && units[i].lineStyle != .inline) || units[i].fromMarkup {
            prompt[i] = ignored.matches(buf, units[i].textStart, units[i].textEnd)
        }
    }

    private func isCandidate(_ k: Int) -> Bool {
        let u = units[k]
        return u.kind == .questionLabel || u.questionHeading || u.lineStyle != nil
    }

    /// A labelled line is a question when its text ends with `?` or an answer label follows (`Question: what
    /// happens next is anyone's guess.` is not); `labelledPair` checks again after joining wrapped lines.
    /// `Q.`-style labels must pass the same test without the benefit of wrapped lines or a label alone.
    private func labelledQuestion(_ k: Int) -> Bool {
        let u = units[k]
        guard u.kind == .questionLabel else { return false }
        if u.fromMarkup { return markupQuestion[k] && k + 1 < n && units[k + 1].kind == .answerLabel }
        if ByteText.endsWithQuestionMark(buf, u.textStart, u.textEnd) || (k + 1 < n && units[k + 1].kind == .answerLabel) { return true }
        if inlineAnswer(u.textStart, u.textEnd) != nil { return true }
        if u.weakLabel { return false }
        if u.textStart >= u.textEnd { return true } // `Q:` alone; the question is on the next line
        return k + 1 < n && wraps(k + 1, after: u.textStart, u.textEnd)
    }

    private func startsQuestion(_ k: Int) -> Bool { labelledQuestion(k) || accepted[k] }

    /// FAQ sections run from a heading such as "FAQ" to the next heading of the same or a higher level,
    /// except headings that are questions themselves or are directly followed by a question (category
    /// headings of a flat plain-text FAQ).
    mutating func markSections(_ titles: PhraseMatcher, titleLines: PhraseMatcher) {
        var faqLevel: Int? = nil
        for i in 0..<n {
            let u = units[i]
            if u.kind == .heading {
                if titles.matches(buf, u.textStart, u.textEnd) {
                    faqLevel = u.level
                    continue
                }
                if let l = faqLevel, u.level <= l, !u.questionHeading, !(i + 1 < n && isCandidate(i + 1)) {
                    faqLevel = nil
                }
                // Inside an FAQ section, a deeper heading that opens with a question word is a question even
                // without `?` ("How to cancel my subscription").
                if let l = faqLevel, u.level > l, !u.questionHeading, i + 1 < n, units[i + 1].kind == .body,
                   asksWithoutMark(u) {
                    units[i].questionHeading = true
                    prompt[i] = ignored.matches(buf, u.textStart, u.textEnd)
                }
            } else if u.kind == .body, u.blockKind == .paragraph, faqLevel == nil, u.end - u.start <= 80,
                      !ByteText.endsSentence(buf, u.start, u.end) || ByteText.endsWithColon(buf, u.start, u.end),
                      titleLines.matches(buf, u.start, u.end), ByteText.wordCount(buf, u.start, u.end) <= 5 {
                // `FAQ:` or `Frequently Asked Questions:` on a line of its own: a section without a heading,
                // closed by the next heading.
                faqLevel = 7
                continue
            }
            inFAQ[i] = faqLevel != nil
        }
    }

    /// Words a question may start with when it has no question mark.
    private static let questionWords: Set<[UInt8]> = Set([
        "how", "what", "what's", "why", "when", "where", "who", "which", "can", "could", "do", "does", "did", "is",
        "are", "was", "were", "should", "will", "would", "may", "must", "have", "has", "shall",
    ].map { Array($0.utf8) })

    /// The heading's first word is a question word (ASCII case-insensitive) and it has at least three words.
    private func asksWithoutMark(_ u: FAQUnit) -> Bool {
        guard u.words >= 3, u.words <= settings.maxQuestionWords else { return false }
        var e = u.textStart
        while e < u.textEnd, ASCII.isLetter(buf[e]) || buf[e] == UInt8(ascii: "'") { e += 1 }
        guard e - u.textStart <= 6, e < u.textEnd, buf[e] == 32 else { return false }
        return Self.questionWords.contains(buf[u.textStart..<e].map { ASCII.lower($0) })
    }

    /// `<dt>`/`<summary>` blocks (`.question` without a label) are questions when they end in `?`, lie in an
    /// FAQ section, or share their section (the blocks between two headings) with one that ends in `?`: a
    /// glossary (`<dt>Latency</dt><dd>The time …</dd>`) is not an FAQ, an accordion headed "Warranty"
    /// among questions is.
    mutating func markMarkupQuestions() {
        var sectionStart = 0
        var anyQuestionMark = false
        func flush(_ end: Int, _ marks: inout [Bool]) {
            for k in sectionStart..<end where units[k].kind == .questionLabel && units[k].fromMarkup && !prompt[k] {
                marks[k] = anyQuestionMark || inFAQ[k] || ByteText.endsWithQuestionMark(buf, units[k].textStart, units[k].textEnd)
            }
        }
        for i in 0..<n {
            let u = units[i]
            if u.kind == .heading {
                flush(i, &markupQuestion)
                sectionStart = i + 1
                anyQuestionMark = false
            } else if u.kind == .questionLabel && u.fromMarkup && ByteText.endsWithQuestionMark(buf, u.textStart, u.textEnd) && !prompt[i] {
                anyQuestionMark = true
            }
        }
        flush(n, &markupQuestion)
    }

    /// Word limits, and not a contact/feedback prompt such as "Still have questions?".
    private func fits(_ i: Int) -> Bool {
        let u = units[i]
        return !prompt[i] && u.words >= settings.minQuestionWords && u.words <= settings.maxQuestionWords
    }

    /// Question headings count everywhere (`all`), nowhere (`none`), or (`faq_sections`) inside an FAQ
    /// section and where two sibling headings in a row are both questions.
    mutating func acceptHeadings() {
        switch settings.headings {
        case .none: return
        case .all:
            for i in 0..<n where units[i].questionHeading && fits(i) { accepted[i] = true }
        case .faqSections:
            for i in 0..<n where inFAQ[i] && units[i].questionHeading && fits(i) { accepted[i] = true }
            // Sibling groups: headings of one level with no higher heading between them (deeper ones do not
            // matter). A run of sibling question headings is an FAQ when it has three or more, or two that
            // are the whole group; two in a row among other headings may be an article's rhetorical ones.
            var open = [[Int]](repeating: [], count: 8)
            for i in 0..<n where units[i].kind == .heading {
                let level = max(1, min(7, units[i].level))
                for d in (level + 1)..<8 where !open[d].isEmpty { acceptRuns(open[d]); open[d].removeAll(keepingCapacity: true) }
                open[level].append(i)
            }
            for d in 1..<8 where !open[d].isEmpty { acceptRuns(open[d]) }
        }
    }

    private mutating func acceptRuns(_ group: [Int]) {
        var k = 0
        while k < group.count {
            var e = k
            while e < group.count, units[group[e]].questionHeading, fits(group[e]) { e += 1 }
            let run = e - k
            if run >= 3 || (run == 2 && group.count == 2) {
                for m in k..<e { accepted[group[m]] = true }
            }
            k = max(e, k + 1)
        }
    }

    /// Question lines (bold, numbered, bullet or plain one-sentence lines ending in `?`) count when they have
    /// an answer block after them and are not part of a list of questions (a neighbour of the same style);
    /// with `faq_sections`, only inside an FAQ section or when the same section (between two headings) holds
    /// at least two such lines of the same style.
    mutating func acceptLines() {
        guard settings.questionLines != .none else { return }
        var valid = [Bool](repeating: false, count: n)
        for i in 0..<n {
            guard let style = units[i].lineStyle, fits(i) else { continue }
            if style == .inline { // the answer is in the same block
                valid[i] = !ignored.matches(buf, units[i].textStart, units[i].textEnd)
                continue
            }
            if i > 0, units[i - 1].lineStyle == style { continue }
            guard i + 1 < n, units[i + 1].kind == .body, units[i + 1].lineStyle != style else { continue }
            valid[i] = true
        }
        if settings.questionLines == .all {
            for i in 0..<n where valid[i] { accepted[i] = true }
            return
        }
        // Three or more blocks in a row that each open with a question and go on with its answer look like
        // an FAQ even without a heading (a Markdown page of `**Q?** answer` paragraphs); two may be prose.
        var runStart = 0
        for i in 0...n {
            if i < n, valid[i], units[i].lineStyle == .inline { continue }
            if i - runStart >= 3 { for k in runStart..<i { accepted[k] = true } }
            runStart = i + 1
        }
        var sectionStart = 0
        var counts = [Int](repeating: 0, count: 6)
        func flush(_ end: Int, _ accepted: inout [Bool]) {
            for k in sectionStart..<end where valid[k] {
                // A question that opens a paragraph is common in any prose ("Who will pay for it? That is
                // …"); as a question/answer pair it counts only inside an FAQ section or in a run of three.
                if units[k].lineStyle == .inline {
                    if inFAQ[k] { accepted[k] = true }
                } else if inFAQ[k] || counts[units[k].lineStyle!.rawValue] >= 2 {
                    accepted[k] = true
                }
            }
        }
        for i in 0..<n {
            if units[i].kind == .heading {
                flush(i, &accepted)
                sectionStart = i + 1
                for s in 0..<counts.count { counts[s] = 0 }
            } else if valid[i] {
                counts[units[i].lineStyle!.rawValue] += 1
            }
        }
        flush(n, &accepted)
    }

    mutating func run() -> [FAQPair] {
        var i = 0
        while i < n {
            if labelledQuestion(i) {
                i = labelledPair(i)
            } else if accepted[i] {
                i = sectionPair(i)
            } else {
                i += 1
            }
        }
        return pairs
    }

    private func text(_ s: Int, _ e: Int) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[s..<e]), as: UTF8.self)
    }

    private mutating func emit(_ qs: Int, _ qe: Int, _ a: Int, _ ae: Int) {
        let (q0, q1) = ByteText.trim(buf, qs, qe)
        let (a0, a1) = ByteText.trim(buf, a, ae)
        guard q0 < q1, a0 < a1 else { return }
        pairs.append(FAQPair(question: text(q0, q1), answer: text(a0, a1),
                             questionSpan: Span(start: q0, end: q1), answerSpan: Span(start: a0, end: a1)))
    }

    /// A line of the same paragraph that continues the text before it (hard-wrapped plain text): next line,
    /// no blank line between, and the text so far does not end like a sentence.
    private func wraps(_ k: Int, after s: Int, _ e: Int) -> Bool {
        let v = units[k]
        return v.kind == .body && v.blockKind == .paragraph && v.newlinesBefore == 1 && !accepted[k]
            && !ByteText.endsSentence(buf, s, e)
    }

    /// `Q: …?  A: …` on one line: the end of the question and the start of the answer text.
    private func inlineAnswer(_ s: Int, _ e: Int) -> (questionEnd: Int, answerStart: Int)? {
        var p = s
        while p < e {
            if buf[p] == UInt8(ascii: "?") {
                var q = p + 1
                while q < e, ByteText.isMarker(buf[q]) { q += 1 }
                let closing = q
                q = ByteText.skipBlanks(buf, q, e)
                if q > closing, q < e, let m = labelsMatcher.match(buf, q, e), m.side == .answer, m.openMarkers == 0 {
                    return (p + 1, m.textStart)
                }
            }
            p += 1
        }
        return nil
    }

    /// A pair that starts with a labelled question; returns the index after it.
    private mutating func labelledPair(_ i: Int) -> Int {
        let u = units[i]
        var qs = u.textStart, qe = u.textEnd
        var j = i + 1
        if qs >= qe { // `Q:` alone on its line: the question is the next block.
            guard j < n, units[j].kind == .body else { return j }
            qs = units[j].textStart; qe = units[j].textEnd
            j += 1
        }
        var aStart: Int, aEnd: Int, k: Int
        if let inline = inlineAnswer(qs, qe) {
            aStart = inline.answerStart; aEnd = qe; qe = inline.questionEnd; k = j
        } else {
            var wrapped = 0
            while j < n, wrapped < 3, wraps(j, after: qs, qe) { qe = units[j].end; j += 1; wrapped += 1 }
            guard j < n else { return j }
            let a = units[j]
            guard a.kind == .answerLabel || ByteText.endsWithQuestionMark(buf, qs, qe) else { return i + 1 }
            if a.kind == .answerLabel {
                aStart = a.textStart; aEnd = a.textEnd; k = j + 1
                if aStart >= aEnd { // `A:` alone on its line.
                    guard k < n, units[k].kind == .body, !startsQuestion(k) else { return k }
                    aStart = units[k].start; aEnd = units[k].end; k += 1
                }
                if a.blockKind == .answer {
                    // A `<dd>`/`<details>` body of several paragraphs is several `.answer` blocks (the later
                    // ones without a label), maybe with lists between them: all of it up to the last
                    // `.answer` block is the answer.
                    var m = k
                    while m < n {
                        let v = units[m]
                        if v.kind == .answerLabel && v.fromMarkup { aEnd = v.end; m += 1; k = m; continue }
                        if v.kind == .body && !accepted[m] && !prompt[m] { m += 1; continue }
                        break
                    }
                }
            } else if a.kind == .body, !startsQuestion(j) {
                aStart = a.start; aEnd = a.end; k = j + 1
            } else {
                return j
            }
        }
        var used = 1
        while k < n, used < settings.maxAnswerBlocks, wraps(k, after: aStart, aEnd) { aEnd = units[k].end; k += 1; used += 1 }
        (aEnd, k) = continueAnswer(from: k, aStart: aStart, aEnd: aEnd, used: used)
        emit(qs, qe, aStart, aEnd)
        return k
    }

    /// Blocks after a labelled answer that still belong to it (`answer_continuation`).
    private func continueAnswer(from k: Int, aStart: Int, aEnd: Int, used: Int) -> (Int, Int) {
        if settings.continuation == .none { return (aEnd, k) }
        var m = k, count = used
        while m < n, count < settings.maxAnswerBlocks {
            let v = units[m]
            if v.kind != .body || accepted[m] || prompt[m] { break }
            if v.blockKind == .paragraph && ByteText.startsWithLabel(buf, v.start, v.end) { break }
            m += 1; count += 1
        }
        guard m > k else { return (aEnd, k) }
        if settings.continuation == .all { return (units[m - 1].end, m) }
        // auto: everything up to the next question belongs to this answer…
        if m < n, startsQuestion(m) { return (units[m - 1].end, m) }
        // …but after the last answer of a run only what the answer introduces with a colon.
        return introduced(from: k, upTo: m, aStart: aStart, aEnd: aEnd)
    }

    /// A pair that starts with a question heading or question line; the answer runs to the next question,
    /// or the next heading of the same or a higher level (any heading for question lines).
    private mutating func sectionPair(_ i: Int) -> Int {
        let u = units[i]
        let level = u.kind == .heading ? u.level : 7
        var k = i + 1, first = -1, lastEnd = 0, count = 0
        while k < n, count < settings.maxAnswerBlocks {
            let v = units[k]
            if v.kind == .heading && v.level <= level { break }
            if startsQuestion(k) || prompt[k] { break }
            if inFAQ[i] && !inFAQ[k] { break }
            if first < 0 { first = k }
            lastEnd = v.end
            count += 1
            k += 1
        }
        if u.inlineAnswerStart > 0 {
            // `How much is it? It is free.`: the answer starts inside the question's own block.
            var end = count > 0 ? lastEnd : u.end
            if k == n && settings.continuation != .all {
                (end, k) = settings.continuation == .none ? (u.end, i + 1) : introduced(from: i + 1, upTo: k, aStart: u.inlineAnswerStart, aEnd: u.end)
            }
            emit(u.textStart, u.textEnd, u.inlineAnswerStart, end)
            return k
        }
        guard first >= 0 else { return k }
        var aStart = units[first].start
        var firstEnd = units[first].end
        var next = first + 1
        if units[first].kind == .answerLabel {
            aStart = units[first].textStart
            if units[first].textStart >= units[first].textEnd {
                guard first + 1 < k else { return k }
                aStart = units[first + 1].start
                firstEnd = units[first + 1].end
                next = first + 2
            }
        }
        if k == n && settings.continuation != .all {
            // Nothing closes this answer but the end of the document, where plain-text pages keep their
            // footers ("Pro Tip: …", "Subscribe …"): keep only what clearly belongs to it. Under a
            // heading from HTML/Markdown markup the section runs on, but not into a footer.
            if settings.continuation == .none {
                (lastEnd, k) = (firstEnd, next)
            } else if u.kind == .heading && hasLayout {
                (lastEnd, k) = (firstEnd, next)
                while k < n, !footerLike(k) { lastEnd = units[k].end; k += 1 }
            } else {
                (lastEnd, k) = introduced(from: next, upTo: k, aStart: aStart, aEnd: firstEnd)
            }
        }
        emit(u.textStart, u.textEnd, aStart, lastEnd)
        return k
    }

    /// A block that does not continue an answer at the end of a document: a prompt, a `Label:` paragraph, a
    /// paragraph that does not end like a sentence, or one with a footer or contact phrase, `©`, `(c)`, or
    /// ` · `/` | ` separators.
    private func footerLike(_ k: Int) -> Bool {
        let v = units[k]
        if v.kind != .body || prompt[k] { return true }
        if v.blockKind != .paragraph { return false }
        if ByteText.startsWithLabel(buf, v.start, v.end) || !ByteText.endsSentence(buf, v.start, v.end) { return true }
        var i = v.start
        while i + 2 < v.end {
            let b = buf[i]
            if b == 0xC2 && buf[i + 1] == 0xA9 { return true } // ©
            if b == UInt8(ascii: "("), buf[i + 1] | 0x20 == UInt8(ascii: "c"), buf[i + 2] == UInt8(ascii: ")") { return true }
            if b == 32, i + 3 < v.end, buf[i + 1] == UInt8(ascii: "|"), buf[i + 2] == 32 { return true }
            if b == 32, i + 4 < v.end, buf[i + 1] == 0xC2, buf[i + 2] == 0xB7, buf[i + 3] == 32 { return true } // ·
            i += 1
        }
        return footers.matches(buf, v.start, min(v.end, v.start + 300))
    }

    /// The end of an answer that may not run on freely: its wrapped lines, then the list, code or quote
    /// (or one paragraph) it introduces when it ends with a colon. Stops before `limit`.
    private func introduced(from k: Int, upTo limit: Int, aStart: Int, aEnd: Int) -> (Int, Int) {
        var end = aEnd, t = k
        while t < limit, wraps(t, after: aStart, end) { end = units[t].end; t += 1 }
        guard t < limit, ByteText.endsWithColon(buf, aStart, end), units[t].kind == .body,
              !(units[t].blockKind == .paragraph && ByteText.startsWithLabel(buf, units[t].start, units[t].end)) else { return (end, t) }
        let from = t
        while t < limit, units[t].kind == .body {
            switch units[t].blockKind {
            case .listItem, .code, .quote, .table: end = units[t].end; t += 1; continue
            default: break
            }
            break
        }
        if t == from { end = units[t].end; t += 1 }
        return (end, t)
    }
}
