import Dispatch
import StageKit
import Testing
@testable import TextpipeCore

/// Latency histograms, the Prometheus exposition, access rules and their configuration, and the
/// reload coalescing, without a socket.
@Suite struct LatencyHistogramTests {
    @Test(arguments: [
        (UInt64(0), 0), (1_000, 0), (1_001, 1), (2_000, 1), (4_999, 2), (5_000, 2), (5_001, 3),
        (1_000_000, 9), (50_000_000_000, 23), (50_000_000_001, 24), (UInt64.max, 24),
    ] as [(UInt64, Int)])
    func bucket_placesLatencyUnderItsInclusiveUpperBound(nanos: UInt64, index: Int) {
        #expect(LatencyHistogram.bucket(nanos) == index)
    }

    @Test func bounds_areOneTwoFivePerDecadeFromAMicrosecondToFiftySeconds() {
        #expect(LatencyHistogram.bounds.count == 24)
        #expect(LatencyHistogram.bounds.prefix(4) == [1_000, 2_000, 5_000, 10_000])
        #expect(LatencyHistogram.bounds.last == 50_000_000_000)
    }

    @Test func quantiles_interpolateInsideTheBucket() {
        let h = LatencyHistogram()
        for _ in 0..<90 { h.record(nanos: 150_000) }   // (100 µs, 200 µs]
        for _ in 0..<10 { h.record(nanos: 3_000_000) } // (2 ms, 5 ms]
        let s = h.snapshot()
        #expect(s.count == 100)
        #expect(s.sumNanos == 90 * 150_000 + 10 * 3_000_000)
        let p50 = s.quantile(0.5)
        #expect(p50 > 100_000 && p50 <= 200_000)
        #expect(s.quantile(0.9) <= 200_000)
        let p99 = s.quantile(0.99)
        #expect(p99 > 2_000_000 && p99 <= 5_000_000)
        #expect(LatencyHistogram().snapshot().quantile(0.5) == 0)
    }

    @Test func record_fromManyThreads_losesNoCount() {
        let h = LatencyHistogram()
        DispatchQueue.concurrentPerform(iterations: 8) { i in
            for j in 0..<10_000 { h.record(nanos: UInt64((i * 10_000 + j) * 97)) }
        }
        #expect(h.snapshot().count == 80_000)
    }
}

@Suite struct PrometheusTests {
    @Test func exposition_hasTypedFamiliesCumulativeBucketsAndEscapedLabels() throws {
        let stats = Stats()
        let p = Pipeline(name: "we\"ird", steps: [Pipeline.Step(name: "split", stage: SplitSentences(), provides: [.sentences])])
        stats.register(p)
        stats.recordRequest(pipeline: "we\"ird", error: nil, nanos: 1_500)
        stats.recordRequest(pipeline: "we\"ird", error: .timeout, nanos: 7_000_000)
        stats.recordRequest(pipeline: nil, error: .tooLarge)
        stats.recordStage(pipeline: "we\"ird", index: 0, nanos: 900, failed: false)
        let text = stats.prometheus()
        #expect(text.contains("# TYPE textpiped_requests_total counter\ntextpiped_requests_total 3\n"))
        #expect(text.contains("textpiped_errors_total{code=\"timeout\"} 1\n"))
        #expect(text.contains("textpiped_oversized_lines_total 1\n"))
        #expect(text.contains("textpiped_request_duration_seconds_bucket{pipeline=\"we\\\"ird\",le=\"1e-06\"} 0\n"))
        #expect(text.contains("textpiped_request_duration_seconds_bucket{pipeline=\"we\\\"ird\",le=\"2e-06\"} 1\n"))
        #expect(text.contains("textpiped_request_duration_seconds_bucket{pipeline=\"we\\\"ird\",le=\"0.01\"} 2\n"))
        #expect(text.contains("textpiped_request_duration_seconds_bucket{pipeline=\"we\\\"ird\",le=\"+Inf\"} 2\n"))
        #expect(text.contains("textpiped_request_duration_seconds_count{pipeline=\"we\\\"ird\"} 2\n"))
        #expect(text.contains("textpiped_stage_duration_seconds_count{pipeline=\"we\\\"ird\",stage=\"split\"} 1\n"))
        #expect(text.contains("textpiped_pipeline_requests_total{pipeline=\"we\\\"ird\",result=\"error\"} 1\n"))
        // Every sample line belongs to a family declared above it.
        var declared: Set<String> = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# TYPE ") { declared.insert(String(line.split(separator: " ")[2])); continue }
            if line.hasPrefix("#") { continue }
            let name = String(line.prefix { $0 != "{" && $0 != " " })
            let family = ["_bucket", "_sum", "_count"].reduce(name) { n, s in n.hasSuffix(s) && declared.contains(String(n.dropLast(s.count))) ? String(n.dropLast(s.count)) : n }
            #expect(declared.contains(family), "\(line)")
        }
    }

    @Test func register_keepsCountsWhileTheStageListIsUnchanged() {
        let stats = Stats()
        let step = Pipeline.Step(name: "split", stage: SplitSentences(), provides: [.sentences])
        stats.register(Pipeline(name: "p", steps: [step]))
        stats.recordRequest(pipeline: "p", error: nil, nanos: 10)
        stats.register(Pipeline(name: "p", steps: [step]))
        #expect(stats.pipelines.first?.requests.value == 1)
        stats.register(Pipeline(name: "p", steps: [step, step]))
        #expect(stats.pipelines.first?.requests.value == 0)
        #expect(stats.pipelines.first?.stages.count == 2)
    }
}

