#if canImport(Glibc)
import Glibc
#endif
import StageKit
import Synchronization

/// Answers request lines: decodes, runs the pipeline, encodes. Transport-free, so it is tested
/// without a socket; the server calls it from worker threads.
public final class Engine: @unchecked Sendable {
    public static let version = "0.1.0"

    public let stats = Stats()
    private let lock = Mutex()
    private var current: Runtime
    private let generationValue = Atomic<Int>(1)
    private let started = monotonicNanos()
    private var last: ReloadReport?
    private var reloadHandler: (@Sendable () -> ReloadReport)?

    public init(runtime: Runtime) {
        current = runtime
        runtime.pipelines.forEach(stats.register)
    }

    /// The runtime requests are served with now.
    public var runtime: Runtime { lock.withLock { current } }
    /// 1 for the configuration the daemon started with, +1 for each one installed since (lock-free).
    public var generation: Int { generationValue.load(ordering: .acquiring) }

    /// Installs a completely built runtime; requests already running keep the one they started with.
    public func install(_ runtime: Runtime) {
        runtime.pipelines.forEach(stats.register)
        lock.withLock {
            current = runtime
            generationValue.wrappingAdd(1, ordering: .releasing)
        }
    }

    /// The result of the last reload (nil before the first).
    public var lastReload: ReloadReport? { lock.withLock { last } }

    /// Remembers a reload's result for `health`, `stats` and `metrics`.
    public func recordReload(_ report: ReloadReport) {
        (report.ok ? stats.reloadsOK : stats.reloadsFailed).add()
        lock.withLock { last = report }
    }

    /// What the `reload` op runs (set by the server): reload and wait for the result.
    public func setReloadHandler(_ handler: @escaping @Sendable () -> ReloadReport) { lock.withLock { reloadHandler = handler } }

    /// What the worker learned about a request, for the response slot (id for late errors).
    public struct Outcome: Sendable {
        public var bytes: [UInt8]
        public var pipeline: String?
        public var error: ErrorCode?
        /// The op, when the line could be decoded.
        public var op: Operation?
    }

    /// Answers one request line. `onID` is called as soon as the id is known (so a timeout answered by
    /// the server can echo it). `deadline` is monotonic ns. `access` is what the peer may do.
    public func handle(line: UnsafeBufferPointer<UInt8>, deadline: UInt64?, onID: ((JSONValue) -> Void)? = nil, access: Access = .everything) -> Outcome {
        let request: Request
        switch Request.decode(line) {
        case .failure(let f):
            onID?(f.id)
            let e = access.connect ? f.error : Engine.notAllowed
            return Outcome(bytes: ResponseEncoder.error(id: f.id, e), pipeline: nil, error: e.code)
        case .success(let r):
            request = r
        }
        onID?(request.id)
        guard access.permits(request.op) else {
            let e = access.connect ? RequestError(.forbidden, "op '\(request.op.rawValue)' is not allowed for this peer (server.admin)") : Engine.notAllowed
            return Outcome(bytes: ResponseEncoder.error(id: request.id, e), pipeline: nil, error: e.code, op: request.op)
        }
        let runtime = self.runtime
        func success(_ result: JSONValue) -> Outcome {
            Outcome(bytes: ResponseEncoder.success(id: request.id, result: result), pipeline: nil, error: nil, op: request.op)
        }
        switch request.op {
        case .process:
            let name = request.pipeline ?? runtime.defaultPipeline
            guard let pipeline = runtime.pipeline(named: name) else {
                let e = RequestError(.unknownPipeline, "unknown pipeline '\(name)' (configured: \(runtime.pipelines.map(\.name).joined(separator: ", ")))")
                return Outcome(bytes: ResponseEncoder.error(id: request.id, e), pipeline: nil, error: e.code, op: .process)
            }
            var document = Document(text: request.text ?? "")
            document.requestFlags = request.flags
            do {
                try pipeline.run(&document, stats: stats, deadline: deadline)
            } catch {
                return Outcome(bytes: ResponseEncoder.error(id: request.id, error), pipeline: name, error: error.code, op: .process)
            }
            let bytes = ResponseEncoder.document(id: request.id, pipeline: name, document, unit: request.offsets)
            return Outcome(bytes: bytes, pipeline: name, error: nil, op: .process)
        case .pipelines:
            return success(pipelinesResult(runtime))
        case .health:
            return success(healthResult(runtime))
        case .stats:
            return success(stats.snapshot(extra: [
                ("generation", .int(generation)),
                ("last_reload", lastReload?.json ?? .null),
            ]))
        case .metrics:
            return success(.object([
                ("content_type", .string("text/plain; version=0.0.4")),
                ("text", .string(metricsText())),
            ]))
        case .reload:
            guard let handler = lock.withLock({ reloadHandler }) else {
                let e = RequestError(.badRequest, "this daemon cannot reload (no configuration file)")
                return Outcome(bytes: ResponseEncoder.error(id: request.id, e), pipeline: nil, error: e.code, op: .reload)
            }
            return success(handler().json)
        }
    }

