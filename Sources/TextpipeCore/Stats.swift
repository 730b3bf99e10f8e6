import StageKit

/// Request counters and per-stage timings, shared by all workers.
public final class Stats: @unchecked Sendable {
    struct StageTotals { var name: String; var calls = 0; var failures = 0; var nanos: UInt64 = 0 }
    struct PipelineTotals { var requests = 0; var ok = 0; var errors = 0; var stages: [StageTotals] = [] }

    private let lock = Mutex()
    private var pipelines: [String: PipelineTotals] = [:]
    private var pipelineOrder: [String] = []
    private var errors: [String: Int] = [:]
    private var totalRequests = 0
    private var oversizedLines = 0

    public init() {}

    /// Makes sure a pipeline's stages are listed (called when a runtime is installed).
    public func register(_ pipeline: Pipeline) {
        lock.withLock {
            var t = pipelines[pipeline.name] ?? PipelineTotals()
            let names = pipeline.steps.map(\.name)
            if t.stages.map(\.name) != names { t.stages = names.map { StageTotals(name: $0) } }
            if pipelines[pipeline.name] == nil { pipelineOrder.append(pipeline.name) }
            pipelines[pipeline.name] = t
        }
    }

    func recordStage(pipeline: String, index: Int, nanos: UInt64, failed: Bool) {
        lock.withLock {
            guard var t = pipelines[pipeline], index < t.stages.count else { return }
            t.stages[index].calls += 1
            t.stages[index].nanos &+= nanos
            if failed { t.stages[index].failures += 1 }
            pipelines[pipeline] = t
        }
    }

    /// Counts one answered request: its pipeline (if it got that far) and its error code (if any).
    public func recordRequest(pipeline: String?, error: ErrorCode?) {
        lock.withLock {
            totalRequests += 1
            if let error { errors[error.rawValue, default: 0] += 1 }
            if error == .tooLarge { oversizedLines += 1 }
            guard let pipeline, var t = pipelines[pipeline] else { return }
            t.requests += 1
            if error == nil { t.ok += 1 } else { t.errors += 1 }
            pipelines[pipeline] = t
        }
    }

    /// Requests answered so far.
    public var requestCount: Int { lock.withLock { totalRequests } }

    /// The `stats` answer.
    public func snapshot() -> JSONValue {
        lock.withLock {
            var byPipeline: [(String, JSONValue)] = []
            for name in pipelineOrder {
                guard let t = pipelines[name] else { continue }
                let stages: [JSONValue] = t.stages.map { s in
                    .object([
                        ("stage", .string(s.name)), ("calls", .int(s.calls)), ("failures", .int(s.failures)),
                        ("total_ms", .double(Double(s.nanos) / 1e6)),
                        ("mean_us", .double(s.calls == 0 ? 0 : Double(s.nanos) / Double(s.calls) / 1e3)),
                    ])
                }
                byPipeline.append((name, .object([
                    ("requests", .int(t.requests)), ("ok", .int(t.ok)), ("errors", .int(t.errors)), ("stages", .array(stages)),
                ])))
            }
            let errorCounts: [(String, JSONValue)] = ErrorCode.allCases.map { ($0.rawValue, .int(errors[$0.rawValue] ?? 0)) }
            return .object([
                ("requests", .int(totalRequests)),
                ("oversized_lines", .int(oversizedLines)),
                ("errors", .object(errorCounts)),
                ("pipelines", .object(byPipeline)),
            ])
        }
    }
}
