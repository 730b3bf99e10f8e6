import Foundation
import StageKit
import TextpipeCore

/// A real `textpiped` process started from the build folder on a temporary socket, for tests that
/// talk to it over the wire. Socket paths stay short (/tmp/tpd.XXXXXX/s.sock) to fit sockaddr_un.
final class Daemon {
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// Where the built binaries and plugins are: $TEXTPIPED_BUILD_DIR or <repo>/.build/debug.
    static let buildDir: String = ProcessInfo.processInfo.environment["TEXTPIPED_BUILD_DIR"] ?? repoRoot + "/.build/debug"
    static var daemonPath: String { buildDir + "/textpiped" }
    static var clientPath: String { buildDir + "/textpipe" }

    let dir: String
    let socket: String
    let configPath: String
    let process: ServiceProcess
    let logPath: String

    /// Writes `config` (with `@SOCKET@` replaced by the socket path) and starts the daemon on it.
    /// `socket` overrides the config's socket with `--socket`.
    init(config: String, socket override: String? = nil, arguments: [String] = [], waitForSocket: Bool = true) throws {
        dir = try Daemon.makeTempDir()
        socket = override ?? dir + "/s.sock"
        configPath = dir + "/config.yaml"
        logPath = dir + "/daemon.log"
        try config.replacingOccurrences(of: "@SOCKET@", with: dir + "/s.sock").write(toFile: configPath, atomically: true, encoding: .utf8)
        // posix_spawn + waitpid (ServiceProcess), not Foundation's Process: see ServiceProcess.
        process = try ServiceProcess(
            executable: Daemon.daemonPath,
            arguments: ["--config", configPath] + (override.map { ["--socket", $0] } ?? []) + arguments,
            logPath: logPath)
        if waitForSocket { try waitUntilServing() }
    }

    static func makeTempDir() throws -> String {
        var template = Array("/tmp/tpd.XXXXXX".utf8CString)
        guard let p = mkdtemp(&template) else { throw TestFailure("mkdtemp failed") }
        return String(cString: p)
    }

    func waitUntilServing(timeout: Double = 20) throws {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            if !process.isRunning { throw TestFailure("daemon exited with \(process.exitStatus ?? -1): \(log)") }
            if (try? LineClient(path: socket)) != nil { return }
            usleep(20_000)
        }
        throw TestFailure("daemon did not start serving within \(timeout) s: \(log)")
    }

    var log: String { (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? "" }

    func client() throws -> LineClient { try LineClient(path: socket) }

    /// One request on a new connection, one answer.
    func ask(_ request: JSONValue) throws -> JSONValue {
        let c = try client()
        try c.send(request)
        guard let answer = try c.readJSON() else { throw TestFailure("no answer") }
        return answer
    }

    /// Sends a signal and waits for the process to end; returns its exit status (-1 if killed).
    @discardableResult
    func stop(_ sig: Int32 = SIGTERM, timeout: Double = 20) -> Int32 { process.stop(sig, timeout: timeout) }

    deinit {
        if process.isRunning { process.stop(SIGKILL, timeout: 5) }
        try? FileManager.default.removeItem(atPath: dir)
    }
}

struct TestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ d: String) { description = d }
}

/// Runs a built binary and collects its exit status, stdout and stderr.
func run(_ path: String, _ arguments: [String], stdin: String? = nil, environment: [String: String]? = nil) throws -> (status: Int32, out: String, err: String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: path)
    p.arguments = arguments
    if let environment { p.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
    let out = Pipe(), err = Pipe(), input = Pipe()
    p.standardOutput = out
    p.standardError = err
    p.standardInput = input
    try p.run()
    if let stdin { input.fileHandleForWriting.write(stdin.data(using: .utf8)!) }
    try input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
}

extension JSONValue {
    /// `answer.error.code` of an error answer.
    var errorCode: String? { self["error"]?["code"]?.stringValue }
    var result: JSONValue? { self["result"] }
    var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
}

/// A minimal configuration with the example stage, for wire tests that do not need the real stages.
func wordcountConfig(server extra: String = "", pipelines: String = "") -> String {
    """
    server:
      socket: @SOCKET@
    \(extra.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    default_pipeline: wc
    pipelines:
      wc: [wordcount]
      strict: [{wordcount: {max_words: 3}}]
      slow: [{wordcount: {delay_ms: 300}}]
    \(pipelines.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
    """
}
