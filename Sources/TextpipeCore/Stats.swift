import StageKit
import Synchronization

/// Request counters, error counts and latency histograms per pipeline and per stage, shared by all
/// workers. Recording is lock-free (relaxed atomic adds); the table of pipelines is an immutable
/// registry swapped when a configuration is installed, so the hot path never takes a lock.
public final class Stats: @unchecked Sendable {
    /// One stage of one pipeline.
    public final class StageStats: Sendable {
        public let name: String
        public let failures = Counter()
        public let latency = LatencyHistogram()
        init(name: String) { self.name = name }
    }

    /// One pipeline: answered requests (from receipt to answer) and its stages.
    public final class PipelineStats: Sendable {
        public let name: String
        public let stages: [StageStats]
        public let requests = Counter()
        public let ok = Counter()
        public let errors = Counter()
        public let latency = LatencyHistogram()
        init(name: String, stages: [String]) { self.name = name; self.stages = stages.map(StageStats.init) }
    }

    /// Values that live in the server (not counted here), read when a report is made.
    public struct Gauges: Sendable {
        public var queueDepth = 0
        public var connections = 0
        public init(queueDepth: Int = 0, connections: Int = 0) { self.queueDepth = queueDepth; self.connections = connections }
    }

    final class Registry: Sendable {
        let byName: [String: PipelineStats]
        let order: [String]
        init(byName: [String: PipelineStats], order: [String]) { self.byName = byName; self.order = order }
    }

    private let lock = Mutex()
    /// Every registry ever installed stays alive (a few objects per reload), so a reader that loaded
    /// an old pointer can still use it: no reference counting on the hot path.
    private var registries: [Registry]
    private let current: Atomic<Unmanaged<Registry>>
    private var gaugeSource: (@Sendable () -> Gauges)?

    private let total = Counter()
    private let oversized = Counter()
    private let errorCounts: [Counter] = ErrorCode.allCases.map { _ in Counter() }
    public let reloadsOK = Counter()
    public let reloadsFailed = Counter()

    public init() {
        let empty = Registry(byName: [:], order: [])
        registries = [empty]
        current = Atomic(Unmanaged.passUnretained(empty))
    }

    private var registry: Registry { current.load(ordering: .acquiring).takeUnretainedValue() }

    /// Makes sure a pipeline's stages are listed (called when a runtime is installed). A pipeline
    /// keeps its counts across reloads while its stage list stays the same.
    public func register(_ pipeline: Pipeline) {
        lock.withLock {
            let old = registry
            let names = pipeline.steps.map(\.name)
            if let existing = old.byName[pipeline.name], existing.stages.map(\.name) == names { return }
            var byName = old.byName
            byName[pipeline.name] = PipelineStats(name: pipeline.name, stages: names)
            let order = old.byName[pipeline.name] == nil ? old.order + [pipeline.name] : old.order
            let next = Registry(byName: byName, order: order)
            registries.append(next)
            current.store(Unmanaged.passUnretained(next), ordering: .releasing)
        }
    }

    /// Where queue depth and connection count are read from (set once by the server).
    public func setGauges(_ source: @escaping @Sendable () -> Gauges) { lock.withLock { gaugeSource = source } }

    public var gauges: Gauges { (lock.withLock { gaugeSource })?() ?? Gauges() }

    @inline(__always)
    func recordStage(pipeline: String, index: Int, nanos: UInt64, failed: Bool) {
        guard let p = registry.byName[pipeline], index < p.stages.count else { return }
        let s = p.stages[index]
        s.latency.record(nanos: nanos)
        if failed { s.failures.add() }
    }

    /// Counts one answered request: its pipeline (if it got that far), its error code (if any) and,
    /// when known, the time from receipt to answer.
    public func recordRequest(pipeline: String?, error: ErrorCode?, nanos: UInt64? = nil) {
        total.add()
        if let error {
            errorCounts[Self.index(of: error)].add()
            if error == .tooLarge { oversized.add() }
        }
        guard let pipeline, let p = registry.byName[pipeline] else { return }
        p.requests.add()
        if error == nil { p.ok.add() } else { p.errors.add() }
        if let nanos { p.latency.record(nanos: nanos) }
    }

    private static let codes = ErrorCode.allCases

    @inline(__always)
    static func index(of code: ErrorCode) -> Int { codes.firstIndex(of: code)! }

    /// Requests answered so far.
    public var requestCount: Int { total.value }
    public var oversizedLines: Int { oversized.value }
    public func errors(_ code: ErrorCode) -> Int { errorCounts[Self.index(of: code)].value }

    /// Pipelines known now, in the order they were first configured.
    public var pipelines: [PipelineStats] { let r = registry; return r.order.compactMap { r.byName[$0] } }

    /// The `stats` answer; `extra` fields (generation, reloads…) are appended.
    public func snapshot(extra: [(String, JSONValue)] = []) -> JSONValue {
        var byPipeline: [(String, JSONValue)] = []
        for p in pipelines {
            let stages: [JSONValue] = p.stages.map { s in
                let h = s.latency.snapshot()
                let calls = h.count
                return .object([
                    ("stage", .string(s.name)), ("calls", .int(calls)), ("failures", .int(s.failures.value)),
                    ("total_ms", .double(Double(h.sumNanos) / 1e6)),
                    ("mean_us", .double(calls == 0 ? 0 : Double(h.sumNanos) / Double(calls) / 1e3)),
                ] + Self.percentiles(h))
            }
            let h = p.latency.snapshot()
            byPipeline.append((p.name, .object([
                ("requests", .int(p.requests.value)), ("ok", .int(p.ok.value)), ("errors", .int(p.errors.value)),
                ("latency", .object([("count", .int(h.count)), ("mean_us", .double(h.count == 0 ? 0 : Double(h.sumNanos) / Double(h.count) / 1e3))] + Self.percentiles(h))),
                ("stages", .array(stages)),
            ])))
        }
        let codes: [(String, JSONValue)] = ErrorCode.allCases.map { ($0.rawValue, .int(errors($0))) }
        let g = gauges
        return .object([
            ("requests", .int(total.value)),
            ("oversized_lines", .int(oversized.value)),
            ("errors", .object(codes)),
            ("queue_depth", .int(g.queueDepth)),
            ("connections", .int(g.connections)),
            ("reloads", .object([("ok", .int(reloadsOK.value)), ("failed", .int(reloadsFailed.value))])),
            ("pipelines", .object(byPipeline)),
        ] + extra)
    }

    static func percentiles(_ h: LatencyHistogram.Snapshot) -> [(String, JSONValue)] {
        [("p50_us", .double(round1(h.quantile(0.5) / 1e3))),
         ("p90_us", .double(round1(h.quantile(0.9) / 1e3))),
         ("p99_us", .double(round1(h.quantile(0.99) / 1e3)))]
    }

    static func round1(_ x: Double) -> Double { (x * 10).rounded() / 10 }
}
