import StageKit

/// Builds a `LineText` from a stream of inline text, spaces and breaks, the way a browser lays out
/// blocks: whitespace collapses to one space, a line break ends the line, a block break also leaves one
/// blank line before the next text. Breaks are lazy, so empty elements leave no empty lines.
///
/// With `record`, every byte written also gets the input range it came from (`text.src`): callers say
/// where the bytes they append came from; spaces and breaks the writer adds are `inserted`.
struct LineWriter {
    typealias Range = SourceMap.Range
    private(set) var text = LineText()
    let record: Bool
    private var lineStart = 0
    private var pendingSpace = false
    /// 0 none, 1 line break, 2 block break.
    private var pendingBreak: UInt8 = 0
    private var lineKind = LineKind.plain
    private var lineLevel: UInt8 = 0
    private var lineGroup: Int32 = 0
    private var lineNode: Int32 = 0
    /// The element text is written in now (HTML); lines remember it.
    var node: Int32 = 0
    private var nextGroup: Int32 = 1

    /// Tag given to lines that start from now on.
    var kind = LineKind.plain
    var level: UInt8 = 0
    var group: Int32 = 0

    init(record: Bool = false) { self.record = record }

    /// Starts a new layout block: lines from now on get this kind and a fresh group.
    mutating func begin(_ kind: LineKind, level: UInt8 = 0) {
        self.kind = kind; self.level = level
        group = kind == .plain ? 0 : nextGroup
        if kind != .plain { nextGroup += 1 }
    }

    /// Restores an outer tag (after an element closes).
    mutating func restore(kind: LineKind, level: UInt8, group: Int32) {
        self.kind = kind; self.level = level; self.group = group
    }

    private var lineIsEmpty: Bool { text.bytes.count == lineStart }

    mutating func space() { pendingSpace = true }
    mutating func lineBreak() { if pendingBreak < 1 { pendingBreak = 1 } }
    /// Inside a question or answer: block breaks are line breaks (the block stays one layout block).
    var tight = false
    mutating func blockBreak() { pendingBreak = tight ? max(pendingBreak, 1) : 2 }

    @inline(__always) private mutating func prepare() {
        if pendingBreak != 0 {
            if !lineIsEmpty { endLine() }
            if pendingBreak == 2, let last = text.lines.last, !last.isBlank { blankLine() }
            pendingBreak = 0
            pendingSpace = false
        } else if pendingSpace {
            if !lineIsEmpty { text.bytes.append(32); if record { text.src.append(.inserted) } }
            pendingSpace = false
        }
        if lineIsEmpty { lineKind = kind; lineLevel = level; lineGroup = group; lineNode = node }
    }

    /// Appends one byte of visible text (not whitespace), the input byte at `source` (nil: inserted).
    @inline(__always) mutating func append(_ b: UInt8, source: Int?) {
        prepare()
        text.bytes.append(b)
        if record { text.src.append(source.map { Range(start: Int32($0), end: Int32($0 + 1)) } ?? .inserted) }
    }

    /// Appends visible text bytes (no whitespace handling inside) copied from the input at `source`.
    mutating func append<C: Collection>(contentsOf bytes: C, source: Int) where C.Element == UInt8 {
        guard !bytes.isEmpty else { return }
        prepare()
        text.bytes.append(contentsOf: bytes)
        if record { for t in 0..<bytes.count { text.src.append(Range(start: Int32(source + t), end: Int32(source + t + 1))) } }
    }

    /// Appends visible text bytes that together replace the input bytes `replacing` (a decoded entity).
    mutating func append<C: Collection>(contentsOf bytes: C, replacing r: Swift.Range<Int>) where C.Element == UInt8 {
        guard !bytes.isEmpty else { return }
        prepare()
        text.bytes.append(contentsOf: bytes)
        if record { for _ in 0..<bytes.count { text.src.append(Range(start: Int32(r.lowerBound), end: Int32(r.upperBound))) } }
    }

