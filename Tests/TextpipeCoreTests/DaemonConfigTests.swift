import Testing
@testable import TextpipeCore
import StageKit

let configFile = "/etc/textpiped/config.yaml"

/// Parses a configuration text as if it were `/etc/textpiped/config.yaml`.
func parseConfig(_ yaml: String, file: String = configFile) throws -> (DaemonConfig, [ConfigIssue]) {
    let root = try loadYAML(yaml, file: file)
    return DaemonConfig.parse(root, file: file)
}

@Suite struct DaemonConfigTests {
    @Test func parse_whenConfigIsMinimal_appliesDefaults() throws {
        let (c, issues) = try parseConfig("pipelines:\n  basic: [clean, segment]\n")
        #expect(issues.isEmpty)
        #expect(c.file == configFile)
        #expect(c.directory == "/etc/textpiped")
        #expect(c.server.socket == "/etc/textpiped/textpiped.sock")
        #expect(c.server.socketMode == 0o660)
        #expect(c.server.maxLineBytes == 4_194_304)
        #expect(c.server.maxInflight == 64)
        #expect(c.server.requestTimeoutMs == 10_000)
        #expect(c.server.logLevel == "info")
        #expect(c.server.workers >= 1)
        #expect(c.defaultPipeline == "basic")
        #expect(c.pipelines.map(\.name) == ["basic"])
        #expect(c.pipelines[0].items.map(\.name) == ["clean", "segment"])
        #expect(c.pipelines[0].items.allSatisfy { $0.options == nil })
        #expect(c.pluginPaths.isEmpty)
    }

    @Test func parse_whenEveryServerKeyIsSet_readsThem() throws {
        let (c, issues) = try parseConfig("""
        server:
          socket: /run/tp.sock
          socket_mode: "0600"
          max_line_bytes: 1_048_576
          max_inflight: 8
          workers: 3
          request_timeout_ms: 2500
          max_queue: 0x100
          max_connections: 10
          shutdown_timeout_ms: 0
          log_level: debug
        plugins:
          paths: [/opt/tp, lib/plugins]
        default_pipeline: second
        pipelines:
          first: [a]
          second:
            - clean: {max_length: 3}
            - segment
        """)
        #expect(issues.isEmpty, "\(issues)")
        #expect(c.server.socket == "/run/tp.sock")
        #expect(c.server.socketMode == 0o600)
        #expect(c.server.maxLineBytes == 1_048_576)
        #expect(c.server.maxInflight == 8)
        #expect(c.server.workers == 3)
        #expect(c.server.requestTimeoutMs == 2500)
        #expect(c.server.maxQueue == 256)
        #expect(c.server.maxConnections == 10)
        #expect(c.server.shutdownTimeoutMs == 0)
        #expect(c.server.logLevel == "debug")
        #expect(c.pluginPaths == ["/opt/tp", "/etc/textpiped/lib/plugins"])
        #expect(c.defaultPipeline == "second")
        #expect(c.defaultPipelineMark?.line == 14)
        #expect(c.pipelines.map(\.name) == ["first", "second"])
        let clean = c.pipelines[1].items[0]
        #expect(clean.name == "clean")
        #expect(clean.options?["max_length"]?.intValue == 3)
        #expect(clean.mark.line == 18 && clean.mark.column == 7)
        #expect(c.pipelines[1].items[1].name == "segment")
        #expect(c.pipelines[1].mark.line == 17 && c.pipelines[1].mark.column == 3)
    }

    static let socketModes: [(String, UInt32)] = [("\"0660\"", 0o660), ("0600", 0o600), ("644", 0o644), ("0o640", 0o640), ("'777'", 0o777), ("0", 0)]

    @Test(arguments: socketModes)
    func parse_whenSocketModeIsOctal_readsIt(text: String, mode: UInt32) throws {
        let (c, issues) = try parseConfig("server:\n  socket_mode: \(text)\npipelines:\n  p: [a]\n")
        #expect(issues.isEmpty, "\(issues)")
        #expect(c.server.socketMode == mode)
    }

    struct Bad: Sendable, CustomTestStringConvertible {
        var yaml: String
        var fragment: String
        var line: Int
        var column: Int
        var testDescription: String { fragment }
    }

