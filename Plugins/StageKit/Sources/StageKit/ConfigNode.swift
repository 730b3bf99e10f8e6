/// Where something stands in a configuration file: 1-based line and column.
public struct SourceMark: Sendable, Hashable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int
    public init(file: String, line: Int, column: Int) { self.file = file; self.line = line; self.column = column }
    public var description: String { "\(file):\(line):\(column)" }
}

/// A node of a parsed YAML file with the place it came from, so that every configuration error can
/// name file, line and column. Aliases are already expanded and merge keys (`<<`) already applied.
public struct ConfigNode: Sendable {
    public enum Value: Sendable {
        /// A scalar's text; `plain` is false for quoted or block scalars (so `"yes"` stays a string).
        case scalar(String, plain: Bool)
        case sequence([ConfigNode])
        /// Entries in file order; keys are scalars.
        case mapping([(key: String, keyMark: SourceMark, value: ConfigNode)])
    }
    public var value: Value
    public var mark: SourceMark

    public init(_ value: Value, mark: SourceMark) { self.value = value; self.mark = mark }

    /// True for an empty plain scalar, `~` or `null`.
    public var isNull: Bool {
        if case .scalar(let s, let plain) = value, plain { return s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL" }
        return false
    }
    public var scalar: String? { if case .scalar(let s, _) = value { return s }; return nil }
    public var sequence: [ConfigNode]? { if case .sequence(let s) = value { return s }; return nil }
    public var mapping: [(key: String, keyMark: SourceMark, value: ConfigNode)]? {
        if case .mapping(let m) = value { return m }; return nil
    }
    public subscript(key: String) -> ConfigNode? { mapping?.first(where: { $0.key == key })?.value }

    /// What kind of node this is, for error messages ("a mapping", "a list", "a string").
    public var kindDescription: String {
        switch value {
        case .scalar: return isNull ? "null" : "a scalar"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        }
    }

    /// YAML 1.2 core-schema booleans (and the YAML 1.1 yes/no/on/off that operators still write).
    public var boolValue: Bool? {
        guard case .scalar(let s, let plain) = value, plain else { return nil }
        switch s {
        case "true", "True", "TRUE", "yes", "Yes", "YES", "on", "On", "ON": return true
        case "false", "False", "FALSE", "no", "No", "NO", "off", "Off", "OFF": return false
        default: return nil
        }
    }
    public var intValue: Int? {
        guard case .scalar(let s, let plain) = value, plain else { return nil }
        let t = String(s.filter { $0 != "_" })
        if t.hasPrefix("0x") { return Int(t.dropFirst(2), radix: 16) }
        if t.hasPrefix("0o") { return Int(t.dropFirst(2), radix: 8) }
        return Int(t)
    }
    public var doubleValue: Double? {
        guard case .scalar(let s, let plain) = value, plain else { return nil }
        return Double(s)
    }
}

/// One problem found in a configuration, with its place. A file's problems are all reported together.
public struct ConfigIssue: Error, Sendable, Hashable, CustomStringConvertible {
    public var mark: SourceMark?
    public var message: String
    public init(_ message: String, at mark: SourceMark?) { self.message = message; self.mark = mark }
    public var description: String {
        if let m = mark { return "\(m): error: \(message)" }
        return "error: \(message)"
    }
}

/// Several configuration problems at once.
public struct ConfigIssues: Error, Sendable, CustomStringConvertible {
    public var issues: [ConfigIssue]
    public init(_ issues: [ConfigIssue]) { self.issues = issues }
    public var description: String { issues.map(\.description).joined(separator: "\n") }
}