@Suite struct AccessPolicyTests {
    @Test func parse_allowAndAdmin_resolveNamesAndIds() throws {
        let (c, issues) = try parseConfig("""
        server:
          allow: {users: [root, 1234], groups: [root]}
          admin:
            users: [0]
            metrics: {groups: ["5678"]}
          metrics_socket: m.sock
          metrics_socket_mode: "0666"
        pipelines:
          p: [a]
        """)
        #expect(issues.isEmpty, "\(issues)")
        #expect(c.server.access.allow == AccessRule(users: [0, 1234], groups: [0]))
        #expect(c.server.access.admin[.reload] == AccessRule(users: [0]))
        #expect(c.server.access.admin[.stats] == AccessRule(users: [0]))
        #expect(c.server.access.admin[.metrics] == AccessRule(groups: [5678]))
        #expect(c.server.metricsSocket == "/etc/textpiped/m.sock")
        #expect(c.server.metricsSocketMode == 0o666)
    }

    @Test(arguments: ["", "server:\n  allow:\n  admin:\n"])
    func parse_withoutRules_letsEveryoneIn(server: String) throws {
        let (c, issues) = try parseConfig(server + "pipelines:\n  p: [a]\n")
        #expect(issues.isEmpty, "\(issues)")
        #expect(c.server.access == AccessPolicy())
        #expect(c.server.access.evaluate(PeerCredentials(pid: 1, uid: 4242, gid: 4242), groups: [4242]) == .everything)
    }

    struct Bad: Sendable { var yaml: String; var fragment: String; var line: Int }
    static let bad: [Bad] = [
        Bad(yaml: "server:\n  allow: {users: [no-such-user-xyz]}\npipelines:\n  p: [a]\n", fragment: "server.allow.users: no such user 'no-such-user-xyz'", line: 2),
        Bad(yaml: "server:\n  allow: {groups: [no-such-group-xyz]}\npipelines:\n  p: [a]\n", fragment: "server.allow.groups: no such group 'no-such-group-xyz'", line: 2),
        Bad(yaml: "server:\n  allow: {user: [root]}\npipelines:\n  p: [a]\n", fragment: "unknown key 'user' in server.allow (allowed: users, groups)", line: 2),
        Bad(yaml: "server:\n  admin: {restart: {users: [root]}}\npipelines:\n  p: [a]\n", fragment: "unknown key 'restart' in server.admin (allowed: users, groups, reload, stats, metrics)", line: 2),
        Bad(yaml: "server:\n  allow: [root]\npipelines:\n  p: [a]\n", fragment: "server.allow must be a mapping", line: 2),
        Bad(yaml: "server:\n  allow:\n    users: {a: 1}\npipelines:\n  p: [a]\n", fragment: "server.allow.users must be a list of names or ids", line: 3),
    ]

    @Test(arguments: bad)
    func parse_whenARuleIsWrong_reportsItWithItsLine(bad: Bad) throws {
        let (_, issues) = try parseConfig(bad.yaml)
        let issue = try #require(issues.first { $0.message.contains(bad.fragment) }, "\(issues)")
        #expect(issue.mark?.line == bad.line)
    }

    @Test(arguments: [
        // (allow users, allow groups, peer uid, peer groups, connect)
        ([UInt32(0)], [UInt32](), UInt32(0), [UInt32(0)], true),
        ([0], [], 65534, [65534], false),
        ([], [100], 1000, [1000, 100], true),   // a supplementary group
        ([], [100], 1000, [1000], false),
        ([], [], 0, [0], false),                 // an empty allow lets no one in
    ] as [([UInt32], [UInt32], UInt32, [UInt32], Bool)])
    func evaluate_allow_matchesUidOrAnyGroup(users: [UInt32], groups: [UInt32], uid: UInt32, peerGroups: [UInt32], connect: Bool) {
        let policy = AccessPolicy(allow: AccessRule(users: users, groups: groups))
        let access = policy.evaluate(PeerCredentials(pid: 1, uid: uid, gid: peerGroups[0]), groups: peerGroups)
        #expect(access.connect == connect)
        #expect(access.permits(.process) == connect)
    }

