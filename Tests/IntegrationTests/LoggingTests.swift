import Foundation
import StageKit
import Testing
import TextpipeCore

/// Log lines: `key=value` on stderr, at `server.log_level` (changed by a reload), and without a
/// timestamp under journald (`JOURNAL_STREAM` set).
@Suite(.serialized) struct LoggingTests {
    func start(_ config: String, env: [String: String], dir: String) throws -> ServiceProcess {
        try config.replacingOccurrences(of: "@SOCKET@", with: dir + "/s.sock").write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        let p = try ServiceProcess(executable: Daemon.daemonPath, arguments: ["--config", dir + "/config.yaml"], environment: env, logPath: dir + "/daemon.log")
        try waitForSocket(dir + "/s.sock", process: p)
        return p
    }

    @Test(arguments: [false, true])
    func logLines_haveATimestampOnlyOutsideJournald(journal: Bool) throws {
        let dir = try Daemon.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = try start(wordcountConfig(), env: journal ? ["JOURNAL_STREAM": "8:12345"] : [:], dir: dir)
        #expect(p.stop() == 0)
        let lines = p.log.split(separator: "\n").filter { $0.contains("level=") }
        #expect(lines.contains { $0.contains("msg=serving") })
        for line in lines {
            if journal { #expect(line.hasPrefix("level="), "\(line)") } else { #expect(line.hasPrefix("ts="), "\(line)") }
        }
    }

    @Test func logLevel_isTheConfiguredOne_andAReloadChangesIt() throws {
        let dir = try Daemon.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let p = try start(wordcountConfig(server: "log_level: warning"), env: [:], dir: dir)
        _ = try ask(dir + "/s.sock", .object([("text", .string("a"))]))
        #expect(!p.log.contains("level=info"), "\(p.log)")
        try wordcountConfig(server: "log_level: debug").replacingOccurrences(of: "@SOCKET@", with: dir + "/s.sock")
            .write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        #expect(try ask(dir + "/s.sock", .object([("op", .string("reload"))])).result?["ok"] == .bool(true))
        _ = try ask(dir + "/s.sock", .object([("text", .string("b"))]))
        #expect(p.stop() == 0)
        #expect(p.log.contains("level=debug msg=\"connection open\""), "\(p.log)")
        #expect(p.log.contains("level=info msg=\"shutting down\""))
    }
}
