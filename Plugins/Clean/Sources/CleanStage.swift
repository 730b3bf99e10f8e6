import Foundation
import StageKit

/// What `clean` makes of one text.
public struct CleanOutput: Sendable {
    public var text: String
    public var meta: [String: String]
    public var removed: [Removal]
    /// nil when the input had no markup.
    public var layout: [Block]?
    /// Question/answer pairs the HTML declares (schema.org `FAQPage` JSON-LD or microdata); nil when none.
    public var declaredFAQ: [FAQPair]? = nil
}

/// The configured `clean` stage. Immutable; shared by all worker threads.
public final class CleanStage: Stage {
    public let settings: CleanSettings
    let entities: EntityTable
    let normalizer: TextNormalizer
    let boilerplate: BoilerplateFilter?
    let html: HTMLExtractor
    /// For HTML inside declared FAQ answers: no heuristics.
    let plainHTML: HTMLExtractor
    let markdown: MarkdownStripper

    /// Loads the data files named by `context` (`entities.txt`, `nfkc.txt`, `boilerplate.txt`).
    public init(settings: CleanSettings, context: StageContext, patternsMark: SourceMark? = nil) throws {
        self.settings = settings
        /// A data file's text and path (for messages about its lines).
        func data(_ name: String) throws -> (text: String, path: String) {
            (try context.dataText(name, stage: "clean"), context.dataPath(name) ?? name)
        }
        do {
            let entityFile = try data("entities.txt")
            entities = try EntityTable.parse(entityFile.text, origin: entityFile.path)
            var nfkc: [UInt32: [UInt32]] = [:]
            if settings.normalize == .nfkc {
                let file = try data("nfkc.txt")
                nfkc = try CleanStage.parseNFKC(file.text, origin: file.path)
            }
            normalizer = TextNormalizer(controls: settings.controls, whitespace: settings.whitespace, form: settings.normalize, nfkc: nfkc)
            if settings.boilerplate {
                var patterns: [BoilerplatePattern] = []
                if settings.boilerplateDefaults {
                    let file = try data("boilerplate.txt")
                    patterns = try BoilerplateFilter.parse(file.text, defaultTag: "other", origin: file.path)
                }
                for item in settings.boilerplatePatterns {
                    guard let p = BoilerplatePattern(item, defaultTag: "custom") else {
                        throw ConfigIssue("clean: bad boilerplate pattern '\(item)' (write `[tag] text with * wildcards`, tag optional)", at: patternsMark)
                    }
                    patterns.append(p)
                }
                boilerplate = BoilerplateFilter(patterns: patterns, maxLength: settings.boilerplateMaxLength)
            } else {
                boilerplate = nil
            }
        } catch let e as ConfigFileError {
            throw ConfigIssue("clean: \(e.description)", at: nil)
        }
        html = HTMLExtractor(entities: entities, heuristics: settings.htmlHeuristics)
        plainHTML = HTMLExtractor(entities: entities, heuristics: false)
        markdown = MarkdownStripper(entities: entities)
    }

