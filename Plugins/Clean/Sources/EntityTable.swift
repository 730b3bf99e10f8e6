import Foundation
import StageKit

/// HTML character references: the full HTML5 table of named references (loaded from `data/entities.txt`)
/// and numeric references. Immutable after loading, shared by all requests.
struct EntityTable: Sendable {
    /// Name (with its `;` when the table has one) → UTF-8 of the replacement.
    private let named: [String: [UInt8]]
    /// Longest name, `;` included.
    private let maxNameLength: Int

    init(named: [String: [UInt8]]) {
        self.named = named
        self.maxNameLength = named.keys.map(\.utf8.count).max() ?? 0
    }

    var count: Int { named.count }

    /// Loads `name<TAB>hex code points` lines.
    static func parse(_ text: String, origin path: String) throws -> EntityTable {
        var named: [String: [UInt8]] = [:]
        for line in text.split(separator: "\n") {
            if line.hasPrefix("#") || line.isEmpty { continue }
            let parts = line.split(separator: "\t", maxSplits: 1)
            guard parts.count == 2 else { throw ConfigFileError(path: path, message: "bad line '\(line)'") }
            var bytes: [UInt8] = []
            for hex in parts[1].split(separator: " ") {
                guard let v = UInt32(hex, radix: 16) else { throw ConfigFileError(path: path, message: "bad code point '\(hex)'") }
                UTF8Util.encode(v, into: &bytes)
            }
            named[String(parts[0])] = bytes
        }
        return EntityTable(named: named)
    }

    /// Windows-1252 meanings of numeric references 0x80…0x9F, as HTML5 defines them.
    private static let c1: [UInt32] = [
        0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
        0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178,
    ]

    /// Decodes the reference that starts at `i` (`p[i] == '&'`), appending its text to `out`.
    /// Returns the index after the reference, or nil when there is none (then `&` is literal text).
    /// - `strict`: only complete references ending in `;` (for plain text and Markdown).
    /// - `attribute`: HTML's attribute rule (a legacy name without `;` followed by `=` or alphanumeric is literal).
    func decode(_ p: UnsafeBufferPointer<UInt8>, at i: Int, end: Int, strict: Bool, attribute: Bool, into out: inout [UInt8]) -> Int? {
        var j = i + 1
        guard j < end else { return nil }
        if p[j] == UInt8(ascii: "#") {
            j += 1
            var hex = false
            if j < end, p[j] | 0x20 == UInt8(ascii: "x") { hex = true; j += 1 }
            let digitsStart = j
            var v: UInt32 = 0
            while j < end {
                let b = p[j]
                var d: UInt32
                if ASCII.isDigit(b) { d = UInt32(b - 48) }
                else if hex, (b | 0x20) >= 97, (b | 0x20) <= 102 { d = UInt32((b | 0x20) - 87) }
                else { break }
                if v < 0x110000 { v = v * (hex ? 16 : 10) + d }
                j += 1
            }
            if j == digitsStart { return nil }
            let semicolon = j < end && p[j] == UInt8(ascii: ";")
            if strict && !semicolon { return nil }
            if semicolon { j += 1 }
            if v == 0 || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { v = 0xFFFD }
            else if v >= 0x80 && v <= 0x9F { v = EntityTable.c1[Int(v - 0x80)] }
            UTF8Util.encode(v, into: &out)
            return j
        }
        // Named: read the alphanumeric run.
        let nameStart = j
        while j < end, j - nameStart < maxNameLength, ASCII.isAlnum(p[j]) { j += 1 }
        if j == nameStart { return nil }
        if j < end, p[j] == UInt8(ascii: ";") {
            let key = String(decoding: UnsafeBufferPointer(rebasing: p[nameStart...j]), as: UTF8.self)
            if let v = named[key] { out.append(contentsOf: v); return j + 1 }
        }
        if strict { return nil }
        // Legacy names without `;`: the longest prefix of the run that is one (`&copy2019` → ©2019).
        var k = j
        while k > nameStart {
            let key = String(decoding: UnsafeBufferPointer(rebasing: p[nameStart..<k]), as: UTF8.self)
            if let v = named[key] {
                if attribute, k < end, ASCII.isAlnum(p[k]) || p[k] == UInt8(ascii: "=") { return nil }
                out.append(contentsOf: v)
                return k
            }
            k -= 1
        }
        return nil
    }
}

/// A data file that could not be read; the factory turns it into a `ConfigIssue`.
struct ConfigFileError: Error, CustomStringConvertible {
    var path: String
    var message: String
    var description: String { "\(path): \(message)" }
}
