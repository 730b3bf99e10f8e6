import NIOCore
import TextpipeCore

/// Serves `GET /metrics` (Prometheus text format) on the optional metrics socket: reads one request
/// head, answers it and closes (HTTP/1.0 style, `Connection: close`). Anything else gets 404/405;
/// a peer not allowed to read metrics (`server.allow`, `server.admin.metrics`) gets 403.
final class MetricsHTTPHandler: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer
    typealias OutboundOut = ByteBuffer

    private let state: ServerState
    private let access: PeerAccess
    private var head: [UInt8] = []
    private var answered = false

    init(state: ServerState, peer: PeerCredentials?) {
        self.state = state
        access = PeerAccess(peer: peer)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !answered else { return }
        var buffer = unwrapInboundIn(data)
        head += buffer.readBytes(length: buffer.readableBytes) ?? []
        guard let end = Self.endOfHead(head) else {
            if head.count > 16_384 { respond(context, 431, "Request Header Fields Too Large", "request head too large\n") }
            return
        }
        let requestLine = String(decoding: head[..<end].prefix(while: { $0 != 0x0D && $0 != 0x0A }), as: UTF8.self)
        let parts = requestLine.split(separator: " ")
        guard parts.count >= 2 else { respond(context, 400, "Bad Request", "bad request line\n"); return }
        let path = parts[1].split(separator: "?", maxSplits: 1).first.map(String.init) ?? ""
        guard path == "/metrics" || path == "/" else { respond(context, 404, "Not Found", "only /metrics is served here\n"); return }
        guard parts[0] == "GET" || parts[0] == "HEAD" else { respond(context, 405, "Method Not Allowed", "use GET\n", allow: true); return }
        guard access.access(state).permits(.metrics) else {
            state.log(.warning, "metrics request refused: peer not allowed", ["peer": access.fields])
            state.engine.stats.recordRequest(pipeline: nil, error: .forbidden)
            respond(context, 403, "Forbidden", "not allowed (server.allow / server.admin.metrics)\n")
            return
        }
        respond(context, 200, "OK", state.engine.metricsText(), contentType: "text/plain; version=0.0.4; charset=utf-8", bodyless: parts[0] == "HEAD")
    }

    static func endOfHead(_ bytes: [UInt8]) -> Int? {
        var i = 0
        while i + 1 < bytes.count {
            if bytes[i] == 0x0A && bytes[i + 1] == 0x0A { return i }
            if i + 3 < bytes.count && bytes[i] == 0x0D && bytes[i + 1] == 0x0A && bytes[i + 2] == 0x0D && bytes[i + 3] == 0x0A { return i }
            i += 1
        }
        return nil
    }

    private func respond(_ context: ChannelHandlerContext, _ code: Int, _ reason: String, _ body: String,
                         contentType: String = "text/plain; charset=utf-8", allow: Bool = false, bodyless: Bool = false) {
        answered = true
        let bodyBytes = Array(body.utf8)
        var text = "HTTP/1.1 \(code) \(reason)\r\nContent-Type: \(contentType)\r\nContent-Length: \(bodyBytes.count)\r\nConnection: close\r\n"
        if allow { text += "Allow: GET, HEAD\r\n" }
        text += "\r\n"
        var out = context.channel.allocator.buffer(capacity: text.utf8.count + bodyBytes.count)
        out.writeString(text)
        if !bodyless { out.writeBytes(bodyBytes) }
        context.writeAndFlush(wrapOutboundOut(out)).whenComplete { _ in context.close(promise: nil) }
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) { context.close(promise: nil) }
}
