import Synchronization

/// A counter that many threads add to without a lock (relaxed atomic add).
public final class Counter: Sendable {
    private let raw = Atomic<Int>(0)
    public init() {}
    @inline(__always) public func add(_ n: Int = 1) { raw.wrappingAdd(n, ordering: .relaxed) }
    public var value: Int { raw.load(ordering: .relaxed) }
}

/// Latencies in fixed log-scale buckets (1-2-5 per decade from 1 µs to 50 s, then +Inf), recorded
/// lock-free from any thread: one relaxed atomic add for the bucket, one for the sum. Percentiles
/// are estimated by linear interpolation inside the bucket that holds them.
public final class LatencyHistogram: Sendable {
    /// Upper bounds of the buckets in nanoseconds (inclusive); a last bucket takes the rest.
    public static let bounds: [UInt64] = {
        var b: [UInt64] = []
        var decade: UInt64 = 1_000
        while decade <= 10_000_000_000 {
            b += [decade, 2 * decade, 5 * decade]
            decade *= 10
        }
        return b
    }()

    private let buckets: [Counter]
    private let sumNanos = Atomic<UInt64>(0)

    public init() { buckets = (0...Self.bounds.count).map { _ in Counter() } }

    /// Index of the bucket that holds `nanos`.
    @inline(__always)
    static func bucket(_ nanos: UInt64) -> Int {
        let b = bounds
        var i = 0
        while i < b.count && nanos > b[i] { i += 1 }
        return i
    }

    @inline(__always)
    public func record(nanos: UInt64) {
        buckets[Self.bucket(nanos)].add()
        sumNanos.wrappingAdd(nanos, ordering: .relaxed)
    }

    /// A consistent-enough copy for reporting (each counter is read once).
    public struct Snapshot: Sendable {
        /// Count per bucket, the last one being +Inf.
        public var counts: [Int]
        public var sumNanos: UInt64
        public var count: Int { counts.reduce(0, +) }

        /// The `q`-quantile (0…1) in nanoseconds; 0 when empty.
        public func quantile(_ q: Double) -> Double {
            let total = count
            guard total > 0 else { return 0 }
            let rank = q * Double(total)
            var seen = 0
            for (i, c) in counts.enumerated() where c > 0 {
                if Double(seen + c) >= rank {
                    let lo = i == 0 ? 0 : Double(LatencyHistogram.bounds[i - 1])
                    guard i < LatencyHistogram.bounds.count else { return lo }
                    let hi = Double(LatencyHistogram.bounds[i])
                    let within = max(0, min(1, (rank - Double(seen)) / Double(c)))
                    return lo + (hi - lo) * within
                }
                seen += c
            }
            return Double(LatencyHistogram.bounds.last!)
        }
    }

    public func snapshot() -> Snapshot {
        Snapshot(counts: buckets.map(\.value), sumNanos: sumNanos.load(ordering: .relaxed))
    }
}
