/// Where the bytes of `Document.text` came from in the text exactly as the client sent it, for the
/// request option `"source_offsets": true`. A stage that rewrites the text (`clean`) records one; the
/// server then writes, beside every span's `start`/`end`, `source_start`/`source_end` into the sent text.
///
/// The map is kept per output byte: byte `i` of `Document.text` came from the source bytes
/// `ranges[i].start ..< ranges[i].end` (UTF-8 offsets into `source`). A byte copied as it was has a
/// one-byte range; the bytes of a replacement (an entity such as `&amp;`, a repaired mojibake sequence, a
/// normalized character, a collapsed run of spaces) all carry the whole source range they replace; bytes
/// the stage inserted (line breaks between blocks, ` | ` between table cells) have no source (`-1`) and
/// take the nearest source position when a span starts or ends on them.
public struct SourceMap: Sendable {
    /// A source byte range; `start == -1` for an inserted byte.
    public struct Range: Sendable, Hashable {
        public var start: Int32
        public var end: Int32
        public init(start: Int32, end: Int32) { self.start = start; self.end = end }
        public static let inserted = Range(start: -1, end: -1)
        public var isInserted: Bool { start < 0 }
    }

    /// The text as the client sent it.
    public let source: String
    /// One range per byte of the output text.
    public let ranges: [Range]

    public init(source: String, ranges: [Range]) {
        self.source = source
        self.ranges = ranges
    }

    /// The source byte range of the output span `start..<end` (UTF-8 offsets into `Document.text`):
    /// from the first mapped byte's source start to the last mapped byte's source end. An empty span, or
    /// one made only of inserted bytes, gives an empty range at the nearest source position.
    public func sourceSpan(_ start: Int, _ end: Int) -> (start: Int, end: Int) {
        let n = ranges.count
        let s = max(0, min(start, n)), e = max(s, min(end, n))
        var lo = -1, hi = -1
        var k = s
        while k < e { if !ranges[k].isInserted { lo = Int(ranges[k].start); break }; k += 1 }
        if lo >= 0 {
            k = e - 1
            while k >= s { if !ranges[k].isInserted { hi = Int(ranges[k].end); break }; k -= 1 }
            return (lo, max(lo, hi))
        }
        let p = position(at: s)
        return (p, p)
    }

    /// The source position of the output position `i` (a boundary between bytes): the source start of the
    /// next mapped byte, else the source end of the previous one, else 0.
    public func position(at i: Int) -> Int {
        var k = max(0, i)
        while k < ranges.count { if !ranges[k].isInserted { return Int(ranges[k].start) }; k += 1 }
        k = min(i, ranges.count) - 1
        while k >= 0 { if !ranges[k].isInserted { return Int(ranges[k].end) }; k -= 1 }
        return 0
    }

    /// This map applied after `earlier` (whose output was this map's source): a map from this output to
    /// `earlier.source`. Used when the text is rewritten twice.
    public func composed(after earlier: SourceMap) -> SourceMap {
        var out: [Range] = []
        out.reserveCapacity(ranges.count)
        for r in ranges {
            if r.isInserted { out.append(.inserted); continue }
            let s = earlier.sourceSpan(Int(r.start), Int(r.end))
            out.append(Range(start: Int32(s.start), end: Int32(s.end)))
        }
        return SourceMap(source: earlier.source, ranges: out)
    }
}
