import Foundation
import Testing

/// The lexicon replaced and extended from a real YAML configuration: the built `textpiped` reads the
/// file with libyaml, loads the plugin with dlopen and answers over its socket (`textpipe` client).
/// Like the integration tests, this needs the binaries: `$TEXTPIPED_BUILD_DIR` or `<repo>/.build/debug`.
@Suite(.serialized) struct SentimentYAMLTests {
    static let buildDir = ProcessInfo.processInfo.environment["TEXTPIPED_BUILD_DIR"] ?? TestSupport.repoRoot + "/.build/debug"

    static func tempDir() throws -> String {
        var template = Array("/tmp/tps.XXXXXX".utf8CString)
        guard let p = mkdtemp(&template) else { throw CocoaError(.fileWriteUnknown) }
        return String(cString: p)
    }

    /// Runs a built binary; returns exit status, stdout and stderr.
    static func run(_ tool: String, _ args: [String], stdin: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: buildDir + "/" + tool)
        p.arguments = args
        let out = Pipe(), err = Pipe(), input = Pipe()
        p.standardOutput = out; p.standardError = err; p.standardInput = input
        try p.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    /// Starts the daemon on `dir/c.yaml` (socket `dir/s.sock`), sends `text` with the `textpipe` client
    /// (retrying while the daemon starts) and returns the first answer line, decoded; empty when none came.
    static func answer(configIn dir: String, text: String) throws -> [String: Any] {
        let daemon = Process()
        daemon.executableURL = URL(fileURLWithPath: buildDir + "/textpiped")
        daemon.arguments = ["--config", dir + "/c.yaml"]
        daemon.standardOutput = FileHandle.nullDevice; daemon.standardError = FileHandle.nullDevice
        try daemon.run()
        defer { if daemon.isRunning { kill(daemon.processIdentifier, SIGTERM); daemon.waitUntilExit() } }
        let socket = dir + "/s.sock"
        for _ in 0..<500 where !FileManager.default.fileExists(atPath: socket) { usleep(20_000) }
        for _ in 0..<50 {
            let r = try run("textpipe", ["--socket", socket, "-"], stdin: text)
            if r.status == 0, let line = r.out.split(separator: "\n").first,
               let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] { return o }
            usleep(100_000)
        }
        return [:]
    }

    static let config = """
        server:
          socket: s.sock
        default_pipeline: mine
        pipelines:
          mine:
            - segment
            - sentiment:
                lexicon: mine.tsv
                words: {zonk: -3, "blue screen": -2.5}
        """

    @Test func yamlConfig_replacesAndExtendsTheLexicon_overTheWire() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "# my lexicon\nblorp\t3\ngood\t-2\n".write(toFile: dir + "/mine.tsv", atomically: true, encoding: .utf8)
        try Self.config.write(toFile: dir + "/c.yaml", atomically: true, encoding: .utf8)
        let check = try Self.run("textpiped", ["check-config", dir + "/c.yaml"])
        #expect(check.status == 0, "\(check.err)")

        // One sentence per line: from the file (blorp), overridden by the file (good), added in YAML
        // (zonk, "blue screen"), absent from the replacing file (terrible).
        let text = "The show was blorp.\nThe show was good.\nWhat a zonk.\nAnother blue screen.\nThe show was terrible."
        let answer = try Self.answer(configIn: dir, text: text)
        let result = try #require(answer["result"] as? [String: Any], "no result: \(answer)")
        let sentiment = try #require(result["sentiment"] as? [String: Any])
        let scores = try #require(sentiment["sentences"] as? [[String: Any]]).map { ($0["score"] as? NSNumber)?.doubleValue ?? .nan }
        #expect(scores.count == 5)
        guard scores.count == 5 else { return }
        #expect(scores[0] > 0.5)     // blorp 3
        #expect(scores[1] < -0.3)    // good -2 in the replacing file
        #expect(scores[2] < -0.5)    // zonk from YAML
        #expect(scores[3] < -0.5)    // phrase from YAML
        #expect(scores[4] == 0)      // not in the replacing lexicon
    }

    @Test func yamlConfig_targets_answerPerEntitySentimentOverTheWire() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "Acme Widgets\tORG\nGlobex Software\tORG\n".write(toFile: dir + "/names.tsv", atomically: true, encoding: .utf8)
        let yaml = """
            server:
              socket: s.sock
            default_pipeline: t
            pipelines:
              t:
                - segment
                - entities: {gazetteers: [names.tsv]}
                - sentiment: {targets: true}
            """
        try yaml.write(toFile: dir + "/c.yaml", atomically: true, encoding: .utf8)
        let text = "Acme Widgets makes wonderful, reliable tools. Globex Software ships terrible, buggy code."
        let answer = try Self.answer(configIn: dir, text: text)
        let result = try #require(answer["result"] as? [String: Any], "no result: \(answer)")
        let targets = try #require(result["sentiment_targets"] as? [[String: Any]], "\(result.keys)")
        #expect(targets.map { $0["text"] as? String } == ["Acme Widgets", "Globex Software"])
        #expect(targets.map { $0["label"] as? String } == ["positive", "negative"])
        #expect(targets.map { $0["sentences"] as? [Int] } == [[0], [1]])
    }

    @Test func yamlConfig_badValence_isReportedAtItsLineAndColumn() throws {
        let dir = try Self.tempDir()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let yaml = """
            pipelines:
              p:
                - segment
                - sentiment:
                    words:
                      nice: 9
            """
        try yaml.write(toFile: dir + "/c.yaml", atomically: true, encoding: .utf8)
        let r = try Self.run("textpiped", ["check-config", dir + "/c.yaml"])
        #expect(r.status == 78)
        #expect(r.err.contains(dir + "/c.yaml:6:"), "\(r.err)")
        #expect(r.err.contains("between -4 and 4"), "\(r.err)")
    }
}
