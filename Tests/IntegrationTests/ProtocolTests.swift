import Foundation
import StageKit
import Testing
import TextpipeCore

/// The wire protocol, over a real socket to the real daemon.
@Suite(.serialized) struct ProtocolTests {
    @Test func process_whenTextSent_answersWithResultAndEchoedId() throws {
        let d = try Daemon(config: wordcountConfig())
        let a = try d.ask(.object([("id", .string("req-1")), ("text", .string("one two three"))]))
        #expect(a["id"] == .string("req-1"))
        #expect(a["ok"] == .bool(true))
        #expect(a.result?["pipeline"] == .string("wc"))
        #expect(a.result?["text"] == .string("one two three"))
        #expect(a.result?["word_count"] == .int(3))
        #expect(d.stop() == 0)
    }

    @Test func ops_pipelinesHealthStats_answer() throws {
        let d = try Daemon(config: wordcountConfig())
        _ = try d.ask(.object([("text", .string("a b"))]))
        let p = try d.ask(.object([("id", .int(1)), ("op", .string("pipelines"))]))
        #expect(p.result?["default"] == .string("wc"))
        let names = p.result?["pipelines"]?.arrayValue?.compactMap { $0["name"]?.stringValue }
        #expect(names == ["wc", "strict", "slow"])
        let h = try d.ask(.object([("op", .string("health"))]))
        #expect(h.result?["status"] == .string("ok"))
        #expect(h.result?["version"]?.stringValue == Engine.version)
        #expect((h.result?["uptime_s"]?.doubleValue ?? -1) >= 0)
        let s = try d.ask(.object([("op", .string("stats"))]))
        #expect(s.result?["pipelines"]?["wc"]?["ok"] == .int(1))
        let stage = s.result?["pipelines"]?["wc"]?["stages"]?.arrayValue?.first
        #expect(stage?["stage"] == .string("wordcount"))
        #expect(stage?["calls"] == .int(1))
        #expect(d.stop() == 0)
    }

    /// Every error code a client can provoke, with the id echoed where it could be read.
    @Test(arguments: [
        ("not json", "bad_json", JSONValue.null),
        ("{\"id\":1,\"text\":\"\u{1}\"}", "bad_json", .null),
        ("[1,2]", "bad_request", .null),
        ("{\"id\":7}", "bad_request", .int(7)),
        ("{\"id\":7,\"text\":5}", "bad_request", .int(7)),
        ("{\"id\":7,\"text\":\"x\",\"colour\":1}", "bad_request", .int(7)),
        ("{\"id\":7,\"text\":\"x\",\"offsets\":\"bytes\"}", "bad_request", .int(7)),
        ("{\"id\":\"o\",\"op\":\"dance\"}", "unknown_op", .string("o")),
        ("{\"id\":[1],\"pipeline\":\"nope\",\"text\":\"x\"}", "unknown_pipeline", .array([.int(1)])),
        ("{\"id\":9,\"pipeline\":\"strict\",\"text\":\"a b c d e\"}", "stage_failed", .int(9)),
        ("", "bad_json", .null),
    ])
    func errors_whenRequestIsBad_answerStableCodeAndKeepServing(line: String, code: String, id: JSONValue) throws {
        let d = try Daemon(config: wordcountConfig())
        let c = try d.client()
        try c.send(Array((line + "\n").utf8))
        let a = try #require(try c.readJSON())
        #expect(a["ok"] == .bool(false))
        #expect(a.errorCode == code)
        #expect(a["id"] == id)
        #expect((a["error"]?["message"]?.stringValue ?? "").count > 5)
        // The same connection still serves.
        try c.send(.object([("id", .int(2)), ("text", .string("still here"))]))
        #expect(try c.readJSON()?["ok"] == .bool(true))
        #expect(d.stop() == 0)
    }

    @Test func invalidUTF8_isBadJSON() throws {
        let d = try Daemon(config: wordcountConfig())
        let c = try d.client()
        try c.send(Array("{\"text\":\"a".utf8) + [0xC3, 0x28] + Array("\"}\n".utf8))
        #expect(try c.readJSON()?.errorCode == "bad_json")
        #expect(d.stop() == 0)
    }

    @Test func tooLarge_whenLineExceedsLimit_skipsItAndServesTheNextLine() throws {
        let d = try Daemon(config: wordcountConfig(server: "max_line_bytes: 1000"))
        let c = try d.client()
        let big = "{\"id\":1,\"text\":\"" + String(repeating: "word ", count: 5000) + "\"}\n"
        try c.send(Array(big.utf8))
        try c.send(.object([("id", .int(2)), ("text", .string("small one"))]))
        let first = try #require(try c.readJSON())
        #expect(first.errorCode == "too_large")
        #expect(first["id"] == .null)
        #expect(first["error"]?["message"]?.stringValue?.contains("1000") == true)
        let second = try #require(try c.readJSON())
        #expect(second["id"] == .int(2))
        #expect(second.result?["word_count"] == .int(2))
        let s = try d.ask(.object([("op", .string("stats"))]))
        #expect(s.result?["oversized_lines"] == .int(1))
        #expect(d.stop() == 0)
    }

