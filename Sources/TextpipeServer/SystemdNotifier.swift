#if canImport(Glibc)
import Glibc
#endif
import TextpipeCore

/// The service-manager side of `sd_notify(3)`, written by hand: datagrams to `$NOTIFY_SOCKET` (a
/// path, or an abstract name written with a leading `@`). Does nothing when the variable is unset,
/// so the daemon runs the same outside systemd.
final class SystemdNotifier: Sendable {
    private let fd: Int32
    private let address: [UInt8]
    /// Half of `$WATCHDOG_USEC` in microseconds when the watchdog is on for this process
    /// (`$WATCHDOG_PID` unset or ours), else nil.
    let watchdogInterval: UInt64?

    var enabled: Bool { fd >= 0 }

    init() {
        let pid = UInt64(getpid())
        if let usec = Self.env("WATCHDOG_USEC").flatMap(UInt64.init), usec > 0,
           Self.env("WATCHDOG_PID").map({ UInt64($0) == pid }) ?? true {
            watchdogInterval = max(1, usec / 2)
        } else {
            watchdogInterval = nil
        }
        guard let path = Self.env("NOTIFY_SOCKET"), !path.isEmpty, path.hasPrefix("/") || path.hasPrefix("@"),
              path.utf8.count < 108 else {
            fd = -1; address = []
            return
        }
        var bytes = Array(path.utf8)
        if bytes[0] == UInt8(ascii: "@") { bytes[0] = 0 }
        address = bytes
        fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
    }

    deinit { if fd >= 0 { close(fd) } }

    static func env(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    /// Sends `KEY=VALUE` lines in one datagram; returns false when there is nowhere to send or it failed.
    @discardableResult
    func send(_ fields: [String]) -> Bool {
        guard fd >= 0 else { return false }
        let message = Array(fields.joined(separator: "\n").utf8)
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { dst in for (i, b) in address.enumerated() { dst[i] = b } }
        // An abstract name has no terminating NUL: the length says where it ends.
        let length = socklen_t(MemoryLayout<sa_family_t>.size + address.count + (address.first == 0 ? 0 : 1))
        let n = message.withUnsafeBytes { msg in
            withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, msg.baseAddress, msg.count, Int32(MSG_NOSIGNAL), $0, length) }
            }
        }
        return n == message.count
    }

    /// `MONOTONIC_USEC=` for `RELOADING=1`: CLOCK_MONOTONIC in microseconds.
    static func monotonicUsec() -> String { "MONOTONIC_USEC=\(monotonicNanos() / 1000)" }
}
