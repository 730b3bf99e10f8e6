import Testing
@testable import TextpipeCore
import StageKit

/// Splits the text into sentences after ". " / "! " / "? " (byte offsets), one block for the whole text.
struct SplitSentences: Stage {
    func process(_ d: inout Document) throws {
        let b = Array(d.text.utf8)
        d.blocks = [Block(start: 0, end: b.count, kind: .paragraph)]
        var out: [Sentence] = []
        var start = 0
        var i = 0
        while i < b.count {
            if (b[i] == UInt8(ascii: ".") || b[i] == UInt8(ascii: "!") || b[i] == UInt8(ascii: "?")) && (i + 1 == b.count || b[i + 1] == 0x20) {
                out.append(Sentence(start: start, end: i + 1, block: 0))
                start = i + 2
            }
            i += 1
        }
        if start < b.count { out.append(Sentence(start: start, end: b.count, block: 0)) }
        d.sentences = out
    }
}

/// Adds an extension key with the number of sentences (requires sentences).
struct CountSentences: Stage {
    func process(_ d: inout Document) throws {
        guard let s = d.sentences else { throw StageError("no sentences") }
        d.extensions["sentence_count"] = .int(s.count)
    }
}

struct Failing: Stage {
    func process(_ d: inout Document) throws { throw StageError("boom \"quoted\"") }
}

func makeRuntime(file: String = "/etc/textpiped/engine.yaml") throws -> Runtime {
    let yaml = """
    server:
      workers: 2
    default_pipeline: split
    pipelines:
      split: [split]
      full: [split, count]
      broken: [split, fail, count]
    """
    let (config, issues) = DaemonConfig.parse(try loadYAML(yaml, file: file), file: file)
    #expect(issues.isEmpty)
    let split = Pipeline.Step(name: "split", stage: SplitSentences(), provides: [.blocks, .sentences])
    let count = Pipeline.Step(name: "count", stage: CountSentences(), provides: [])
    let fail = Pipeline.Step(name: "fail", stage: Failing(), provides: [])
    return Runtime(config: config, pipelines: [
        Pipeline(name: "split", steps: [split]),
        Pipeline(name: "full", steps: [split, count]),
        Pipeline(name: "broken", steps: [split, fail, count]),
    ], pluginFiles: [:])
}

func answer(_ engine: Engine, _ line: String, deadline: UInt64? = nil) throws -> (JSONValue, Engine.Outcome) {
    let outcome = engine.handle(line: Array(line.utf8), deadline: deadline)
    return (try parseResponseLine(outcome.bytes), outcome)
}

