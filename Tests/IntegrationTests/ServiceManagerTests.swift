import Foundation
import StageKit
import Testing
import TextpipeCore

/// The daemon under a service manager, without systemd as PID 1: `sd_notify` messages on a
/// `NOTIFY_SOCKET` this test binds, watchdog pings, and socket activation through
/// `systemd-socket-activate`.
@Suite(.serialized) struct ServiceManagerTests {
    /// The lines of the messages that change the service state, in the order they came.
    static func states(_ messages: [String]) -> [String] {
        messages.flatMap { $0.split(separator: "\n").map(String.init) }
            .filter { ["READY=1", "RELOADING=1", "STOPPING=1"].contains($0) }
    }

    static func start(config: String, env: [String: String], dir: String) throws -> ServiceProcess {
        let configPath = dir + "/config.yaml"
        try config.replacingOccurrences(of: "@SOCKET@", with: dir + "/s.sock").write(toFile: configPath, atomically: true, encoding: .utf8)
        return try ServiceProcess(executable: Daemon.daemonPath, arguments: ["--config", configPath], environment: env, logPath: dir + "/daemon.log")
    }

    @Test(arguments: [false, true])
    func notify_sendsReadyReloadingReadyStoppingInOrder(abstract: Bool) throws {
        let dir = try Daemon.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let name = abstract ? "tpd-notify-\(getpid())-\(UInt32.random(in: 0...UInt32.max))" : dir + "/notify.sock"
        let listener = try NotifyListener(path: name, abstract: abstract)
        let d = try Self.start(config: wordcountConfig(), env: ["NOTIFY_SOCKET": listener.address], dir: dir)

        var messages = listener.collect(until: "READY=1")
        #expect(Self.states(messages) == ["READY=1"], "\(d.log)")
        // READY comes once the socket accepts connections.
        #expect(try ask(dir + "/s.sock", .object([("op", .string("health"))]))["ok"] == .bool(true))
        let ready = try #require(messages.last)
        #expect(ready.contains("STATUS=serving: generation 1, 3 pipelines"))
        #expect(ready.contains("MAINPID=\(d.pid)"))

        try wordcountConfig(pipelines: "extra: [wordcount]").replacingOccurrences(of: "@SOCKET@", with: dir + "/s.sock")
            .write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        kill(d.pid, SIGHUP)
        let reload = listener.collect(until: "READY=1")
        messages += reload
        let reloading = try #require(reload.first { $0.split(separator: "\n").contains("RELOADING=1") })
        let usec = reloading.split(separator: "\n").first { $0.hasPrefix("MONOTONIC_USEC=") }
        #expect(usec.flatMap { UInt64($0.dropFirst("MONOTONIC_USEC=".count)) } != nil, "RELOADING=1 must carry MONOTONIC_USEC: \(reloading)")
        #expect(reload.last?.contains("STATUS=serving: generation 2, 4 pipelines") == true)

        kill(d.pid, SIGTERM)
        messages += listener.collect(until: "STOPPING=1")
        #expect(Self.states(messages) == ["READY=1", "RELOADING=1", "READY=1", "STOPPING=1"])
        #expect(d.stop() == 0)
    }

    @Test func notify_afterABrokenReload_statusSaysItFailedAndTheOldConfigServes() throws {
        let dir = try Daemon.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let listener = try NotifyListener(path: dir + "/notify.sock")
        let d = try Self.start(config: wordcountConfig(), env: ["NOTIFY_SOCKET": listener.address], dir: dir)
        _ = listener.collect(until: "READY=1")
        try "pipelines:\n  wc: [nosuchstage]\n".write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        kill(d.pid, SIGHUP)
        let reload = listener.collect(until: "READY=1")
        #expect(Self.states(reload) == ["RELOADING=1", "READY=1"])
        #expect(reload.last?.contains("STATUS=serving: generation 1") == true)
        #expect(reload.last?.contains("last reload failed") == true, "\(reload)")
        #expect(try ask(dir + "/s.sock", .object([("text", .string("a b"))])).result?["word_count"] == .int(2))
        #expect(d.stop() == 0)
    }

    @Test func watchdog_whenWatchdogUsecIsSet_pingsRepeatedly() throws {
        let dir = try Daemon.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let listener = try NotifyListener(path: dir + "/notify.sock")
        let d = try Self.start(config: wordcountConfig(), env: ["NOTIFY_SOCKET": listener.address, "WATCHDOG_USEC": "200000"], dir: dir)
        _ = listener.collect(until: "READY=1")
        var pings = 0
        let end = Date().addingTimeInterval(20)
        while pings < 4 && Date() < end {
            if let m = listener.receive(timeout: 5), m.split(separator: "\n").contains("WATCHDOG=1") { pings += 1 }
        }
        #expect(pings == 4, "\(d.log)")
        #expect(d.stop() == 0)
    }

