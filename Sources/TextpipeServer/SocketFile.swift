#if canImport(Glibc)
import Glibc
#endif

/// Decides what to do with an existing file at the socket path before binding.
enum SocketFile {
    enum Problem: Error, CustomStringConvertible {
        case inUse(String)
        case notASocket(String)
        case cannotRemove(String, String)
        case pathTooLong(String)

        var description: String {
            switch self {
            case .inUse(let p): return "socket \(p) is in use by a running daemon; stop it first or choose another path (--socket)"
            case .notASocket(let p): return "\(p) exists and is not a socket; refusing to replace it"
            case .cannotRemove(let p, let why): return "cannot remove stale socket \(p): \(why)"
            case .pathTooLong(let p): return "socket path \(p) is longer than the 107 bytes a Unix socket address can hold"
            }
        }
    }

    /// Removes a stale socket file left by a crashed run; refuses to touch a live daemon's socket or
    /// anything that is not a socket.
    static func prepare(_ path: String) throws {
        guard path.utf8.count < 108 else { throw Problem.pathTooLong(path) }
        var st = stat()
        guard lstat(path, &st) == 0 else { return }
        guard (st.st_mode & S_IFMT) == S_IFSOCK else { throw Problem.notASocket(path) }
        if isAlive(path) { throw Problem.inUse(path) }
        guard unlink(path) == 0 || errno == ENOENT else { throw Problem.cannotRemove(path, String(cString: strerror(errno))) }
    }

    /// True when something accepts connections on the socket.
    static func isAlive(_ path: String) -> Bool {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        withUnsafeMutableBytes(of: &addr.sun_path) { dst in
            for (i, b) in bytes.enumerated() where i < dst.count - 1 { dst[i] = b }
        }
        let result = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        return result == 0
    }
}