    static let bad: [Bad] = [
        Bad(yaml: "server:\n  sokcet: /x\npipelines:\n  p: [a]\n", fragment: "unknown key 'sokcet' in server (allowed: socket, socket_mode,", line: 2, column: 3),
        Bad(yaml: "server:\n  x-extra: 1\npipelines:\n  p: [a]\n", fragment: "unknown key 'x-extra' in server", line: 2, column: 3),
        Bad(yaml: "plugins:\n  path: [a]\npipelines:\n  p: [a]\n", fragment: "unknown key 'path' in plugins (allowed: paths)", line: 2, column: 3),
        Bad(yaml: "pipelines:\n  p: [a]\npipeline: x\n", fragment: "unknown key 'pipeline' in the configuration (allowed: server, plugins, pipelines, default_pipeline; keys starting with x- are free for anchors)", line: 3, column: 1),
        Bad(yaml: "server: 5\npipelines:\n  p: [a]\n", fragment: "server must be a mapping, found '5'", line: 1, column: 9),
        Bad(yaml: "plugins: [a]\npipelines:\n  p: [a]\n", fragment: "plugins must be a mapping, found a list", line: 1, column: 10),
        Bad(yaml: "server:\n  socket: [a]\npipelines:\n  p: [a]\n", fragment: "socket must be a string, found a list", line: 2, column: 11),
        Bad(yaml: "server:\n  socket:\npipelines:\n  p: [a]\n", fragment: "socket must be a string, found null", line: 2, column: 10),
        Bad(yaml: "server:\n  max_inflight: many\npipelines:\n  p: [a]\n", fragment: "server.max_inflight must be an integer, found 'many'", line: 2, column: 17),
        Bad(yaml: "server:\n  max_inflight: \"8\"\npipelines:\n  p: [a]\n", fragment: "server.max_inflight must be an integer, found '8'", line: 2, column: 17),
        Bad(yaml: "server:\n  max_inflight: 0\npipelines:\n  p: [a]\n", fragment: "server.max_inflight must be between 1 and 65536, found 0", line: 2, column: 17),
        Bad(yaml: "server:\n  max_line_bytes: 10\npipelines:\n  p: [a]\n", fragment: "server.max_line_bytes must be between 64 and 1073741824, found 10", line: 2, column: 19),
        Bad(yaml: "server:\n  max_line_bytes: 2.5\npipelines:\n  p: [a]\n", fragment: "server.max_line_bytes must be an integer, found '2.5'", line: 2, column: 19),
        Bad(yaml: "server:\n  workers: -1\npipelines:\n  p: [a]\n", fragment: "server.workers must be between 0 and 1024, found -1", line: 2, column: 12),
        Bad(yaml: "server:\n  workers: 1025\npipelines:\n  p: [a]\n", fragment: "server.workers must be between 0 and 1024, found 1025", line: 2, column: 12),
        Bad(yaml: "server:\n  workers: [1]\npipelines:\n  p: [a]\n", fragment: "server.workers must be an integer, found a list", line: 2, column: 12),
        Bad(yaml: "server:\n  request_timeout_ms: 0\npipelines:\n  p: [a]\n", fragment: "server.request_timeout_ms must be between 1 and 86400000", line: 2, column: 23),
        Bad(yaml: "server:\n  max_queue: 0\npipelines:\n  p: [a]\n", fragment: "server.max_queue must be between 1 and 10000000", line: 2, column: 14),
        Bad(yaml: "server:\n  max_connections: 0\npipelines:\n  p: [a]\n", fragment: "server.max_connections must be between 1 and 1000000", line: 2, column: 20),
        Bad(yaml: "server:\n  shutdown_timeout_ms: -1\npipelines:\n  p: [a]\n", fragment: "server.shutdown_timeout_ms must be between 0 and 3600000", line: 2, column: 24),
        Bad(yaml: "server:\n  socket_mode: 999\npipelines:\n  p: [a]\n", fragment: "server.socket_mode must be an octal permission such as \"0660\", found '999'", line: 2, column: 16),
        Bad(yaml: "server:\n  socket_mode: rw\npipelines:\n  p: [a]\n", fragment: "server.socket_mode must be an octal permission", line: 2, column: 16),
        Bad(yaml: "server:\n  socket_mode: 1777\npipelines:\n  p: [a]\n", fragment: "server.socket_mode must be an octal permission", line: 2, column: 16),
        Bad(yaml: "server:\n  socket_mode: [660]\npipelines:\n  p: [a]\n", fragment: "server.socket_mode must be an octal permission such as \"0660\", found a list", line: 2, column: 16),
        Bad(yaml: "server:\n  log_level: loud\npipelines:\n  p: [a]\n", fragment: "server.log_level must be one of trace, debug, info, notice, warning, error, critical, found 'loud'", line: 2, column: 14),
        Bad(yaml: "server:\n  log_level: [info]\npipelines:\n  p: [a]\n", fragment: "server.log_level must be a string, found a list", line: 2, column: 14),
        Bad(yaml: "plugins:\n  paths: /opt\npipelines:\n  p: [a]\n", fragment: "plugins.paths must be a list of folders, found '/opt'", line: 2, column: 10),
        Bad(yaml: "plugins:\n  paths: [a, [b]]\npipelines:\n  p: [a]\n", fragment: "plugins.paths must be a list of folders, found a list", line: 2, column: 14),
        Bad(yaml: "plugins:\n  paths: [a, ~]\npipelines:\n  p: [a]\n", fragment: "plugins.paths must be a list of folders, found null", line: 2, column: 14),
        Bad(yaml: "server:\n  workers: 2\n", fragment: "missing required key 'pipelines'", line: 1, column: 1),
        Bad(yaml: "", fragment: "missing required key 'pipelines'", line: 1, column: 1),
        Bad(yaml: "pipelines: {}\n", fragment: "pipelines is empty: define at least one pipeline", line: 1, column: 12),
        Bad(yaml: "pipelines:\n", fragment: "pipelines must be a mapping from pipeline name to a list of stages, found null", line: 1, column: 11),
        Bad(yaml: "pipelines: [a, b]\n", fragment: "pipelines must be a mapping from pipeline name to a list of stages, found a list", line: 1, column: 12),
        Bad(yaml: "pipelines:\n  p: []\n", fragment: "pipeline 'p' has no stages", line: 2, column: 6),
        Bad(yaml: "pipelines:\n  p: clean\n", fragment: "pipeline 'p' must be a list of stages, found 'clean'", line: 2, column: 6),
        Bad(yaml: "pipelines:\n  p:\n    - clean: {a: 1}\n      segment: {}\n", fragment: "found a mapping with 2 keys (clean, segment)", line: 3, column: 7),
        Bad(yaml: "pipelines:\n  p:\n    - clean\n    - ~\n", fragment: "a stage item is a stage name or a one-key mapping from a stage name to its options; found null", line: 4, column: 7),
        Bad(yaml: "pipelines:\n  p:\n    - [clean]\n", fragment: "found a list", line: 3, column: 7),
        Bad(yaml: "pipelines:\n  p:\n    - {}\n", fragment: "found a mapping with 0 keys", line: 3, column: 7),
        Bad(yaml: "default_pipeline: nope\npipelines:\n  p: [a]\n  q: [b]\n", fragment: "default_pipeline 'nope' is not defined (pipelines: p, q)", line: 1, column: 19),
        Bad(yaml: "default_pipeline: [p]\npipelines:\n  p: [a]\n", fragment: "default_pipeline must be a string, found a list", line: 1, column: 19),
    ]

