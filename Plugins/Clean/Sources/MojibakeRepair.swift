/// Repairs text that was UTF-8 but got decoded as Windows-1252 or Latin-1 (`â€™` → `’`, `Ã©` → `é`),
/// also when that happened twice.
///
/// Runs of characters that have a Windows-1252/Latin-1 byte (all non-ASCII) are turned back into those
/// bytes; wherever the bytes form a valid UTF-8 sequence that decodes to a plausible character (a letter or
/// symbol of a common script, never a control, combining mark or rare block), the sequence replaces the
/// characters. Anything else is left exactly as it was, so correct text is not changed: correct accented
/// text almost never has a lead-byte character directly followed by continuation-byte characters, and the
/// few such pairs that occur in real words decode to implausible characters.
enum MojibakeRepair {
    /// Character → Windows-1252 byte for U+0152…U+2122 (the 0x80…0x9F row); Latin-1 covers the rest.
    @inline(__always)
    static func cp1252Byte(_ v: UInt32) -> UInt8? {
        if v >= 0x80 && v <= 0xFF { return UInt8(v) }
        switch v {
        case 0x20AC: return 0x80
        case 0x201A: return 0x82
        case 0x0192: return 0x83
        case 0x201E: return 0x84
        case 0x2026: return 0x85
        case 0x2020: return 0x86
        case 0x2021: return 0x87
        case 0x02C6: return 0x88
        case 0x2030: return 0x89
        case 0x0160: return 0x8A
        case 0x2039: return 0x8B
        case 0x0152: return 0x8C
        case 0x017D: return 0x8E
        case 0x2018: return 0x91
        case 0x2019: return 0x92
        case 0x201C: return 0x93
        case 0x201D: return 0x94
        case 0x2022: return 0x95
        case 0x2013: return 0x96
        case 0x2014: return 0x97
        case 0x02DC: return 0x98
        case 0x2122: return 0x99
        case 0x0161: return 0x9A
        case 0x203A: return 0x9B
        case 0x0153: return 0x9C
        case 0x017E: return 0x9E
        case 0x0178: return 0x9F
        default: return nil
        }
    }

    /// Characters a repaired sequence may produce.
    static func isPlausible(_ v: UInt32) -> Bool {
        switch v {
        case 0xA0...0x17F: return true                      // Latin-1 supplement, Latin Extended-A
        case 0x192, 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x218...0x21B: return true   // ƒ, Vietnamese ơ ư, Romanian ș ț
        case 0x386...0x3CE: return true                     // Greek
        case 0x400...0x45F, 0x490...0x4FF: return true      // Cyrillic
        case 0x5D0...0x5EA: return true                     // Hebrew letters
        case 0x60C, 0x61B, 0x61F, 0x621...0x64A, 0x660...0x669, 0x67E, 0x686, 0x698, 0x6A9, 0x6AF, 0x6CC: return true  // Arabic
        case 0x900...0xDFF: return true                     // Indic scripts
        case 0xE01...0xE5B: return true                     // Thai
        case 0x1E00...0x1EFF: return true                   // Latin Extended Additional (Vietnamese)
        case 0x2010...0x205E, 0x20A0...0x20C0: return true  // punctuation, currency
        case 0x2100...0x215F, 0x2190...0x21FF, 0x2200...0x22FF, 0x2460...0x24FF, 0x2500...0x27BF: return true
        case 0x3000...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xAC00...0xD7A3, 0xFF01...0xFFEE: return true
        case 0x1F000...0x1FAFF: return true                 // emoji and pictographs
        default: return false
        }
    }

