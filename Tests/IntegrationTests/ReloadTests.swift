import Foundation
import StageKit
import Testing
import TextpipeCore

/// SIGHUP rebuilds the configuration and swaps it in only when it loads completely.
@Suite(.serialized) struct ReloadTests {
    func waitFor(_ d: Daemon, generation: Int) throws -> JSONValue {
        let end = Date().addingTimeInterval(10)
        while Date() < end {
            let h = try d.ask(.object([("op", .string("health"))]))
            if h.result?["generation"] == .int(generation) { return h }
            usleep(20_000)
        }
        throw TestFailure("generation \(generation) not reached: \(d.log)")
    }

    @Test func sighup_withChangedConfig_servesTheNewPipelines() throws {
        let d = try Daemon(config: wordcountConfig())
        try wordcountConfig(pipelines: "extra: [{wordcount: {key: words}}]")
            .replacingOccurrences(of: "@SOCKET@", with: d.socket)
            .write(toFile: d.configPath, atomically: true, encoding: .utf8)
        kill(d.process.pid, SIGHUP)
        _ = try waitFor(d, generation: 2)
        let a = try d.ask(.object([("pipeline", .string("extra")), ("text", .string("a b c"))]))
        #expect(a.result?["words"] == .int(3))
        #expect(d.stop() == 0)
    }

    @Test func sighup_withBrokenConfig_keepsServingTheOldOne() throws {
        let d = try Daemon(config: wordcountConfig())
        try "pipelines:\n  wc: [nosuchstage]\n".write(toFile: d.configPath, atomically: true, encoding: .utf8)
        kill(d.process.pid, SIGHUP)
        let end = Date().addingTimeInterval(10)
        while !d.log.contains("reload failed") && Date() < end { usleep(20_000) }
        #expect(d.log.contains("reload failed"))
        #expect(d.log.contains("unknown stage 'nosuchstage'"))
        let h = try d.ask(.object([("op", .string("health"))]))
        #expect(h.result?["generation"] == .int(1))
        #expect(try d.ask(.object([("text", .string("still fine"))])).result?["word_count"] == .int(2))
        #expect(d.stop() == 0)
    }
}
