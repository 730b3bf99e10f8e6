/// Per-line character clean-up: control and zero-width characters out, every kind of space to one
/// ASCII space, runs of spaces to one, spaces trimmed at both ends; Unicode NFC or NFKC.
struct TextNormalizer: Sendable {
    typealias Form = NormalizationForm

    let controls: Bool
    let whitespace: Bool
    let form: Form
    /// Code point → NFKC form, for code points whose NFKC differs from NFC (`data/nfkc.txt`).
    let nfkc: [UInt32: [UInt32]]

    /// What to do with a scalar.
    private enum Action { case keep, drop, space, joiner }

    @inline(__always)
    private func action(_ v: UInt32) -> Action {
        if v < 0x20 { return v == 9 || v == 11 || v == 12 ? .space : (controls ? .drop : .keep) }
        if v < 0x7F { return .keep }
        if v < 0xA0 { return controls ? .drop : .keep }   // DEL and C1 controls
        switch v {
        case 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return .space
        case 0xAD, 0x200B, 0x200E, 0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x2069, 0xFEFF, 0x061C, 0x180E, 0xFFF9...0xFFFB:
            return controls ? .drop : .keep
        case 0x200C, 0x200D: return controls ? .joiner : .keep
        default: return .keep
        }
    }

    /// True when `cleanLine` would not change the line: no control, zero-width or special space
    /// character, no leading, trailing or double space. Only bytes that can start such a character
    /// (ASCII controls and spaces; lead bytes C2, D8, E1, E2, E3, EF) are looked at closely.
    func isClean(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = p.count
        if n == 0 { return true }
        if p[0] == 32 || p[n - 1] == 32 { return false }
        var i = UTF8Util.plainPrefix(p)
        var prevSpace = i > 0 && p[i - 1] == 32
        while i < n {
            let c = p[i]
            if c < 0x80 {
                if c < 0x20 || c == 0x7F { return false }
                let sp = c == 32
                if sp && prevSpace { return false }
                prevSpace = sp
                i += 1
                continue
            }
            prevSpace = false
            switch c {
            case 0xC2, 0xD8, 0xE1, 0xE2, 0xE3, 0xEF:
                let (v, len) = UTF8Util.decode(p, i, n)
                if action(v) != .keep { return false }
                i += len
            default:
                i += 1
            }
        }
        return true
    }

    /// Cleans one line into `out` (appending). Code lines keep their spaces and tabs; only control
    /// characters go and trailing spaces are cut. `origins` hears where each output byte came from.
    func cleanLine<O: OriginSink>(_ p: UnsafeBufferPointer<UInt8>, code: Bool, into out: inout [UInt8], origins: inout O) {
        let n = p.count
        let base = out.count
        var i = 0
        var pendingSpace = false
        var spaceFrom = 0
        var prevNonASCII = false
        while i < n {
            let b = p[i]
            if b >= 0x20 && b < 0x7F {
                if b == 32 && !code && whitespace {
                    if !pendingSpace { spaceFrom = i }
                    pendingSpace = true; i += 1; continue
                }
                if pendingSpace {
                    if out.count > base { out.append(32); origins.replace(spaceFrom, i, count: 1) }
                    pendingSpace = false
                }
                out.append(b); origins.copy(i, count: 1)
                prevNonASCII = false; i += 1
                continue
            }
            let (v, len) = b < 0x80 ? (UInt32(b), 1) : UTF8Util.decode(p, i, n)
            var act = action(v)
            if code && v == 9 { act = .keep }
            if act == .space && !whitespace { act = .keep }
            if act == .joiner {
                // keep ZWJ/ZWNJ between non-ASCII characters (emoji sequences, Persian, Indic)
                let next: UInt32 = i + len < n ? UTF8Util.decode(p, i + len, n).0 : 0
                act = prevNonASCII && next >= 0x80 ? .keep : .drop
            }
            switch act {
            case .drop:
                break
            case .space:
                if code { out.append(32); origins.replace(i, i + len, count: 1) }
                else if !pendingSpace { pendingSpace = true; spaceFrom = i }
            case .keep, .joiner:
                if pendingSpace {
                    if out.count > base { out.append(32); origins.replace(spaceFrom, i, count: 1) }
                    pendingSpace = false
                }
                out.append(contentsOf: p[i..<(i + len)]); origins.copy(i, count: len)
                prevNonASCII = v >= 0x80
            }
            i += len
        }
        if code {
            var cut = 0
            while out.count > base, out[out.count - 1] == 32 || out[out.count - 1] == 9 { out.removeLast(); cut += 1 }
            if cut > 0 { origins.truncate(by: cut) }
        }
    }

