/// Converts UTF-8 byte offsets into code point or UTF-16 offsets for a whole response in one pass:
/// collect every offset, sort them, walk the text once.
public struct OffsetMap {
    private let unit: OffsetUnit
    private var keys: [Int] = []
    private var values: [Int] = []
    private let identity: Bool
    /// The converted value of each offset given at construction, in the order given (so that a writer
    /// that asks in that order reads them one after another instead of searching).
    public private(set) var converted: [Int] = []

    /// `offsets` are the byte offsets that will be asked for; others are not known to the map.
    public init(text: UnsafeBufferPointer<UInt8>, unit: OffsetUnit, offsets: [Int]) {
        self.unit = unit
        let highs: UInt64 = 0x8080_8080_8080_8080
        let n = text.count
        var ascii = true
        if unit != .utf8, let base = text.baseAddress {
            var i = 0
            var or: UInt64 = 0
            while i + 8 <= n { or |= UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self); i += 8 }
            while i < n { or |= UInt64(base[i]); i += 1 }
            ascii = or & highs == 0
        }
        identity = unit == .utf8 || ascii
        guard !identity, let base = text.baseAddress else { converted = offsets; return }
        // The positions of the offsets in ascending order of offset. Usually sorted as (offset, position)
        // packed in one Int, which is faster than sorting positions by a closure.
        let mask = 1 << 24 - 1
        let sortedPositions: [Int]
        if offsets.count <= mask && offsets.allSatisfy({ $0 >= 0 && $0 < 1 << 39 }) {
            sortedPositions = offsets.enumerated().map { $0.element << 24 | $0.offset }.sorted().map { $0 & mask }
        } else {
            sortedPositions = offsets.indices.sorted { offsets[$0] < offsets[$1] }
        }
        converted = [Int](repeating: 0, count: offsets.count)
        keys.reserveCapacity(offsets.count)
        values.reserveCapacity(offsets.count)
        // Code points: bytes that are not continuation bytes (10xxxxxx). UTF-16 units: the same, plus one
        // more for each lead byte of a 4-byte sequence (0xF0 and up). Eight bytes at a time, then by byte.
        let utf16 = unit == .utf16
        var count = 0
        var pos = 0
        for index in sortedPositions {
            let target = offsets[index]
            if keys.last != target {
                let stop = min(max(target, 0), n)
                while pos + 8 <= stop {
                    let x = UnsafeRawPointer(base + pos).loadUnaligned(as: UInt64.self)
                    let continuation = x & ~(x << 1) & highs
                    count += 8 - OffsetMap.highBits(continuation)
                    if utf16 {
                        count += OffsetMap.highBits(x & (x << 1) & (x << 2) & (x << 3) & highs)
                    }
                    pos += 8
                }
                while pos < stop {
                    let b = base[pos]
                    if b & 0xC0 != 0x80 { count += utf16 && b >= 0xF0 ? 2 : 1 }
                    pos += 1
                }
                keys.append(target)
                values.append(count)
            }
            converted[index] = count
        }
    }

    /// How many bytes of `mask` have their high bit set, for a mask with no other bits set (a multiply
    /// instead of `nonzeroBitCount`, which without the POPCNT instruction is a long bit-twiddling sequence).
    @inline(__always)
    static func highBits(_ mask: UInt64) -> Int {
        Int(truncatingIfNeeded: ((mask >> 7) &* 0x0101_0101_0101_0101) >> 56)
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
