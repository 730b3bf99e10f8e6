import StageKit

/// Receives, while a step writes its output, where each output byte came from in the step's input.
/// The steps are generic over it: `NoOrigins` (the normal path) compiles to nothing; `LineOrigins`
/// records, for `"source_offsets": true`.
protocol OriginSink {
    /// Starts a line whose bytes are the source bytes `start ..< start + count`.
    mutating func start(identity start: Int, count: Int)
    /// Starts a line whose bytes came from `ranges`.
    mutating func start(_ ranges: ArraySlice<SourceMap.Range>)
    /// The source ranges of the current line's bytes (nil when not recording).
    var lineMap: [SourceMap.Range]? { get }
    /// The next `count` output bytes are the input bytes `from ..< from + count`, one for one.
    mutating func copy(_ from: Int, count: Int)
    /// The next `count` output bytes together replace the input bytes `lo ..< hi`.
    mutating func replace(_ lo: Int, _ hi: Int, count: Int)
    /// The next `count` output bytes have no input (inserted).
    mutating func insert(count: Int)
    /// The last `count` output bytes were taken back.
    mutating func truncate(by count: Int)
    /// The step's output becomes the current text: its records are composed with the current map.
    mutating func commit()
    /// The step changed nothing; its records are dropped.
    mutating func discard()
}

/// The normal path: nothing is recorded.
struct NoOrigins: OriginSink {
    @inline(__always) mutating func start(identity start: Int, count: Int) {}
    @inline(__always) mutating func start(_ ranges: ArraySlice<SourceMap.Range>) {}
    @inline(__always) var lineMap: [SourceMap.Range]? { nil }
    @inline(__always) mutating func copy(_ from: Int, count: Int) {}
    @inline(__always) mutating func replace(_ lo: Int, _ hi: Int, count: Int) {}
    @inline(__always) mutating func insert(count: Int) {}
    @inline(__always) mutating func truncate(by count: Int) {}
    @inline(__always) mutating func commit() {}
    @inline(__always) mutating func discard() {}
}

/// The source map of one line while the per-line steps rewrite it: `current[i]` is the source range of
/// byte `i` of the line's current text; a step's records (`step`, indices into the current text) are
/// composed into it on `commit`.
struct LineOrigins: OriginSink {
    typealias Range = SourceMap.Range
    var current: [Range] = []
    private var step: [Range] = []
    private var next: [Range] = []

    /// Starts a line whose bytes are the source bytes `start ..< start + count`.
    mutating func start(identity start: Int, count: Int) {
        current.removeAll(keepingCapacity: true)
        for t in 0..<count { current.append(Range(start: Int32(start + t), end: Int32(start + t + 1))) }
    }

    /// Starts a line whose bytes came from `ranges`.
    var lineMap: [Range]? { current }

    mutating func start(_ ranges: ArraySlice<Range>) {
        current.removeAll(keepingCapacity: true)
        current.append(contentsOf: ranges)
    }

    mutating func copy(_ from: Int, count: Int) {
        for t in 0..<count { step.append(Range(start: Int32(from + t), end: Int32(from + t + 1))) }
    }

    mutating func replace(_ lo: Int, _ hi: Int, count: Int) {
        for _ in 0..<count { step.append(Range(start: Int32(lo), end: Int32(hi))) }
    }

    mutating func insert(count: Int) {
        for _ in 0..<count { step.append(.inserted) }
    }

    mutating func truncate(by count: Int) { step.removeLast(min(count, step.count)) }

    mutating func commit() {
        next.removeAll(keepingCapacity: true)
        for r in step {
            if r.isInserted { next.append(.inserted); continue }
            next.append(LineOrigins.union(current, Int(r.start), Int(r.end)))
        }
        swap(&current, &next)
        step.removeAll(keepingCapacity: true)
    }

    mutating func discard() { step.removeAll(keepingCapacity: true) }

    /// The source range covered by `ranges[lo..<hi]`: first mapped start to last mapped end.
    static func union(_ ranges: [Range], _ lo: Int, _ hi: Int) -> Range {
        let l = max(0, lo), h = min(hi, ranges.count)
        var s: Int32 = -1, e: Int32 = -1
        var k = l
        while k < h { if !ranges[k].isInserted { s = ranges[k].start; break }; k += 1 }
        if s < 0 { return .inserted }
        k = h - 1
        while k >= l { if !ranges[k].isInserted { e = ranges[k].end; break }; k -= 1 }
        return Range(start: s, end: max(s, e))
    }
}
