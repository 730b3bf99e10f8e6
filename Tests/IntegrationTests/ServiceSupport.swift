import Foundation
import StageKit
import TextpipeCore

/// A process started with a chosen executable, arguments and extra environment, its output in a log
/// file: the daemon under a wrapper (`systemd-socket-activate`) or with service-manager variables.
final class ServiceProcess {
    let process = Process()
    let logPath: String

    init(executable: String, arguments: [String], environment: [String: String] = [:], logPath: String) throws {
        self.logPath = logPath
        _ = FileManager.default.createFile(atPath: logPath, contents: nil)
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardError = FileHandle(forWritingAtPath: logPath)
        process.standardOutput = FileHandle(forWritingAtPath: logPath)
        try process.run()
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }
    var pid: Int32 { process.processIdentifier }

    /// Sends a signal and waits for the end; returns the exit status (-1 if it had to be killed).
    @discardableResult
    func stop(_ sig: Int32 = SIGTERM, timeout: Double = 20) -> Int32 {
        if process.isRunning { kill(process.processIdentifier, sig) }
        let end = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < end { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit(); return -1 }
        return process.terminationStatus
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }
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
        if let p = process, !p.process.isRunning { throw TestFailure("process exited with \(p.process.terminationStatus): \(p.log)") }
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
