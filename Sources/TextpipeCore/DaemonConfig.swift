import StageKit

/// The daemon's configuration file, typed. Stage options stay as YAML nodes here; the pipeline
/// builder checks them against each stage's `OptionSpec`s once the plugins are loaded.
public struct DaemonConfig: Sendable {
    public struct Server: Sendable {
        /// Absolute path of the listening socket.
        public var socket: String
        public var socketMode: UInt32 = 0o660
        public var maxLineBytes = 4_194_304
        public var maxInflight = 64
        /// Threads for stage work; resolved from 0 (= one per core) at parse time.
        public var workers = 0
        public var requestTimeoutMs = 10_000
        /// Requests queued for workers across all connections before new ones get `overloaded`.
        public var maxQueue = 4096
        public var maxConnections = 1024
        public var shutdownTimeoutMs = 10_000
        public var logLevel = "info"
        /// Who may use the socket and the admin ops (`server.allow`, `server.admin`).
        public var access = AccessPolicy()
        /// Absolute path of the optional second socket that serves `GET /metrics` over HTTP.
        public var metricsSocket: String?
        public var metricsSocketMode: UInt32 = 0o660
    }
    /// One item of a pipeline: a stage name and its options node (nil when written as a bare name).
    public struct StageItem: Sendable {
        public var name: String
        public var options: ConfigNode?
        public var mark: SourceMark
    }
    public struct PipelineSpec: Sendable {
        public var name: String
        public var mark: SourceMark
        public var items: [StageItem]
    }

    /// The file this came from and its folder (relative paths resolve against the folder).
    public var file: String
    public var directory: String
    public var server: Server
    /// Folders searched for plugins before the built-in ones.
    public var pluginPaths: [String]
    public var defaultPipeline: String
    public var defaultPipelineMark: SourceMark?
    public var pipelines: [PipelineSpec]

    public static let logLevels = ["trace", "debug", "info", "notice", "warning", "error", "critical"]

    /// Loads and checks a configuration file. Throws `ConfigIssues` with every problem found.
    public static func load(file: String) throws -> DaemonConfig {
        let (config, issues) = try read(file: file)
        if !issues.isEmpty { throw ConfigIssues(issues) }
        return config
    }

    /// Loads a configuration file and returns it with its problems, so that later checks (plugins,
    /// stage options) can still run and every problem of the file is reported at once. Throws only
    /// when the file cannot be read or is not YAML.
    public static func read(file: String) throws -> (DaemonConfig, [ConfigIssue]) {
        let path = absolutePath(file)
        let (root, yamlIssues) = try YAMLLoader().loadCollecting(file: path)
        let (config, issues) = parse(root, file: path)
        return (config, (yamlIssues + issues).sorted(by: issueOrder))
    }

