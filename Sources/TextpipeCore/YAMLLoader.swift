#if canImport(Glibc)
import Glibc
#endif
import CYaml
import StageKit

/// Reads YAML with the system libyaml into `ConfigNode`s that remember file, line and column.
///
/// Aliases are expanded (with a cap on the expanded size, so an alias bomb is an error and not an
/// out-of-memory), merge keys (`<<`) are applied with explicit keys winning, and duplicate keys are
/// reported. Every problem is collected; the loader throws `ConfigIssues` with all of them.
public struct YAMLLoader {
    /// Most nodes the expanded tree may hold.
    public var maxNodes = 100_000
    /// Deepest nesting accepted.
    public var maxDepth = 64

    public init() {}

    /// Parses a file. A missing or unreadable file is a `ConfigIssues` with one issue.
    public func load(file path: String) throws -> ConfigNode {
        let (node, issues) = try loadCollecting(file: path)
        if !issues.isEmpty { throw ConfigIssues(issues) }
        return node
    }

    /// Parses YAML text; `file` names it in errors. Throws `ConfigIssues` with every problem.
    public func load(bytes: [UInt8], file: String) throws -> ConfigNode {
        let (node, issues) = try loadCollecting(bytes: bytes, file: file)
        if !issues.isEmpty { throw ConfigIssues(issues) }
        return node
    }

    /// Like `load(file:)`, but returns problems that still leave a usable tree (duplicate keys, bad
    /// merge keys, a second document) beside it, so that the caller can report them together with
    /// its own. Throws only when the file cannot be read or is not YAML at all.
    public func loadCollecting(file path: String) throws -> (ConfigNode, [ConfigIssue]) {
        guard let bytes = readFile(path) else {
            throw ConfigIssues([ConfigIssue("cannot read configuration file (\(lastErrorText()))", at: SourceMark(file: path, line: 1, column: 1))])
        }
        return try loadCollecting(bytes: bytes, file: path)
    }

    public func loadCollecting(bytes: [UInt8], file: String) throws -> (ConfigNode, [ConfigIssue]) {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            throw ConfigIssues([ConfigIssue("libyaml could not be initialised", at: nil)])
        }
        defer { yaml_parser_delete(&parser) }
        var document = yaml_document_t()
        let ok: Int32 = bytes.withUnsafeBufferPointer { buf in
            yaml_parser_set_input_string(&parser, buf.baseAddress ?? UnsafePointer(bitPattern: 1)!, buf.count)
            return yaml_parser_load(&parser, &document)
        }
        guard ok == 1 else {
            let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
            var message = "YAML syntax error: \(problem)"
            if let context = parser.context.map({ String(cString: $0) }) {
                message += " (\(context) at line \(parser.context_mark.line + 1), column \(parser.context_mark.column + 1))"
            }
            let mark = SourceMark(file: file, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
            throw ConfigIssues([ConfigIssue(message, at: mark)])
        }
        defer { yaml_document_delete(&document) }
        guard let root = yaml_document_get_root_node(&document) else {
            return (ConfigNode(.mapping([]), mark: SourceMark(file: file, line: 1, column: 1)), [])
        }
        var builder = Builder(document: document, file: file, maxNodes: maxNodes, maxDepth: maxDepth)
        let node = builder.convert(root, depth: 0)
        // A second document in the same file is almost always a mistake (a stray `---`).
        var next = yaml_document_t()
        if yaml_parser_load(&parser, &next) == 1 {
            defer { yaml_document_delete(&next) }
            if let extra = yaml_document_get_root_node(&next) {
                builder.issues.append(ConfigIssue("a configuration file holds one YAML document; found another one here", at: builder.mark(extra.pointee.start_mark)))
            }
        } else {
            let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
            let mark = SourceMark(file: file, line: Int(parser.problem_mark.line) + 1, column: Int(parser.problem_mark.column) + 1)
            builder.issues.append(ConfigIssue("YAML syntax error after the first document: \(problem) (a configuration file holds one YAML document)", at: mark))
        }
        return (node, builder.issues)
    }

    private struct Builder {
        var document: yaml_document_t
        let file: String
        let maxNodes: Int
        let maxDepth: Int
        var count = 0
        var issues: [ConfigIssue] = []
        var exhausted = false
        /// Nodes already converted (an alias points at the same node again), with their expanded
        /// size, so that problems inside an anchored node are reported once and big fan-outs still
        /// count against `maxNodes`.
        var converted: [UnsafeMutablePointer<yaml_node_t>: (node: ConfigNode, size: Int)] = [:]
        var inProgress: Set<UnsafeMutablePointer<yaml_node_t>> = []

        init(document: yaml_document_t, file: String, maxNodes: Int, maxDepth: Int) {
            self.document = document; self.file = file; self.maxNodes = maxNodes; self.maxDepth = maxDepth
        }

        func mark(_ m: yaml_mark_t) -> SourceMark {
            SourceMark(file: file, line: Int(m.line) + 1, column: Int(m.column) + 1)
        }