    /// The answer to a peer that `server.allow` does not let in.
    public static let notAllowed = RequestError(.forbidden, "this peer is not allowed to use the daemon (server.allow)")

    public func handle(line: [UInt8], deadline: UInt64? = nil, access: Access = .everything) -> Outcome {
        line.withUnsafeBufferPointer { handle(line: $0, deadline: deadline, access: access) }
    }

    /// The `metrics` answer: `Stats` plus generation, reload result, uptime and version.
    public func metricsText() -> String {
        var extra: [Stats.ExtraMetric] = [
            .init(name: "textpiped_config_generation", help: "Configuration generation (1 at start, +1 per successful reload).", type: "gauge",
                  samples: [([], Double(generation))]),
            .init(name: "textpiped_uptime_seconds", help: "Seconds since the daemon started.", type: "gauge",
                  samples: [([], Double(monotonicNanos() - started) / 1e9)]),
            .init(name: "textpiped_build_info", help: "Version of the daemon.", type: "gauge",
                  samples: [([("version", Engine.version)], 1)]),
        ]
        if let r = lastReload {
            extra.append(.init(name: "textpiped_last_reload_success", help: "1 when the last reload succeeded, 0 when it failed.", type: "gauge",
                               samples: [([], r.ok ? 1 : 0)]))
        }
        return stats.prometheus(extra: extra)
    }

    func pipelinesResult(_ runtime: Runtime) -> JSONValue {
        let list: [JSONValue] = runtime.pipelines.map { p in
            .object([
                ("name", .string(p.name)),
                ("default", .bool(p.name == runtime.defaultPipeline)),
                ("stages", .array(p.steps.map { .string($0.name) })),
                ("provides", .array(p.provided.sorted().map { .string($0.rawValue) })),
            ])
        }
        return .object([("default", .string(runtime.defaultPipeline)), ("pipelines", .array(list))])
    }

    func healthResult(_ runtime: Runtime) -> JSONValue {
        .object([
            ("status", .string("ok")),
            ("version", .string(Engine.version)),
            ("uptime_s", .double(Double(monotonicNanos() - started) / 1e9)),
            ("generation", .int(generation)),
            ("config", .string(runtime.config.file)),
            ("pipelines", .int(runtime.pipelines.count)),
            ("workers", .int(runtime.config.server.workers)),
            ("pid", .int(Int(getpid()))),
            ("last_reload", lastReload?.json ?? .null),
        ])
    }
}

/// The result of one reload: whether the new configuration was installed, the generation serving
/// afterwards, when it finished and why it failed.
public struct ReloadReport: Sendable {
    public var ok: Bool
    public var generation: Int
    /// Wall-clock time of the end of the reload (seconds since the epoch).
    public var finishedAt: Double
    public var durationMs: Double
    public var error: String?

    public init(ok: Bool, generation: Int, finishedAt: Double, durationMs: Double, error: String?) {
        self.ok = ok; self.generation = generation; self.finishedAt = finishedAt; self.durationMs = durationMs; self.error = error
    }

    public var json: JSONValue {
        .object([
            ("ok", .bool(ok)), ("generation", .int(generation)), ("at", .string(iso8601(finishedAt))),
            ("duration_ms", .double((durationMs * 10).rounded() / 10)), ("error", error.map { .string($0) } ?? .null),
        ])
    }
}

/// `2026-11-28T08:30:00.123Z` for a time in seconds since the epoch.
public func iso8601(_ t: Double) -> String {
    iso8601(seconds: Int(t.rounded(.down)), millis: Int((t - t.rounded(.down)) * 1000))
}

/// The same from whole seconds since the epoch and milliseconds (0…999).
func iso8601(seconds: Int, millis ms: Int) -> String {
    var secs = time_t(seconds)
    var tm = tm()
    gmtime_r(&secs, &tm)
    var buf = [CChar](repeating: 0, count: 32)
    strftime(&buf, 32, "%Y-%m-%dT%H:%M:%S", &tm)
    return String(cString: buf) + "." + (ms < 10 ? "00" : ms < 100 ? "0" : "") + String(ms) + "Z"
}

/// Wall-clock time in seconds since the epoch.
public func wallClockSeconds() -> Double {
    var ts = timespec()
    clock_gettime(CLOCK_REALTIME, &ts)
    return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
}
