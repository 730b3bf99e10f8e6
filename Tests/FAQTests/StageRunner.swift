import StageKit
import FAQStage

/// Builds the `faq` stage from test options (as the loader would, checking them against the specs) and
/// runs it.
enum StageRunner {
    enum Value { case s(String), i(Int), list([String]) }

    static let mark = SourceMark(file: "test.yaml", line: 1, column: 1)

    static func node(_ options: [String: Value]) -> ConfigNode? {
        guard !options.isEmpty else { return nil }
        var entries: [(key: String, keyMark: SourceMark, value: ConfigNode)] = []
        for (k, v) in options.sorted(by: { $0.key < $1.key }) {
            let value: ConfigNode
            switch v {
            case .s(let s): value = ConfigNode(.scalar(s, plain: true), mark: mark)
            case .i(let i): value = ConfigNode(.scalar(String(i), plain: true), mark: mark)
            case .list(let l): value = ConfigNode(.sequence(l.map { ConfigNode(.scalar($0, plain: true), mark: mark) }), mark: mark)
            }
            entries.append((k, mark, value))
        }
        return ConfigNode(.mapping(entries), mark: mark)
    }

    /// The stage for `options`; fails the caller when the loader would reject them.
    static func stage(_ options: [String: Value] = [:]) throws -> any Stage {
        let factory = FAQFactory()
        let n = node(options)
        let issues = StageOptions.validate(n, specs: factory.options, stage: factory.name)
        if let first = issues.first { throw first }
        return try factory.makeStage(options: StageOptions(specs: factory.options, node: n, mark: mark),
                                     context: StageContext(resourceDirectory: nil, configDirectory: "/tmp"))
    }

    static func pairs(_ doc: Document, _ options: [String: Value] = [:]) throws -> [FAQPair] {
        var d = doc
        try stage(options).process(&d)
        return d.faq ?? []
    }

    /// Pairs as (question, answer) tuples-in-arrays for easy `#expect` comparison.
    static func qa(_ doc: Document, _ options: [String: Value] = [:]) throws -> [[String]] {
        try pairs(doc, options).map { [$0.question, $0.answer] }
    }
}