    @Test func evaluate_admin_deniesOnlyTheRestrictedOps() {
        let policy = AccessPolicy(admin: [.reload: AccessRule(users: [0]), .stats: AccessRule(groups: [4])])
        let peer = PeerCredentials(pid: 9, uid: 1000, gid: 1000)
        let plain = policy.evaluate(peer, groups: [1000])
        #expect(plain.permits(.process) && plain.permits(.health) && plain.permits(.metrics) && plain.permits(.pipelines))
        #expect(!plain.permits(.reload) && !plain.permits(.stats))
        let adm = policy.evaluate(peer, groups: [1000, 4])
        #expect(adm.permits(.stats) && !adm.permits(.reload))
    }

    @Test func peerGroups_ofRoot_includeItsPrimaryGroup() {
        #expect(PeerCredentials(pid: 1, uid: 0, gid: 0).groups().contains(0))
        #expect(PeerCredentials(pid: 1, uid: 3_999_999_999, gid: 77).groups() == [77])
    }

    @Test func engine_whenOpIsDenied_answersForbiddenWithTheId() throws {
        let engine = Engine(runtime: try makeRuntime())
        let access = Access(connect: true, denied: [.stats])
        let denied = engine.handle(line: Array(#"{"id":5,"op":"stats"}"#.utf8), access: access)
        #expect(denied.error == .forbidden)
        let v = try parseResponseLine(denied.bytes)
        #expect(v["id"] == .number("5"))
        #expect(engine.handle(line: Array(#"{"op":"health"}"#.utf8), access: access).error == nil)
        let refused = engine.handle(line: Array(#"{"op":"health"}"#.utf8), access: Access(connect: false, denied: Set(Operation.allCases)))
        #expect(refused.error == .forbidden)
        // A peer that may not connect learns nothing about its request, not even that it was malformed.
        #expect(engine.handle(line: Array("{".utf8), access: Access(connect: false, denied: [])).error == .forbidden)
    }
}

@Suite struct ReloaderTests {
    final class Gate: @unchecked Sendable {
        let entered = DispatchSemaphore(value: 0)
        let release = DispatchSemaphore(value: 0)
        let lock = Mutex()
        var builds = 0
    }

    @Test func requests_duringARun_areCoalescedIntoOneMoreRun_andAllGetAResult() throws {
        let engine = Engine(runtime: try makeRuntime())
        let gate = Gate()
        let first = try makeRuntime()
        let reloader = Reloader(engine: engine, build: {
            gate.lock.withLock { gate.builds += 1 }
            gate.entered.signal()
            gate.release.wait()
            return first
        })
        let results = Mutex()
        nonisolated(unsafe) var reports: [ReloadReport] = []
        let done = DispatchGroup()
        done.enter()
        reloader.request { r in results.withLock { reports.append(r) }; done.leave() }
        gate.entered.wait()                       // run 1 is building
        for _ in 0..<5 {
            done.enter()
            reloader.request { r in results.withLock { reports.append(r) }; done.leave() }
        }
        gate.release.signal()                     // run 1 ends; the five make run 2
        gate.entered.wait()
        gate.release.signal()
        done.wait()
        #expect(gate.lock.withLock { gate.builds } == 2)
        #expect(reports.count == 6)
        #expect(engine.generation == 3)
        #expect(results.withLock { reports.filter { $0.generation == 3 }.count } == 5)
        #expect(engine.lastReload?.ok == true)
        #expect(engine.stats.reloadsOK.value == 2)
    }

    @Test func aFailingBuild_keepsTheRuntimeAndReportsTheError() throws {
        let engine = Engine(runtime: try makeRuntime())
        let before = engine.runtime
        struct Broken: Error, CustomStringConvertible { var description: String { "no such stage" } }
        let reloader = Reloader(engine: engine, build: { throw Broken() })
        let report = reloader.requestAndWait()
        #expect(!report.ok)
        #expect(report.error == "no such stage")
        #expect(report.generation == 1)
        #expect(engine.runtime === before)
        #expect(engine.stats.reloadsFailed.value == 1)
        let (health, _) = try answer(engine, #"{"op":"health"}"#)
        #expect(health["result"]?["last_reload"]?["ok"] == .bool(false))
        #expect(health["result"]?["last_reload"]?["error"] == .string("no such stage"))
    }
}
