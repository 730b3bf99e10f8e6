import StageKit

/// What the HTML extractor found: the visible text as tagged lines, and metadata.
struct HTMLExtraction {
    var text: LineText
    var title: String?
    var description: String?
    /// Pairs from schema.org `FAQPage` JSON-LD and microdata, raw (answers may hold HTML).
    var declaredFAQ: [(question: String, answer: String)] = []
    /// Elements by ordinal (0 is the document): the parent's ordinal and the last ordinal inside it.
    var nodeParent: [Int32] = [0]
    var nodeEnd: [Int32] = [Int32.max]
}

/// Turns an HTML page into tagged lines of visible text.
///
/// A tolerant byte-level tokenizer (anything that is not a well-formed tag stays text; unclosed tags and
/// quotes never swallow the rest of the page) drives a small open-element stack. Content of scripts,
/// styles, navigation, forms and similar elements is dropped; with `heuristics`, so are elements whose
/// class/id/role name menus, cookie banners, share bars, comments or related links, hidden elements, and
/// lists/containers made mostly of links. When those heuristics leave almost nothing, the page is
/// extracted again without them.
struct HTMLExtractor: Sendable {
    let entities: EntityTable
    let heuristics: Bool

    /// `record`: also note the input range of every byte of the text (`LineText.src`).
    func extract(_ p: UnsafeBufferPointer<UInt8>, record: Bool = false) -> HTMLExtraction {
        var run = HTMLRun(p: p, entities: entities, heuristics: heuristics, record: record)
        run.run()
        if heuristics && run.textBytes < 300 && run.heuristicDropped > 3 * max(run.textBytes, 100) {
            var again = HTMLRun(p: p, entities: entities, heuristics: false, record: record)
            again.run()
            return again.result()
        }
        return run.result()
    }
}

/// An element on the open-element stack.
private struct OpenElement {
    var tag: HTMLTag
    var key: UInt64
    /// Its content is dropped.
    var drops: Bool
    /// Dropped by a heuristic (class/id/role/hidden), counted for the fall-back.
    var heuristic: Bool
    /// The writer's tag before the element opened, restored when it closes.
    var kind: LineKind
    var level: UInt8
    var group: Int32
    /// For link-density checks: where the writer stood and the counters when the element opened.
    var mark: LineWriter.Mark?
    var textAtOpen: Int
    var linkAtOpen: Int
    var linksAtOpen: Int
    /// Cells seen so far in a table row.
    var cells: Int
    /// Microdata role (see `Micro`) and where the element's content starts in the input.
    var micro: Micro = .none
    var contentStart: Int = 0
    /// It began a question or answer block (`beginQA`), ended when it closes.
    var qaOpened = false
    /// Its ordinal (see `HTMLExtraction.nodeParent`).
    var node: Int32 = 0
}

/// What an element is in schema.org FAQ microdata.
private enum Micro: UInt8 { case none, page, question, name, answer, answerText }

/// The state of one extraction (one request); not shared.
private struct HTMLRun {
    let p: UnsafeBufferPointer<UInt8>
    let n: Int
    let entities: EntityTable
    let heuristics: Bool

    var w = LineWriter()
    var stack: [OpenElement] = []
    var dropDepth = 0
    var heuristicDropDepth = 0
    var linkDepth = 0
    var listDepth = 0
    var itemDepth = 0
    var articleDepth = 0
    var headingDepth = 0
    var cellDepth = 0
    var preDepth = 0
    /// Visible text written (bytes), text inside links, and the number of links.
    var textBytes = 0
    var linkBytes = 0
    var links = 0
    var heuristicDropped = 0
    var title: String?
    var ogTitle: String?
    var description: String?
    var ogDescription: String?
    var scratch: [UInt8] = []
    var scratchSrc: [SourceMap.Range] = []
    /// Attributes of the tag being read: name and value ranges into `p`.
    var attrNames: [Range<Int>] = []
    var attrValues: [Range<Int>] = []