    /// True when the scalar and everything after it needs no normalization check (NFC quick-check "yes"
    /// and no combining class); used to skip the full NFC for most non-ASCII text.
    @inline(__always)
    static func isNFCSafe(_ v: UInt32) -> Bool {
        switch v {
        case 0..<0x300, 0x370...0x373, 0x375...0x37D, 0x37F...0x386, 0x388...0x3FF, 0x400...0x482, 0x48A...0x52F,
             0x5D0...0x5EA, 0x621...0x64A, 0x2010...0x20CF, 0x2100...0x2125, 0x2127...0x2129, 0x212C...0x2328,
             0x232B...0x2ADB, 0x2ADD...0x2BFF, 0x3040...0x3098, 0x30A0...0x30FF, 0x4E00...0x9FFF, 0xAC00...0xD7A3,
             0x1F000...0x1FAFF:
            return true
        default:
            return false
        }
    }

    /// Normalizes `line` (already cleaned) to the configured form, appending to `out`. Returns false and
    /// appends nothing when the line is already normalized (the common case, decided without copying).
    func normalize<O: OriginSink>(_ p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], origins: inout O) -> Bool {
        if form == .none { return false }
        let n = p.count
        var i = 0
        var needs = false
        while i < n {
            if p[i] < 0x80 { i += 1; continue }
            let (v, len) = UTF8Util.decode(p, i, n)
            if !TextNormalizer.isNFCSafe(v) || (form == .nfkc && nfkc[v] != nil) { needs = true; break }
            i += len
        }
        if !needs { return false }
        var source: String
        if form == .nfkc {
            var mapped: [UInt8] = []
            mapped.reserveCapacity(n + 16)
            var k = 0
            while k < n {
                let (v, len) = UTF8Util.decode(p, k, n)
                if v >= 0x80, let m = nfkc[v] { for s in m { UTF8Util.encode(s, into: &mapped) } }
                else { mapped.append(contentsOf: p[k..<(k + len)]) }
                k += len
            }
            source = String(decoding: mapped, as: UTF8.self)
        } else {
            source = String(decoding: p, as: UTF8.self)
        }
        let before = out.count
        source._withNFCCodeUnits { out.append($0) }
        if form == .nfc && out.count - before == n && out[before...].elementsEqual(p) {
            out.removeSubrange(before...)
            return false
        }
        TextNormalizer.recordChange(p, out, from: before, into: &origins)
        return true
    }

    /// Records a rewrite done by a library routine: the common prefix and suffix (whole characters) are
    /// copies, the part between them replaces the part between them in the input.
    static func recordChange<O: OriginSink>(_ p: UnsafeBufferPointer<UInt8>, _ out: [UInt8], from base: Int, into origins: inout O) {
        let n = p.count, m = out.count - base
        var pre = 0
        while pre < n && pre < m && p[pre] == out[base + pre] { pre += 1 }
        while pre > 0 && pre < n && p[pre] & 0xC0 == 0x80 { pre -= 1 }
        var suf = 0
        while suf < n - pre && suf < m - pre && p[n - 1 - suf] == out[base + m - 1 - suf] { suf += 1 }
        while suf > 0 && p[n - suf] & 0xC0 == 0x80 { suf -= 1 }
        origins.copy(0, count: pre)
        if m - pre - suf > 0 { origins.replace(pre, n - suf, count: m - pre - suf) }
        origins.copy(n - suf, count: suf)
    }
}