    @Test(arguments: bad)
    func parse_whenConfigIsBad_reportsMessageAtLineColumn(b: Bad) throws {
        let (_, issues) = try parseConfig(b.yaml)
        #expect(issues.count == 1, "\(issues)")
        let issue = try #require(issues.first)
        #expect(issue.message.contains(b.fragment), "message: \(issue.message)")
        #expect(issue.mark?.file == configFile)
        #expect(issue.mark?.line == b.line && issue.mark?.column == b.column, "at \(String(describing: issue.mark))")
    }

    @Test func parse_whenRootIsNotAMapping_reportsItAndTheMissingPipelines() throws {
        let (_, issues) = try parseConfig("- a\n")
        #expect(issues.map(\.message) == ["the configuration must be a mapping, found a list", "missing required key 'pipelines'"])
        #expect(issues.allSatisfy { $0.mark?.line == 1 && $0.mark?.column == 1 })
    }

    @Test func load_whenConfigIsBad_throwsAllIssues() throws {
        let dir = makeTempDir(); defer { removeTree(dir) }
        writeFile(dir + "/bad.yaml", "server:\n  workers: x\n  bogus: 1\n")
        do {
            _ = try DaemonConfig.load(file: dir + "/bad.yaml")
            Issue.record("accepted a bad configuration")
        } catch let e as ConfigIssues {
            #expect(e.issues.count == 3, "\(e.issues)")
            #expect(e.description.contains(dir + "/bad.yaml:2:12: error: server.workers must be an integer"))
        }
    }