    /// `<dt>`/`<dd>` or `<details>` content being written: block breaks become line breaks and inner
    /// elements do not start layout blocks of their own, so a question or answer stays one block.
    var qaDepth = 0
    /// Microdata: open FAQPage scopes, the question being read, pairs found; JSON-LD pairs.
    var microPages = 0
    var microQuestion: String?
    var microAnswer: String?
    var declared: [(question: String, answer: String)] = []
    /// Where the markup being handled starts (the end of the text before it).
    var cursor = 0
    /// Where the content of the start tag being handled begins.
    var cursorAfterTag = 0
    var nodeParent: [Int32] = [0]
    var nodeEnd: [Int32] = [Int32.max]

    init(p: UnsafeBufferPointer<UInt8>, entities: EntityTable, heuristics: Bool, record: Bool) {
        self.p = p; self.n = p.count; self.entities = entities; self.heuristics = heuristics
        self.w = LineWriter(record: record)
        scratch.reserveCapacity(64)
    }

    func result() -> HTMLExtraction {
        var w = self.w
        return HTMLExtraction(text: w.finish(), title: title ?? ogTitle, description: description ?? ogDescription, declaredFAQ: declared,
                              nodeParent: nodeParent, nodeEnd: nodeEnd)
    }

    mutating func run() {
        var i = 0
        while i < n {
            var j = i
            while j < n && p[j] != UInt8(ascii: "<") { j += 1 }
            if j > i { text(i, j) }
            if j >= n { break }
            cursor = j
            i = markup(at: j)
        }
        cursor = n
        while !stack.isEmpty { pop() }
    }

    /// Starts a layout block unless inside a question or answer.
    private mutating func begin(_ kind: LineKind, level: UInt8 = 0) {
        if qaDepth == 0 { w.begin(kind, level: level) }
    }

    /// Leaves a question or answer block.
    private mutating func endQA() {
        qaDepth -= 1
        w.tight = qaDepth > 0
        w.lineBreak()
    }

    /// Enters a question or answer block.
    private mutating func beginQA(_ kind: LineKind) {
        if qaDepth == 0 { w.lineBreak(); w.begin(kind) }
        qaDepth += 1
        w.tight = true
    }

    // MARK: tokenizer

