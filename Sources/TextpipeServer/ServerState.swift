import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import Synchronization
import TextpipeCore

/// What all connections share: the engine, the worker pool, limits and the shutdown flag.
final class ServerState: Sendable {
    let engine: Engine
    let pool: NIOThreadPool
    let log: Log
    let queued = Atomic<Int>(0)
    let draining = Atomic<Bool>(false)
    /// Open connections, for draining at shutdown and for `max_connections`.
    let liveChannels = NIOLockedValueBox<[ObjectIdentifier: Channel]>([:])
    var connectionCount: Int { liveChannels.withLockedValue { $0.count } }

    init(engine: Engine, pool: NIOThreadPool, log: Log) {
        self.engine = engine; self.pool = pool; self.log = log
    }

    var limits: DaemonConfig.Server { engine.runtime.config.server }
}
