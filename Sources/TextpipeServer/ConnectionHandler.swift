import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
import StageKit
import TextpipeCore

/// Serves one connection: gives each request line a sequence number, runs it on the worker pool,
/// and writes the answers back in request order. It stops reading while `max_inflight` requests are
/// unanswered or the socket is not writable, and closes the connection only once every request it
/// read has been answered (also after the client half-closed).
final class ConnectionHandler: ChannelDuplexHandler {
    typealias InboundIn = LineFrame
    typealias OutboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    /// Holds a request's id once a worker has read it, so that a timeout can echo it.
    final class Slot: @unchecked Sendable {
        private let lock = NIOLock()
        private var _id: JSONValue = .null
        var id: JSONValue {
            get { lock.withLock { _id } }
            set { lock.withLock { _id = newValue } }
        }
    }

    private let state: ServerState
    private let peer: PeerAccess
    private var refusalLogged = false
    private var nextSequence = 0
    private var nextToWrite = 0
    private var ready: [Int: ByteBuffer] = [:]
    private var unanswered = 0
    private var readPending = false
    private var inputClosed = false
    private var closing = false

    init(state: ServerState, peer: PeerCredentials?) {
        self.state = state
        self.peer = PeerAccess(peer: peer)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let frame = unwrapInboundIn(data)
        let sequence = nextSequence
        nextSequence += 1
        unanswered += 1
        let limits = state.limits
        switch frame {
        case .tooLong(let length):
            let e = RequestError(.tooLarge, "request line of \(length) bytes exceeds max_line_bytes (\(limits.maxLineBytes)); the line was skipped")
            state.engine.stats.recordRequest(pipeline: nil, error: .tooLarge)
            complete(context: context, sequence: sequence, bytes: ResponseEncoder.error(id: .null, e))
        case .line(let buffer):
            if state.draining.load(ordering: .relaxed) {
                rejectEarly(context: context, sequence: sequence, buffer: buffer, RequestError(.shuttingDown, "the daemon is shutting down; this request was not processed"))
                return
            }
            let access = peer.access(state)
            if !access.connect {
                if !refusalLogged {
                    refusalLogged = true
                    state.log(.warning, "request refused: peer not allowed (server.allow)", ["peer": peer.fields])
                }
                rejectEarly(context: context, sequence: sequence, buffer: buffer, Engine.notAllowed)
                return
            }
            if state.queued.wrappingAdd(1, ordering: .relaxed).newValue > limits.maxQueue {
                state.queued.wrappingSubtract(1, ordering: .relaxed)
                rejectEarly(context: context, sequence: sequence, buffer: buffer, RequestError(.overloaded, "more than \(limits.maxQueue) requests are queued (server.max_queue); retry later"))
                return
            }
            submit(context: context, sequence: sequence, buffer: buffer, timeoutMs: limits.requestTimeoutMs, access: access)
        }
    }

    private func submit(context: ChannelHandlerContext, sequence: Int, buffer: ByteBuffer, timeoutMs: Int, access: Access) {
        let engine = state.engine
        let slot = Slot()
        let received = monotonicNanos()
        let deadline = received + UInt64(timeoutMs) * 1_000_000
        let loop = context.eventLoop
        let state = self.state
        let allocator = context.channel.allocator
        // The answer is encoded and copied into its ByteBuffer on the worker, not on the I/O thread.
        let work = state.pool.runIfActive(eventLoop: loop) { () -> (Engine.Outcome, ByteBuffer) in
            defer { state.queued.wrappingSubtract(1, ordering: .relaxed) }
            let outcome = buffer.withUnsafeReadableBytes { raw in
                engine.handle(line: raw.bindMemory(to: UInt8.self), deadline: deadline, onID: { slot.id = $0 }, access: access)
            }
            return (outcome, allocator.buffer(bytes: outcome.bytes))
        }
        var answered = false
        let timer = loop.scheduleTask(in: .milliseconds(Int64(timeoutMs))) { [self] in
            guard !answered else { return }
            answered = true
            let e = RequestError(.timeout, "request took longer than \(timeoutMs) ms (request_timeout_ms)")
            engine.stats.recordRequest(pipeline: nil, error: .timeout, nanos: monotonicNanos() - received)
            complete(context: context, sequence: sequence, bytes: ResponseEncoder.error(id: slot.id, e))
        }
        work.whenComplete { [self] result in
            timer.cancel()
            guard !answered else { return }
            answered = true
            switch result {
            case .success(let (outcome, answer)):
                engine.stats.recordRequest(pipeline: outcome.pipeline, error: outcome.error, nanos: monotonicNanos() - received)
                if outcome.error == .forbidden {
                    state.log(.warning, "request refused: op not allowed for this peer (server.admin)", ["op": outcome.op?.rawValue ?? "?", "peer": peer.fields])
                }
                complete(context: context, sequence: sequence, buffer: answer)
            case .failure(let error):
                // The pool refused the work (it is shutting down).
                state.queued.wrappingSubtract(1, ordering: .relaxed)
                let e = RequestError(.shuttingDown, "request not processed: \(error)")
                engine.stats.recordRequest(pipeline: nil, error: .shuttingDown)
                complete(context: context, sequence: sequence, bytes: ResponseEncoder.error(id: .null, e))
            }
        }
    }

