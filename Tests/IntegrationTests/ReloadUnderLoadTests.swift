import Foundation
import StageKit
import Testing
import TextpipeCore

/// Reloads while clients are busy: new requests use the new configuration, requests in flight finish
/// on the old one, nothing is lost, a broken configuration leaves the old one serving, and the
/// `reload` op does what SIGHUP does and answers the result.
@Suite(.serialized) struct ReloadUnderLoadTests {
    /// Sends requests one after another on one connection until stopped, recording each answer.
    final class Load: @unchecked Sendable {
        private let lock = NSLock()
        private var stopFlag = false
        private(set) var sent = 0
        private var answers: [JSONValue] = []
        private var failure: String?
        private let done = DispatchSemaphore(value: 0)

        init(socket: String) {
            Thread.detachNewThread { [self] in
                defer { done.signal() }
                do {
                    let c = try LineClient(path: socket)
                    var i = 0
                    while !lock.withLock({ stopFlag }) {
                        try c.send(.object([("id", .int(i)), ("text", .string("alpha beta gamma"))]))
                        lock.withLock { sent += 1 }
                        guard let a = try c.readJSON() else { throw TestFailure("connection closed after \(i) answers") }
                        lock.withLock { answers.append(a) }
                        i += 1
                    }
                } catch {
                    lock.withLock { failure = "\(error)" }
                }
            }
        }

        var count: Int { lock.withLock { answers.count } }

        func waitFor(more n: Int, timeout: Double = 20) throws {
            let target = count + n
            let end = Date().addingTimeInterval(timeout)
            while count < target && Date() < end {
                if let f = lock.withLock({ failure }) { throw TestFailure(f) }
                usleep(5_000)
            }
            if count < target { throw TestFailure("only \(count) answers, wanted \(target)") }
        }

        func stop() -> (sent: Int, answers: [JSONValue], failure: String?) {
            lock.withLock { stopFlag = true }
            done.wait()
            return lock.withLock { (sent, answers, failure) }
        }
    }

    func write(_ config: String, _ d: Daemon) throws {
        try config.replacingOccurrences(of: "@SOCKET@", with: d.socket).write(toFile: d.configPath, atomically: true, encoding: .utf8)
    }

    func health(_ d: Daemon, until ok: (JSONValue) -> Bool) throws -> JSONValue {
        let end = Date().addingTimeInterval(20)
        while Date() < end {
            let h = try d.ask(.object([("op", .string("health"))]))
            if let r = h.result, ok(r) { return r }
            usleep(10_000)
        }
        throw TestFailure("health never matched: \(d.log)")
    }

    @Test func sighup_underContinuousLoad_switchesLaterAnswersLosesNothingAndSurvivesABrokenConfig() throws {
        let d = try Daemon(config: wordcountConfig())
        let load = Load(socket: d.socket)
        try load.waitFor(more: 30)

        try write(wordcountConfig().replacingOccurrences(of: "wc: [wordcount]", with: "wc: [{wordcount: {key: words}}]"), d)
        kill(d.process.pid, SIGHUP)
        _ = try health(d) { $0["generation"] == .int(2) }
        try load.waitFor(more: 30)

        try write("pipelines:\n  wc: [nosuchstage]\n", d)
        kill(d.process.pid, SIGHUP)
        let h = try health(d) { $0["last_reload"]?["ok"] == .bool(false) }
        try load.waitFor(more: 30)
        let (sent, answers, failure) = load.stop()

        #expect(failure == nil)
        #expect(answers.count == sent, "every request sent was answered")
        #expect(answers.allSatisfy { $0["ok"] == .bool(true) })
        #expect(answers.compactMap { $0["id"]?.intValue } == Array(0..<answers.count))
        // Old key until the swap, the new one from then on, and never back.
        let keys = answers.map { $0.result?["words"] != nil ? "new" : ($0.result?["word_count"] != nil ? "old" : "?") }
        let firstNew = try #require(keys.firstIndex(of: "new"))
        #expect(firstNew >= 30)
        #expect(keys[..<firstNew].allSatisfy { $0 == "old" })
        #expect(keys[firstNew...].allSatisfy { $0 == "new" })
        #expect(keys.count - firstNew >= 60, "the broken config did not replace the new one")

        #expect(h["generation"] == .int(2))
        #expect(h["last_reload"]?["error"]?.stringValue?.contains("unknown stage 'nosuchstage'") == true)
        let stats = try d.ask(.object([("op", .string("stats"))]))
        #expect(stats.result?["reloads"]?["ok"] == .int(1))
        #expect(stats.result?["reloads"]?["failed"] == .int(1))
        #expect(d.log.contains("reload failed; keeping the previous configuration"))
        #expect(d.stop() == 0)
    }

