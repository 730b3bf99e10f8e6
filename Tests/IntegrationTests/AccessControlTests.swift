import Foundation
import StageKit
import Testing
import TextpipeCore

/// `server.allow` and `server.admin` against real peers: the test runs as root (here and in CI) and
/// runs the client as `nobody` with `setpriv`, so the daemon sees another uid through SO_PEERCRED.
@Suite(.serialized) struct AccessControlTests {
    /// setpriv, or nil with the reason printed when the test cannot switch users.
    static func setpriv() -> String? {
        guard getuid() == 0 else {
            print("AccessControlTests: skipped, not running as root (needed to run a client as nobody)")
            return nil
        }
        guard let tool = findTool("setpriv") else {
            print("AccessControlTests: skipped, setpriv not installed (make test-deps installs util-linux)")
            return nil
        }
        return tool
    }

    /// A daemon whose socket `nobody` can open, so that only `server.allow` stands in the way.
    static func daemon(_ serverExtra: String) throws -> Daemon {
        let d = try Daemon(config: wordcountConfig(server: "socket_mode: \"0666\"\n" + serverExtra))
        chmod(d.dir, 0o755)
        return d
    }

    /// Runs the client as nobody:nogroup with no supplementary groups; returns status and the answer.
    static func asNobody(_ setpriv: String, _ d: Daemon, _ arguments: [String], stdin: String? = nil) throws -> (status: Int32, answer: JSONValue?, err: String) {
        let r = try run(setpriv, ["--reuid=nobody", "--regid=nogroup", "--clear-groups", Daemon.clientPath] + arguments + ["--socket", d.socket], stdin: stdin)
        let line = r.out.split(separator: "\n").first.map { Array($0.utf8) }
        return (r.status, line.flatMap { try? JSONReader.parse($0) }, r.err)
    }

    @Test func allow_whenThePeerUidIsNotListed_refusesWithForbiddenAndLogsIt() throws {
        guard let setpriv = Self.setpriv() else { return }
        let d = try Self.daemon("allow: {users: [root]}")
        let r = try Self.asNobody(setpriv, d, ["health"])
        #expect(r.status == 1, "\(r.err)")
        #expect(r.answer?.errorCode == "forbidden", "\(String(describing: r.answer)) \(r.err)")
        let p = try Self.asNobody(setpriv, d, ["process"], stdin: "some text")
        #expect(p.answer?.errorCode == "forbidden")
        // Root is listed and served.
        #expect(try d.ask(.object([("op", .string("health"))]))["ok"] == .bool(true))
        #expect(d.log.contains("request refused: peer not allowed"))
        #expect(d.log.contains("uid=65534"))
        let stats = try d.ask(.object([("op", .string("stats"))]))
        #expect(stats.result?["errors"]?["forbidden"] == .int(2))
        #expect(d.stop() == 0)
    }

    @Test func allow_whenThePeerGroupIsListed_serves() throws {
        guard let setpriv = Self.setpriv() else { return }
        let d = try Self.daemon("allow: {users: [root], groups: [nogroup]}")
        let r = try Self.asNobody(setpriv, d, ["process"], stdin: "one two")
        #expect(r.status == 0, "\(r.err) \(d.log)")
        #expect(r.answer?.result?["word_count"] == .int(2))
        #expect(d.stop() == 0)
    }

    @Test func admin_restrictsReloadAndStatsButNotProcessOrHealth() throws {
        guard let setpriv = Self.setpriv() else { return }
        let d = try Self.daemon("admin:\n  reload: {users: [root]}\n  stats: {users: [0]}")
        #expect(try Self.asNobody(setpriv, d, ["health"]).status == 0)
        #expect(try Self.asNobody(setpriv, d, ["process"], stdin: "a b c").answer?.result?["word_count"] == .int(3))
        #expect(try Self.asNobody(setpriv, d, ["metrics"]).status == 0)
        let reload = try Self.asNobody(setpriv, d, ["reload"])
        #expect(reload.status == 1 && reload.answer?.errorCode == "forbidden")
        #expect(reload.answer?["error"]?["message"]?.stringValue?.contains("op 'reload'") == true)
        #expect(try Self.asNobody(setpriv, d, ["stats"]).answer?.errorCode == "forbidden")
        #expect(try d.ask(.object([("op", .string("reload"))])).result?["ok"] == .bool(true))
        #expect(d.log.contains("op not allowed for this peer"))
        #expect(d.stop() == 0)
    }

    @Test func admin_sharedRule_coversMetricsToo() throws {
        guard let setpriv = Self.setpriv() else { return }
        let d = try Self.daemon("admin: {users: [root]}")
        #expect(try Self.asNobody(setpriv, d, ["metrics"]).answer?.errorCode == "forbidden")
        #expect(try Self.asNobody(setpriv, d, ["pipelines"]).status == 0)
        #expect(try d.ask(.object([("op", .string("metrics"))]))["ok"] == .bool(true))
        #expect(d.stop() == 0)
    }