    /// Appends text verbatim (for `<pre>` and code fences): `\n` ends a line, even an empty one.
    /// `sources` (when recording) holds the input range of each byte.
    mutating func appendVerbatim(_ bytes: UnsafeBufferPointer<UInt8>, sources: [Range]) {
        for (t, b) in bytes.enumerated() {
            if b == 10 {
                verbatimNewline()
            } else if b == 13 {
                continue
            } else {
                prepare()
                text.bytes.append(b)
                if record { text.src.append(t < sources.count ? sources[t] : .inserted) }
            }
        }
    }

    /// Ends the current line now (a pending break is applied first).
    mutating func endLine(force: Bool = false) {
        guard force || !lineIsEmpty else { return }
        text.lines.append(TextLine(start: lineStart, end: text.bytes.count, kind: lineKind, level: lineLevel, group: lineGroup, node: lineNode))
        lineStart = text.bytes.count
    }

    mutating func blankLine() {
        text.lines.append(TextLine(start: lineStart, end: lineStart, kind: .plain, level: 0, group: 0))
    }

    /// A point to come back to: see `reset(to:)`.
    struct Mark {
        var bytes: Int, src: Int, lines: Int, lineStart: Int, pendingSpace: Bool, pendingBreak: UInt8
        var lineKind: LineKind, lineLevel: UInt8, lineGroup: Int32
    }

    func mark() -> Mark {
        Mark(bytes: text.bytes.count, src: text.src.count, lines: text.lines.count, lineStart: lineStart, pendingSpace: pendingSpace,
             pendingBreak: pendingBreak, lineKind: lineKind, lineLevel: lineLevel, lineGroup: lineGroup)
    }

    /// Forgets everything written since `m` (drops a container after the fact).
    mutating func reset(to m: Mark) {
        if text.lines.count > m.lines { text.lines.removeSubrange(m.lines...) }
        if text.bytes.count > m.bytes { text.bytes.removeSubrange(m.bytes...) }
        if text.src.count > m.src { text.src.removeSubrange(m.src...) }
        lineStart = m.lineStart; pendingSpace = m.pendingSpace; pendingBreak = max(m.pendingBreak, 1)
        lineKind = m.lineKind; lineLevel = m.lineLevel; lineGroup = m.lineGroup
    }

    /// Drops trailing empty code lines of the current group (the end of a `<pre>`).
    mutating func trimTrailingCodeLines() {
        while let last = text.lines.last, last.kind == .code, last.start == last.end, last.group == group {
            text.lines.removeLast()
        }
    }

    /// Emits one whole line with the given tag (for line-oriented converters such as Markdown); a pending
    /// break is applied first.
    /// `sources` (when recording) holds the input range of each byte.
    mutating func emitLine<C: Collection, S: Collection>(_ bytes: C, sources: S, kind: LineKind, level: UInt8, group: Int32)
    where C.Element == UInt8, S.Element == Range {
        if !lineIsEmpty { endLine() }
        if pendingBreak == 2, let last = text.lines.last, !last.isBlank { blankLine() }
        pendingBreak = 0; pendingSpace = false
        lineKind = kind; lineLevel = level; lineGroup = group
        text.bytes.append(contentsOf: bytes)
        if record {
            text.src.append(contentsOf: sources.prefix(bytes.count))
            if sources.count < bytes.count { text.src.append(contentsOf: repeatElement(.inserted, count: bytes.count - sources.count)) }
        }
        endLine(force: true)
    }

    /// `emitLine` for bytes copied from the input at `source`.
    mutating func emitLine<C: Collection>(_ bytes: C, source: Int, kind: LineKind, level: UInt8, group: Int32) where C.Element == UInt8 {
        let n = bytes.count
        emitLine(bytes, sources: (0..<(record ? n : 0)).lazy.map { Range(start: Int32(source + $0), end: Int32(source + $0 + 1)) },
                 kind: kind, level: level, group: group)
    }

    /// A line break inside verbatim text (`<br>` in `<pre>`).
    mutating func verbatimNewline() {
        if pendingBreak != 0 || pendingSpace { prepare() }
        if lineIsEmpty { lineKind = kind; lineLevel = level; lineGroup = group; lineNode = node }
        endLine(force: true)
    }

    mutating func newGroupID() -> Int32 { defer { nextGroup += 1 }; return nextGroup }

    mutating func finish() -> LineText {
        endLine()
        return text
    }
}
