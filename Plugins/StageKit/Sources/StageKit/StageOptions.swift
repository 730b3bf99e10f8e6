/// A stage's options from YAML, already checked against its `OptionSpec`s. Getters return the
/// configured value or the caller's default; they do not fail, because the loader has already
/// rejected unknown keys and values of the wrong type.
public struct StageOptions: Sendable {
    public let specs: [OptionSpec]
    /// The mapping the options came from; nil when the stage was named without options.
    public let node: ConfigNode?
    /// Where the stage item stands in the file, for errors a stage reports itself.
    public let mark: SourceMark?

    public init(specs: [OptionSpec], node: ConfigNode?, mark: SourceMark? = nil) {
        self.specs = specs; self.node = node; self.mark = mark
    }

    /// Checks the options against the specs: unknown keys, wrong types, values out of range.
    /// Returns every problem, not only the first.
    public static func validate(_ node: ConfigNode?, specs: [OptionSpec], stage: String) -> [ConfigIssue] {
        guard let node, !node.isNull else { return [] }
        guard let entries = node.mapping else {
            return [ConfigIssue("options of stage '\(stage)' must be a mapping, found \(node.kindDescription)", at: node.mark)]
        }
        var issues: [ConfigIssue] = []
        for entry in entries {
            guard let spec = specs.first(where: { $0.name == entry.key }) else {
                let allowed = specs.isEmpty ? "this stage takes no options" : "allowed: " + specs.map(\.name).joined(separator: ", ")
                issues.append(ConfigIssue("unknown option '\(entry.key)' for stage '\(stage)' (\(allowed))", at: entry.keyMark))
                continue
            }
            if let problem = check(entry.value, spec.kind) {
                issues.append(ConfigIssue("option '\(entry.key)' of stage '\(stage)' \(problem)", at: entry.value.mark))
            }
        }
        return issues
    }

    private static func check(_ v: ConfigNode, _ kind: OptionSpec.Kind) -> String? {
        switch kind {
        case .bool:
            return v.boolValue == nil ? "must be true or false, found \(describe(v))" : nil
        case .int(let r):
            guard let i = v.intValue else { return "must be an integer, found \(describe(v))" }
            return r.contains(i) ? nil : "must be between \(r.lowerBound) and \(r.upperBound), found \(i)"
        case .double(let r):
            guard let d = v.doubleValue else { return "must be a number, found \(describe(v))" }
            return r.contains(d) ? nil : "must be between \(r.lowerBound) and \(r.upperBound), found \(d)"
        case .string:
            return v.scalar == nil || v.isNull ? "must be a string, found \(describe(v))" : nil
        case .choice(let words):
            guard let s = v.scalar, words.contains(s) else {
                return "must be one of \(words.joined(separator: ", ")), found \(describe(v))"
            }
            return nil
        case .stringList:
            guard let items = v.sequence else { return "must be a list of strings, found \(describe(v))" }
            if let bad = items.first(where: { $0.scalar == nil || $0.isNull }) { return "must be a list of strings, found \(bad.kindDescription) at \(bad.mark.line):\(bad.mark.column)" }
            return nil
        case .any:
            return nil
        }
    }

    private static func describe(_ v: ConfigNode) -> String {
        if let s = v.scalar, !v.isNull { return "'\(s)'" }
        return v.kindDescription
    }

    private func value(_ name: String) -> ConfigNode? {
        assert(specs.contains(where: { $0.name == name }), "option '\(name)' read but not declared")
        guard let v = node?[name], !v.isNull else { return nil }
        return v
    }

    public func bool(_ name: String, default d: Bool) -> Bool { value(name)?.boolValue ?? d }
    public func int(_ name: String, default d: Int) -> Int { value(name)?.intValue ?? d }
    public func double(_ name: String, default d: Double) -> Double { value(name)?.doubleValue ?? d }
    public func string(_ name: String, default d: String) -> String { value(name)?.scalar ?? d }
    public func stringList(_ name: String, default d: [String]) -> [String] {
        guard let items = value(name)?.sequence else { return d }
        return items.compactMap(\.scalar)
    }
    /// The raw node of an option declared as `.any`, for stages that read structured options.
    public func node(_ name: String) -> ConfigNode? { value(name) }
}
