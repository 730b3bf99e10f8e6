import Foundation
import StageKit

/// What `clean` makes of one text.
public struct CleanOutput: Sendable {
    public var text: String
    public var meta: [String: String]
    public var removed: [Removal]
    /// nil when the input had no markup.
    public var layout: [Block]?
}

/// A point of the map from output text back to input: the output line that starts at UTF-8 offset
/// `output` came from the input bytes starting at `input`. One anchor per output line, sorted.
public struct OffsetAnchor: Sendable, Hashable {
    public var output: Int
    public var input: Int
}

/// The configured `clean` stage. Immutable; shared by all worker threads.
public struct CleanStage: Stage {
    public let settings: CleanSettings
    let entities: EntityTable
    let normalizer: TextNormalizer
    let boilerplate: BoilerplateFilter?
    let html: HTMLExtractor
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
        let out = clean(document.text)
        document.text = out.text
        for (k, v) in out.meta { document.meta[k] = v }
        document.removed = (document.removed ?? []) + out.removed
        document.layout = out.layout
    }

    /// Cleans one text.
    public func clean(_ text: String) -> CleanOutput {
        var anchors: [OffsetAnchor]? = nil
        return Document(text: text).withUTF8 { run($0, anchors: &anchors) }
    }

    /// Cleans one text and returns, with it, the map from output lines back to input byte offsets (not sent
    /// to clients; for features that must point into the original input).
    public func cleanWithOffsets(_ text: String) -> (CleanOutput, [OffsetAnchor]) {
        var anchors: [OffsetAnchor]? = []
        let out = Document(text: text).withUTF8 { run($0, anchors: &anchors) }
        return (out, anchors ?? [])
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

    private func run(_ p: UnsafeBufferPointer<UInt8>, anchors: inout [OffsetAnchor]?) -> CleanOutput {
        var asm = Assembler(stage: self, capacity: p.count, recordAnchors: anchors != nil)
        var meta: [String: String] = [:]
        if detectHTML(p) {
            let ex = html.extract(p)
            if settings.meta {
                if let t = ex.title.map(snippet), !t.isEmpty { meta["title"] = t }
                if let d = ex.description.map(snippet), !d.isEmpty { meta["description"] = d }
            }
            asm.addAll(ex.text)
        } else if detectMarkdown(p) {
            asm.addAll(markdown.strip(p))
        } else {
            // plain text: lines as they are (`\n`, `\r\n` and `\r` end a line)
            var s = 0
            var i = 0
            let n = p.count
            while i < n {
                let b = p[i]
                if b == 10 || b == 13 {
                    asm.add(UnsafeBufferPointer(rebasing: p[s..<i]), TextLine(start: s, end: i, kind: .plain, level: 0, group: 0), plain: true)
                    if b == 13 && i + 1 < n && p[i + 1] == 10 { i += 1 }
                    s = i + 1
                }
                i += 1
            }
            if s < n { asm.add(UnsafeBufferPointer(rebasing: p[s..<n]), TextLine(start: s, end: n, kind: .plain, level: 0, group: 0), plain: true) }
        }
        var out = asm.finish()
        out.meta = meta
        if anchors != nil { anchors = asm.anchors }
        return out
    }

    /// Cleans a short piece of text (a title) the way lines are cleaned.
    func snippet(_ s: String) -> String {
        var asm = Assembler(stage: self, capacity: s.utf8.count, recordAnchors: false)
        asm.boilerplateOff = true
        var copy = s
        copy.withUTF8 { asm.add($0, TextLine(start: 0, end: $0.count, kind: .plain, level: 0, group: 0), plain: true) }
        return asm.finish().text
    }

    /// Cleans lines one by one (entities in plain text, mojibake, characters and spaces, normalization),
    /// drops boilerplate lines and blank-line runs, and writes the final text with its layout.
    struct Assembler {
        let stage: CleanStage
        var out: [UInt8] = []
        var layout: [Block] = []
        var removed: [Removal] = []
        var anchors: [OffsetAnchor] = []
        let recordAnchors: Bool
        var pendingBlank = false
        /// Lines came from HTML or Markdown (`addAll`): the output gets a layout.
        private var sawMarkup = false
        var boilerplateOff = false
        private var lastGroup: Int32 = -1
        private var lastKind = LineKind.plain
        private var a: [UInt8] = []
        private var b: [UInt8] = []

        init(stage: CleanStage, capacity: Int, recordAnchors: Bool) {
            self.stage = stage
            self.recordAnchors = recordAnchors
            out.reserveCapacity(capacity)
        }

        mutating func addAll(_ lt: LineText) {
            sawMarkup = true
            lt.bytes.withUnsafeBufferPointer { buf in
                for line in lt.lines {
                    add(UnsafeBufferPointer(rebasing: buf[line.start..<line.end]), line, plain: false)
                }
            }
        }

        /// Applies `f` to the current text (the source, `a` or `b`), writing into the other buffer.
        @inline(__always)
        private mutating func step(_ which: inout Int, _ src: UnsafeBufferPointer<UInt8>,
                                   _ f: (UnsafeBufferPointer<UInt8>, inout [UInt8]) -> Bool) {
            switch which {
            case 0:
                a.removeAll(keepingCapacity: true)
                if f(src, &a) { which = 1 }
            case 1:
                // Take `b` out while `a` is read (a copy `var bb = b` would share the buffer, and the first
                // append would then allocate a new one every time).
                var bb: [UInt8] = []
                swap(&bb, &b)
                bb.removeAll(keepingCapacity: true)
                let ch = a.withUnsafeBufferPointer { f($0, &bb) }
                swap(&bb, &b)
                if ch { which = 2 }
            default:
                var aa: [UInt8] = []
                swap(&aa, &a)
                aa.removeAll(keepingCapacity: true)
                let ch = b.withUnsafeBufferPointer { f($0, &aa) }
                swap(&aa, &a)
                if ch { which = 1 }
            }
        }

        /// True when an ASCII line needs no character clean-up (no controls, double, leading or trailing spaces).
        private static func asciiClean(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
            let n = p.count
            if n == 0 { return true }
            if p[0] == 32 || p[n - 1] == 32 { return false }
            var prevSpace = false
            for i in 0..<n {
                let c = p[i]
                if c < 0x20 || c >= 0x7F { return false }
                let sp = c == 32
                if sp && prevSpace { return false }
                prevSpace = sp
            }
            return true
        }

        mutating func add(_ src: UnsafeBufferPointer<UInt8>, _ line: TextLine, plain: Bool) {
            let code = line.kind == .code
            let st = stage
            var which = 0
            if plain && st.settings.entities && src.contains(UInt8(ascii: "&")) {
                step(&which, src) { p, o in
                    var changed = false
                    var i = 0
                    while i < p.count {
                        if p[i] == UInt8(ascii: "&"), let e = st.entities.decode(p, at: i, end: p.count, strict: true, attribute: false, into: &o) {
                            i = e; changed = true
                        } else { o.append(p[i]); i += 1 }
                    }
                    return changed
                }
            }
            let ascii: Bool
            switch which {
            case 0: ascii = UTF8Util.isASCII(src)
            default: ascii = a.withUnsafeBufferPointer { UTF8Util.isASCII($0) }
            }
            if st.settings.mojibake && !ascii {
                step(&which, src) { p, o in MojibakeRepair.repair(p, into: &o) }
            }
            step(&which, src) { p, o in
                if ascii && !code && Assembler.asciiClean(p) { return false }
                st.normalizer.cleanLine(p, code: code, into: &o)
                return true
            }
            if !ascii && st.settings.normalize != .none {
                step(&which, src) { p, o in st.normalizer.normalize(p, into: &o) }
            }
            switch which {
            case 0: emit(src, line)
            case 1: a.withUnsafeBufferPointer { emit($0, line) }
            default: b.withUnsafeBufferPointer { emit($0, line) }
            }
        }

        private mutating func emit(_ p: UnsafeBufferPointer<UInt8>, _ line: TextLine) {
            let code = line.kind == .code
            if p.isEmpty && !code {
                if !out.isEmpty { pendingBlank = true }
                lastGroup = -1
                return
            }
            if !code, !boilerplateOff, let filter = stage.boilerplate, let tag = filter.match(p) {
                removed.append(Removal(text: String(decoding: p, as: UTF8.self), reason: "boilerplate:" + tag))
                return
            }
            let continuesBlock = line.kind != .plain && line.kind == lastKind && line.group == lastGroup && !pendingBlank
            if !out.isEmpty {
                out.append(10)
                if pendingBlank { out.append(10) }
            }
            pendingBlank = false
            let start = out.count
            if recordAnchors { anchors.append(OffsetAnchor(output: start, input: line.start)) }
            out.append(contentsOf: p)
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
            while let last = out.last, last == 10 { out.removeLast() }
            if var l = layout.last, l.end > out.count { l.end = out.count; layout[layout.count - 1] = l }
            return CleanOutput(text: String(decoding: out, as: UTF8.self), meta: [:], removed: removed, layout: sawMarkup ? layout : nil)
        }
    }
}
