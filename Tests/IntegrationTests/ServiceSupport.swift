import Foundation
import StageKit
import TextpipeCore

/// A process started with a chosen executable, arguments and extra environment, its output in a log
/// file: the daemon under a wrapper (`systemd-socket-activate`) or with service-manager variables.
/// Started with `posix_spawn` and reaped with `waitpid` here, not with Foundation's `Process`: that
/// one learns of a child's exit only when a socket the child inherited closes, so a copy of that
/// socket inherited by another process started at the same moment hides the exit and
/// `waitUntilExit` never returns. The child inherits nothing but stdin, stdout and stderr.
final class ServiceProcess {
    let pid: pid_t
    let logPath: String
    private var status: Int32?

    init(executable: String, arguments: [String], environment: [String: String] = [:], logPath: String) throws {
        self.logPath = logPath
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_APPEND, 0)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        Self.closeFrom3(&actions)
        let env = ProcessInfo.processInfo.environment.merging(environment) { $1 }.map { "\($0.key)=\($0.value)" }
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = env.map { strdup($0) } + [nil]
        defer { for p in argv + envp { free(p) } }
        var child: pid_t = 0
        let r = posix_spawn(&child, executable, &actions, nil, argv, envp)
        guard r == 0 else { throw TestFailure("posix_spawn \(executable): \(String(cString: strerror(r)))") }
        pid = child
    }

    /// `posix_spawn_file_actions_addclosefrom_np(actions, 3)` (glibc 2.34+, not in Swift's Glibc
    /// module, so looked up); without it, every descriptor open now from 3 on is closed one by one.
    private static func closeFrom3(_ actions: inout posix_spawn_file_actions_t) {
        typealias CloseFrom = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32
        if let sym = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "posix_spawn_file_actions_addclosefrom_np") {
            _ = unsafeBitCast(sym, to: CloseFrom.self)(&actions, 3)
            return
        }
        for fd in 3..<Int32(4096) where fcntl(fd, F_GETFD) >= 0 { posix_spawn_file_actions_addclose(&actions, fd) }
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    /// True until the process has ended (and been reaped here).
    var isRunning: Bool {
        if status != nil { return false }
        var st: Int32 = 0
        let r = waitpid(pid, &st, WNOHANG)
        if r == pid { status = st; return false }
        return r == 0
    }

    /// Exit status, or -1 when it ended by a signal (nil while running).
    var exitStatus: Int32? { status.map { ($0 & 0x7f) == 0 ? ($0 >> 8) & 0xff : -1 } }

    /// Waits up to `timeout` seconds for the process to end by itself; its exit status, or nil if it
    /// is still running.
    func waitForExit(timeout: Double = 20) -> Int32? {
        let end = Date().addingTimeInterval(timeout)
        while isRunning && Date() < end { usleep(10_000) }
        return isRunning ? nil : exitStatus
    }

    /// Sends a signal and waits for the end; returns the exit status (-1 if it had to be killed).
    @discardableResult
    func stop(_ sig: Int32 = SIGTERM, timeout: Double = 20) -> Int32 {
        if isRunning { kill(pid, sig) }
        let end = Date().addingTimeInterval(timeout)
        while isRunning && Date() < end { usleep(10_000) }
        if isRunning {
            kill(pid, SIGKILL)
            var st: Int32 = 0
            _ = waitpid(pid, &st, 0)
            status = st
            return -1
        }
        return exitStatus ?? -1
    }

    deinit {
        if isRunning {
            kill(pid, SIGKILL)
            var st: Int32 = 0
            _ = waitpid(pid, &st, 0)
        }
    }
}

/// The service manager's end of `sd_notify`: a datagram socket bound at a path (or an abstract name
/// when `abstract` is set) that collects the daemon's `KEY=VALUE` messages.
final class NotifyListener {
    let fd: Int32
    /// What to put in `NOTIFY_SOCKET`.
    let address: String

    init(path: String, abstract: Bool = false) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw TestFailure("socket failed") }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        var bytes = Array(path.utf8)
        if abstract { bytes.insert(0, at: 0) }
        withUnsafeMutableBytes(of: &addr.sun_path) { dst in for (i, b) in bytes.enumerated() { dst[i] = b } }
        let len = socklen_t(MemoryLayout<sa_family_t>.size + bytes.count + (abstract ? 0 : 1))
        let r = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, len) } }
        guard r == 0 else {
            close(fd)
            throw TestFailure("bind \(path): \(String(cString: strerror(errno)))")
        }
        self.fd = fd
        address = abstract ? "@" + path : path
    }

    deinit { close(fd) }

    /// The next datagram, or nil when none came within `timeout` seconds.
    func receive(timeout: Double) -> String? {
        var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&p, 1, Int32(timeout * 1000)) == 1 else { return nil }
        var buf = [UInt8](repeating: 0, count: 4096)
        let n = buf.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
        return n > 0 ? String(decoding: buf[0..<n], as: UTF8.self) : nil
    }

    /// Collects messages until one contains `line` (as a whole line) or `timeout` passes.
    func collect(until line: String, timeout: Double = 20) -> [String] {
        var out: [String] = []
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            guard let m = receive(timeout: max(0.01, end.timeIntervalSinceNow)) else { break }
            out.append(m)
            if m.split(separator: "\n").contains(where: { $0 == line }) { break }
        }
        return out
    }
}

/// Waits until a socket path accepts connections.
func waitForSocket(_ path: String, process: ServiceProcess? = nil, timeout: Double = 20) throws {
    let end = Date().addingTimeInterval(timeout)
    while Date() < end {
        if let p = process, !p.isRunning { throw TestFailure("process exited with \(p.exitStatus ?? -1): \(p.log)") }
        if (try? LineClient(path: path)) != nil { return }
        usleep(20_000)
    }
    throw TestFailure("\(path) did not accept connections within \(timeout) s")
}

/// A JSON request on a new connection to `path`, one answer.
func ask(_ path: String, _ request: JSONValue) throws -> JSONValue {
    let c = try LineClient(path: path)
    try c.send(request)
    guard let answer = try c.readJSON() else { throw TestFailure("no answer") }
    return answer
}

/// The first executable named `name` on PATH (or in /usr/sbin, /sbin), or nil.
func findTool(_ name: String) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? ""
    for dir in path.split(separator: ":").map(String.init) + ["/usr/sbin", "/sbin", "/usr/bin", "/bin"] {
        let candidate = dir + "/" + name
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
    }
    return nil
}
