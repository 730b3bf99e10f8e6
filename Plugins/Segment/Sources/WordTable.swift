import StageKit

/// A read-only set of short words with a one-byte value each, looked up straight from UTF-8 bytes
/// (ASCII letters folded to lower case) without allocating. Open addressing over a flat key store.
struct WordTable: Sendable {
    /// Longest key that can be stored or looked up; longer words are never found.
    static let maxKeyLength = 32

    private var keys: [UInt8] = []
    /// Per slot: offset into `keys` (or -1), key length and value.
    private var slotOffset: [Int32]
    private var slotLength: [UInt8]
    private var slotValue: [UInt8]
    private let mask: Int
    private(set) var count = 0

    init(capacityFor n: Int) {
        var cap = 16
        while cap < n * 2 + 2 { cap <<= 1 }
        slotOffset = Array(repeating: -1, count: cap)
        slotLength = Array(repeating: 0, count: cap)
        slotValue = Array(repeating: 0, count: cap)
        mask = cap - 1
    }

    @inline(__always)
    private static func hash(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for i in 0..<n {
            h = (h ^ UInt64(ASCII.lower(p[i]))) &* 0x0000_0100_0000_01b3
        }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    /// Adds `word` (stored folded to lower case); a later insert of the same word replaces the value.
    mutating func insert(_ word: String, value: UInt8) {
        let bytes = word.utf8.map(ASCII.lower)
        guard !bytes.isEmpty, bytes.count <= WordTable.maxKeyLength, value != 0 else { return }
        let slot = bytes.withUnsafeBufferPointer { buf in find(buf.baseAddress!, buf.count) }
        if slotOffset[slot] >= 0 { slotValue[slot] = value; return }
        precondition(count * 2 + 2 <= mask + 1, "WordTable capacity exceeded")
        slotOffset[slot] = Int32(keys.count)
        slotLength[slot] = UInt8(bytes.count)
        slotValue[slot] = value
        keys.append(contentsOf: bytes)
        count += 1
    }

    /// The slot holding the key, or the empty slot where it would go.
    @inline(__always)
    private func find(_ p: UnsafePointer<UInt8>, _ n: Int) -> Int {
        var slot = WordTable.hash(p, n) & mask
        while true {
            let off = Int(slotOffset[slot])
            if off < 0 { return slot }
            if Int(slotLength[slot]) == n {
                var same = true
                for i in 0..<n where keys[off + i] != ASCII.lower(p[i]) { same = false; break }
                if same { return slot }
            }
            slot = (slot + 1) & mask
        }
    }

    /// The value stored for `buf[start..<end]` (ASCII case folded), or 0 when absent.
    @inline(__always)
    func lookup(_ buf: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> UInt8 {
        let n = end - start
        guard n > 0, n <= WordTable.maxKeyLength, count > 0 else { return 0 }
        let slot = find(buf.baseAddress! + start, n)
        return slotOffset[slot] >= 0 ? slotValue[slot] : 0
    }
}