    /// HTML's ASCII whitespace: unlike `ASCII.isSpace`, vertical tab (0x0B) is not one.
    @inline(__always) private func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 10 || b == 9 || b == 13 || b == 12 }

    /// True when `s` stands at `i` (case-sensitive).
    private func startsWith(_ s: StaticString, at i: Int) -> Bool {
        let m = s.utf8CodeUnitCount
        guard i + m <= n else { return false }
        let b = s.utf8Start
        for k in 0..<m where p[i + k] != b[k] { return false }
        return true
    }

    /// Where `needle` (not empty) first stands at or after `from`.
    private func find(_ needle: StaticString, from: Int) -> Int? {
        var i = from
        while i + needle.utf8CodeUnitCount <= n {
            if startsWith(needle, at: i) { return i }
            i += 1
        }
        return nil
    }

    private func findByte(_ b: UInt8, from: Int) -> Int? {
        var i = from
        while i < n { if p[i] == b { return i }; i += 1 }
        return nil
    }

    /// Handles the `<` at `j`; returns where to go on.
    private mutating func markup(at j: Int) -> Int {
        let next: UInt8 = j + 1 < n ? p[j + 1] : 0
        if ASCII.isLetter(next) { return startTag(j) }
        if next == UInt8(ascii: "/") {
            if j + 2 < n && ASCII.isLetter(p[j + 2]) { return endTag(j) }
            if let gt = findByte(UInt8(ascii: ">"), from: j + 2) { return gt + 1 }   // `</>`, `</ x>`: bogus comment
            text(j, j + 1); return j + 1
        }
        if next == UInt8(ascii: "!") {
            if j + 3 < n && p[j + 2] == UInt8(ascii: "-") && p[j + 3] == UInt8(ascii: "-") {
                if let e = find("-->", from: j + 4) { return e + 3 }
                if let gt = findByte(UInt8(ascii: ">"), from: j + 4) { return gt + 1 }
                return n
            }
            if j + 9 <= n, startsWith("[CDATA[", at: j + 2) {
                let end = find("]]>", from: j + 9) ?? n
                text(j + 9, end)
                return min(n, end + 3)
            }
            if let gt = findByte(UInt8(ascii: ">"), from: j + 2) { return gt + 1 }
            text(j, j + 1); return j + 1
        }
        if next == UInt8(ascii: "?") {
            if let gt = findByte(UInt8(ascii: ">"), from: j + 2) { return gt + 1 }
        }
        text(j, j + 1)
        return j + 1
    }

    /// Reads a tag name from `k`; returns its key and where it ends.
    private func tagName(_ k: Int) -> (UInt64, Int) {
        var e = k
        var key: UInt64 = 0
        var len = 0
        while e < n {
            let b = p[e]
            if isSpace(b) || b == UInt8(ascii: ">") || b == UInt8(ascii: "/") { break }
            if len < 7 { key |= UInt64(ASCII.lower(b)) << (8 * UInt64(len)) }
            len += 1; e += 1
        }
        return (key | (UInt64(min(len, 255)) << 56), e)
    }

    private mutating func startTag(_ j: Int) -> Int {
        let (key, nameEnd) = tagName(j + 1)
        attrNames.removeAll(keepingCapacity: true)
        attrValues.removeAll(keepingCapacity: true)
        var k = nameEnd
        var selfClosing = false
        var closed = false
        while k < n {
            let b = p[k]
            if isSpace(b) { k += 1; continue }
            if b == UInt8(ascii: ">") { k += 1; closed = true; break }
            if b == UInt8(ascii: "/") {
                if k + 1 < n && p[k + 1] == UInt8(ascii: ">") { selfClosing = true; k += 2; closed = true; break }
                k += 1; continue
            }
            let ns = k
            k += 1
            while k < n, !isSpace(p[k]), p[k] != UInt8(ascii: "="), p[k] != UInt8(ascii: ">"), p[k] != UInt8(ascii: "/") { k += 1 }
            let name = ns..<k
            while k < n && isSpace(p[k]) { k += 1 }
            var value = k..<k
            if k < n && p[k] == UInt8(ascii: "=") {
                k += 1
                while k < n && isSpace(p[k]) { k += 1 }
                if k < n && (p[k] == UInt8(ascii: "\"") || p[k] == UInt8(ascii: "'")) {
                    let q = p[k]
                    if let e = findByte(q, from: k + 1) {
                        value = (k + 1)..<e; k = e + 1
                    } else {
                        // Unclosed quote: the tag ends at the next `>` (or the `<` stays text).
                        guard let gt = findByte(UInt8(ascii: ">"), from: k + 1) else { text(j, j + 1); return j + 1 }
                        value = (k + 1)..<gt; k = gt + 1; closed = true
                        attrNames.append(name); attrValues.append(value)
                        break
                    }
                } else {
                    let vs = k
                    while k < n && !isSpace(p[k]) && p[k] != UInt8(ascii: ">") { k += 1 }
                    value = vs..<k
                }
            }
            attrNames.append(name); attrValues.append(value)
        }
        guard closed else { text(j, j + 1); return j + 1 }   // `<div class=x` at the end: keep as text
        let tag = HTMLTag.lookup(key)
        if tag.isRawText { return rawText(tag, from: k, name: j + 1..<nameEnd) }
        cursorAfterTag = k
        open(tag, key: key, selfClosing: selfClosing)
        if tag == .pre, dropDepth == 0 {
            if k < n && p[k] == 13 { k += 1 }
            if k < n && p[k] == 10 { k += 1 }
        }
        return k
    }

    private mutating func endTag(_ j: Int) -> Int {
        let (key, nameEnd) = tagName(j + 2)
        guard let gt = findByte(UInt8(ascii: ">"), from: nameEnd) else { text(j, j + 1); return j + 1 }
        close(key: key, tag: HTMLTag.lookup(key))
        return gt + 1
    }

    /// Content of script, style, title…: up to the matching end tag, no tags inside.
    private mutating func rawText(_ tag: HTMLTag, from k: Int, name: Range<Int>) -> Int {
        if tag == .plaintext { text(k, n); return n }
        var e = k
        var after = n
        let nameLen = name.count
        while let lt = findByte(UInt8(ascii: "<"), from: e) {
            if lt + 1 < n, p[lt + 1] == UInt8(ascii: "/"), lt + 2 + nameLen <= n {
                var same = true
                for t in 0..<nameLen where ASCII.lower(p[lt + 2 + t]) != ASCII.lower(p[name.lowerBound + t]) { same = false; break }
                let endByte: UInt8 = lt + 2 + nameLen < n ? p[lt + 2 + nameLen] : UInt8(ascii: ">")
                if same && (isSpace(endByte) || endByte == UInt8(ascii: ">") || endByte == UInt8(ascii: "/")) {
                    e = lt
                    after = (findByte(UInt8(ascii: ">"), from: lt) ?? (n - 1)) + 1
                    break
                }
            }
            e = lt + 1
        }
        if after == n && e != n { e = n }
        if tag == .title, dropDepth == 0, title == nil {
            title = decodedString(k..<e, attribute: false)
        }
        if tag == .script, let t = attr("type"), contains(lowerValue(t), "ld+json"), e > k {
            declared.append(contentsOf: DeclaredFAQ.fromJSONLD(UnsafeBufferPointer(rebasing: p[k..<e])))
        }
        // Everything else raw (scripts, styles, iframes, noscript, textarea…) is dropped.
        return after
    }

    // MARK: elements

    private mutating func open(_ tag: HTMLTag, key: UInt64, selfClosing: Bool) {
        if tag == .meta { readMeta(); return }
        implicitCloses(for: tag)
        if tag.isVoid || (selfClosing && tag != .other && tag != .span) {
            if dropDepth == 0 { voidElement(tag) }
            return
        }
        if selfClosing { return }
        var e = OpenElement(tag: tag, key: key, drops: false, heuristic: false, kind: w.kind, level: w.level, group: w.group,
                            mark: nil, textAtOpen: textBytes, linkAtOpen: linkBytes, linksAtOpen: links, cells: 0)
        if !attrNames.isEmpty { readMicrodata(&e) }
        if dropDepth > 0 { stack.append(e); return }
        // A button inside a heading is an accordion toggle: its text is the heading's text.
        let keptButton = tag == .button && headingDepth > 0
        if (tag.isDropped && !keptButton) || (tag == .header && articleDepth == 0) {
            e.drops = true
        } else if isHidden() || (heuristics && tag != .html && tag != .body && tag != .main && tag != .article && looksLikeBoilerplate()) {
            e.drops = true; e.heuristic = true
        }
        if e.drops {
            dropDepth += 1
            if e.heuristic { heuristicDropDepth += 1 }
            stack.append(e)
            return
        }
        if heuristics {
            switch tag {
            case .ul, .ol, .div, .section, .table, .dl, .p, .td: e.mark = w.mark()
            default: break
            }
        }
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6:
            if headingDepth == 0 { w.blockBreak(); begin(.heading, level: tag.headingLevel) }
            headingDepth += 1
        case .li:
            if listDepth == 0 && itemDepth == 0 { w.blockBreak() } else { w.lineBreak() }
            begin(.listItem, level: UInt8(min(max(listDepth, 1), 255)))
            itemDepth += 1
        case .ul, .ol:
            if itemDepth > 0 { w.lineBreak() } else { blockBreak(heavy: true) }
            listDepth += 1
        case .blockquote:
            blockBreak(heavy: true)
            if headingDepth == 0 && cellDepth == 0 { begin(.quote) }
        case .pre:
            blockBreak(heavy: true)
            begin(.code)
            preDepth += 1
        case .table:
            blockBreak(heavy: true)
        case .tr:
            w.lineBreak()
            begin(.table)
        case .td, .th:
            if let r = stack.lastIndex(where: { $0.tag == .tr || $0.tag == .table }), stack[r].tag == .tr {
                if stack[r].cells > 0 && w.kind == .table { w.space(); w.append(UInt8(ascii: "|"), source: nil); w.space() }
                stack[r].cells += 1
            }
            cellDepth += 1
        case .a:
            linkDepth += 1
            links += 1
        case .article, .main:
            articleDepth += 1
            blockBreak(heavy: false)
        case .dt, .dd:
            if headingDepth > 0 || cellDepth > 0 { w.space() } else { beginQA(tag == .dt ? .question : .answer); e.qaOpened = true }
        case .summary:
            if headingDepth > 0 || cellDepth > 0 { w.space() }
            else if qaDepth == 0, stack.last?.tag == .details { beginQA(.question); e.qaOpened = true }
            else { w.lineBreak() }
        case .caption, .option, .legend, .figcaption:
            if headingDepth > 0 || cellDepth > 0 { w.space() } else { w.lineBreak() }
        default:
            if tag.isBlock { blockBreak(heavy: false) }
        }
        e.node = Int32(nodeParent.count)
        nodeParent.append(w.node)
        nodeEnd.append(Int32.max)
        w.node = e.node
        stack.append(e)
    }

    /// A block boundary, as the context allows: a space inside headings (and table cells, unless the cell
    /// holds a lot of text or `heavy` block content, which makes it a layout table), a line break inside
    /// list items, else a blank line.
    private mutating func blockBreak(heavy: Bool) {
        if headingDepth > 0 { w.space(); return }
        if qaDepth > 0 && cellDepth == 0 { w.lineBreak(); return }
        if cellDepth > 0 {
            let cellText = stack.last(where: { $0.tag == .td || $0.tag == .th }).map { textBytes - $0.textAtOpen } ?? 0
            if !heavy && cellText < 200 && w.kind == .table { w.space(); return }
            if w.kind == .table { begin(.plain) }
            w.blockBreak(); return
        }
        if itemDepth > 0 && w.kind == .listItem { w.lineBreak(); return }
        w.blockBreak()
    }

    private mutating func voidElement(_ tag: HTMLTag) {
        switch tag {
        case .br:
            if preDepth > 0 { w.verbatimNewline() }
            else if headingDepth > 0 || (cellDepth > 0 && w.kind == .table) { w.space() }
            else { w.lineBreak() }
        case .hr:
            blockBreak(heavy: false)
        case .wbr:
            break
        case .img, .input:
            w.space()
        default:
            break
        }
    }

    /// HTML's implied end tags that matter for text: a new `p`, `li`, row or cell closes the previous one.
    private mutating func implicitCloses(for tag: HTMLTag) {
        guard let top = stack.last else { return }
        switch tag {
        case .li:
            if let k = stack.lastIndex(where: { $0.tag == .li || $0.tag == .ul || $0.tag == .ol }), stack[k].tag == .li { pop(to: k) }
        case .dt, .dd:
            if let k = stack.lastIndex(where: { $0.tag == .dt || $0.tag == .dd || $0.tag == .dl }), stack[k].tag != .dl { pop(to: k) }
        case .tr:
            if let k = stack.lastIndex(where: { $0.tag == .tr || $0.tag == .table }), stack[k].tag == .tr { pop(to: k) }
        case .td, .th:
            if let k = stack.lastIndex(where: { $0.tag == .td || $0.tag == .th || $0.tag == .tr || $0.tag == .table }),
               stack[k].tag == .td || stack[k].tag == .th { pop(to: k) }
        case .option:
            if top.tag == .option { pop() }
        case .h1, .h2, .h3, .h4, .h5, .h6:
            if top.tag.headingLevel > 0 || top.tag == .p { pop() }
        default:
            if tag.isBlock && top.tag == .p { pop() }
        }
    }

    private mutating func close(key: UInt64, tag: HTMLTag) {
        // Headings close each other (`<h2>…</h3>`), as browsers do.
        let level = tag.headingLevel
        if let k = stack.lastIndex(where: { $0.key == key || (level > 0 && $0.tag.headingLevel > 0) }) {
            // Do not let a stray end tag close far-away structure through a dropped element's boundary.
            pop(to: k)
        } else if dropDepth == 0 {
            if tag == .p || tag == .br { w.blockBreak() }
        }
    }

    /// Pops the stack down to and including index `k`.
    private mutating func pop(to k: Int) {
        while stack.count > k { pop() }
    }

    private mutating func pop() {
        let e = stack.removeLast()
        if e.micro != .none { closeMicrodata(e) }
        if e.drops {
            dropDepth -= 1
            if e.heuristic { heuristicDropDepth -= 1 }
            return
        }
        if dropDepth > 0 { return }
        if e.node > 0 {
            nodeEnd[Int(e.node)] = Int32(nodeParent.count - 1)
            w.node = nodeParent[Int(e.node)]
        }
        switch e.tag {
        case .h1, .h2, .h3, .h4, .h5, .h6:
            headingDepth -= 1
            if headingDepth == 0 { w.blockBreak() }
        case .li:
            itemDepth -= 1
            w.lineBreak()
        case .ul, .ol:
            listDepth -= 1
            if itemDepth > 0 { w.lineBreak() } else { w.blockBreak() }
        case .pre:
            w.endLine()
            w.trimTrailingCodeLines()
            preDepth -= 1
            w.blockBreak()
        case .tr:
            w.lineBreak()
        case .td, .th:
            cellDepth -= 1
        case .a:
            linkDepth -= 1
        case .article, .main:
            articleDepth -= 1
            w.blockBreak()
        case .table, .blockquote:
            if headingDepth == 0 { w.blockBreak() }
        case .dt, .dd, .summary:
            if e.qaOpened { endQA() } else if headingDepth > 0 || cellDepth > 0 { w.space() } else { w.lineBreak() }
        case .details:
            if e.qaOpened { endQA() }
            blockBreak(heavy: false)
        case .caption, .option, .legend, .figcaption:
            if headingDepth > 0 || cellDepth > 0 { w.space() } else { w.lineBreak() }
        default:
            if e.tag.isBlock { blockBreak(heavy: false) }
        }
        if e.tag != .td && e.tag != .th && e.tag != .a {
            w.restore(kind: e.kind, level: e.level, group: e.group)
        }
        // the rest of a `<details>` after its `<summary>` is the answer
        if e.tag == .summary, e.qaOpened, let top = stack.last, top.tag == .details, dropDepth == 0 {
            beginQA(.answer)
            stack[stack.count - 1].qaOpened = true
        }

        if let mark = e.mark { dropIfLinkDense(e, mark) }
    }

    /// Drops a list or container whose text is mostly link text (menus, tag clouds, related links).
    private mutating func dropIfLinkDense(_ e: OpenElement, _ mark: LineWriter.Mark) {
        let t = textBytes - e.textAtOpen
        let l = linkBytes - e.linkAtOpen
        let c = links - e.linksAtOpen
        guard t > 0, c >= 2 else { return }
        let isList = e.tag == .ul || e.tag == .ol
        let threshold = isList ? 0.6 : 0.75
        // Long stretches of text are content even with many links.
        if !isList && t > 1500 { return }
        guard Double(l) >= threshold * Double(t) else { return }
        w.reset(to: mark)
        textBytes -= t
        linkBytes -= l
        heuristicDropped += t
        w.blockBreak()
    }

    // MARK: microdata

    /// Notes an element's part in schema.org FAQ microdata: an `itemscope` of type FAQPage or Question,
    /// a Question's `itemprop="name"`, its `itemprop="acceptedAnswer"` scope and that scope's `itemprop="text"`.
    private mutating func readMicrodata(_ e: inout OpenElement) {
        if attr("itemscope") != nil, let t = attr("itemtype") {
            let v = lowerValue(t)
            if endsWith(v, "/faqpage") { e.micro = .page; microPages += 1; return }
            if microPages > 0 && endsWith(v, "/question") {
                e.micro = .question; microQuestion = nil; microAnswer = nil; return
            }
        }
        guard microPages > 0, let prop = attr("itemprop") else { return }
        let v = lowerValue(prop)
        let inQuestion = stack.contains { $0.micro == .question }
        let inAnswer = stack.contains { $0.micro == .answer }
        if inAnswer && v == Array("text".utf8) { e.micro = .answerText }
        else if inQuestion && !inAnswer && (v == Array("acceptedanswer".utf8) || v == Array("suggestedanswer".utf8)) && microAnswer == nil { e.micro = .answer }
        else if inQuestion && !inAnswer && v == Array("name".utf8) && microQuestion == nil { e.micro = .name }
        e.contentStart = cursorAfterTag
    }

    private func endsWith(_ v: [UInt8], _ suffix: StaticString) -> Bool {
        let m = suffix.utf8CodeUnitCount
        guard v.count >= m else { return false }
        let s = suffix.utf8Start
        for t in 0..<m where v[v.count - m + t] != s[t] { return false }
        return true
    }

    private mutating func closeMicrodata(_ e: OpenElement) {
        switch e.micro {
        case .page: microPages -= 1
        case .name: microQuestion = String(decoding: UnsafeBufferPointer(rebasing: p[e.contentStart..<max(e.contentStart, cursor)]), as: UTF8.self)
        case .answerText: microAnswer = String(decoding: UnsafeBufferPointer(rebasing: p[e.contentStart..<max(e.contentStart, cursor)]), as: UTF8.self)
        case .question:
            if let q = microQuestion, let a = microAnswer { declared.append((q, a)) }
            microQuestion = nil; microAnswer = nil
        default: break
        }
    }

    // MARK: text

    private mutating func text(_ i: Int, _ j: Int) {
        if dropDepth > 0 {
            if heuristicDropDepth > 0 { heuristicDropped += j - i }
            return
        }
        if preDepth > 0 {
            scratch.removeAll(keepingCapacity: true)
            scratchSrc.removeAll(keepingCapacity: true)
            let record = w.record
            var k = i
            while k < j {
                let mark = scratch.count
                if p[k] == UInt8(ascii: "&"), let e = entities.decode(p, at: k, end: j, strict: false, attribute: false, into: &scratch) {
                    if record { for _ in mark..<scratch.count { scratchSrc.append(SourceMap.Range(start: Int32(k), end: Int32(e))) } }
                    k = e
                } else {
                    scratch.append(p[k])
                    if record { scratchSrc.append(SourceMap.Range(start: Int32(k), end: Int32(k + 1))) }
                    k += 1
                }
            }
            scratch.withUnsafeBufferPointer { w.appendVerbatim($0, sources: scratchSrc) }
            count(scratch.count)
            return
        }
        var k = i
        while k < j {
            let b = p[k]
            if isSpace(b) { w.space(); k += 1; continue }
            if b == UInt8(ascii: "&") {
                scratch.removeAll(keepingCapacity: true)
                if let e = entities.decode(p, at: k, end: j, strict: false, attribute: false, into: &scratch) {
                    w.append(contentsOf: scratch, replacing: k..<e)
                    count(scratch.count)
                    k = e
                    continue
                }
                w.append(b, source: k); count(1); k += 1
                continue
            }
            var m = k + 1
            while m < j, !isSpace(p[m]), p[m] != UInt8(ascii: "&") { m += 1 }
            w.append(contentsOf: UnsafeBufferPointer(rebasing: p[k..<m]), source: k)
            count(m - k)
            k = m
        }
    }

    @inline(__always) private mutating func count(_ bytes: Int) {
        textBytes += bytes
        if linkDepth > 0 { linkBytes += bytes }
    }

    // MARK: attributes

    private func attr(_ name: StaticString) -> Range<Int>? {
        let m = name.utf8CodeUnitCount
        let s = name.utf8Start
        for (idx, r) in attrNames.enumerated() where r.count == m {
            var same = true
            for t in 0..<m where ASCII.lower(p[r.lowerBound + t]) != s[t] { same = false; break }
            if same { return attrValues[idx] }
        }
        return nil
    }

    private func decodedString(_ r: Range<Int>, attribute: Bool) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(r.count)
        var k = r.lowerBound
        var space = false
        while k < r.upperBound {
            let b = p[k]
            if isSpace(b) { space = true; k += 1; continue }
            if space && !out.isEmpty { out.append(32) }
            space = false
            if b == UInt8(ascii: "&"), let e = entities.decode(p, at: k, end: r.upperBound, strict: false, attribute: attribute, into: &out) {
                k = e; continue
            }
            out.append(b); k += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    private func lowerValue(_ r: Range<Int>) -> [UInt8] { p[r].map { ASCII.lower($0) } }

    private mutating func readMeta() {
        guard dropDepth == 0, let content = attr("content") else { return }
        let key = attr("name") ?? attr("property")
        guard let key else { return }
        let k = lowerValue(key)
        if k == Array("description".utf8), description == nil { description = decodedString(content, attribute: true) }
        else if k == Array("og:description".utf8), ogDescription == nil { ogDescription = decodedString(content, attribute: true) }
        else if k == Array("og:title".utf8), ogTitle == nil { ogTitle = decodedString(content, attribute: true) }
    }

    private func isHidden() -> Bool {
        if attr("hidden") != nil { return true }
        if let a = attr("aria-hidden"), lowerValue(a) == Array("true".utf8) { return true }
        if let s = attr("style") {
            let v = lowerValue(s).filter { $0 != 32 }
            if contains(v, "display:none") || contains(v, "visibility:hidden") { return true }
        }
        return false
    }

    private func contains(_ hay: [UInt8], _ needle: StaticString) -> Bool {
        let m = needle.utf8CodeUnitCount
        guard hay.count >= m else { return false }
        let s = needle.utf8Start
        outer: for i in 0...(hay.count - m) {
            for t in 0..<m where hay[i + t] != s[t] { continue outer }
            return true
        }
        return false
    }

    /// class, id or role naming a menu, banner, share bar, comments, related links, ads…
    private func looksLikeBoilerplate() -> Bool {
        if let r = attr("role"), HTMLRun.boilerplateRoleKeys.contains(HTMLRun.wordKey(p, r.lowerBound, r.upperBound)) { return true }
        if let r = attr("class"), hasBoilerplateWord(r) { return true }
        if let r = attr("id"), hasBoilerplateWord(r) { return true }
        return false
    }

    /// A class or id value: space-separated tokens, each split into word parts at non-alphanumerics;
    /// `has-sidebar`, `layout--with-sidebar`, `no-comments` are modifiers (a negative part ends the token).
    private func hasBoilerplateWord(_ r: Range<Int>) -> Bool {
        var k = r.lowerBound
        let e = r.upperBound
        var tokenSkipped = false
        while k < e {
            let b = p[k]
            if isSpace(b) { tokenSkipped = false; k += 1; continue }
            if !ASCII.isAlnum(b) { k += 1; continue }
            var m = k + 1
            while m < e && ASCII.isAlnum(p[m]) { m += 1 }
            if !tokenSkipped {
                let key = HTMLRun.wordKey(p, k, m)
                if HTMLRun.negativePrefixKeys.contains(key) { tokenSkipped = true }
                else if HTMLRun.boilerplateWordKeys.contains(key) { return true }
            }
            k = m
        }
        return false
    }

    /// FNV-1a of the ASCII-lower-cased bytes `p[s..<e]`.
    @inline(__always)
    static func wordKey(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> UInt64 {
        var h: UInt64 = 0xcbf29ce484222325
        for k in s..<e { h = (h ^ UInt64(ASCII.lower(p[k]))) &* 0x100000001b3 }
        return h
    }

    static func wordKey(_ s: String) -> UInt64 {
        var copy = s
        return copy.withUTF8 { wordKey($0, 0, $0.count) }
    }

    static let boilerplateRoleKeys = Set(boilerplateRoles.map(wordKey))
    static let boilerplateWordKeys = Set(boilerplateWords.map(wordKey))
    static let negativePrefixKeys = Set(negativePrefixes.map(wordKey))

    static let boilerplateRoles: Set<String> = ["navigation", "banner", "contentinfo", "complementary", "dialog", "menu", "menubar", "search", "alertdialog"]
    static let boilerplateWords: Set<String> = [
        "nav", "navbar", "navigation", "menu", "menubar", "submenu", "breadcrumb", "breadcrumbs",
        "cookie", "cookies", "consent", "gdpr", "share", "shares", "sharing", "sharebar", "social", "socials",
        "comments", "comment", "disqus", "related", "recommended", "recirc", "newsletter", "subscribe", "subscription",
        "signup", "popup", "modal", "promo", "advert", "advertisement", "advertising", "ads", "ad", "sponsor", "sponsored",
        "sidebar", "footer", "masthead", "outbrain", "taboola", "paywall", "toolbar", "skiplink",
    ]
    static let negativePrefixes: Set<String> = ["has", "with", "no", "is", "js", "show", "hide", "enable", "disable", "without", "can"]
}
