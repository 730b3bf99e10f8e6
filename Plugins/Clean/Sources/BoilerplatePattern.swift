import StageKit

/// One boilerplate pattern: `[tag] text with * wildcards`, matched against a whole line's key.
struct BoilerplatePattern: Sendable, Hashable {
    /// Reported as `boilerplate:<tag>`.
    let tag: String
    /// Literal pieces between `*`s, lower-cased.
    let pieces: [[UInt8]]
    let anchoredStart: Bool
    let anchoredEnd: Bool

    /// Parses `[tag] pattern` (or a bare pattern, which gets `defaultTag`). Returns nil for a pattern
    /// that would match everything or is empty.
    init?(_ line: String, defaultTag: String) {
        var text = Substring(line).drop(while: { $0 == " " })
        var tag = defaultTag
        if text.hasPrefix("["), let close = text.firstIndex(of: "]") {
            let t = text[text.index(after: text.startIndex)..<close].trimmingSpaces
            guard !t.isEmpty, t.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else { return nil }
            tag = String(t)
            text = text[text.index(after: close)...]
        }
        let pattern = String(text).trimmingSpaces
        let key = Array(pattern.utf8).withUnsafeBufferPointer(BoilerplatePattern.key)
        let pieces = key.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map { Array($0) }
        guard pieces.contains(where: { !$0.isEmpty }) else { return nil }
        self.tag = tag
        self.anchoredStart = key.first != UInt8(ascii: "*")
        self.anchoredEnd = key.last != UInt8(ascii: "*")
        self.pieces = pieces.filter { !$0.isEmpty }
    }

    /// The form lines are compared in: ASCII lower case, typographic quotes folded, spaces collapsed,
    /// leading bullets and trailing punctuation/arrows cut.
    static func key(_ p: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        let r = key(p, into: &out)
        return Array(out[r])
    }

    /// Writes the key into `out` (cleared first) and returns the range of it that is the key (after cuts).
    static func key(_ p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8]) -> Range<Int> {
        out.removeAll(keepingCapacity: true)
        out.reserveCapacity(p.count)
        var space = false
        var i = 0
        let n = p.count
        while i < n {
            let ch = p[i]
            if ch < 0x80 && ch != 32 && ch != 9 {
                if space && !out.isEmpty { out.append(32) }
                space = false
                out.append(ASCII.lower(ch))
                i += 1
                continue
            }
            let (v, len) = UTF8Util.decode(p, i, n)
            i += len
            var c: UInt32 = v
            switch v {
            case 0x2018, 0x2019, 0x201B, 0x2032: c = 0x27
            case 0x201C, 0x201D, 0x201E, 0x2033: c = 0x22
            case 0x20, 0x09, 0xA0: space = true; continue
            default: break
            }
            if space && !out.isEmpty { out.append(32) }
            space = false
            UTF8Util.encode(c, into: &out)
        }
        var end = out.count
        while end > 0 {
            let k = trailingTrim(out, end)
            if k == 0 { break }
            end -= k
        }
        var start = 0
        while start < end {
            let k = leadingTrim(out, start, end)
            if k == 0 { break }
            start += k
        }
        return start..<end
    }

    /// Bytes of trailing punctuation, arrow or bullet that end `s[..<end]` (0 if none): . ! ? : > | - space … » › → · •
    @inline(__always)
    static func trailingTrim(_ s: [UInt8], _ end: Int) -> Int {
        let b = s[end - 1]
        switch b {
        case UInt8(ascii: "."), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "-"), 32:
            return 1
        case 0xBB, 0xB7: return end >= 2 && s[end - 2] == 0xC2 ? 2 : 0                       // » ·
        case 0xA6, 0xBA, 0xA2: return end >= 3 && s[end - 3] == 0xE2 && s[end - 2] == 0x80 ? 3 : 0  // … › •
        case 0x92: return end >= 3 && s[end - 3] == 0xE2 && s[end - 2] == 0x86 ? 3 : 0           // →
        default: return 0
        }
    }

    /// Bytes of a leading bullet or arrow at `start` (0 if none): • · › » | - > space
    @inline(__always)
    static func leadingTrim(_ s: [UInt8], _ start: Int, _ end: Int) -> Int {
        let b = s[start]
        switch b {
        case UInt8(ascii: "|"), UInt8(ascii: "-"), UInt8(ascii: ">"), 32: return 1
        case 0xC2: return start + 1 < end && (s[start + 1] == 0xB7 || s[start + 1] == 0xBB) ? 2 : 0
        case 0xE2: return start + 2 < end && s[start + 1] == 0x80 && (s[start + 2] == 0xA2 || s[start + 2] == 0xBA) ? 3 : 0
        default: return 0
        }
    }

    /// Whole-key wildcard match.
    func matches(_ key: [UInt8]) -> Bool {
        key.withUnsafeBufferPointer { matches($0) }
    }

    func matches(_ k: UnsafeBufferPointer<UInt8>) -> Bool {
        do {
            var pos = 0
            for (idx, piece) in pieces.enumerated() {
                let isFirst = idx == 0, isLast = idx == pieces.count - 1
                if isFirst && anchoredStart {
                    guard k.count >= piece.count, k[0..<piece.count].elementsEqual(piece) else { return false }
                    pos = piece.count
                    if isLast && anchoredEnd { return pos == k.count }
                    continue
                }
                if isLast && anchoredEnd {
                    guard k.count - pos >= piece.count, k[(k.count - piece.count)...].elementsEqual(piece) else { return false }
                    return true
                }
                guard let at = BoilerplatePattern.find(piece, in: k, from: pos) else { return false }
                pos = at + piece.count
            }
            return !anchoredEnd || pos == k.count
        }
    }

    private static func find(_ needle: [UInt8], in hay: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        let m = needle.count
        guard m > 0, hay.count - from >= m else { return m == 0 ? from : nil }
        var i = from
        while i + m <= hay.count {
            if hay[i] == needle[0] && hay[i..<(i + m)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}

extension StringProtocol {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first == " " || s.first == "\t" { s = s.dropFirst() }
        while s.last == " " || s.last == "\t" || s.last == "\r" { s = s.dropLast() }
        return String(s)
    }
}
