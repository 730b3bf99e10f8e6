#if canImport(Glibc)
import Glibc
#endif
import NIOCore
import TextpipeCore

/// Reads a connection's peer credentials (`SO_PEERCRED`) through NIO's socket-option access.
enum PeerIdentity {
    /// `struct ucred` from <sys/socket.h>: pid, uid, gid.
    struct UCred: Sendable {
        var pid: Int32 = 0
        var uid: UInt32 = 0
        var gid: UInt32 = 0
    }

    /// The peer's credentials, or nil when the channel cannot tell (not a socket channel).
    static func credentials(of channel: Channel) -> EventLoopFuture<PeerCredentials?> {
        guard let provider = channel as? SocketOptionProvider else { return channel.eventLoop.makeSucceededFuture(nil) }
        let f: EventLoopFuture<UCred> = provider.unsafeGetSocketOption(level: SocketOptionLevel(SOL_SOCKET), name: SocketOptionName(SO_PEERCRED))
        return f.map { PeerCredentials(pid: $0.pid, uid: $0.uid, gid: $0.gid) }.recover { _ in nil }
    }
}

/// A connection's peer and what it may do; re-decided when the configuration generation changes.
final class PeerAccess {
    let peer: PeerCredentials?
    private var groups: [UInt32]?
    private var generation = -1
    private var cached = Access.everything

    init(peer: PeerCredentials?) { self.peer = peer }

    /// What the peer may do under the configuration serving now. Without credentials (should not
    /// happen on a Unix socket) only a configuration without rules lets it in.
    func access(_ state: ServerState) -> Access {
        let g = state.engine.generation
        if g == generation { return cached }
        generation = g
        let policy = state.limits.access
        if policy.allow == nil && policy.admin.isEmpty {
            cached = .everything
        } else if let peer {
            if groups == nil && policy.usesGroups { groups = peer.groups() }
            cached = policy.evaluate(peer, groups: groups ?? [peer.gid])
        } else {
            cached = .nothing
        }
        return cached
    }

    var fields: String {
        guard let p = peer else { return "unknown peer" }
        return "uid=\(p.uid) gid=\(p.gid) pid=\(p.pid)"
    }
}
