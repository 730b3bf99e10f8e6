import Foundation
import StageKit
import Testing
import TextpipeCore

/// Starting, stopping, the socket file, and the command-line tools.
@Suite(.serialized) struct LifecycleTests {
    @Test(arguments: [SIGTERM, SIGINT])
    func signal_endsWithExitZeroAndRemovesTheSocket(sig: Int32) throws {
        let d = try Daemon(config: wordcountConfig())
        #expect(FileManager.default.fileExists(atPath: d.socket))
        #expect(d.stop(sig) == 0)
        #expect(!FileManager.default.fileExists(atPath: d.socket))
        #expect(d.log.contains("shutting down"))
    }

    /// A signal sent the moment the daemon serves (while the test's probe connection may still be
    /// in the accept queue) ends it promptly: no lost signal, no connection left open until the
    /// shutdown limit.
    @Test func sigterm_rightAfterStart_exitsPromptly() throws {
        for _ in 0..<5 {
            let d = try Daemon(config: wordcountConfig(server: "shutdown_timeout_ms: 60000"))
            let t0 = Date()
            #expect(d.stop(SIGTERM, timeout: 30) == 0)
            #expect(Date().timeIntervalSince(t0) < 5, "\(d.log)")
        }
    }

    @Test func sigterm_duringARequest_answersItThenRefusesLaterOnesWithShuttingDown() throws {
        let d = try Daemon(config: wordcountConfig())
        let c = try d.client()
        try c.send(.object([("id", .int(1)), ("pipeline", .string("slow")), ("text", .string("x"))]))
        usleep(100_000)
        kill(d.process.pid, SIGTERM)
        usleep(30_000)
        try c.send(.object([("id", .int(2)), ("text", .string("late"))]))
        let first = try #require(try c.readJSON())
        #expect(first["id"] == .int(1))
        #expect(first["ok"] == .bool(true))
        let second = try #require(try c.readJSON())
        #expect(second["id"] == .int(2))
        #expect(second.errorCode == "shutting_down")
        #expect(try c.readLine() == nil)
        #expect(d.stop() == 0)
    }

    @Test func socketMode_isAppliedFromConfig() throws {
        let d = try Daemon(config: wordcountConfig(server: "socket_mode: \"0600\""))
        let attrs = try FileManager.default.attributesOfItem(atPath: d.socket)
        #expect((attrs[.posixPermissions] as? Int) == 0o600)
        #expect(d.stop() == 0)
    }

    @Test func staleSocketFile_isReplaced() throws {
        let dir = try Daemon.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let path = dir + "/s.sock"
        // A socket file nobody listens on: bind, then close without unlinking.
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &addr.sun_path) { dst in for (i, b) in path.utf8.enumerated() { dst[i] = b } }
        _ = withUnsafePointer(to: &addr) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) } }
        close(fd)
        #expect(FileManager.default.fileExists(atPath: path))
        let d = try Daemon(config: wordcountConfig(), socket: path)
        #expect(try d.ask(.object([("text", .string("a"))]))["ok"] == .bool(true))
        #expect(d.stop() == 0)
    }

    @Test func liveSocket_secondDaemonRefusesToStart() throws {
        let first = try Daemon(config: wordcountConfig())
        let second = try Daemon(config: wordcountConfig(), socket: first.socket, waitForSocket: false)
        let status = second.process.waitForExit()
        #expect(status != nil && status != 0)
        #expect(second.log.contains("in use"))
        // The first one is untouched.
        #expect(try first.ask(.object([("text", .string("a"))]))["ok"] == .bool(true))
        #expect(first.stop() == 0)
    }

    @Test func client_sendsFilesAndStdin_printsAnswers_exitsNonZeroOnError() throws {
        let d = try Daemon(config: wordcountConfig())
        let file = d.dir + "/in.txt"
        try "four little words here".write(toFile: file, atomically: true, encoding: .utf8)
        let ok = try run(Daemon.clientPath, ["--socket", d.socket, file])
        #expect(ok.status == 0)
        let answer = try JSONReader.parse(ok.out.trimmingCharacters(in: .whitespacesAndNewlines))
        #expect(answer.result?["word_count"] == .int(4))
        #expect(answer["id"] == .string(file))
        let piped = try run(Daemon.clientPath, ["--socket", d.socket, "--pretty"], stdin: "from stdin")
        #expect(piped.status == 0)
        #expect(piped.out.contains("\n  \"ok\": true"))
        let bad = try run(Daemon.clientPath, ["--socket", d.socket, "--pipeline", "strict", file], stdin: nil)
        #expect(bad.status != 0)
        #expect(bad.out.contains("stage_failed"))
        let health = try run(Daemon.clientPath, ["health", "--socket", d.socket])
        #expect(health.status == 0 && health.out.contains("\"status\":\"ok\""))
        let env = try run(Daemon.clientPath, ["pipelines"], environment: ["TEXTPIPED_SOCKET": d.socket])
        #expect(env.status == 0 && env.out.contains("strict"))
        #expect(d.stop() == 0)
    }

    @Test func client_whenDaemonIsNotRunning_saysSo() throws {
        let r = try run(Daemon.clientPath, ["health", "--socket", "/tmp/tpd-none.sock"])
        #expect(r.status != 0)
        #expect(r.err.contains("cannot connect"))
    }
}