    static func parseNFKC(_ text: String, origin path: String) throws -> [UInt32: [UInt32]] {
        var map: [UInt32: [UInt32]] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: "\t", maxSplits: 1, omittingEmptySubsequences: false)
            guard let cp = UInt32(parts[0], radix: 16) else { throw ConfigFileError(path: path, message: "bad line '\(line)'") }
            map[cp] = parts.count > 1 ? parts[1].split(separator: " ").compactMap { UInt32($0, radix: 16) } : []
        }
        return map
    }

    public func process(_ document: inout Document) throws {
        let out: CleanOutput
        if document.requestFlags.contains("source_offsets") {
            let (o, map) = cleanMapped(document.text)
            out = o
            document.sourceMap = document.sourceMap.map { map.composed(after: $0) } ?? map
        } else {
            out = clean(document.text)
        }
        document.text = out.text
        for (k, v) in out.meta { document.meta[k] = v }
        document.removed = (document.removed ?? []) + out.removed
        document.layout = out.layout
        if let faq = out.declaredFAQ { document.declaredFAQ = faq }
    }

    /// Cleans one text.
    public func clean(_ text: String) -> CleanOutput {
        var none = NoOrigins()
        return Document(text: text).withUTF8 { run($0, origins: &none) }
    }

    /// Cleans one text and returns, with it, the map from every output byte back to the input bytes it
    /// came from (for `"source_offsets": true`).
    public func cleanMapped(_ text: String) -> (CleanOutput, SourceMap) {
        var origins = LineOrigins()
        var ranges: [SourceMap.Range] = []
        let out = Document(text: text).withUTF8 { run($0, origins: &origins, map: &ranges) }
        return (out, SourceMap(source: text, ranges: ranges))
    }

    func detectHTML(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        switch settings.html {
        case .always: return true
        case .never: return false
        case .auto: return FormatDetector.looksLikeHTML(p)
        }
    }

    func detectMarkdown(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        switch settings.markdown {
        case .always: return true
        case .never: return false
        case .auto: return FormatDetector.looksLikeMarkdown(p)
        }
    }

    private func run<O: OriginSink>(_ p: UnsafeBufferPointer<UInt8>, origins: inout O) -> CleanOutput {
        var unused: [SourceMap.Range] = []
        return run(p, origins: &origins, map: &unused)
    }

    /// Cleans `p`; with recording `origins` (`LineOrigins`), `map` gets the source range of every output byte.
    private func run<O: OriginSink>(_ p: UnsafeBufferPointer<UInt8>, origins: inout O, map: inout [SourceMap.Range]) -> CleanOutput {
        let record = origins.lineMap != nil
        var asm = Assembler(stage: self, capacity: p.count, record: record)
        var meta: [String: String] = [:]
        var declared: [FAQPair]? = nil
        if detectHTML(p) {
            let ex = html.extract(p, record: record)
            if settings.meta {
                if let t = ex.title.map(snippet), !t.isEmpty { meta["title"] = t }
                if let d = ex.description.map(snippet), !d.isEmpty { meta["description"] = d }
            }
            if settings.declaredFAQ && !ex.declaredFAQ.isEmpty {
                declared = ex.declaredFAQ.compactMap { pair in
                    let q = declaredText(pair.question), a = declaredText(pair.answer)
                    return q.isEmpty || a.isEmpty ? nil : FAQPair(question: q, answer: a, questionSpan: nil, answerSpan: nil)
                }
            }
            if settings.htmlDensity, let keep = DensityFilter.select(ex.text, nodeParent: ex.nodeParent, nodeEnd: ex.nodeEnd) {
                asm.addAll(DensityFilter.apply(keep, to: ex.text), origins: &origins)
            } else {
                asm.addAll(ex.text, origins: &origins)
            }
        } else if detectMarkdown(p) {
            asm.addAll(markdown.strip(p, record: record), origins: &origins)
        } else {
            // plain text: lines as they are (`\n`, `\r\n` and `\r` end a line)
            var s = 0
            let n = p.count
            var i = UTF8Util.nextLineBreak(p, 0)
            while i < n {
                let b = p[i]
                asm.addPlain(p, s, i, origins: &origins)
                if b == 13 && i + 1 < n && p[i + 1] == 10 { i += 1 }
                s = i + 1
                i = UTF8Util.nextLineBreak(p, i + 1)
            }
            if s < n { asm.addPlain(p, s, n, origins: &origins) }
        }
        var out = asm.finish()
        out.meta = meta
        out.declaredFAQ = declared
        if record { swap(&map, &asm.map) }
        return out
    }

    /// The text of a declared question or answer (which may hold HTML): its visible lines, each cleaned,
    /// joined by `\n`.
    func declaredText(_ s: String) -> String {
        guard s.utf8.contains(UInt8(ascii: "<")) || s.utf8.contains(UInt8(ascii: "&")) else { return snippet(s) }
        let lt = Document(text: s).withUTF8 { plainHTML.extract($0) }.text
        var lines: [String] = []
        for line in lt.lines where line.end > line.start {
            let t = snippet(String(decoding: lt.bytes[line.start..<line.end], as: UTF8.self))
            if !t.isEmpty { lines.append(t) }
        }
        return lines.joined(separator: "\n")
    }

    /// Cleans a short piece of text (a title) the way lines are cleaned.
    func snippet(_ s: String) -> String {
        var asm = Assembler(stage: self, capacity: s.utf8.count, record: false)
        asm.boilerplateOff = true
        var copy = s
        var none = NoOrigins()
        copy.withUTF8 { asm.addPlain($0, 0, $0.count, origins: &none) }
        return asm.finish().text
    }

    /// Cleans lines one by one (entities in plain text, mojibake, characters and spaces, normalization),
    /// drops boilerplate lines and blank-line runs, and writes the final text with its layout.
    struct Assembler {
        let stage: CleanStage
        var out: [UInt8] = []
        var layout: [Block] = []
        var removed: [Removal] = []
        /// With `record`: the source range of every byte of `out`.
        var map: [SourceMap.Range] = []
        let record: Bool
        var pendingBlank = false
        /// Lines came from HTML or Markdown (`addAll`): the output gets a layout.
        private var sawMarkup = false
        var boilerplateOff = false
        private var lastGroup: Int32 = -1
        private var lastKind = LineKind.plain
        private var a: [UInt8] = []
        private var b: [UInt8] = []
        private var key: [UInt8] = []

        init(stage: CleanStage, capacity: Int, record: Bool) {
            self.stage = stage
            self.record = record
            out.reserveCapacity(capacity)
            if record { map.reserveCapacity(capacity) }
        }

        mutating func addAll<O: OriginSink>(_ lt: LineText, origins: inout O) {
            sawMarkup = true
            lt.bytes.withUnsafeBufferPointer { buf in
                for line in lt.lines {
                    if record { origins.start(lt.src[line.start..<line.end]) }
                    add(UnsafeBufferPointer(rebasing: buf[line.start..<line.end]), line, plain: false, origins: &origins)
                }
            }
        }

        /// A line of plain input: the bytes `s..<e` of the input `p`.
        mutating func addPlain<O: OriginSink>(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, origins: inout O) {
            if record { origins.start(identity: s, count: e - s) }
            add(UnsafeBufferPointer(rebasing: p[s..<e]), TextLine(start: s, end: e, kind: .plain, level: 0, group: 0), plain: true, origins: &origins)
        }

        /// Applies `f` to the current text (the source, `a` or `b`), writing into the other buffer.
        @inline(__always)
        private mutating func step<O: OriginSink>(_ which: inout Int, _ src: UnsafeBufferPointer<UInt8>, _ origins: inout O,
                                                  _ f: (UnsafeBufferPointer<UInt8>, inout [UInt8], inout O) -> Bool) {
            var ch = false
            switch which {
            case 0:
                a.removeAll(keepingCapacity: true)
                ch = f(src, &a, &origins)
                if ch { which = 1 }
            case 1:
                // Take `b` out while `a` is read (a copy `var bb = b` would share the buffer, and the first
                // append would then allocate a new one every time).
                var bb: [UInt8] = []
                swap(&bb, &b)
                bb.removeAll(keepingCapacity: true)
                ch = a.withUnsafeBufferPointer { f($0, &bb, &origins) }
                swap(&bb, &b)
                if ch { which = 2 }
            default:
                var aa: [UInt8] = []
                swap(&aa, &a)
                aa.removeAll(keepingCapacity: true)
                ch = b.withUnsafeBufferPointer { f($0, &aa, &origins) }
                swap(&aa, &a)
                if ch { which = 1 }
            }
            if ch { origins.commit() } else { origins.discard() }
        }

        /// True when an ASCII line needs no character clean-up (no controls, double, leading or trailing spaces).
        private static func asciiClean(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = p.count
            if n == 0 { return true }
            if p[0] == 32 || p[n - 1] == 32 { return false }
            let from = UTF8Util.plainPrefix(p)
            var prevSpace = from > 0 && p[from - 1] == 32
            for i in from..<n {
                let c = p[i]
                if c < 0x20 || c >= 0x7F { return false }
                let sp = c == 32
                if sp && prevSpace { return false }
                prevSpace = sp
            }
            return true
        }

        /// True when the current text (the source, `a` or `b`) holds the byte `byte`.
        private func currentContains(_ which: Int, _ src: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
            switch which {
            case 0: return UTF8Util.contains(src, byte)
            case 1: return a.withUnsafeBufferPointer { UTF8Util.contains($0, byte) }
            default: return b.withUnsafeBufferPointer { UTF8Util.contains($0, byte) }
            }
        }

        mutating func add<O: OriginSink>(_ src: UnsafeBufferPointer<UInt8>, _ line: TextLine, plain: Bool, origins: inout O) {
            let code = line.kind == .code
            let st = stage
            var which = 0
            if plain && st.settings.entities && UTF8Util.contains(src, UInt8(ascii: "&")) {
                step(&which, src, &origins) { p, o, org in
                    var changed = false
                    var i = 0
                    while i < p.count {
                        let mark = o.count
                        if p[i] == UInt8(ascii: "&"), let e = st.entities.decode(p, at: i, end: p.count, strict: true, attribute: false, into: &o) {
                            org.replace(i, e, count: o.count - mark)
                            i = e; changed = true
                        } else { o.append(p[i]); org.copy(i, count: 1); i += 1 }
                    }
                    return changed
                }
            }
            let ascii: Bool
            switch which {
            case 0: ascii = UTF8Util.isASCII(src)
            default: ascii = a.withUnsafeBufferPointer { UTF8Util.isASCII($0) }
            }
            // Mojibake needs a misread lead byte: a character U+00C2…U+00F4, whose UTF-8 starts with C3.
            if st.settings.mojibake && !ascii && currentContains(which, src, 0xC3) {
                step(&which, src, &origins) { p, o, org in MojibakeRepair.repair(p, into: &o, origins: &org) }
            }
            step(&which, src, &origins) { p, o, org in
                if !code && (ascii ? Assembler.asciiClean(p) : st.normalizer.isClean(p)) { return false }
                st.normalizer.cleanLine(p, code: code, into: &o, origins: &org)
                return true
            }
            if !ascii && st.settings.normalize != .none {
                step(&which, src, &origins) { p, o, org in st.normalizer.normalize(p, into: &o, origins: &org) }
            }
            let lineMap = record ? origins.lineMap : nil
            switch which {
            case 0: emit(src, line, lineMap)
            case 1: a.withUnsafeBufferPointer { emit($0, line, lineMap) }
            default: b.withUnsafeBufferPointer { emit($0, line, lineMap) }
            }
        }

        private mutating func emit(_ p: UnsafeBufferPointer<UInt8>, _ line: TextLine, _ lineMap: [SourceMap.Range]?) {
            let code = line.kind == .code
            if p.isEmpty && !code {
                if !out.isEmpty { pendingBlank = true }
                lastGroup = -1
                return
            }
            if !code, !boilerplateOff, let filter = stage.boilerplate, let tag = filter.match(p, scratch: &key) {
                removed.append(Removal(text: String(decoding: p, as: UTF8.self), reason: "boilerplate:" + tag))
                return
            }
            let continuesBlock = line.kind != .plain && line.kind == lastKind && line.group == lastGroup && !pendingBlank
            if !out.isEmpty {
                out.append(10)
                if record { map.append(.inserted) }
                if pendingBlank { out.append(10); if record { map.append(.inserted) } }
            }
            pendingBlank = false
            let start = out.count
            out.append(contentsOf: p)
            if record, let lineMap {
                map.append(contentsOf: lineMap.prefix(p.count))
                if lineMap.count < p.count { map.append(contentsOf: repeatElement(.inserted, count: p.count - lineMap.count)) }
            }
            if let kind = line.kind.blockKind {
                if continuesBlock, var last = layout.last {
                    last.end = out.count
                    layout[layout.count - 1] = last
                } else {
                    layout.append(Block(start: start, end: out.count, kind: kind, level: Int(line.level)))
                }
            }
            lastKind = line.kind
            lastGroup = line.kind == .plain ? -1 : line.group
        }

        mutating func finish() -> CleanOutput {
            // a code block's trailing empty lines
            while let last = out.last, last == 10 { out.removeLast(); if record { map.removeLast() } }
            if var l = layout.last, l.end > out.count { l.end = out.count; layout[layout.count - 1] = l }
            return CleanOutput(text: String(decoding: out, as: UTF8.self), meta: [:], removed: removed, layout: sawMarkup ? layout : nil)
        }
    }
}