    @Test func watchdog_whenWatchdogPidIsAnotherProcess_doesNotPing() throws {
        let dir = try Daemon.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let listener = try NotifyListener(path: dir + "/notify.sock")
        let d = try Self.start(config: wordcountConfig(), env: ["NOTIFY_SOCKET": listener.address, "WATCHDOG_USEC": "100000", "WATCHDOG_PID": "1"], dir: dir)
        let startup = listener.collect(until: "READY=1")
        #expect(Self.states(startup) == ["READY=1"])
        // 20 watchdog intervals would pass here if the daemon ignored WATCHDOG_PID.
        var later: [String] = []
        let end = Date().addingTimeInterval(1.0)
        while Date() < end { if let m = listener.receive(timeout: 0.1) { later.append(m) } }
        #expect(!(startup + later).contains { $0.split(separator: "\n").contains("WATCHDOG=1") }, "\(later)")
        #expect(d.stop() == 0)
    }

    @Test func socketActivation_servesOnTheInheritedSocketAndLeavesItsFileOnExit() throws {
        guard let activate = findTool("systemd-socket-activate") else {
            Issue.record("systemd-socket-activate is not installed (make test-deps installs the systemd package)")
            return
        }
        let dir = try Daemon.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let socket = dir + "/a.sock"
        // The configured socket is another path: with an inherited socket it must not be bound.
        try wordcountConfig().replacingOccurrences(of: "@SOCKET@", with: dir + "/configured.sock")
            .write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        let p = try ServiceProcess(executable: activate,
                                   arguments: ["-l", socket, "--fdname=textpiped", Daemon.daemonPath, "--config", dir + "/config.yaml"],
                                   logPath: dir + "/daemon.log")
        // The wrapper listens first and execs the daemon on the first connection.
        try waitForSocket(socket, process: p)
        let answer = try ask(socket, .object([("id", .int(7)), ("text", .string("one two three"))]))
        #expect(answer.result?["word_count"] == .int(3), "\(p.log)")
        #expect(try ask(socket, .object([("op", .string("health"))])).result?["pid"] == .int(Int(p.pid)))
        #expect(p.log.contains("using the socket passed by the service manager"))
        #expect(!FileManager.default.fileExists(atPath: dir + "/configured.sock"))

        #expect(p.stop() == 0, "\(p.log)")
        var st = stat()
        #expect(lstat(socket, &st) == 0, "the inherited socket file must stay")
        #expect((st.st_mode & S_IFMT) == S_IFSOCK)
    }

    @Test func listenFds_forAnotherPid_areIgnoredAndTheConfiguredSocketIsBound() throws {
        let dir = try Daemon.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let d = try Self.start(config: wordcountConfig(), env: ["LISTEN_PID": "1", "LISTEN_FDS": "1", "LISTEN_FDNAMES": "textpiped"], dir: dir)
        try waitForSocket(dir + "/s.sock", process: d)
        #expect(!d.log.contains("passed by the service manager"))
        #expect(d.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: dir + "/s.sock"), "a socket the daemon bound itself is removed")
    }

    @Test func listenFds_whenTheInheritedFdIsNotAListeningSocket_refusesToStart() throws {
        let dir = try Daemon.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try wordcountConfig().replacingOccurrences(of: "@SOCKET@", with: dir + "/s.sock").write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        // The shell's pid is the daemon's after exec, so LISTEN_PID matches; fd 3 is a plain file.
        let r = try run("/bin/sh", ["-c", "LISTEN_PID=$$ LISTEN_FDS=1 exec \"$0\" --config \"$1\" 3<\"$1\"", Daemon.daemonPath, dir + "/config.yaml"])
        #expect(r.status == 1)
        #expect(r.err.contains("inherited socket 3 (unknown) is not a listening Unix stream socket"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: dir + "/s.sock"))
    }

    @Test func socketActivation_withANamedMetricsSocket_servesPrometheusOverHTTP() throws {
        guard let activate = findTool("systemd-socket-activate") else {
            Issue.record("systemd-socket-activate is not installed (make test-deps installs the systemd package)")
            return
        }
        let dir = try Daemon.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try wordcountConfig().replacingOccurrences(of: "@SOCKET@", with: dir + "/configured.sock")
            .write(toFile: dir + "/config.yaml", atomically: true, encoding: .utf8)
        let p = try ServiceProcess(executable: activate,
                                   arguments: ["-l", dir + "/a.sock", "-l", dir + "/m.sock", "--fdname=textpiped:metrics",
                                               Daemon.daemonPath, "--config", dir + "/config.yaml"],
                                   logPath: dir + "/daemon.log")
        try waitForSocket(dir + "/a.sock", process: p)
        _ = try ask(dir + "/a.sock", .object([("text", .string("a"))]))
        let http = try httpGet(dir + "/m.sock", "/metrics")
        #expect(http.hasPrefix("HTTP/1.1 200 OK"), "\(http.prefix(300)) \(p.log)")
        #expect(http.contains("textpiped_pipeline_requests_total{pipeline=\"wc\",result=\"ok\"} 1"))
        #expect(p.stop() == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/m.sock"))
    }
}

/// Sends a raw HTTP request on a Unix socket and returns the whole answer.
func httpGet(_ path: String, _ target: String, method: String = "GET") throws -> String {
    let c = try LineClient(path: path)
    try c.send(Array("\(method) \(target) HTTP/1.1\r\nHost: localhost\r\n\r\n".utf8))
    var out: [UInt8] = []
    while let line = try c.readLine() { out += line + [0x0A] }
    return String(decoding: out, as: UTF8.self)
}
