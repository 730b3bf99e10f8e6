import StageKit

/// Writes JSON into a byte buffer. Strings are escaped per RFC 8259; non-ASCII is written as UTF-8.
public struct JSONWriter {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 1024) { bytes.reserveCapacity(capacity) }

    @inline(__always) public mutating func raw(_ s: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: s.utf8Start, count: s.utf8CodeUnitCount))
    }
    @inline(__always) public mutating func byte(_ b: UInt8) { bytes.append(b) }

    public mutating func int(_ v: Int) {
        if v >= 0 && v < 10 { bytes.append(UInt8(48 + v)); return }
        var n = v.magnitude
        if v < 0 { bytes.append(UInt8(ascii: "-")) }
        var tmp: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                  UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
            (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var i = 20
        withUnsafeMutableBytes(of: &tmp) { buf in
            while n > 0 { i -= 1; buf[i] = UInt8(48 + n % 10); n /= 10 }
            bytes.append(contentsOf: buf[i..<20])
        }
    }

    /// A number with at most 4 decimals (scores), without exponent notation.
    public mutating func score(_ v: Double) {
        guard v.isFinite else { raw("0"); return }
        // Beyond what an Int can hold at 4 decimals, fall back to Swift's shortest representation
        // (valid JSON, e.g. 1e+16).
        guard v.magnitude < 1e14 else { bytes.append(contentsOf: String(v).utf8); return }
        let scaled = (v * 10_000).rounded()
        var n = Int(scaled)
        if n < 0 { bytes.append(UInt8(ascii: "-")); n = -n }
        int(n / 10_000)
        var frac = n % 10_000
        if frac == 0 { return }
        bytes.append(UInt8(ascii: "."))
        var digits = 4
        while frac % 10 == 0 { frac /= 10; digits -= 1 }
        var div = 1
        for _ in 1..<digits { div *= 10 }
        while div > 0 { bytes.append(UInt8(48 + (frac / div) % 10)); div /= 10 }
    }

    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { string(bytes: $0) }
    }

    public mutating func string(bytes src: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        for i in 0..<src.count {
            let b = src[i]
            if b >= 0x20 && b != 0x22 && b != 0x5C { continue }
            if i > runStart { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: src[runStart..<i])) }
            switch b {
            case 0x22: raw("\\\"")
            case 0x5C: raw("\\\\")
            case 0x0A: raw("\\n")
            case 0x0D: raw("\\r")
            case 0x09: raw("\\t")
            default:
                raw("\\u00")
                let hex: StaticString = "0123456789abcdef"
                bytes.append(hex.utf8Start[Int(b >> 4)]); bytes.append(hex.utf8Start[Int(b & 0xF)])
            }
            runStart = i + 1
        }
        if runStart < src.count { bytes.append(contentsOf: UnsafeBufferPointer(rebasing: src[runStart..<src.count])) }
        bytes.append(UInt8(ascii: "\""))
    }

    /// Writes a key and colon: `"key":`. Keys are trusted ASCII without escapes.
    @inline(__always) public mutating func key(_ k: StaticString) {
        bytes.append(UInt8(ascii: "\""))
        raw(k)
        raw("\":")
    }

    /// Writes `opening` (which ends in `[`), each item separated by commas, and `]`.
    @inline(__always)
    public mutating func list<T>(_ opening: StaticString, _ items: [T], _ each: (inout JSONWriter, T) -> Void) {
        raw(opening)
        for (i, item) in items.enumerated() {
            if i > 0 { byte(UInt8(ascii: ",")) }
            each(&self, item)
        }
        byte(UInt8(ascii: "]"))
    }

    public mutating func value(_ v: JSONValue) {
        switch v {
        case .null: raw("null")
        case .bool(let b): if b { raw("true") } else { raw("false") }
        case .number(let n): bytes.append(contentsOf: n.utf8)
        case .string(let s): string(s)
        case .array(let items):
            byte(UInt8(ascii: "["))
            for (i, item) in items.enumerated() { if i > 0 { byte(UInt8(ascii: ",")) }; value(item) }
            byte(UInt8(ascii: "]"))
        case .object(let pairs):
            byte(UInt8(ascii: "{"))
            for (i, (k, item)) in pairs.enumerated() {
                if i > 0 { byte(UInt8(ascii: ",")) }
                string(k); byte(UInt8(ascii: ":")); value(item)
            }
            byte(UInt8(ascii: "}"))
        }
    }
}
