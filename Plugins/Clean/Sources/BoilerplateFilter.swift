import Foundation
import StageKit

/// Finds whole lines that are boilerplate ("Share this article", "Subscribe to our newsletter…").
struct BoilerplateFilter: Sendable {
    let patterns: [BoilerplatePattern]
    /// Lines longer than this (bytes) are never boilerplate.
    let maxLength: Int
    /// Quick reject: the first two bytes of keys that a start-anchored pattern can match; for the other
    /// patterns, the last two bytes (or any key at all when a pattern is anchored at neither end).
    private let prefixes: Set<UInt16>
    private let suffixes: Set<UInt16>
    private let anyKey: Bool

    /// Patterns by the first two key bytes (start-anchored ones), by the last two (end-anchored ones
    /// that are not start-anchored), and the rest, in file order within each list.
    private let byPrefix: [UInt16: [Int]]
    private let bySuffix: [UInt16: [Int]]
    private let unanchored: [Int]

    init(patterns: [BoilerplatePattern], maxLength: Int) {
        self.patterns = patterns
        self.maxLength = maxLength
        var pre = Set<UInt16>(), suf = Set<UInt16>()
        var bp: [UInt16: [Int]] = [:], bs: [UInt16: [Int]] = [:], un: [Int] = []
        for (i, p) in patterns.enumerated() {
            if p.anchoredStart, let f = p.pieces.first, f.count >= 2 {
                let k = UInt16(f[0]) << 8 | UInt16(f[1]); pre.insert(k); bp[k, default: []].append(i)
            } else if p.anchoredEnd, let l = p.pieces.last, l.count >= 2 {
                let k = UInt16(l[l.count - 2]) << 8 | UInt16(l[l.count - 1]); suf.insert(k); bs[k, default: []].append(i)
            } else { un.append(i) }
        }
        prefixes = pre; suffixes = suf; anyKey = !un.isEmpty
        byPrefix = bp; bySuffix = bs; unanchored = un
    }

    /// Reads `[tag] pattern` lines; `#` comments and blank lines are skipped.
    static func parse(_ text: String, defaultTag: String, origin: String) throws -> [BoilerplatePattern] {
        var out: [BoilerplatePattern] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let p = BoilerplatePattern(line, defaultTag: defaultTag) else {
                throw ConfigFileError(path: origin, message: "line \(n + 1): bad boilerplate pattern '\(line)' (write `[tag] text with * wildcards`)")
            }
            out.append(p)
        }
        return out
    }

    /// True when the raw line surely matches no pattern: its first two and last two characters (plain
    /// ASCII letters and digits after trimming, as the key would have them) fit no pattern.
    private func quickReject(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        guard n >= 2 else { return false }
        guard ASCII.isAlnum(p[0]), ASCII.isAlnum(p[1]) else { return false }
        if prefixes.contains(UInt16(ASCII.lower(p[0])) << 8 | UInt16(ASCII.lower(p[1]))) { return false }
        var e = n
        while e > 0 {
            let b = p[e - 1]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: ":") || b == 32 { e -= 1 } else { break }
        }
        guard e >= 2, ASCII.isAlnum(p[e - 1]), ASCII.isAlnum(p[e - 2]) else { return false }
        return !suffixes.contains(UInt16(ASCII.lower(p[e - 2])) << 8 | UInt16(ASCII.lower(p[e - 1])))
    }

    /// True when the line starts with two ASCII letters/digits, no start-anchored pattern's first piece
    /// fits its start (compared byte by byte, ASCII lower-cased, up to a non-ASCII byte that the key could
    /// fold), and no end-anchored pattern could fit its end: then building the key is not needed.
    private func rejectedByPieces(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        guard n >= 2, ASCII.isAlnum(p[0]), ASCII.isAlnum(p[1]) else { return false }
        if let bucket = byPrefix[UInt16(ASCII.lower(p[0])) << 8 | UInt16(ASCII.lower(p[1]))] {
            for i in bucket {
                let piece = patterns[i].pieces[0]
                var k = 0
                var fits = true
                while k < piece.count {
                    if k >= n { fits = false; break }          // the key is at most as long as the line
                    let b = p[k]
                    if b >= 0x80 || b == 9 || b == 32 && k + 1 < n && p[k + 1] == 32 { break }   // could fold: undecided
                    if ASCII.lower(b) != piece[k] { fits = false; break }
                    k += 1
                }
                if fits { return false }
            }
        }
        var e = n
        while e > 0 {
            let b = p[e - 1]
            if b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: ":") || b == 32 { e -= 1 } else { break }
        }
        guard e >= 2, ASCII.isAlnum(p[e - 1]), ASCII.isAlnum(p[e - 2]) else { return false }
        return bySuffix[UInt16(ASCII.lower(p[e - 2])) << 8 | UInt16(ASCII.lower(p[e - 1]))] == nil
    }

    /// The tag of the first pattern the whole line matches, or nil.
    func match(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        var scratch: [UInt8] = []
        return match(line, scratch: &scratch)
    }

    /// `match`, building the line's key in `scratch` (reused between lines).
    func match(_ line: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8]) -> String? {
        guard line.count <= maxLength, !line.isEmpty, !patterns.isEmpty else { return nil }
        if !anyKey && (quickReject(line) || rejectedByPieces(line)) { return nil }
        let r = BoilerplatePattern.key(line, into: &scratch)
        guard r.count >= 2 else { return nil }
        return scratch.withUnsafeBufferPointer { buf -> String? in
            let key = UnsafeBufferPointer(rebasing: buf[r])
            let pre = UInt16(key[0]) << 8 | UInt16(key[1])
            let suf = UInt16(key[key.count - 2]) << 8 | UInt16(key[key.count - 1])
            // the first matching pattern in file order among the candidates
            var best = Int.max
            for i in byPrefix[pre] ?? [] where i < best && patterns[i].matches(key) { best = i; break }
            for i in bySuffix[suf] ?? [] where i < best && patterns[i].matches(key) { best = i; break }
            for i in unanchored where i < best && patterns[i].matches(key) { best = i; break }
            return best == Int.max ? nil : patterns[best].tag
        }
    }
}
