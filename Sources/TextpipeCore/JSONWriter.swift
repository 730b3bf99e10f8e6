import StageKit

/// Writes JSON into a byte buffer. Strings are escaped per RFC 8259; non-ASCII is written as UTF-8.
///
/// The buffer is its own growable allocation written with plain stores and `memcpy` (an `Array` append
/// costs a uniqueness check and a generic copy per piece, which dominated response encoding). Copying a
/// writer copies its bytes on the next write (copy on write), as with an array.
public struct JSONWriter {
    final class Storage {
        var base: UnsafeMutablePointer<UInt8>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = max(capacity, 16)
            base = .allocate(capacity: self.capacity)
        }

        func copy() -> Storage {
            let s = Storage(capacity: capacity)
            s.base.update(from: base, count: count)
            s.count = count
            return s
        }

        func grow(toHold needed: Int) {
            var c = capacity * 2
            while c < needed { c *= 2 }
            let b = UnsafeMutablePointer<UInt8>.allocate(capacity: c)
            b.update(from: base, count: count)
            base.deallocate()
            base = b
            capacity = c
        }

        deinit { base.deallocate() }
    }

    private var storage: Storage

    public init(capacity: Int = 1024) { storage = Storage(capacity: capacity) }

    /// The bytes written so far (a copy).
    public var bytes: [UInt8] { [UInt8](UnsafeBufferPointer(start: storage.base, count: storage.count)) }

    /// How many bytes have been written.
    public var count: Int { storage.count }

    /// Room for `n` more bytes; returns where they go. The caller then calls `advance(n)`.
    @inline(__always) mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        let s = storage
        if s.count + n > s.capacity { s.grow(toHold: s.count + n) }
        return s.base + s.count
    }

    @inline(__always) mutating func advance(_ n: Int) { storage.count += n }

    @inline(__always) mutating func append(_ src: UnsafePointer<UInt8>, count n: Int) {
        let p = reserve(n)
        p.update(from: src, count: n)
        storage.count += n
    }

    @inline(__always) public mutating func raw(_ s: StaticString) {
        append(s.utf8Start, count: s.utf8CodeUnitCount)
    }
    @inline(__always) public mutating func byte(_ b: UInt8) {
        let p = reserve(1)
        p.pointee = b
        storage.count += 1
    }

    public mutating func int(_ v: Int) {
        if v >= 0 && v < 10 { byte(UInt8(48 + v)); return }
        let p = reserve(20)
        advance(JSONWriter.writeInt(v, to: p))
    }

    /// Writes the decimal digits of `v` (at most 20 bytes) at `p`; returns how many were written.
    @inline(__always)
    static func writeInt(_ v: Int, to p: UnsafeMutablePointer<UInt8>) -> Int {
        var n = v.magnitude
        var digits = 1
        var t = n
        while t >= 10 { t /= 10; digits += 1 }
        let sign = v < 0 ? 1 : 0
        if sign == 1 { p[0] = UInt8(ascii: "-") }
        var i = digits + sign
        repeat { i -= 1; p[i] = UInt8(truncatingIfNeeded: 48 &+ n % 10); n /= 10 } while n > 0
        return digits + sign
    }

    /// `"start":S,"end":E` in one write (spans are most of a response's small pieces).
    public mutating func span(start: Int, end: Int) {
        let s1: StaticString = "\"start\":", s2: StaticString = ",\"end\":"
        let p = reserve(s1.utf8CodeUnitCount + s2.utf8CodeUnitCount + 40)
        var k = 0
        p.update(from: s1.utf8Start, count: s1.utf8CodeUnitCount); k += s1.utf8CodeUnitCount
        k += JSONWriter.writeInt(start, to: p + k)
        (p + k).update(from: s2.utf8Start, count: s2.utf8CodeUnitCount); k += s2.utf8CodeUnitCount
        k += JSONWriter.writeInt(end, to: p + k)
        advance(k)
    }

    /// A number with at most 4 decimals (scores), without exponent notation.
    public mutating func score(_ v: Double) {
        guard v.isFinite else { raw("0"); return }
        // Beyond what an Int can hold at 4 decimals, fall back to Swift's shortest representation
        // (valid JSON, e.g. 1e+16).
        guard v.magnitude < 1e14 else { var t = String(v); t.withUTF8 { append($0.baseAddress!, count: $0.count) }; return }
        let scaled = (v * 10_000).rounded()
        var n = Int(scaled)
        if n < 0 { byte(UInt8(ascii: "-")); n = -n }
        int(n / 10_000)
        var frac = n % 10_000
        if frac == 0 { return }
        byte(UInt8(ascii: "."))
        var digits = 4
        while frac % 10 == 0 { frac /= 10; digits -= 1 }
        var div = 1
        for _ in 1..<digits { div *= 10 }
        while div > 0 { byte(UInt8(48 + (frac / div) % 10)); div /= 10 }
    }

    public mutating func string(_ s: String) {
        var s = s
        s.withUTF8 { string(bytes: $0) }
    }

    public mutating func string(bytes src: UnsafeBufferPointer<UInt8>) {
        // One uniqueness check for the whole string (this call has the writer to itself), then plain
        // stores with a capacity check per piece.
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        let s = storage
        @inline(__always) func put(_ p: UnsafePointer<UInt8>, _ k: Int) {
            if s.count + k > s.capacity { s.grow(toHold: s.count + k) }
            (s.base + s.count).update(from: p, count: k)
            s.count += k
        }
        @inline(__always) func put(_ b: UInt8) {
            if s.count + 1 > s.capacity { s.grow(toHold: s.count + 1) }
            s.base[s.count] = b
            s.count += 1
        }
        put(UInt8(ascii: "\""))
        guard let base = src.baseAddress else { put(UInt8(ascii: "\"")); return }
        let n = src.count
        var runStart = 0
        while true {
            let i = firstJSONSpecial(base, from: runStart, end: n)
            if i > runStart { put(base + runStart, i - runStart) }
            if i == n { break }
            let b = base[i]
            switch b {
            case 0x22: put(UInt8(ascii: "\\")); put(UInt8(ascii: "\""))
            case 0x5C: put(UInt8(ascii: "\\")); put(UInt8(ascii: "\\"))
            case 0x0A: put(UInt8(ascii: "\\")); put(UInt8(ascii: "n"))
            case 0x0D: put(UInt8(ascii: "\\")); put(UInt8(ascii: "r"))
            case 0x09: put(UInt8(ascii: "\\")); put(UInt8(ascii: "t"))
            default:
                let u: StaticString = "\\u00"
                put(u.utf8Start, u.utf8CodeUnitCount)
                let hex: StaticString = "0123456789abcdef"
                put(hex.utf8Start[Int(b >> 4)]); put(hex.utf8Start[Int(b & 0xF)])
            }
            runStart = i + 1
        }
        put(UInt8(ascii: "\""))
    }

    /// Writes a key and colon: `"key":`. Keys are trusted ASCII without escapes.
    @inline(__always) public mutating func key(_ k: StaticString) {
        byte(UInt8(ascii: "\""))
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
        case .number(let n): var t = n; t.withUTF8 { if let b = $0.baseAddress { append(b, count: $0.count) } }
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

/// The index of the first byte at or after `from` that JSON strings treat specially — `"`, `\` or a
/// control character below 0x20 — or `end` when there is none. Eight bytes at a time: a word is only
/// looked at byte by byte when it holds such a byte (the SWAR tests below can flag a byte beyond the
/// first one wrongly, never miss one, so the byte loop decides).
@inline(__always)
func firstJSONSpecial(_ base: UnsafePointer<UInt8>, from: Int, end: Int) -> Int {
    let ones: UInt64 = 0x0101_0101_0101_0101
    let highs: UInt64 = 0x8080_8080_8080_8080
    var i = from
    while i + 8 <= end {
        let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
        let quote = x ^ (ones &* 0x22)
        let slash = x ^ (ones &* 0x5C)
        let flagged = ((x &- ones &* 0x20) & ~x)
            | ((quote &- ones) & ~quote)
            | ((slash &- ones) & ~slash)
        if flagged & highs != 0 { break }
        i += 8
    }
    while i < end {
        let b = base[i]
        if b < 0x20 || b == 0x22 || b == 0x5C { return i }
        i += 1
    }
    return end
}
