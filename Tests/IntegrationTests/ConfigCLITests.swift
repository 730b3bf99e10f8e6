import Foundation
import Testing

/// `textpiped check-config`, `--check-config` and `stages`, run as an operator would.
@Suite struct ConfigCLITests {
    func write(_ yaml: String) throws -> (dir: String, file: String) {
        let dir = try Daemon.makeTempDir()
        let file = dir + "/c.yaml"
        try yaml.write(toFile: file, atomically: true, encoding: .utf8)
        return (dir, file)
    }

    @Test func bundledConfig_isValid() throws {
        let r = try run(Daemon.daemonPath, ["check-config", Daemon.repoRoot + "/config.yaml"])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("standard: clean → segment → entities → faq → sentiment"))
    }

    /// Each broken file is reported with file:line:column and a message saying what is allowed.
    @Test(arguments: [
        ("pipelines:\n  p: [segment, faq]\n  q: [faq]\n", "3:7", "stage 'faq' in pipeline 'q' needs"),
        ("pipelines:\n  p: [segmnt]\n", "2:7", "unknown stage 'segmnt'"),
        ("pipelines:\n  p: [segment]\ndefault_pipeline: nope\n", "3:19", "default_pipeline 'nope' is not defined"),
        ("server:\n  sockett: x\npipelines:\n  p: [segment]\n", "2:3", "unknown key 'sockett' in server"),
        ("pipelines:\n  p:\n    - segment: {newlinez: 1}\n", "3:17", "unknown option 'newlinez' for stage 'segment'"),
        ("pipelines:\n  p:\n    - wordcount: {max_words: lots}\n", "3:30", "option 'max_words' of stage 'wordcount' must be an integer"),
        ("pipelines:\n  p: [segment]\n  p: [segment]\n", "3:3", "duplicate key 'p'"),
        ("pipelines:\n  p: [segment\n", "3:1", "YAML syntax error"),
        ("server:\n  max_inflight: -1\npipelines:\n  p: [segment]\n", "2:17", "server.max_inflight must be between"),
        ("pipelines:\n  p: [{segment: {}, faq: {}}]\n", "2:7", "one-key mapping"),
    ])
    func checkConfig_whenFileIsBroken_exits78WithPosition(yaml: String, position: String, message: String) throws {
        let (dir, file) = try write(yaml)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(Daemon.daemonPath, ["check-config", file])
        #expect(r.status == 78)
        #expect(r.err.contains("\(file):\(position): error: "), "\(r.err)")
        #expect(r.err.contains(message), "\(r.err)")
    }

    @Test func checkConfig_reportsEveryProblemAtOnce() throws {
        let yaml = """
        server:
          workers: many
          colour: blue
        pipelines:
          a: [segment, faq, nosuch]
          b:
            - wordcount: {nope: 1}
        default_pipeline: zzz
        """
        let (dir, file) = try write(yaml)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(Daemon.daemonPath, ["check-config", file])
        #expect(r.status == 78)
        for expected in [":2:12: error: server.workers", ":3:3: error: unknown key 'colour'", ":5:21: error: unknown stage 'nosuch'",
                         ":7:19: error: unknown option 'nope'", ":8:19: error: default_pipeline 'zzz'"] {
            #expect(r.err.contains(expected), "missing \(expected) in \(r.err)")
        }
        #expect(r.err.contains("5 configuration errors"))
    }

    @Test func unknownStage_listsStagesFoundAndFoldersSearched() throws {
        let (dir, file) = try write("plugins:\n  paths: [extra]\npipelines:\n  p: [nosuch]\n")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(Daemon.daemonPath, ["check-config", file])
        #expect(r.status == 78)
        #expect(r.err.contains(dir + "/extra"))
        #expect(r.err.contains(URL(fileURLWithPath: Daemon.buildDir).resolvingSymlinksInPath().path))
        #expect(r.err.contains("stages found: clean, entities, faq, segment, sentiment, wordcount"))
    }

    @Test func anchorsAliasesAndMergeKeys_work() throws {
        let yaml = """
        x-limits: &limits {max_words: 3}
        pipelines:
          a: &steps [segment, sentiment]
          b: *steps
          c:
            - wordcount: {<<: *limits, key: n}
        """
        let (dir, file) = try write(yaml)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(Daemon.daemonPath, ["--check-config", "--config", file])
        #expect(r.status == 0, "\(r.err)")
    }

    @Test func stages_listsEveryStageWithOptionsAndDefaults() throws {
        let r = try run(Daemon.daemonPath, ["stages"])
        #expect(r.status == 0, "\(r.err)")
        for name in ["clean", "segment", "entities", "faq", "sentiment", "wordcount"] {
            #expect(r.out.contains("\n\(name) — "), "missing \(name)")
        }
        #expect(r.out.contains("max_words (integer 0…"))
        #expect(r.out.contains("default word_count"))
    }

    @Test func pluginPaths_configuredFolderIsSearchedFirst() throws {
        // A copy of the example plugin in a folder of its own is found there first.
        let (dir, file) = try write("plugins:\n  paths: [plug]\npipelines:\n  p: [wordcount]\n")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/plug", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Daemon.buildDir + "/libtextpiped_wordcount.so", toPath: dir + "/plug/libtextpiped_wordcount.so")
        let r = try run(Daemon.daemonPath, ["stages", "--config", file])
        #expect(r.status == 0)
        #expect(r.out.contains("file:     \(dir)/plug/libtextpiped_wordcount.so"))
    }

    @Test func brokenPluginFile_isAClearError() throws {
        let (dir, file) = try write("plugins:\n  paths: [plug]\npipelines:\n  p: [broken]\n")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try FileManager.default.createDirectory(atPath: dir + "/plug", withIntermediateDirectories: true)
        try "not an ELF file".write(toFile: dir + "/plug/libtextpiped_broken.so", atomically: true, encoding: .utf8)
        let r = try run(Daemon.daemonPath, ["check-config", file])
        #expect(r.status == 78)
        #expect(r.err.contains("cannot load plugin \(dir)/plug/libtextpiped_broken.so"))
    }
}
