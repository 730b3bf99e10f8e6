/// An open-addressing hash table from 64-bit keys (already hashed) to 32-bit values. Built once at
/// start-up and read by many threads; lookups are one multiply and a short linear probe.
struct HashTable: Sendable {
    private var keys: [UInt64]
    private var vals: [UInt32]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 16) {
        var cap = 16
        while cap < capacity * 2 { cap <<= 1 }
        keys = [UInt64](repeating: 0, count: cap)
        vals = [UInt32](repeating: 0, count: cap)
        mask = cap - 1
    }

    /// The key as stored (0 marks an empty slot, so key 0 is stored as 1).
    @inline(__always) static func fix(_ k: UInt64) -> UInt64 { k == 0 ? 1 : k }
    @inline(__always) private func slot(_ k: UInt64) -> Int { Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask }

    func get(_ key: UInt64) -> UInt32? {
        let k = HashTable.fix(key)
        var i = slot(k)
        return keys.withUnsafeBufferPointer { ks in
            while true {
                let s = ks[i]
                if s == k { return vals[i] }
                if s == 0 { return nil }
                i = (i + 1) & mask
            }
        }
    }

    func contains(_ key: UInt64) -> Bool { get(key) != nil }

    /// Inserts or replaces; `merge` combines an existing value with the new one.
    mutating func set(_ key: UInt64, _ value: UInt32, merge: ((UInt32, UInt32) -> UInt32)? = nil) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = HashTable.fix(key)
        var i = slot(k)
        while true {
            if keys[i] == k { vals[i] = merge.map { $0(vals[i], value) } ?? value; return }
            if keys[i] == 0 { keys[i] = k; vals[i] = value; count += 1; return }
            i = (i + 1) & mask
        }
    }

    /// Calls `body` with every stored key (as `fix` stores it) and its value.
    func forEach(_ body: (UInt64, UInt32) -> Void) {
        for i in keys.indices where keys[i] != 0 { body(keys[i], vals[i]) }
    }

    private mutating func grow() {
        let oldK = keys, oldV = vals
        keys = [UInt64](repeating: 0, count: oldK.count * 2)
        vals = [UInt32](repeating: 0, count: oldK.count * 2)
        mask = keys.count - 1
        count = 0
        for (i, k) in oldK.enumerated() where k != 0 { set(k, oldV[i]) }
    }
}

/// Hashing of token bytes and token sequences.
enum TokenHash {
    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325
    /// Folds the hash of one more token into a sequence hash (order matters).
    @inline(__always) static func combine(_ h: UInt64, _ t: UInt64) -> UInt64 {
        var x = (h ^ t) &* 0x9E37_79B9_7F4A_7C15
        x ^= x >> 31
        return x &+ 0x632B_E59B_D9B4_E019
    }
}