    @Test func sighup_duringARequest_theRequestFinishesOnTheOldPipeline() throws {
        let d = try Daemon(config: wordcountConfig())
        let c = try d.client()
        try c.send(.object([("id", .string("inflight")), ("pipeline", .string("slow")), ("text", .string("x y"))]))
        // Wait until the slow request is on a worker (the stats request itself is the other one).
        let end = Date().addingTimeInterval(10)
        while Date() < end, (try d.ask(.object([("op", .string("stats"))]))).result?["queue_depth"]?.intValue ?? 0 < 2 { usleep(2_000) }
        try write(wordcountConfig().replacingOccurrences(of: "slow: [{wordcount: {delay_ms: 300}}]", with: "slow: [{wordcount: {delay_ms: 300, key: words}}]"), d)
        kill(d.process.pid, SIGHUP)
        let inflight = try #require(try c.readJSON())
        #expect(inflight["id"] == .string("inflight"))
        #expect(inflight.result?["word_count"] == .int(2), "in-flight request answered by the old pipeline: \(inflight)")
        _ = try health(d) { $0["generation"] == .int(2) }
        let later = try d.ask(.object([("pipeline", .string("slow")), ("text", .string("x y"))]))
        #expect(later.result?["words"] == .int(2))
        #expect(d.stop() == 0)
    }

    @Test func sighup_repeatedQuickly_isCoalescedAndTheLastFileWins() throws {
        let d = try Daemon(config: wordcountConfig())
        for i in 1...6 {
            try write(wordcountConfig(pipelines: "gen\(i): [wordcount]"), d)
            kill(d.process.pid, SIGHUP)
        }
        let h = try health(d) { r in
            (try? d.ask(.object([("op", .string("pipelines"))])))?.result?["pipelines"]?.arrayValue?.contains { $0["name"] == .string("gen6") } == true
                && r["last_reload"]?["ok"] == .bool(true)
        }
        let generation = try #require(h["generation"]?.intValue)
        #expect(generation >= 2 && generation <= 7)
        #expect(d.stop() == 0)
    }

    @Test func reloadOp_answersTheResult_andABrokenFileIsReportedNotInstalled() throws {
        let d = try Daemon(config: wordcountConfig())
        try write(wordcountConfig(pipelines: "extra: [wordcount]"), d)
        let ok = try d.ask(.object([("id", .int(1)), ("op", .string("reload"))]))
        #expect(ok["ok"] == .bool(true) && ok["id"] == .int(1))
        #expect(ok.result?["ok"] == .bool(true))
        #expect(ok.result?["generation"] == .int(2))
        #expect(ok.result?["error"] == .null)
        #expect(try d.ask(.object([("pipeline", .string("extra")), ("text", .string("a"))])).result?["word_count"] == .int(1))

        try write("pipelines:\n  wc: [nosuchstage]\n", d)
        let bad = try run(Daemon.clientPath, ["reload", "--socket", d.socket])
        #expect(bad.status == 1)
        let answer = try JSONReader.parse(Array(bad.out.utf8.dropLast()))
        #expect(answer.result?["ok"] == .bool(false))
        #expect(answer.result?["generation"] == .int(2))
        #expect(answer.result?["error"]?.stringValue?.contains("nosuchstage") == true)
        let h = try d.ask(.object([("op", .string("health"))]))
        #expect(h.result?["last_reload"]?["ok"] == .bool(false))
        #expect(try d.ask(.object([("pipeline", .string("extra")), ("text", .string("a b"))])).result?["word_count"] == .int(2))
        #expect(d.stop() == 0)
    }
}