@Suite struct EngineTests {
    @Test func handle_whenProcessingWithDefaultPipeline_answersTheDocument() throws {
        let engine = Engine(runtime: try makeRuntime())
        let (v, outcome) = try answer(engine, #"{"id":1,"text":"Hi there. Bye!"}"#)
        #expect(outcome.error == nil)
        #expect(outcome.pipeline == "split")
        #expect(v["id"] == .number("1"))
        #expect(v["ok"] == .bool(true))
        #expect(v["result"]?["pipeline"]?.stringValue == "split")
        #expect(v["result"]?["offsets"]?.stringValue == "codepoint")
        guard case .array(let s)? = v["result"]?["sentences"] else { Issue.record("no sentences"); return }
        #expect(s.compactMap { $0["text"]?.stringValue } == ["Hi there.", "Bye!"])
        #expect(v["result"]?["sentence_count"] == nil)
    }

    @Test func handle_whenPipelineIsNamed_runsThatPipelineAndHonoursTheOffsetUnit() throws {
        let engine = Engine(runtime: try makeRuntime())
        let (v, outcome) = try answer(engine, #"{"id":"u","pipeline":"full","offsets":"utf16","text":"😀 a. b"}"#)
        #expect(outcome.pipeline == "full")
        #expect(v["result"]?["pipeline"]?.stringValue == "full")
        #expect(v["result"]?["sentence_count"]?.intValue == 2)
        guard case .array(let s)? = v["result"]?["sentences"] else { Issue.record("no sentences"); return }
        // "😀 a." is 2 + 1 + 2 = 5 UTF-16 units; "b" starts at 6.
        #expect(s.map { [$0["start"]?.intValue ?? -1, $0["end"]?.intValue ?? -1] } == [[0, 5], [6, 7]])
    }

    @Test func handle_whenPipelineIsUnknown_answersUnknownPipelineWithTheId() throws {
        let engine = Engine(runtime: try makeRuntime())
        let (v, outcome) = try answer(engine, #"{"id":[9],"pipeline":"nope","text":"x"}"#)
        #expect(outcome.error == .unknownPipeline)
        #expect(outcome.pipeline == nil)
        #expect(v["id"] == .array([.number("9")]))
        #expect(v["ok"] == .bool(false))
        #expect(v["error"]?["code"]?.stringValue == "unknown_pipeline")
        #expect(v["error"]?["message"]?.stringValue == "unknown pipeline 'nope' (configured: split, full, broken)")
    }

    @Test func handle_whenAStageThrows_answersStageFailedAndCountsTheFailure() throws {
        let engine = Engine(runtime: try makeRuntime())
        let (v, outcome) = try answer(engine, #"{"id":5,"pipeline":"broken","text":"x."}"#)
        #expect(outcome.error == .stageFailed)
        #expect(outcome.pipeline == "broken")
        #expect(v["id"] == .number("5"))
        #expect(v["error"]?["code"]?.stringValue == "stage_failed")
        #expect(v["error"]?["message"]?.stringValue == "stage 'fail' failed: boom \"quoted\"")
        let stages = engine.stats.snapshot()["pipelines"]?["broken"]?["stages"]
        guard case .array(let list)? = stages, list.count == 3 else { Issue.record("stages: \(String(describing: stages))"); return }
        #expect(list.map { $0["calls"]?.intValue } == [1, 1, 0])
        #expect(list.map { $0["failures"]?.intValue } == [0, 1, 0])
    }

    @Test func handle_whenDeadlineHasPassed_answersTimeoutWithoutRunningStages() throws {
        let engine = Engine(runtime: try makeRuntime())
        let (v, outcome) = try answer(engine, #"{"id":"t","text":"x"}"#, deadline: monotonicNanos() - 1)
        #expect(outcome.error == .timeout)
        #expect(v["id"] == .string("t"))
        #expect(v["error"]?["code"]?.stringValue == "timeout")
        #expect(v["error"]?["message"]?.stringValue?.contains("before stage 'split'") == true)
        guard case .array(let list)? = engine.stats.snapshot()["pipelines"]?["split"]?["stages"] else { Issue.record("no stages"); return }
        #expect(list.first?["calls"]?.intValue == 0)
    }

    @Test func handle_whenDeadlineIsInTheFuture_answersNormally() throws {
        let engine = Engine(runtime: try makeRuntime())
        let (_, outcome) = try answer(engine, #"{"text":"x"}"#, deadline: monotonicNanos() + 60_000_000_000)
        #expect(outcome.error == nil)
    }

    static let badLines: [(String, ErrorCode, JSONValue)] = [
        ("not json", .badJSON, .null),
        (#"{"id":3,"op":"dance"}"#, .unknownOp, .number("3")),
        (#"{"id":4}"#, .badRequest, .number("4")),
        (#"{"id":5,"text":"x","bogus":true}"#, .badRequest, .number("5")),
    ]

    @Test(arguments: badLines)
    func handle_whenRequestIsBad_answersItsErrorCodeWithTheId(line: String, code: ErrorCode, id: JSONValue) throws {
        let engine = Engine(runtime: try makeRuntime())
        var seen: [JSONValue] = []
        let outcome = Array(line.utf8).withUnsafeBufferPointer { engine.handle(line: $0, deadline: nil, onID: { seen.append($0) }) }
        let v = try parseResponseLine(outcome.bytes)
        #expect(outcome.error == code)
        #expect(outcome.pipeline == nil)
        #expect(v["error"]?["code"]?.stringValue == code.rawValue)
        #expect(sameJSON(v["id"] ?? .string("missing"), id))
        #expect(seen.count == 1 && sameJSON(seen[0], id))
    }

    @Test func handle_whenRequestIsGood_reportsTheIdBeforeAnswering() throws {
        let engine = Engine(runtime: try makeRuntime())
        var seen: [JSONValue] = []
        _ = Array(#"{"id":"early","text":"a"}"#.utf8).withUnsafeBufferPointer { engine.handle(line: $0, deadline: nil, onID: { seen.append($0) }) }
        #expect(seen.count == 1 && seen.first == .string("early"))
    }

    @Test func handle_whenAskedForHealth_answersStatusVersionGenerationAndCounts() throws {
        let engine = Engine(runtime: try makeRuntime(file: "/etc/tp/h.yaml"))
        let (v, outcome) = try answer(engine, #"{"id":1,"op":"health"}"#)
        #expect(outcome.error == nil)
        let r = try #require(v["result"])
        #expect(r["status"]?.stringValue == "ok")
        #expect(r["version"]?.stringValue == Engine.version)
        #expect(r["generation"]?.intValue == 1)
        #expect(r["config"]?.stringValue == "/etc/tp/h.yaml")
        #expect(r["pipelines"]?.intValue == 3)
        #expect(r["workers"]?.intValue == 2)
        let uptime = try #require(r["uptime_s"]?.doubleValue)
        #expect(uptime >= 0 && uptime < 60)

        engine.install(try makeRuntime())
        let (after, _) = try answer(engine, #"{"op":"health"}"#)
        #expect(after["result"]?["generation"]?.intValue == 2)
        #expect(engine.generation == 2)
    }

    @Test func handle_whenAskedForPipelines_listsThemInConfigOrderWithDefaultAndProvides() throws {
        let engine = Engine(runtime: try makeRuntime())
        let (v, _) = try answer(engine, #"{"id":2,"op":"pipelines"}"#)
        let r = try #require(v["result"])
        #expect(r["default"]?.stringValue == "split")
        guard case .array(let list)? = r["pipelines"] else { Issue.record("no list"); return }
        #expect(list.compactMap { $0["name"]?.stringValue } == ["split", "full", "broken"])
        #expect(list.compactMap { $0["default"]?.boolValue } == [true, false, false])
        #expect(list[2]["stages"] == .array([.string("split"), .string("fail"), .string("count")]))
        #expect(list[0]["provides"] == .array([.string("blocks"), .string("sentences"), .string("text")]))
    }

    @Test func handle_whenAskedForStats_countsStageCallsAndRecordedRequests() throws {
        let engine = Engine(runtime: try makeRuntime())
        for _ in 0..<3 {
            let o = engine.handle(line: Array(#"{"pipeline":"full","text":"a. b"}"#.utf8))
            engine.stats.recordRequest(pipeline: o.pipeline, error: o.error)
        }
        let bad = engine.handle(line: Array("{".utf8))
        engine.stats.recordRequest(pipeline: bad.pipeline, error: bad.error)
        let failed = engine.handle(line: Array(#"{"pipeline":"broken","text":"a"}"#.utf8))
        engine.stats.recordRequest(pipeline: failed.pipeline, error: failed.error)
        engine.stats.recordRequest(pipeline: nil, error: .tooLarge)

        let (v, _) = try answer(engine, #"{"id":"s","op":"stats"}"#)
        let r = try #require(v["result"])
        #expect(r["requests"]?.intValue == 6)
        #expect(r["oversized_lines"]?.intValue == 1)
        #expect(r["errors"]?["bad_json"]?.intValue == 1)
        #expect(r["errors"]?["stage_failed"]?.intValue == 1)
        #expect(r["errors"]?["too_large"]?.intValue == 1)
        #expect(r["errors"]?["timeout"]?.intValue == 0)
        guard case .object(let codes)? = r["errors"] else { return }
        #expect(codes.map(\.0) == ErrorCode.allCases.map(\.rawValue))
        guard case .object(let pipes)? = r["pipelines"] else { return }
        #expect(pipes.map(\.0) == ["split", "full", "broken"])
        let full = try #require(r["pipelines"]?["full"])
        #expect(full["requests"]?.intValue == 3 && full["ok"]?.intValue == 3 && full["errors"]?.intValue == 0)
        guard case .array(let stages)? = full["stages"] else { return }
        #expect(stages.compactMap { $0["stage"]?.stringValue } == ["split", "count"])
        #expect(stages.compactMap { $0["calls"]?.intValue } == [3, 3])
        let broken = try #require(r["pipelines"]?["broken"])
        #expect(broken["requests"]?.intValue == 1 && broken["ok"]?.intValue == 0 && broken["errors"]?.intValue == 1)
        #expect(r["pipelines"]?["split"]?["requests"]?.intValue == 0)
    }

    @Test func handle_whenRuntimeIsReplaced_newRequestsUseTheNewPipelines() throws {
        let engine = Engine(runtime: try makeRuntime())
        let yaml = "pipelines:\n  only: [split]\n"
        let (config, _) = DaemonConfig.parse(try loadYAML(yaml), file: "/x.yaml")
        engine.install(Runtime(config: config, pipelines: [Pipeline(name: "only", steps: [Pipeline.Step(name: "split", stage: SplitSentences(), provides: [.sentences])])], pluginFiles: [:]))
        let (v, _) = try answer(engine, #"{"text":"a"}"#)
        #expect(v["result"]?["pipeline"]?.stringValue == "only")
        let (old, o) = try answer(engine, #"{"pipeline":"full","text":"a"}"#)
        #expect(o.error == .unknownPipeline)
        #expect(old["error"]?["message"]?.stringValue?.contains("configured: only") == true)
    }
}
