import StageKit

/// Answers request lines: decodes, runs the pipeline, encodes. Transport-free, so it is tested
/// without a socket; the server calls it from worker threads.
public final class Engine: @unchecked Sendable {
    public static let version = "0.1.0"

    public let stats = Stats()
    private let lock = Mutex()
    private var current: Runtime
    private var generationCount = 1
    private let started = monotonicNanos()

    public init(runtime: Runtime) {
        current = runtime
        runtime.pipelines.forEach(stats.register)
    }

    /// The runtime requests are served with now.
    public var runtime: Runtime { lock.withLock { current } }
    public var generation: Int { lock.withLock { generationCount } }

    /// Installs a completely built runtime; requests already running keep the one they started with.
    public func install(_ runtime: Runtime) {
        runtime.pipelines.forEach(stats.register)
        lock.withLock { current = runtime; generationCount += 1 }
    }

    /// What the worker learned about a request, for the response slot (id for late errors).
    public struct Outcome: Sendable {
        public var bytes: [UInt8]
        public var pipeline: String?
        public var error: ErrorCode?
    }

    /// Answers one request line. `onID` is called as soon as the id is known (so a timeout answered by
    /// the server can echo it). `deadline` is monotonic ns.
    public func handle(line: UnsafeBufferPointer<UInt8>, deadline: UInt64?, onID: ((JSONValue) -> Void)? = nil) -> Outcome {
        let request: Request
        switch Request.decode(line) {
        case .failure(let f):
            onID?(f.id)
            return Outcome(bytes: ResponseEncoder.error(id: f.id, f.error), pipeline: nil, error: f.error.code)
        case .success(let r):
            request = r
        }
        onID?(request.id)
        let runtime = self.runtime
        switch request.op {
        case .process:
            let name = request.pipeline ?? runtime.defaultPipeline
            guard let pipeline = runtime.pipeline(named: name) else {
                let e = RequestError(.unknownPipeline, "unknown pipeline '\(name)' (configured: \(runtime.pipelines.map(\.name).joined(separator: ", ")))")
                return Outcome(bytes: ResponseEncoder.error(id: request.id, e), pipeline: nil, error: e.code)
            }
            var document = Document(text: request.text ?? "")
            document.requestFlags = request.flags
            do {
                try pipeline.run(&document, stats: stats, deadline: deadline)
            } catch {
                return Outcome(bytes: ResponseEncoder.error(id: request.id, error), pipeline: name, error: error.code)
            }
            let bytes = ResponseEncoder.document(id: request.id, pipeline: name, document, unit: request.offsets)
            return Outcome(bytes: bytes, pipeline: name, error: nil)
        case .pipelines:
            return Outcome(bytes: ResponseEncoder.success(id: request.id, result: pipelinesResult(runtime)), pipeline: nil, error: nil)
        case .health:
            return Outcome(bytes: ResponseEncoder.success(id: request.id, result: healthResult(runtime)), pipeline: nil, error: nil)
        case .stats:
            return Outcome(bytes: ResponseEncoder.success(id: request.id, result: stats.snapshot()), pipeline: nil, error: nil)
        }
    }

    public func handle(line: [UInt8], deadline: UInt64? = nil) -> Outcome {
        line.withUnsafeBufferPointer { handle(line: $0, deadline: deadline) }
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
        ])
    }
}
