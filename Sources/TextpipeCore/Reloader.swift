import Dispatch

/// Runs reloads one at a time on their own thread. A reload asked for while one runs is not lost
/// and not repeated: all such requests are coalesced into one more run, which starts (and reads the
/// file again) when the current one ends. A reload builds the new runtime completely before it is
/// installed; if building fails, the old runtime keeps serving.
public final class Reloader: @unchecked Sendable {
    public typealias Done = @Sendable (ReloadReport) -> Void

    private let engine: Engine
    private let build: @Sendable () throws -> Runtime
    private let onStart: @Sendable () -> Void
    private let onFinish: Done
    private let lock = Mutex()
    private var running = false
    private var pending = false
    private var waiters: [Done] = []
    private var nextWaiters: [Done] = []
    private let queue = DispatchQueue(label: "textpiped.reload")

    /// `build` reads and builds the configuration; `onStart`/`onFinish` run on the reload thread
    /// around each run (for logs and service-manager notifications).
    public init(engine: Engine, build: @escaping @Sendable () throws -> Runtime,
                onStart: @escaping @Sendable () -> Void = {}, onFinish: @escaping Done = { _ in }) {
        self.engine = engine; self.build = build; self.onStart = onStart; self.onFinish = onFinish
    }

    /// Asks for a reload; `done` gets the result of the run that covers this request.
    public func request(_ done: Done? = nil) {
        let start: Bool = lock.withLock {
            if running {
                pending = true
                if let done { nextWaiters.append(done) }
                return false
            }
            running = true
            waiters = done.map { [$0] } ?? []
            return true
        }
        if start { queue.async { self.runLoop() } }
    }

    /// Asks for a reload and blocks until the run that covers it has finished.
    public func requestAndWait() -> ReloadReport {
        let box = ResultBox()
        request { box.set($0) }
        return box.wait()
    }

    private func runLoop() {
        while true {
            onStart()
            let report = runOnce()
            engine.recordReload(report)
            onFinish(report)
            let (done, again): ([Done], Bool) = lock.withLock {
                let done = waiters
                if pending {
                    pending = false
                    waiters = nextWaiters
                    nextWaiters = []
                    return (done, true)
                }
                running = false
                waiters = []
                return (done, false)
            }
            for d in done { d(report) }
            if !again { return }
        }
    }

    private func runOnce() -> ReloadReport {
        let t0 = monotonicNanos()
        do {
            let runtime = try build()
            engine.install(runtime)
            return ReloadReport(ok: true, generation: engine.generation, finishedAt: wallClockSeconds(),
                                durationMs: Double(monotonicNanos() - t0) / 1e6, error: nil)
        } catch {
            return ReloadReport(ok: false, generation: engine.generation, finishedAt: wallClockSeconds(),
                                durationMs: Double(monotonicNanos() - t0) / 1e6, error: "\(error)")
        }
    }

    private final class ResultBox: @unchecked Sendable {
        private let sem = DispatchSemaphore(value: 0)
        private var value: ReloadReport?
        func set(_ r: ReloadReport) { value = r; sem.signal() }
        func wait() -> ReloadReport { sem.wait(); return value! }
    }
}
