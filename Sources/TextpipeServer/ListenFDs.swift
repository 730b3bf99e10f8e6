#if canImport(Glibc)
import Glibc
#endif

/// Sockets passed by the service manager (socket activation, `sd_listen_fds(3)` written by hand):
/// `$LISTEN_FDS` descriptors from 3 on, for this process when `$LISTEN_PID` is ours, named by
/// `$LISTEN_FDNAMES`. The variables are removed once read so that children do not see them.
enum ListenFDs {
    struct Inherited {
        var fd: Int32
        var name: String
        /// The socket's path, for logs ("" for an abstract or unnamed socket).
        var path: String
    }

    enum Problem: Error, CustomStringConvertible {
        case notUnixStream(Int32, String)
        var description: String {
            switch self {
            case .notUnixStream(let fd, let name): return "inherited socket \(fd) (\(name)) is not a listening Unix stream socket"
            }
        }
    }

    static let first: Int32 = 3

    /// The inherited sockets, or [] when none were passed to this process.
    static func take() throws -> [Inherited] {
        defer { unsetenv("LISTEN_PID"); unsetenv("LISTEN_FDS"); unsetenv("LISTEN_FDNAMES") }
        guard let pidText = SystemdNotifier.env("LISTEN_PID"), let pid = Int32(pidText), pid == getpid(),
              let countText = SystemdNotifier.env("LISTEN_FDS"), let count = Int32(countText), count > 0 else { return [] }
        let names = SystemdNotifier.env("LISTEN_FDNAMES")?.split(separator: ":", omittingEmptySubsequences: false).map(String.init) ?? []
        var out: [Inherited] = []
        for i in 0..<count {
            let fd = first + i
            let name = Int(i) < names.count ? names[Int(i)] : "unknown"
            _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            guard isListeningUnixStream(fd) else { throw Problem.notUnixStream(fd, name) }
            out.append(Inherited(fd: fd, name: name, path: boundPath(fd)))
        }
        return out
    }

    private static func option(_ fd: Int32, _ name: Int32) -> Int32? {
        var v: Int32 = 0
        var len = socklen_t(MemoryLayout<Int32>.size)
        return getsockopt(fd, SOL_SOCKET, name, &v, &len) == 0 ? v : nil
    }

    static func isListeningUnixStream(_ fd: Int32) -> Bool {
        option(fd, SO_DOMAIN) == AF_UNIX && option(fd, SO_TYPE) == Int32(SOCK_STREAM.rawValue) && option(fd, SO_ACCEPTCONN) == 1
    }

    static func boundPath(_ fd: Int32) -> String {
        var addr = sockaddr_un()
        var len = socklen_t(MemoryLayout<sockaddr_un>.size)
        let r = withUnsafeMutablePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
        }
        guard r == 0 else { return "" }
        return withUnsafeBytes(of: &addr.sun_path) { raw in
            guard let first = raw.first, first != 0 else { return "" }
            return String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
    }
}
