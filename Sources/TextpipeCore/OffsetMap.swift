/// Converts UTF-8 byte offsets into code point or UTF-16 offsets for a whole response in one pass:
/// collect every offset, sort them, walk the text once.
public struct OffsetMap {
    private let unit: OffsetUnit
    private var keys: [Int] = []
    private var values: [Int] = []
    private let identity: Bool

    /// `offsets` are the byte offsets that will be asked for; others are not known to the map.
    public init(text: UnsafeBufferPointer<UInt8>, unit: OffsetUnit, offsets: [Int]) {
        self.unit = unit
        var ascii = true
        if unit != .utf8 {
            for b in text where b >= 0x80 { ascii = false; break }
        }
        identity = unit == .utf8 || ascii
        guard !identity else { return }
        keys = offsets.sorted()
        var unique: [Int] = []
        unique.reserveCapacity(keys.count)
        for k in keys where unique.last != k { unique.append(k) }
        keys = unique
        values = [Int](repeating: 0, count: keys.count)
        var count = 0
        var pos = 0
        let n = text.count
        for (i, target) in keys.enumerated() {
            let stop = min(target, n)
            while pos < stop {
                let b = text[pos]
                if unit == .codepoint {
                    if b & 0xC0 != 0x80 { count += 1 }
                } else {
                    if b & 0xC0 != 0x80 { count += b >= 0xF0 ? 2 : 1 }
                }
                pos += 1
            }
            values[i] = count
        }
    }

    /// The converted offset for a byte offset given at construction.
    @inline(__always)
    public func callAsFunction(_ byteOffset: Int) -> Int {
        if identity { return byteOffset }
        var lo = 0, hi = keys.count - 1
        while lo <= hi {
            let mid = (lo + hi) >> 1
            let k = keys[mid]
            if k == byteOffset { return values[mid] }
            if k < byteOffset { lo = mid + 1 } else { hi = mid - 1 }
        }
        return byteOffset
    }
}
