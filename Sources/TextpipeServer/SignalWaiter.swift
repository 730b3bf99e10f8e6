#if canImport(Glibc)
import Glibc
#endif
import Dispatch

/// Receives the daemon's signals without losing any. The signals are blocked in every thread from
/// the start (`blockSignals()`, before any thread exists, so all threads inherit the mask), and one
/// thread takes them with `sigwait`: a signal that arrives before the daemon is ready stays pending
/// instead of being ignored or killing the process.
enum SignalWaiter {
    static let handled: [Int32] = [SIGTERM, SIGINT, SIGHUP]

    private static func set() -> sigset_t {
        var s = sigset_t()
        sigemptyset(&s)
        for sig in handled { sigaddset(&s, sig) }
        return s
    }

    /// Blocks the handled signals in the calling thread and in every thread it creates later.
    static func blockSignals() {
        var s = set()
        pthread_sigmask(SIG_BLOCK, &s, nil)
    }

    /// Calls `handler` on a dedicated thread for each signal, in arrival order, until it returns false.
    static func start(_ handler: @escaping @Sendable (Int32) -> Bool) {
        DispatchQueue(label: "textpiped.signals").async {
            var s = set()
            while true {
                var sig: Int32 = 0
                guard sigwait(&s, &sig) == 0 else { continue }
                if !handler(sig) { return }
            }
        }
    }
}