    /// Checks a parsed YAML tree. Top-level keys starting with `x-` are free for YAML anchors
    /// (`x-defaults: &defaults {…}`), as in Compose files.
    public static func parse(_ root: ConfigNode, file: String) -> (DaemonConfig, [ConfigIssue]) {
        var issues: [ConfigIssue] = []
        let directory = parentDirectory(of: file)
        var config = DaemonConfig(
            file: file, directory: directory,
            server: Server(socket: directory + "/textpiped.sock"),
            pluginPaths: [], defaultPipeline: "", defaultPipelineMark: nil, pipelines: [])

        let top = MappingReader(root, context: "the configuration", issues: &issues)
        if let server = top.take("server") {
            let r = MappingReader(server, context: "server", issues: &issues)
            if let n = r.take("socket"), let s = r.string(n, "server.socket", &issues) {
                config.server.socket = s.hasPrefix("/") ? s : directory + "/" + s
            }
            if let n = r.take("socket_mode") { parseMode(n, "server.socket_mode", &issues).map { config.server.socketMode = $0 } }
            if let n = r.take("metrics_socket"), let s = r.string(n, "server.metrics_socket", &issues) {
                config.server.metricsSocket = s.hasPrefix("/") ? s : directory + "/" + s
            }
            if let n = r.take("metrics_socket_mode") { parseMode(n, "server.metrics_socket_mode", &issues).map { config.server.metricsSocketMode = $0 } }
            // `allow:` with no value is the same as no `allow` (not "nobody").
            if let n = r.take("allow"), !n.isNull { config.server.access.allow = parseRule(n, "server.allow", &issues) }
            if let n = r.take("admin"), !n.isNull { config.server.access.admin = parseAdmin(n, &issues) }
            r.int(r.take("max_line_bytes"), "server.max_line_bytes", 64...1_073_741_824, &issues).map { config.server.maxLineBytes = $0 }
            r.int(r.take("max_inflight"), "server.max_inflight", 1...65_536, &issues).map { config.server.maxInflight = $0 }
            r.int(r.take("workers"), "server.workers", 0...1024, &issues).map { config.server.workers = $0 }
            r.int(r.take("request_timeout_ms"), "server.request_timeout_ms", 1...86_400_000, &issues).map { config.server.requestTimeoutMs = $0 }
            r.int(r.take("max_queue"), "server.max_queue", 1...10_000_000, &issues).map { config.server.maxQueue = $0 }
            r.int(r.take("max_connections"), "server.max_connections", 1...1_000_000, &issues).map { config.server.maxConnections = $0 }
            r.int(r.take("shutdown_timeout_ms"), "server.shutdown_timeout_ms", 0...3_600_000, &issues).map { config.server.shutdownTimeoutMs = $0 }
            if let n = r.take("log_level"), let s = r.string(n, "server.log_level", &issues) {
                if logLevels.contains(s) { config.server.logLevel = s } else {
                    issues.append(ConfigIssue("server.log_level must be one of \(logLevels.joined(separator: ", ")), found '\(s)'", at: n.mark))
                }
            }
            r.finish(&issues)
        }
        if config.server.workers == 0 { config.server.workers = max(1, activeProcessorCount()) }

        if let plugins = top.take("plugins") {
            let r = MappingReader(plugins, context: "plugins", issues: &issues)
            if let n = r.take("paths") {
                if let items = n.sequence {
                    for item in items {
                        if let s = item.scalar, !item.isNull { config.pluginPaths.append(s.hasPrefix("/") ? s : directory + "/" + s) }
                        else { issues.append(ConfigIssue("plugins.paths must be a list of folders, found \(item.kindDescription)", at: item.mark)) }
                    }
                } else if !n.isNull {
                    issues.append(ConfigIssue("plugins.paths must be a list of folders, found \(describe(n))", at: n.mark))
                }
            }
            r.finish(&issues)
        }

        if let n = top.take("pipelines") {
            if let entries = n.mapping {
                if entries.isEmpty { issues.append(ConfigIssue("pipelines is empty: define at least one pipeline", at: n.mark)) }
                for entry in entries {
                    config.pipelines.append(PipelineSpec(name: entry.key, mark: entry.keyMark, items: parseItems(entry.value, pipeline: entry.key, &issues)))
                }
            } else {
                issues.append(ConfigIssue("pipelines must be a mapping from pipeline name to a list of stages, found \(describe(n))", at: n.mark))
            }
        } else {
            issues.append(ConfigIssue("missing required key 'pipelines'", at: root.mark))
        }

        if let n = top.take("default_pipeline") {
            if let s = top.string(n, "default_pipeline", &issues) {
                config.defaultPipeline = s
                config.defaultPipelineMark = n.mark
                if !config.pipelines.isEmpty && !config.pipelines.contains(where: { $0.name == s }) {
                    issues.append(ConfigIssue("default_pipeline '\(s)' is not defined (pipelines: \(config.pipelines.map(\.name).joined(separator: ", ")))", at: n.mark))
                }
            }
        } else if let first = config.pipelines.first {
            config.defaultPipeline = first.name
        }
        for entry in root.mapping ?? [] where entry.key.hasPrefix("x-") { _ = top.take(entry.key) }
        top.finish(&issues, hint: "; keys starting with x- are free for anchors")
        return (config, issues.sorted(by: issueOrder))
    }

    private static func parseMode(_ n: ConfigNode, _ name: String, _ issues: inout [ConfigIssue]) -> UInt32? {
        if let s = n.scalar, let mode = UInt32(s.hasPrefix("0o") ? String(s.dropFirst(2)) : s, radix: 8), mode <= 0o777 { return mode }
        issues.append(ConfigIssue("\(name) must be an octal permission such as \"0660\", found \(describe(n))", at: n.mark))
        return nil
    }

    /// `{users: [...], groups: [...]}` with names or numeric ids, resolved now (an unknown name is an error).
    private static func parseRule(_ n: ConfigNode, _ context: String, _ issues: inout [ConfigIssue], reader: MappingReader? = nil) -> AccessRule {
        let r = reader ?? MappingReader(n, context: context, issues: &issues)
        var rule = AccessRule()
        func names(_ key: String) -> [(String, ConfigNode)] {
            guard let v = r.take(key) else { return [] }
            if let items = v.sequence {
                return items.compactMap { item in
                    if let s = item.scalar, !item.isNull { return (s, item) }
                    issues.append(ConfigIssue("\(context).\(key) must be a list of names or ids, found \(item.kindDescription)", at: item.mark))
                    return nil
                }
            }
            if let s = v.scalar, !v.isNull { return [(s, v)] }
            issues.append(ConfigIssue("\(context).\(key) must be a list of names or ids, found \(describe(v))", at: v.mark))
            return []
        }
        for (name, node) in names("users") {
            if let id = AccessRule.uid(name) { rule.users.append(id) } else {
                issues.append(ConfigIssue("\(context).users: no such user '\(name)'", at: node.mark))
            }
        }
        for (name, node) in names("groups") {
            if let id = AccessRule.gid(name) { rule.groups.append(id) } else {
                issues.append(ConfigIssue("\(context).groups: no such group '\(name)'", at: node.mark))
            }
        }
        if reader == nil { r.finish(&issues) }
        return rule
    }

