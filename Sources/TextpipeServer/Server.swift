#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import NIOCore
import NIOPosix
import StageKit
import TextpipeCore

/// The daemon: binds the Unix socket, serves connections, reloads on SIGHUP and shuts down
/// gracefully on SIGTERM/SIGINT (stop accepting, answer what was read, remove the socket, exit 0).
public final class Server: @unchecked Sendable {
    private let state: ServerState
    private let group: MultiThreadedEventLoopGroup
    private let loader: PluginLoader
    private let socketPath: String
    private var serverChannel: Channel?
    private let log: Log
    private let finished = DispatchSemaphore(value: 0)
    private var socketOverride: String?

    /// Call before any thread is created (the earlier the better): the daemon's signals are then
    /// blocked in every thread and taken by one waiting thread once serving starts.
    public static func prepareSignals() { SignalWaiter.blockSignals() }

    public init(runtime: Runtime, loader: PluginLoader, socketOverride: String?, log: Log) {
        Server.prepareSignals()
        self.log = log
        self.loader = loader
        self.socketOverride = socketOverride
        self.socketPath = socketOverride ?? runtime.config.server.socket
        let pool = NIOThreadPool(numberOfThreads: runtime.config.server.workers)
        pool.start()
        state = ServerState(engine: Engine(runtime: runtime), pool: pool, log: log)
        // Connections only do I/O; stage work runs on the pool.
        group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
    }

    /// Binds and serves until a shutdown signal has been handled. Returns the process exit status.
    public func run() throws -> Int32 {
        try SocketFile.prepare(socketPath)
        let config = state.engine.runtime.config.server
        let state = self.state
        let bootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 256)
            .childChannelOption(ChannelOptions.allowRemoteHalfClosure, value: true)
            .childChannelOption(ChannelOptions.writeBufferWaterMark, value: .init(low: 256 * 1024, high: 1024 * 1024))
            .childChannelInitializer { channel in
                let id = ObjectIdentifier(channel)
                let count = state.liveChannels.withLockedValue { $0[id] = channel; return $0.count }
                channel.closeFuture.whenComplete { _ in
                    state.liveChannels.withLockedValue { _ = $0.removeValue(forKey: id) }
                }
                if count > state.limits.maxConnections || state.draining.load(ordering: .relaxed) {
                    let e = count > state.limits.maxConnections
                        ? RequestError(.overloaded, "too many connections (server.max_connections is \(state.limits.maxConnections))")
                        : RequestError(.shuttingDown, "the daemon is shutting down")
                    state.engine.stats.recordRequest(pipeline: nil, error: e.code)
                    var buf = channel.allocator.buffer(capacity: 128)
                    buf.writeBytes(ResponseEncoder.error(id: .null, e))
                    // Close whether or not the line could be written (the client may be gone already).
                    channel.writeAndFlush(buf).whenComplete { _ in channel.close(promise: nil) }
                    return channel.eventLoop.makeSucceededVoidFuture()
                }
                return channel.eventLoop.makeCompletedFuture {
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLineBytes: state.limits.maxLineBytes)))
                    try sync.addHandler(ConnectionHandler(state: state))
                }
            }

        // The socket gets its mode from the umask at bind time, so no client can connect before the
        // permissions are right; chmod afterwards makes it exact.
        let oldMask = umask(mode_t(~config.socketMode & 0o777))
        let channel: Channel
        do {
            channel = try bootstrap.bind(unixDomainSocketPath: socketPath, cleanupExistingSocketFile: false).wait()
        } catch {
            umask(oldMask)
            throw error
        }
        umask(oldMask)
        chmod(socketPath, mode_t(config.socketMode))
        serverChannel = channel
        installSignals()
        log(.info, "serving", [
            "socket": socketPath, "config": state.engine.runtime.config.file,
            "pipelines": state.engine.runtime.pipelines.map(\.name).joined(separator: ","),
            "workers": String(config.workers),
        ])
        finished.wait()
        return 0
    }

    /// Takes SIGTERM/SIGINT (shutdown) and SIGHUP (reload); they have been blocked since `init`,
    /// so one sent while the daemon was still starting is handled now.
    private func installSignals() {
        SignalWaiter.start { [self] sig in
            if sig == SIGHUP { reload(); return true }
            shutdown(signal: sig)
            return false
        }
    }

    private var shuttingDown = false

    /// Stops accepting, lets every connection answer what it has read, then exits the run loop.
    private func shutdown(signal sig: Int32) {
        guard !shuttingDown else { return }
        shuttingDown = true
        log(.info, "shutting down", ["signal": sig == SIGTERM ? "SIGTERM" : "SIGINT"])
        state.draining.store(true, ordering: .relaxed)
        try? serverChannel?.close().wait()
        let channels = state.liveChannels.withLockedValue { Array($0.values) }
        for c in channels { c.pipeline.fireUserInboundEventTriggered(DrainEvent()) }
        let limitMs = state.limits.shutdownTimeoutMs
        let deadline = monotonicNanos() + UInt64(limitMs) * 1_000_000
        while monotonicNanos() < deadline && state.connectionCount > 0 {
            usleep(10_000)
        }
        let left = state.connectionCount
        if left > 0 {
            log(.warning, "shutdown limit reached; closing remaining connections", ["connections": String(left)])
            for c in state.liveChannels.withLockedValue({ Array($0.values) }) { c.close(promise: nil) }
        }
        unlink(socketPath)
        try? state.pool.syncShutdownGracefully()
        try? group.syncShutdownGracefully()
        log(.info, "stopped", ["requests": String(state.engine.stats.requestCount)])
        finished.signal()
    }

    /// Builds the new configuration completely, then swaps it in; a broken one leaves the old serving.
    private func reload() {
        let file = state.engine.runtime.config.file
        log(.info, "reloading", ["config": file])
        do {
            var (config, issues) = try DaemonConfig.read(file: file)
            if let s = socketOverride { config.server.socket = s }
            let runtime = try Runtime.build(config: config, loader: loader, earlier: issues)
            state.engine.install(runtime)
            log(.info, "reloaded", ["generation": String(state.engine.generation)])
        } catch {
            log(.error, "reload failed; keeping the previous configuration", ["error": "\(error)"])
        }
    }
}
