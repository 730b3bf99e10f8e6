#if canImport(Glibc)
import Glibc
#endif
import Dispatch
import NIOCore
import NIOPosix
import StageKit
import TextpipeCore

/// The daemon: takes its listening socket from the service manager (socket activation) or binds its
/// configured path, serves connections, reloads on SIGHUP (and on the `reload` op), tells systemd
/// what it is doing (`sd_notify`: READY, RELOADING, STOPPING, STATUS, WATCHDOG) and shuts down
/// gracefully on SIGTERM/SIGINT (stop accepting, answer what was read, remove its socket, exit 0).
public final class Server: @unchecked Sendable {
    private let state: ServerState
    private let group: MultiThreadedEventLoopGroup
    private let loader: PluginLoader
    private let socketPath: String
    private var serverChannel: Channel?
    private var metricsChannel: Channel?
    /// Socket files this process created (and so removes at exit); an inherited socket is never unlinked.
    private var ownedSocketFiles: [String] = []
    private let log: Log
    private let finished = DispatchSemaphore(value: 0)
    private let socketOverride: String?
    private let notifier = SystemdNotifier()
    private var reloader: Reloader!

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
        let state = self.state
        state.engine.stats.setGauges {
            Stats.Gauges(queueDepth: state.queued.load(ordering: .relaxed), connections: state.connectionCount)
        }
        reloader = Reloader(
            engine: state.engine,
            build: { [loader, socketOverride, log] in
                let old = state.engine.runtime.config
                var (config, issues) = try DaemonConfig.read(file: old.file)
                if let s = socketOverride { config.server.socket = s }
                let runtime = try Runtime.build(config: config, loader: loader, earlier: issues)
                Server.noteRestartOnlyChanges(old: old.server, new: config.server, log: log)
                return runtime
            },
            onStart: { [notifier, log] in
                log(.info, "reloading", ["config": state.engine.runtime.config.file])
                notifier.send(["RELOADING=1", SystemdNotifier.monotonicUsec(), "STATUS=reloading the configuration"])
            },
            onFinish: { [notifier, log] report in
                if report.ok {
                    log.level = Log.Level(name: state.engine.runtime.config.server.logLevel) ?? log.level
                    log(.info, "reloaded", ["generation": String(report.generation), "duration_ms": String(Int(report.durationMs))])
                } else {
                    log(.error, "reload failed; keeping the previous configuration", ["generation": String(report.generation), "error": report.error ?? ""])
                }
                notifier.send(["READY=1", "STATUS=" + Server.status(state)])
            })
        let reloader = self.reloader!
        state.engine.setReloadHandler { reloader.requestAndWait() }
    }

    /// Keys read only at start: a reload that changes them logs that a restart is needed.
    static func noteRestartOnlyChanges(old: DaemonConfig.Server, new: DaemonConfig.Server, log: Log) {
        var keys: [String] = []
        if old.socket != new.socket { keys.append("socket") }
        if old.socketMode != new.socketMode { keys.append("socket_mode") }
        if old.workers != new.workers { keys.append("workers") }
        if old.metricsSocket != new.metricsSocket { keys.append("metrics_socket") }
        if old.metricsSocketMode != new.metricsSocketMode { keys.append("metrics_socket_mode") }
        if !keys.isEmpty {
            log(.notice, "changed keys take effect at the next restart", ["keys": keys.map { "server." + $0 }.joined(separator: ",")])
        }
    }

    /// The `STATUS=` line: generation, pipelines, counts, and the last reload's failure if any.
    static func status(_ state: ServerState) -> String {
        let engine = state.engine
        var s = "serving: generation \(engine.generation), \(engine.runtime.pipelines.count) pipelines, \(engine.stats.requestCount) requests, \(state.connectionCount) connections"
        if let r = engine.lastReload, !r.ok {
            let why = (r.error ?? "").split(separator: "\n").first.map(String.init) ?? ""
            s += "; last reload failed: " + String(why.prefix(200))
        }
        return s
    }

    /// Serves until a shutdown signal has been handled. Returns the process exit status.
    public func run() throws -> Int32 {
        let config = state.engine.runtime.config.server
        let state = self.state
        let inherited = try ListenFDs.take()
        let inheritedMetrics = inherited.first { $0.name == "metrics" }
        let inheritedMain = inherited.first { $0.name != "metrics" }

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
                return PeerIdentity.credentials(of: channel).flatMapThrowing { peer in
                    let sync = channel.pipeline.syncOperations
                    try sync.addHandler(ByteToMessageHandler(LineFrameDecoder(maxLineBytes: state.limits.maxLineBytes)))
                    try sync.addHandler(ConnectionHandler(state: state, peer: peer))
                }
            }

        let listening: String
        if let fd = inheritedMain {
            serverChannel = try bootstrap.withBoundSocket(fd.fd).wait()
            listening = fd.path
            log(.info, "using the socket passed by the service manager", ["fd": String(fd.fd), "name": fd.name, "path": fd.path])
        } else {
            serverChannel = try bindOwned(bootstrap, path: socketPath, mode: config.socketMode)
            listening = socketPath
        }

        let metricsBootstrap = ServerBootstrap(group: group)
            .serverChannelOption(ChannelOptions.backlog, value: 64)
            .childChannelInitializer { channel in
                PeerIdentity.credentials(of: channel).flatMapThrowing { peer in
                    try channel.pipeline.syncOperations.addHandler(MetricsHTTPHandler(state: state, peer: peer))
                }
            }
        do {
            if let fd = inheritedMetrics {
                metricsChannel = try metricsBootstrap.withBoundSocket(fd.fd).wait()
                log(.info, "serving metrics over HTTP", ["path": fd.path, "fd": String(fd.fd)])
            } else if let path = config.metricsSocket {
                metricsChannel = try bindOwned(metricsBootstrap, path: path, mode: config.metricsSocketMode)
                log(.info, "serving metrics over HTTP", ["path": path])
            }
        } catch {
            // Do not leave the request socket behind when the daemon cannot start.
            try? serverChannel?.close().wait()
            for path in ownedSocketFiles { unlink(path) }
            throw error
        }

        log(.info, "serving", [
            "socket": listening, "config": state.engine.runtime.config.file,
            "pipelines": state.engine.runtime.pipelines.map(\.name).joined(separator: ","),
            "workers": String(config.workers),
        ])
        notifier.send(["READY=1", "MAINPID=\(getpid())", "STATUS=" + Server.status(state)])
        startServiceManagerTimers()
        installSignals()
        finished.wait()
        return 0
    }

    /// Binds a socket file this process owns: a stale file is replaced, a live daemon's socket is
    /// refused, and the mode comes from the umask at bind time so no client can connect before the
    /// permissions are right (chmod afterwards makes it exact).
    private func bindOwned(_ bootstrap: ServerBootstrap, path: String, mode: UInt32) throws -> Channel {
        try SocketFile.prepare(path)
        let oldMask = umask(mode_t(~mode & 0o777))
        let channel: Channel
        do {
            channel = try bootstrap.bind(unixDomainSocketPath: path, cleanupExistingSocketFile: false).wait()
        } catch {
            umask(oldMask)
            throw error
        }
        umask(oldMask)
        chmod(path, mode_t(mode))
        ownedSocketFiles.append(path)
        return channel
    }

    /// Watchdog pings at half of `$WATCHDOG_USEC`, and a fresh `STATUS=` every 10 s, both from the
    /// event loop (a stuck loop stops the pings, and systemd restarts the daemon).
    private func startServiceManagerTimers() {
        guard notifier.enabled else { return }
        let loop = group.next()
        let notifier = self.notifier, state = self.state
        if let interval = notifier.watchdogInterval {
            notifier.send(["WATCHDOG=1"])
            loop.scheduleRepeatedTask(initialDelay: .microseconds(Int64(interval)), delay: .microseconds(Int64(interval))) { _ in
                notifier.send(["WATCHDOG=1"])
            }
            log(.debug, "watchdog on", ["interval_ms": String(interval / 1000)])
        }
        loop.scheduleRepeatedTask(initialDelay: .seconds(10), delay: .seconds(10)) { _ in
            if !state.draining.load(ordering: .relaxed) { notifier.send(["STATUS=" + Server.status(state)]) }
        }
    }

    /// Takes SIGTERM/SIGINT (shutdown) and SIGHUP (reload); they have been blocked since `init`,
    /// so one sent while the daemon was still starting is handled now.
    private func installSignals() {
        SignalWaiter.start { [self] sig in
            if sig == SIGHUP { reloader.request(); return true }
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
        notifier.send(["STOPPING=1", "STATUS=shutting down: answering the requests already read"])
        state.draining.store(true, ordering: .relaxed)
        try? serverChannel?.close().wait()
        try? metricsChannel?.close().wait()
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
        for path in ownedSocketFiles { unlink(path) }
        try? state.pool.syncShutdownGracefully()
        try? group.syncShutdownGracefully()
        log(.info, "stopped", ["requests": String(state.engine.stats.requestCount)])
        finished.signal()
    }
}
