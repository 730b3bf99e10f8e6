#if canImport(Glibc)
import Glibc
#endif

/// The credentials of a connected peer, as the kernel reports them (`SO_PEERCRED`).
public struct PeerCredentials: Sendable, Equatable {
    public var pid: Int32
    public var uid: UInt32
    public var gid: UInt32
    public init(pid: Int32, uid: UInt32, gid: UInt32) { self.pid = pid; self.uid = uid; self.gid = gid }

    /// The peer's primary group and the supplementary groups of its user (`getgrouplist`); just the
    /// primary group when the uid has no passwd entry.
    public func groups() -> [UInt32] {
        guard let name = AccessRule.userName(uid) else { return [gid] }
        var count: Int32 = 64
        while true {
            var list = [gid_t](repeating: 0, count: Int(count))
            var n = count
            if getgrouplist(name, gid, &list, &n) >= 0 { return Array(list.prefix(Int(n))) }
            if n <= count { return [gid] }
            count = n
        }
    }
}

/// Users and groups (resolved to ids at load time) that a rule lets in.
public struct AccessRule: Sendable, Equatable {
    public var users: [UInt32] = []
    public var groups: [UInt32] = []
    public init(users: [UInt32] = [], groups: [UInt32] = []) { self.users = users; self.groups = groups }

    /// True when the uid is listed or one of the peer's groups is.
    public func admits(uid: UInt32, groups peerGroups: [UInt32]) -> Bool {
        users.contains(uid) || peerGroups.contains(where: groups.contains)
    }

    /// A user name or numeric uid to a uid.
    public static func uid(_ s: String) -> UInt32? {
        if let n = UInt32(s) { return n }
        var pwd = passwd()
        var buf = [CChar](repeating: 0, count: 16_384)
        var result: UnsafeMutablePointer<passwd>?
        guard getpwnam_r(s, &pwd, &buf, buf.count, &result) == 0, result != nil else { return nil }
        return pwd.pw_uid
    }

    /// A group name or numeric gid to a gid.
    public static func gid(_ s: String) -> UInt32? {
        if let n = UInt32(s) { return n }
        var grp = group()
        var buf = [CChar](repeating: 0, count: 65_536)
        var result: UnsafeMutablePointer<group>?
        guard getgrnam_r(s, &grp, &buf, buf.count, &result) == 0, result != nil else { return nil }
        return grp.gr_gid
    }

    static func userName(_ uid: UInt32) -> String? {
        var pwd = passwd()
        var buf = [CChar](repeating: 0, count: 16_384)
        var result: UnsafeMutablePointer<passwd>?
        guard getpwuid_r(uid, &pwd, &buf, buf.count, &result) == 0, result != nil, let name = pwd.pw_name else { return nil }
        return String(cString: name)
    }
}

/// Who may use the socket (`server.allow`) and who may use the admin ops (`server.admin`). With no
/// `allow`, everyone who can open the socket file may use it (its mode is the first gate).
public struct AccessPolicy: Sendable, Equatable {
    /// Ops that `server.admin` can restrict.
    public static let adminOps: [Operation] = [.reload, .stats, .metrics]

    public var allow: AccessRule?
    public var admin: [Operation: AccessRule] = [:]
    public init(allow: AccessRule? = nil, admin: [Operation: AccessRule] = [:]) { self.allow = allow; self.admin = admin }

    /// True when deciding needs the peer's group list.
    public var usesGroups: Bool { !(allow?.groups.isEmpty ?? true) || admin.values.contains { !$0.groups.isEmpty } }

    /// What a peer may do.
    public func evaluate(_ peer: PeerCredentials, groups: [UInt32]) -> Access {
        guard allow?.admits(uid: peer.uid, groups: groups) ?? true else { return .nothing }
        var denied: Set<Operation> = []
        for (op, rule) in admin where !rule.admits(uid: peer.uid, groups: groups) { denied.insert(op) }
        return Access(connect: true, denied: denied)
    }
}

/// What one peer may do, decided once per connection (and again after a reload).
public struct Access: Sendable, Equatable {
    /// False: every request is answered with `forbidden`.
    public var connect: Bool
    /// Ops answered with `forbidden` even though the peer may connect.
    public var denied: Set<Operation>
    public init(connect: Bool, denied: Set<Operation>) { self.connect = connect; self.denied = denied }

    public static let everything = Access(connect: true, denied: [])
    /// A peer that `server.allow` does not let in.
    public static let nothing = Access(connect: false, denied: Set(Operation.allCases))

    @inline(__always) public func permits(_ op: Operation) -> Bool { connect && (denied.isEmpty || !denied.contains(op)) }
}
