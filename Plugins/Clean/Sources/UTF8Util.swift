#if canImport(Glibc)
import Glibc
#endif
/// Small UTF-8 helpers for byte-level code.
enum UTF8Util {
    /// Appends the UTF-8 form of a scalar value (invalid values become U+FFFD).
    @inline(__always)
    static func encode(_ v: UInt32, into out: inout [UInt8]) {
        var v = v
        if v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { v = 0xFFFD }
        if v < 0x80 {
            out.append(UInt8(v))
        } else if v < 0x800 {
            out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F)))
        } else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// Decodes the scalar at `i` of well-formed UTF-8 (as Swift strings are); returns value and length.
    /// Ill-formed input gives U+FFFD and length 1, so callers always advance.
    @inline(__always)
    static func decode(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> (UInt32, Int) {
        let b0 = p[i]
        if b0 < 0x80 { return (UInt32(b0), 1) }
        if b0 >= 0xC2 && b0 < 0xE0, i + 1 < end, p[i + 1] & 0xC0 == 0x80 {
            return ((UInt32(b0 & 0x1F) << 6) | UInt32(p[i + 1] & 0x3F), 2)
        }
        if b0 >= 0xE0 && b0 < 0xF0, i + 2 < end, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80 {
            let v = (UInt32(b0 & 0x0F) << 12) | (UInt32(p[i + 1] & 0x3F) << 6) | UInt32(p[i + 2] & 0x3F)
            if v >= 0x800 && !(v >= 0xD800 && v <= 0xDFFF) { return (v, 3) }
        }
        if b0 >= 0xF0 && b0 < 0xF5, i + 3 < end, p[i + 1] & 0xC0 == 0x80, p[i + 2] & 0xC0 == 0x80, p[i + 3] & 0xC0 == 0x80 {
            let v = (UInt32(b0 & 0x07) << 18) | (UInt32(p[i + 1] & 0x3F) << 12) | (UInt32(p[i + 2] & 0x3F) << 6) | UInt32(p[i + 3] & 0x3F)
            if v >= 0x10000 && v <= 0x10FFFF { return (v, 4) }
        }
        return (0xFFFD, 1)
    }

    /// True when every byte is ASCII (checks 8 bytes at a time).
    static func isASCII(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = p.baseAddress else { return true }
        let n = p.count
        var i = 0
        let raw = UnsafeRawPointer(base)
        while i + 8 <= n {
            if raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n { if base[i] >= 0x80 { return false }; i += 1 }
        return true
    }

    /// True when `p` holds `byte` (memchr).
    @inline(__always)
    static func contains(_ p: UnsafeBufferPointer<UInt8>, _ byte: UInt8) -> Bool {
        guard let base = p.baseAddress, p.count > 0 else { return false }
        return memchr(base, Int32(byte), p.count) != nil
    }

    /// The index of the first `\n` or `\r` at or after `from`, or `p.count`; 16 bytes at a time.
    @inline(__always)
    static func nextLineBreak(_ p: UnsafeBufferPointer<UInt8>, _ from: Int) -> Int {
        guard let base = p.baseAddress else { return p.count }
        let n = p.count
        var i = from
        let lf = SIMD16<UInt8>(repeating: 10), cr = SIMD16<UInt8>(repeating: 13)
        while i + 16 <= n {
            let v = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
            if any((v .== lf) .| (v .== cr)) { break }
            i += 16
        }
        while i < n && base[i] != 10 && base[i] != 13 { i += 1 }
        return i
    }

    /// The length of the longest prefix of `p`, in steps of 16 bytes, made only of printable ASCII
    /// (0x20…0x7E) with no two spaces in a row (the byte after the prefix is included in that test).
    /// Scanners that stop at controls, non-ASCII bytes and double spaces can start after it.
    @inline(__always)
    static func plainPrefix(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        guard let base = p.baseAddress else { return 0 }
        let n = p.count
        var i = 0
        let lo = SIMD16<UInt8>(repeating: 0x20), hi = SIMD16<UInt8>(repeating: 0x7F), sp = SIMD16<UInt8>(repeating: 0x20)
        while i + 17 <= n {
            let v0 = UnsafeRawPointer(base + i).loadUnaligned(as: SIMD16<UInt8>.self)
            let v1 = UnsafeRawPointer(base + i + 1).loadUnaligned(as: SIMD16<UInt8>.self)
            if any((v0 .< lo) .| (v0 .>= hi) .| ((v0 .== sp) .& (v1 .== sp))) { break }
            i += 16
        }
        return i
    }
}