    @Test func timeout_whenStageIsSlow_answersTimeoutWithId() throws {
        let d = try Daemon(config: wordcountConfig(server: "request_timeout_ms: 100"))
        let a = try d.ask(.object([("id", .string("slow-1")), ("pipeline", .string("slow")), ("text", .string("x"))]))
        #expect(a.errorCode == "timeout")
        #expect(a["id"] == .string("slow-1"))
        // A fast request after it is fine.
        #expect(try d.ask(.object([("text", .string("x"))]))["ok"] == .bool(true))
        #expect(d.stop() == 0)
    }

    @Test func overloaded_whenQueueIsFull_answersOverloadedAndServesTheRest() throws {
        let d = try Daemon(config: wordcountConfig(server: "max_queue: 2\nworkers: 1"))
        let c = try d.client()
        var batch: [UInt8] = []
        for i in 0..<6 {
            var w = JSONWriter()
            w.value(.object([("id", .int(i)), ("pipeline", .string("slow")), ("text", .string("x"))]))
            batch += w.bytes + [0x0A]
        }
        try c.send(batch)
        var codes: [String] = []
        for i in 0..<6 {
            let a = try #require(try c.readJSON())
            #expect(a["id"] == .int(i))
            codes.append(a.errorCode ?? "ok")
        }
        #expect(codes.filter { $0 == "ok" }.count == 2)
        #expect(codes.filter { $0 == "overloaded" }.count == 4)
        #expect(d.stop() == 0)
    }

    @Test func pipelining_manyRequestsOnOneConnection_answersInOrder() throws {
        let d = try Daemon(config: wordcountConfig(server: "max_inflight: 8"))
        let c = try d.client()
        let n = 300
        let sender = Thread {
            var w = JSONWriter()
            for i in 0..<n {
                // Mixed sizes so that workers finish out of order.
                let words = String(repeating: "w ", count: (i * 37) % 2000 + 1)
                w.value(.object([("id", .int(i)), ("text", .string(words))]))
                w.byte(0x0A)
            }
            try? c.send(w.bytes)
        }
        sender.start()
        for i in 0..<n {
            let a = try #require(try c.readJSON())
            #expect(a["id"] == .int(i))
            #expect(a.result?["word_count"] == .int((i * 37) % 2000 + 1))
        }
        #expect(d.stop() == 0)
    }

    @Test func concurrency_eightConnections_allAnswered() throws {
        let d = try Daemon(config: wordcountConfig())
        let group = DispatchGroup()
        let failures = NIOLockedCounter()
        for conn in 0..<8 {
            group.enter()
            Thread {
                defer { group.leave() }
                do {
                    let c = try d.client()
                    for i in 0..<50 {
                        try c.send(.object([("id", .int(conn * 1000 + i)), ("text", .string(String(repeating: "x ", count: i + 1)))]))
                        let a = try c.readJSON()
                        if a?["id"] != .int(conn * 1000 + i) || a?.result?["word_count"] != .int(i + 1) { failures.add() }
                    }
                } catch { failures.add() }
            }.start()
        }
        group.wait()
        #expect(failures.value == 0)
        let s = try d.ask(.object([("op", .string("stats"))]))
        #expect(s.result?["pipelines"]?["wc"]?["ok"] == .int(400))
        #expect(d.stop() == 0)
    }

    @Test func halfClose_afterSending_allAnswersArriveThenEOF() throws {
        let d = try Daemon(config: wordcountConfig())
        let c = try d.client()
        var w = JSONWriter()
        for i in 0..<20 {
            w.value(.object([("id", .int(i)), ("pipeline", .string(i % 5 == 0 ? "slow" : "wc")), ("text", .string("a b"))]))
            if i < 19 { w.byte(0x0A) }  // the last line has no newline
        }
        try c.send(w.bytes)
        c.shutdownWrite()
        for i in 0..<20 {
            let a = try #require(try c.readJSON())
            #expect(a["id"] == .int(i))
            #expect(a["ok"] == .bool(true))
        }
        #expect(try c.readLine() == nil)
        #expect(d.stop() == 0)
    }

    @Test(arguments: [OffsetUnit.codepoint, .utf16, .utf8])
    func offsets_inEachUnit_sliceTheTextToTheSpan(unit: OffsetUnit) throws {
        // wordcount provides no spans; the offsets are checked in the golden test with real stages.
        let d = try Daemon(config: wordcountConfig())
        let a = try d.ask(.object([("text", .string("héllo 😀")), ("offsets", .string(unit.rawValue))]))
        #expect(a.result?["offsets"] == .string(unit.rawValue))
        #expect(a.result?["text"] == .string("héllo 😀"))
        #expect(d.stop() == 0)
    }
}

/// A thread-safe counter for the concurrency test.
final class NIOLockedCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func add() { lock.lock(); n += 1; lock.unlock() }
    var value: Int { lock.lock(); defer { lock.unlock() }; return n }
}
