/// Builds a `LineText` from a stream of inline text, spaces and breaks, the way a browser lays out
/// blocks: whitespace collapses to one space, a line break ends the line, a block break also leaves one
/// blank line before the next text. Breaks are lazy, so empty elements leave no empty lines.
struct LineWriter {
    private(set) var text = LineText()
    private var lineStart = 0
    private var pendingSpace = false
    /// 0 none, 1 line break, 2 block break.
    private var pendingBreak: UInt8 = 0
    private var lineKind = LineKind.plain
    private var lineLevel: UInt8 = 0
    private var lineGroup: Int32 = 0
    private var nextGroup: Int32 = 1

    /// Tag given to lines that start from now on.
    var kind = LineKind.plain
    var level: UInt8 = 0
    var group: Int32 = 0

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
    mutating func blockBreak() { pendingBreak = 2 }

    @inline(__always) private mutating func prepare() {
        if pendingBreak != 0 {
            if !lineIsEmpty { endLine() }
            if pendingBreak == 2, let last = text.lines.last, !last.isBlank { blankLine() }
            pendingBreak = 0
            pendingSpace = false
        } else if pendingSpace {
            if !lineIsEmpty { text.bytes.append(32) }
            pendingSpace = false
        }
        if lineIsEmpty { lineKind = kind; lineLevel = level; lineGroup = group }
    }

    /// Appends one byte of visible text (not whitespace).
    @inline(__always) mutating func append(_ b: UInt8) {
        prepare()
        text.bytes.append(b)
    }

    /// Appends visible text bytes (no whitespace handling inside).
    mutating func append<C: Collection>(contentsOf bytes: C) where C.Element == UInt8 {
        guard !bytes.isEmpty else { return }
        prepare()
        text.bytes.append(contentsOf: bytes)
    }

    /// Appends text verbatim (for `<pre>` and code fences): `\n` ends a line, even an empty one.
    mutating func appendVerbatim(_ bytes: UnsafeBufferPointer<UInt8>) {
        for b in bytes {
            if b == 10 {
                verbatimNewline()
            } else if b == 13 {
                continue
            } else {
                append(b)
            }
        }
    }

    /// Ends the current line now (a pending break is applied first).
    mutating func endLine(force: Bool = false) {
        guard force || !lineIsEmpty else { return }
        text.lines.append(TextLine(start: lineStart, end: text.bytes.count, kind: lineKind, level: lineLevel, group: lineGroup))
        lineStart = text.bytes.count
    }

    mutating func blankLine() {
        text.lines.append(TextLine(start: lineStart, end: lineStart, kind: .plain, level: 0, group: 0))
    }

    /// A point to come back to: see `reset(to:)`.
    struct Mark {
        var bytes: Int, lines: Int, lineStart: Int, pendingSpace: Bool, pendingBreak: UInt8
        var lineKind: LineKind, lineLevel: UInt8, lineGroup: Int32
    }

    func mark() -> Mark {
        Mark(bytes: text.bytes.count, lines: text.lines.count, lineStart: lineStart, pendingSpace: pendingSpace,
             pendingBreak: pendingBreak, lineKind: lineKind, lineLevel: lineLevel, lineGroup: lineGroup)
    }

    /// Forgets everything written since `m` (drops a container after the fact).
    mutating func reset(to m: Mark) {
        if text.lines.count > m.lines { text.lines.removeSubrange(m.lines...) }
        if text.bytes.count > m.bytes { text.bytes.removeSubrange(m.bytes...) }
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
    mutating func emitLine<C: Collection>(_ bytes: C, kind: LineKind, level: UInt8, group: Int32) where C.Element == UInt8 {
        if !lineIsEmpty { endLine() }
        if pendingBreak == 2, let last = text.lines.last, !last.isBlank { blankLine() }
        pendingBreak = 0; pendingSpace = false
        lineKind = kind; lineLevel = level; lineGroup = group
        text.bytes.append(contentsOf: bytes)
        endLine(force: true)
    }

    /// A line break inside verbatim text (`<br>` in `<pre>`).
    mutating func verbatimNewline() {
        if pendingBreak != 0 || pendingSpace { prepare() }
        if lineIsEmpty { lineKind = kind; lineLevel = level; lineGroup = group }
        endLine(force: true)
    }

    mutating func newGroupID() -> Int32 { defer { nextGroup += 1 }; return nextGroup }

    mutating func finish() -> LineText {
        endLine()
        return text
    }
}
