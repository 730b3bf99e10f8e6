import StageKit
@testable import CleanStage

/// Builds `clean` stages for tests from option values written as YAML scalars or lists.
enum CleanHarness {
    static let repoRoot: String = {
        var parts = "\(#filePath)".split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    static let context = StageContext(resourceDirectory: repoRoot + "/Plugins/Clean", configDirectory: "/tmp")
    static let mark = SourceMark(file: "test.yaml", line: 1, column: 1)

    enum Value { case scalar(String), list([String]) }

    static func options(_ values: [String: Value]) -> StageOptions {
        let entries = values.sorted { $0.key < $1.key }.map { key, value -> (key: String, keyMark: SourceMark, value: ConfigNode) in
            switch value {
            case .scalar(let s): return (key, mark, ConfigNode(.scalar(s, plain: true), mark: mark))
            case .list(let l): return (key, mark, ConfigNode(.sequence(l.map { ConfigNode(.scalar($0, plain: false), mark: mark) }), mark: mark))
            }
        }
        return StageOptions(specs: CleanFactory().options, node: ConfigNode(.mapping(entries), mark: mark), mark: mark)
    }

    static func stage(_ values: [String: Value] = [:]) throws -> CleanStage {
        let opts = options(values)
        let issues = StageOptions.validate(opts.node, specs: CleanFactory().options, stage: "clean")
        if !issues.isEmpty { throw ConfigIssues(issues) }
        return try CleanFactory().makeStage(options: opts, context: context) as! CleanStage
    }

    static let standard: CleanStage = try! stage()

    static func clean(_ text: String, _ values: [String: Value] = [:]) throws -> CleanOutput {
        values.isEmpty ? standard.clean(text) : try stage(values).clean(text)
    }

    /// The text of each layout block, with kind and level.
    static func layout(_ out: CleanOutput) -> [String] {
        let utf8 = Array(out.text.utf8)
        return (out.layout ?? []).map { b in
            "\(b.kind.rawValue)\(b.level > 0 ? "\(b.level)" : ""): " + String(decoding: utf8[b.start..<b.end], as: UTF8.self)
        }
    }
}