    /// Repairs one line, appending the result to `out`. Returns false (and appends nothing) when nothing
    /// needed repair.
    /// `origins` hears where each output byte came from (each pass is committed on its own).
    static func repair<O: OriginSink>(_ p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], origins: inout O) -> Bool {
        // The first pass reads the line in place: most lines need no repair, and then nothing is copied.
        var input: [UInt8] = []
        guard onePass(p, into: &input, origins: &origins) else { origins.discard(); return false }
        origins.commit()
        var current: [UInt8] = []
        var pass = 1
        while pass < 3 {
            current.removeAll(keepingCapacity: true)
            let changed = input.withUnsafeBufferPointer { onePass($0, into: &current, origins: &origins) }
            if !changed { origins.discard(); break }
            origins.commit()
            swap(&input, &current)
            pass += 1
        }
        out.append(contentsOf: input)
        origins.copy(0, count: input.count)
        return true
    }

    private static func isLetterScalar(_ v: UInt32) -> Bool {
        (v | 0x20) &- 97 < 26 || (v >= 0xC0 && v != 0xD7 && v != 0xF7 && v < 0x250) || (v >= 0x370 && v < 0x530)
    }

    private static func isLowerOrDigit(_ v: UInt32) -> Bool { v &- 97 < 26 || v &- 48 < 10 || (v >= 0xDF && v <= 0xFF && v != 0xF7) }

    private static func isUpperScalar(_ v: UInt32) -> Bool { v &- 65 < 26 || (v >= 0xC0 && v <= 0xDE && v != 0xD7) }

    private static func onePass<O: OriginSink>(_ p: UnsafeBufferPointer<UInt8>, into out: inout [UInt8], origins: inout O) -> Bool {
        let n = p.count
        var changed = false
        var i = 0
        var runScalars: [UInt32] = []
        var runBytes: [UInt8] = []
        var runPos: [Int] = []
        var prevScalar: UInt32 = 0x20
        while i < n {
            let b = p[i]
            if b < 0x80 { out.append(b); origins.copy(i, count: 1); prevScalar = UInt32(b); i += 1; continue }
            // collect a run of characters that have a single-byte Windows-1252 form (or U+FFFD)
            runScalars.removeAll(keepingCapacity: true)
            runBytes.removeAll(keepingCapacity: true)
            runPos.removeAll(keepingCapacity: true)
            var j = i
            while j < n && p[j] >= 0x80 {
                let (v, len) = UTF8Util.decode(p, j, n)
                if let cb = cp1252Byte(v) { runBytes.append(cb) }
                else if v == 0xFFFD { runBytes.append(0) }
                else { break }
                runScalars.append(v)
                runPos.append(j)
                j += len
            }
            if runScalars.isEmpty {
                // a non-ASCII character outside Windows-1252: copy it
                let (v, len) = UTF8Util.decode(p, i, n)
                out.append(contentsOf: p[i..<(i + len)])
                origins.copy(i, count: len)
                prevScalar = v
                i += len
                continue
            }
            let nextScalar: UInt32 = j < n ? UTF8Util.decode(p, j, n).0 : 0
            var skipRest = false
            var t = 0
            let m = runBytes.count
            var before = prevScalar
            while t < m {
                let lead = runBytes[t]
                var need = 0
                if lead >= 0xC2 && lead <= 0xDF { need = 1 } else if lead >= 0xE0 && lead <= 0xEF { need = 2 } else if lead >= 0xF0 && lead <= 0xF4 { need = 3 }
                var decoded: UInt32? = nil
                var used = 0
                if need > 0 && t + need < m {
                    var ok = true
                    var v = UInt32(lead) & (need == 1 ? 0x1F : need == 2 ? 0x0F : 0x07)
                    for k in 1...need {
                        let c = runBytes[t + k]
                        if c & 0xC0 != 0x80 { ok = false; break }
                        v = (v << 6) | UInt32(c & 0x3F)
                    }
                    if ok {
                        let minimum: UInt32 = need == 1 ? 0x80 : need == 2 ? 0x800 : 0x10000
                        if v >= minimum && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF) && isPlausible(v) {
                            decoded = v; used = need + 1
                        }
                    }
                    // Correct upper-case text: a word-final capital directly followed by ” ’ … » (`IRMÃ”`).
                    if let _ = decoded, need == 1 {
                        let second = runBytes[t + 1]
                        let after: UInt32 = t + 2 < m ? runScalars[t + 2] : nextScalar
                        if (second == 0x94 || second == 0x92 || second == 0x85 || second == 0xBB) && isUpperScalar(before) && !isLetterScalar(after) {
                            decoded = nil
                        }
                    }
                }
                // `â€` whose third byte (0x9D, undefined in Windows-1252) was lost or replaced: a right double quote.
                if decoded == nil && lead == 0xE2 && t + 1 < m && runBytes[t + 1] == 0x80 && (t + 2 >= m || runBytes[t + 2] & 0xC0 != 0x80) {
                    decoded = 0x201D
                    used = (t + 2 < m && runBytes[t + 2] == 0) ? 3 : 2
                }
                // `Ã` + no-break space (à) and `Â` + no-break space whose no-break space became a plain space:
                // only after a lower-case letter or digit, where a capital Ã/Â cannot stand in correct text.
                if decoded == nil && t == m - 1 && nextScalar == 0x20 && (lead == 0xC3 || lead == 0xC2) && isLowerOrDigit(before) {
                    if lead == 0xC3 {
                        UTF8Util.encode(0xE0, into: &out)
                        before = 0xE0
                        // the no-break space's own space, when a word space follows it
                        if j + 1 < n && p[j] == 0x20 && p[j + 1] == 0x20 {
                            origins.replace(runPos[t], j + 1, count: 2)
                            i = j + 1; prevScalar = before; changed = true; skipRest = true; break
                        }
                        origins.replace(runPos[t], j, count: 2)
                    }
                    changed = true
                    t += 1
                    continue
                }
                let mark = out.count
                if let v = decoded {
                    UTF8Util.encode(v, into: &out)
                    origins.replace(runPos[t], t + used < m ? runPos[t + used] : j, count: out.count - mark)
                    changed = true
                    before = v
                    t += used
                } else {
                    UTF8Util.encode(runScalars[t], into: &out)
                    origins.replace(runPos[t], t + 1 < m ? runPos[t + 1] : j, count: out.count - mark)
                    before = runScalars[t]
                    t += 1
                }
            }
            if skipRest { continue }
            prevScalar = before
            i = j
        }
        return changed
    }
}