    /// Answers without running the pipeline; finds the id with a scan (no full decode on the I/O thread).
    private func rejectEarly(context: ChannelHandlerContext, sequence: Int, buffer: ByteBuffer, _ error: RequestError) {
        let id: JSONValue = buffer.withUnsafeReadableBytes { raw in
            JSONReader.peek("id", in: raw.bindMemory(to: UInt8.self)) ?? .null
        }
        state.engine.stats.recordRequest(pipeline: nil, error: error.code)
        complete(context: context, sequence: sequence, bytes: ResponseEncoder.error(id: id, error))
    }

    private func complete(context: ChannelHandlerContext, sequence: Int, bytes: [UInt8]) {
        complete(context: context, sequence: sequence, buffer: context.channel.allocator.buffer(bytes: bytes))
    }

    /// Stores an answer and writes every answer that is now next in request order.
    private func complete(context: ChannelHandlerContext, sequence: Int, buffer: ByteBuffer) {
        ready[sequence] = buffer
        var wrote = false
        while let next = ready.removeValue(forKey: nextToWrite) {
            context.write(wrapOutboundOut(next), promise: nil)
            nextToWrite += 1
            unanswered -= 1
            wrote = true
        }
        if wrote { context.flush() }
        resumeReadingIfPossible(context: context)
        closeIfDone(context: context)
    }

    // MARK: back-pressure

    func read(context: ChannelHandlerContext) {
        if canRead(context: context) { context.read() } else { readPending = true }
    }

    private func canRead(context: ChannelHandlerContext) -> Bool {
        unanswered < state.limits.maxInflight && context.channel.isWritable
    }

    private func resumeReadingIfPossible(context: ChannelHandlerContext) {
        if readPending && canRead(context: context) {
            readPending = false
            context.read()
        }
    }

    func channelActive(context: ChannelHandlerContext) {
        state.log(.debug, "connection open", ["peer": peer.fields])
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        state.log(.debug, "connection closed", ["requests": String(nextSequence)])
        context.fireChannelInactive()
    }

    func channelWritabilityChanged(context: ChannelHandlerContext) {
        resumeReadingIfPossible(context: context)
        context.fireChannelWritabilityChanged()
    }

    // MARK: closing

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let e = event as? ChannelEvent, e == .inputClosed {
            state.log(.debug, "client closed its side", ["unanswered": String(unanswered)])
            inputClosed = true
            closeIfDone(context: context)
            return
        }
        if event is DrainEvent {
            state.log(.debug, "draining connection", ["unanswered": String(unanswered)])
            closeIfDone(context: context)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    private var lingering = false

    /// Closes once every request read has been answered: at once after the client half-closed; while
    /// the daemon drains, after a short linger so that lines already on their way get `shutting_down`.
    private func closeIfDone(context: ChannelHandlerContext) {
        guard !closing, unanswered == 0 else { return }
        if inputClosed {
            closing = true
            closeAfterPendingWrites(context: context)
            return
        }
        guard state.draining.load(ordering: .relaxed), !lingering else { return }
        lingering = true
        context.eventLoop.scheduleTask(in: .milliseconds(100)) { [self] in
            lingering = false
            guard !closing, unanswered == 0 else { return }
            closing = true
            closeAfterPendingWrites(context: context)
        }
    }

    /// Closes once every answer already written has reached the socket: `close` would drop writes
    /// still queued because the client reads slowly. An empty write completes after all earlier ones.
    private func closeAfterPendingWrites(context: ChannelHandlerContext) {
        context.writeAndFlush(wrapOutboundOut(context.channel.allocator.buffer(capacity: 0))).whenComplete { _ in
            context.close(promise: nil)
        }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        // A broken connection only ends this connection.
        state.log(.debug, "connection error", ["error": "\(error)"])
        context.close(promise: nil)
    }
}

/// Sent to every connection when shutdown starts: close once everything read has been answered.
struct DrainEvent {}