    /// `server.admin`: `users`/`groups` for all of reload, stats and metrics, and/or a rule per op
    /// (`reload: {users: [...]}`), which then replaces the shared one for that op.
    private static func parseAdmin(_ n: ConfigNode, _ issues: inout [ConfigIssue]) -> [Operation: AccessRule] {
        let r = MappingReader(n, context: "server.admin", issues: &issues)
        var out: [Operation: AccessRule] = [:]
        let hasShared = r.entries.contains { $0.key == "users" || $0.key == "groups" }
        let shared = parseRule(n, "server.admin", &issues, reader: r)
        if hasShared { for op in AccessPolicy.adminOps { out[op] = shared } }
        for op in AccessPolicy.adminOps {
            if let v = r.take(op.rawValue) { out[op] = parseRule(v, "server.admin.\(op.rawValue)", &issues) }
        }
        r.finish(&issues)
        return out
    }

    private static func parseItems(_ node: ConfigNode, pipeline: String, _ issues: inout [ConfigIssue]) -> [StageItem] {
        guard let items = node.sequence else {
            issues.append(ConfigIssue("pipeline '\(pipeline)' must be a list of stages, found \(describe(node))", at: node.mark))
            return []
        }
        if items.isEmpty { issues.append(ConfigIssue("pipeline '\(pipeline)' has no stages", at: node.mark)) }
        var out: [StageItem] = []
        for item in items {
            switch item.value {
            case .scalar(let name, _) where !item.isNull:
                out.append(StageItem(name: name, options: nil, mark: item.mark))
            case .mapping(let entries) where entries.count == 1:
                out.append(StageItem(name: entries[0].key, options: entries[0].value, mark: entries[0].keyMark))
            case .mapping(let entries):
                issues.append(ConfigIssue("a stage item is a stage name or a one-key mapping from a stage name to its options; found a mapping with \(entries.count) keys (\(entries.map(\.key).joined(separator: ", ")))", at: item.mark))
            default:
                issues.append(ConfigIssue("a stage item is a stage name or a one-key mapping from a stage name to its options; found \(item.kindDescription)", at: item.mark))
            }
        }
        return out
    }
}

func issueOrder(_ a: ConfigIssue, _ b: ConfigIssue) -> Bool {
    let x = a.mark.map { ($0.line, $0.column) } ?? (0, 0)
    let y = b.mark.map { ($0.line, $0.column) } ?? (0, 0)
    return x < y
}

func describe(_ n: ConfigNode) -> String {
    if let s = n.scalar, !n.isNull { return "'\(s)'" }
    return n.kindDescription
}

/// Walks one mapping of the daemon's own configuration, remembering which keys were read so that
/// the rest can be reported as unknown.
final class MappingReader {
    let entries: [(key: String, keyMark: SourceMark, value: ConfigNode)]
    let context: String
    private var seen: Set<String> = []
    private var known: [String] = []

    init(_ node: ConfigNode, context: String, issues: inout [ConfigIssue]) {
        self.context = context
        if let m = node.mapping { entries = m } else {
            entries = []
            if !node.isNull { issues.append(ConfigIssue("\(context) must be a mapping, found \(describe(node))", at: node.mark)) }
        }
    }

    func take(_ key: String) -> ConfigNode? {
        known.append(key)
        guard let e = entries.first(where: { $0.key == key }) else { return nil }
        seen.insert(key)
        return e.value
    }

    func string(_ n: ConfigNode, _ name: String, _ issues: inout [ConfigIssue]) -> String? {
        if let s = n.scalar, !n.isNull { return s }
        issues.append(ConfigIssue("\(name) must be a string, found \(describe(n))", at: n.mark))
        return nil
    }

    func int(_ n: ConfigNode?, _ name: String, _ range: ClosedRange<Int>, _ issues: inout [ConfigIssue]) -> Int? {
        guard let n else { return nil }
        guard let i = n.intValue else {
            issues.append(ConfigIssue("\(name) must be an integer, found \(describe(n))", at: n.mark))
            return nil
        }
        guard range.contains(i) else {
            issues.append(ConfigIssue("\(name) must be between \(range.lowerBound) and \(range.upperBound), found \(i)", at: n.mark))
            return nil
        }
        return i
    }

    /// Reports every key that no `take` asked for.
    func finish(_ issues: inout [ConfigIssue], hint: String = "") {
        let allowed = known.filter { !$0.hasPrefix("x-") }
        for e in entries where !seen.contains(e.key) {
            issues.append(ConfigIssue("unknown key '\(e.key)' in \(context) (allowed: \(allowed.joined(separator: ", "))\(hint))", at: e.keyMark))
        }
    }
}