    @Test func allow_changedByReload_appliesToConnectionsAlreadyOpen() throws {
        let d = try Daemon(config: wordcountConfig())
        let c = try d.client()
        try c.send(.object([("op", .string("health"))]))
        #expect(try c.readJSON()?["ok"] == .bool(true))
        // uid 0 is not us unless we are root; list an id that is surely not ours.
        try wordcountConfig(server: "allow: {users: [\(getuid() == 4_000_000 ? 4_000_001 : 4_000_000)]}")
            .replacingOccurrences(of: "@SOCKET@", with: d.socket).write(toFile: d.configPath, atomically: true, encoding: .utf8)
        #expect(try d.ask(.object([("op", .string("reload"))])).result?["ok"] == .bool(true))
        try c.send(.object([("id", .int(2)), ("op", .string("health"))]))
        let after = try #require(try c.readJSON())
        #expect(after.errorCode == "forbidden")
        #expect(after["id"] == .int(2))
        #expect(d.stop() == 0)
    }
}

/// Observability over the wire: latency histograms in `stats`, the `metrics` op and the HTTP socket.
@Suite(.serialized) struct MetricsTests {
    @Test func stats_afterRequests_hasLatencyPercentilesQueueConnectionsAndErrors() throws {
        let d = try Daemon(config: wordcountConfig())
        let c = try d.client()
        for i in 0..<20 {
            try c.send(.object([("id", .int(i)), ("text", .string("a b c"))]))
            _ = try c.readJSON()
        }
        try c.send(Array("{nope\n".utf8))
        _ = try c.readJSON()
        let s = try #require(try d.ask(.object([("op", .string("stats"))])).result)
        let wc = try #require(s["pipelines"]?["wc"])
        #expect(wc["latency"]?["count"] == .int(20))
        let p50 = try #require(wc["latency"]?["p50_us"]?.doubleValue)
        let p99 = try #require(wc["latency"]?["p99_us"]?.doubleValue)
        #expect(p50 > 0 && p99 >= p50)
        let stage = try #require(wc["stages"]?.arrayValue?.first)
        #expect(stage["calls"] == .int(20))
        #expect(stage["p90_us"]?.doubleValue ?? 0 > 0)
        #expect(s["errors"]?["bad_json"] == .int(1))
        #expect(s["connections"]?.intValue ?? 0 >= 2)
        #expect(s["queue_depth"]?.intValue ?? 0 >= 1)
        #expect(s["generation"] == .int(1))
        #expect(d.stop() == 0)
    }

    @Test func metricsOp_andMetricsSocket_servePrometheusText() throws {
        let d = try Daemon(config: wordcountConfig(server: "metrics_socket: m.sock"))
        for _ in 0..<3 { _ = try d.ask(.object([("text", .string("x"))])) }
        let m = try d.ask(.object([("op", .string("metrics"))]))
        let text = try #require(m.result?["text"]?.stringValue)
        #expect(m.result?["content_type"] == .string("text/plain; version=0.0.4"))
        #expect(text.contains("# TYPE textpiped_request_duration_seconds histogram"))
        #expect(text.contains("textpiped_pipeline_requests_total{pipeline=\"wc\",result=\"ok\"} 3"))
        #expect(text.contains("textpiped_request_duration_seconds_count{pipeline=\"wc\"} 3"))
        #expect(text.contains("textpiped_request_duration_seconds_bucket{pipeline=\"wc\",le=\"+Inf\"} 3"))
        #expect(text.contains("textpiped_stage_duration_seconds_count{pipeline=\"wc\",stage=\"wordcount\"} 3"))
        #expect(text.contains("textpiped_errors_total{code=\"forbidden\"} 0"))
        #expect(text.contains("textpiped_config_generation 1"))

        let metricsSocket = d.dir + "/m.sock"
        let ok = try httpGet(metricsSocket, "/metrics")
        #expect(ok.hasPrefix("HTTP/1.1 200 OK"))
        #expect(ok.contains("Content-Type: text/plain; version=0.0.4"))
        #expect(ok.contains("textpiped_requests_total"))
        #expect(try httpGet(metricsSocket, "/other").hasPrefix("HTTP/1.1 404"))
        #expect(try httpGet(metricsSocket, "/metrics", method: "POST").hasPrefix("HTTP/1.1 405"))
        let client = try run(Daemon.clientPath, ["metrics", "--socket", d.socket])
        #expect(client.status == 0 && client.out.hasPrefix("# HELP textpiped_requests_total"))
        #expect(d.stop() == 0)
        #expect(!FileManager.default.fileExists(atPath: metricsSocket), "the daemon removes the metrics socket it bound")
    }
}