        mutating func node(_ index: Int32) -> UnsafeMutablePointer<yaml_node_t>? {
            yaml_document_get_node(&document, index)
        }

        mutating func convert(_ n: UnsafeMutablePointer<yaml_node_t>, depth: Int) -> ConfigNode {
            if let hit = converted[n] {
                count += hit.size
                if count > maxNodes && !exhausted {
                    exhausted = true
                    issues.append(ConfigIssue("configuration too large: more than \(maxNodes) nodes after expanding aliases", at: hit.node.mark))
                }
                return hit.node
            }
            if inProgress.contains(n) {
                let here = mark(n.pointee.start_mark)
                issues.append(ConfigIssue("an alias refers to a node that contains it (a recursive structure cannot be a configuration)", at: here))
                return ConfigNode(.scalar("", plain: true), mark: here)
            }
            inProgress.insert(n)
            let before = count
            let node = convertFresh(n, depth: depth)
            inProgress.remove(n)
            converted[n] = (node, count - before)
            return node
        }

        mutating func convertFresh(_ n: UnsafeMutablePointer<yaml_node_t>, depth: Int) -> ConfigNode {
            let here = mark(n.pointee.start_mark)
            count += 1
            if count > maxNodes || depth > maxDepth {
                if !exhausted {
                    exhausted = true
                    let why = count > maxNodes ? "more than \(maxNodes) nodes after expanding aliases" : "nesting deeper than \(maxDepth) levels"
                    issues.append(ConfigIssue("configuration too large: \(why)", at: here))
                }
                return ConfigNode(.scalar("", plain: true), mark: here)
            }
            switch n.pointee.type {
            case YAML_SCALAR_NODE:
                let s = n.pointee.data.scalar
                let text = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                return ConfigNode(.scalar(text, plain: s.style == YAML_PLAIN_SCALAR_STYLE), mark: here)
            case YAML_SEQUENCE_NODE:
                var items: [ConfigNode] = []
                var p = n.pointee.data.sequence.items.start
                let top = n.pointee.data.sequence.items.top
                while let cur = p, cur < top! {
                    if let child = node(cur.pointee) { items.append(convert(child, depth: depth + 1)) }
                    p = cur + 1
                }
                return ConfigNode(.sequence(items), mark: here)
            case YAML_MAPPING_NODE:
                return convertMapping(n, depth: depth, here: here)
            default:
                return ConfigNode(.scalar("", plain: true), mark: here)
            }
        }

        mutating func convertMapping(_ n: UnsafeMutablePointer<yaml_node_t>, depth: Int, here: SourceMark) -> ConfigNode {
            typealias Entry = (key: String, keyMark: SourceMark, value: ConfigNode)
            var explicit: [Entry] = []
            var merged: [Entry] = []
            var p = n.pointee.data.mapping.pairs.start
            let top = n.pointee.data.mapping.pairs.top
            while let cur = p, cur < top! {
                defer { p = cur + 1 }
                guard let k = node(cur.pointee.key), let v = node(cur.pointee.value) else { continue }
                let keyMark = mark(k.pointee.start_mark)
                guard k.pointee.type == YAML_SCALAR_NODE else {
                    issues.append(ConfigIssue("mapping keys must be plain words, found a \(k.pointee.type == YAML_SEQUENCE_NODE ? "list" : "mapping")", at: keyMark))
                    continue
                }
                let s = k.pointee.data.scalar
                let key = String(decoding: UnsafeBufferPointer(start: s.value, count: s.length), as: UTF8.self)
                let value = convert(v, depth: depth + 1)
                if key == "<<" && s.style == YAML_PLAIN_SCALAR_STYLE {
                    let sources: [ConfigNode]
                    switch value.value {
                    case .mapping: sources = [value]
                    case .sequence(let items): sources = items
                    case .scalar: sources = []
                    }
                    if sources.isEmpty || sources.contains(where: { $0.mapping == nil }) {
                        issues.append(ConfigIssue("a merge key '<<' takes a mapping or a list of mappings (usually an alias such as *defaults)", at: value.mark))
                    }
                    for source in sources {
                        for entry in source.mapping ?? [] where !merged.contains(where: { $0.key == entry.key }) {
                            merged.append(entry)
                        }
                    }
                    continue
                }
                if let first = explicit.first(where: { $0.key == key }) {
                    issues.append(ConfigIssue("duplicate key '\(key)' (first defined at line \(first.keyMark.line), column \(first.keyMark.column))", at: keyMark))
                    continue
                }
                explicit.append((key, keyMark, value))
            }
            for entry in merged where !explicit.contains(where: { $0.key == entry.key }) {
                explicit.append(entry)
            }
            return ConfigNode(.mapping(explicit), mark: here)
        }
    }
}

/// The whole content of a file, or nil when it cannot be opened or read.
func readFile(_ path: String) -> [UInt8]? {
    guard let f = fopen(path, "rb") else { return nil }
    defer { fclose(f) }
    let bytes = readAll(f)
    return ferror(f) != 0 ? nil : bytes
}

func lastErrorText() -> String { String(cString: strerror(errno)) }