    @Test func parse_whenSeveralProblems_reportsAllSortedByPosition() throws {
        let (_, issues) = try parseConfig("""
        bogus_top: 1
        default_pipeline: missing
        server:
          workers: lots
          log_level: loud
          nope: 1
        plugins:
          paths: 5
        pipelines:
          p: []
          q:
            - a: 1
              b: 2
        """)
        let positions = issues.compactMap { $0.mark.map { [$0.line, $0.column] } }
        #expect(positions == [[1, 1], [2, 19], [4, 12], [5, 14], [6, 3], [8, 10], [10, 6], [12, 7]], "\(issues)")
        #expect(issues[0].message.hasPrefix("unknown key 'bogus_top'"))
        #expect(issues[1].message.hasPrefix("default_pipeline 'missing' is not defined"))
        #expect(issues[7].message.contains("2 keys (a, b)"))
    }

    @Test func parse_whenTopLevelKeyStartsWithX_acceptsItForAnchors() throws {
        let (c, issues) = try parseConfig("""
        x-defaults: &d {max_length: 3}
        x-other: [1, 2]
        pipelines:
          p:
            - clean: *d
        """)
        #expect(issues.isEmpty, "\(issues)")
        #expect(c.pipelines[0].items[0].options?["max_length"]?.intValue == 3)
    }

    @Test func parse_whenSocketPathIsRelative_resolvesAgainstTheConfigFolder() throws {
        let (c, _) = try parseConfig("server:\n  socket: run/tp.sock\npipelines:\n  p: [a]\n", file: "/srv/app/conf/tp.yaml")
        #expect(c.server.socket == "/srv/app/conf/run/tp.sock")
        let (abs, _) = try parseConfig("server:\n  socket: /tmp/tp.sock\npipelines:\n  p: [a]\n", file: "/srv/app/conf/tp.yaml")
        #expect(abs.server.socket == "/tmp/tp.sock")
        let (def, _) = try parseConfig("pipelines:\n  p: [a]\n", file: "/srv/app/conf/tp.yaml")
        #expect(def.server.socket == "/srv/app/conf/textpiped.sock")
    }

    @Test func read_whenFileIsInATempFolder_resolvesRelativePathsAgainstThatFolder() throws {
        let dir = makeTempDir(); defer { removeTree(dir) }
        writeFile(dir + "/tp.yaml", "server:\n  socket: s.sock\nplugins:\n  paths: [plug]\npipelines:\n  p: [a]\n")
        let (c, issues) = try DaemonConfig.read(file: dir + "/tp.yaml")
        #expect(issues.isEmpty)
        #expect(c.file == dir + "/tp.yaml")
        #expect(c.directory == dir)
        #expect(c.server.socket == dir + "/s.sock")
        #expect(c.pluginPaths == [dir + "/plug"])
    }

    @Test func read_whenYAMLIsBroken_throws() throws {
        let dir = makeTempDir(); defer { removeTree(dir) }
        writeFile(dir + "/tp.yaml", "pipelines: [\n")
        #expect(throws: ConfigIssues.self) { try DaemonConfig.read(file: dir + "/tp.yaml") }
    }

    @Test(arguments: [("", true), ("server:\n  workers: 0\n", true), ("server:\n  workers: 5\n", false)])
    func parse_whenWorkersIsZeroOrAbsent_resolvesToTheCoreCount(prefix: String, resolved: Bool) throws {
        let (c, issues) = try parseConfig(prefix + "pipelines:\n  p: [a]\n")
        #expect(issues.isEmpty)
        #expect(c.server.workers >= 1)
        if resolved { #expect(c.server.workers == max(1, activeProcessorCount())) } else { #expect(c.server.workers == 5) }
    }

    @Test func parse_whenServerIsNull_usesDefaults() throws {
        let (c, issues) = try parseConfig("server:\nplugins:\npipelines:\n  p: [a]\n")
        #expect(issues.isEmpty, "\(issues)")
        #expect(c.server.maxInflight == 64)
    }

    @Test func parse_whenDefaultPipelineIsAbsent_usesTheFirstInFileOrder() throws {
        let (c, _) = try parseConfig("pipelines:\n  zeta: [a]\n  alpha: [b]\n")
        #expect(c.defaultPipeline == "zeta")
        #expect(c.pipelines.map(\.name) == ["zeta", "alpha"])
    }

    @Test func parse_whenStageItemIsQuotedName_acceptsIt() throws {
        let (c, issues) = try parseConfig("pipelines:\n  p: [\"clean\", 'segment']\n")
        #expect(issues.isEmpty)
        #expect(c.pipelines[0].items.map(\.name) == ["clean", "segment"])
    }
}
