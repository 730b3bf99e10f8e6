import Foundation
import StageKit
@testable import SentimentStage

/// Builds the stage from the repository's data folder, as the daemon would.
enum TestSupport {
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let pluginDir = repoRoot + "/Plugins/Sentiment"
    static let fixtures = repoRoot + "/Tests/SentimentTests/Fixtures"

    static func context(configDirectory: String = "/tmp") -> StageContext {
        StageContext(resourceDirectory: pluginDir, configDirectory: configDirectory)
    }

    /// The stage with default options (or, for development, the lexicon named by SENTIMENT_LEXICON).
    static let analyzer: SentimentAnalyzer = {
        if let lex = ProcessInfo.processInfo.environment["SENTIMENT_LEXICON"] {
            return try! make(mapping([("lexicon", scalar(lex))]))
        }
        return try! make(nil)
    }()

    static func make(_ options: ConfigNode?) throws -> SentimentAnalyzer {
        let f = SentimentFactory()
        return try f.makeAnalyzer(options: StageOptions(specs: f.options, node: options), context: context())
    }

    /// Score of one text taken as a single sentence.
    static func score(_ text: String, _ a: SentimentAnalyzer = analyzer) -> Double {
        let n = text.utf8.count
        return a.analyze(text: text, sentences: [Sentence(start: 0, end: n, block: 0)]).score
    }

    static let mark = SourceMark(file: "test.yaml", line: 1, column: 1)
    static func scalar(_ s: String, line: Int = 1) -> ConfigNode {
        ConfigNode(.scalar(s, plain: true), mark: SourceMark(file: "test.yaml", line: line, column: 5))
    }
    static func mapping(_ pairs: [(String, ConfigNode)]) -> ConfigNode {
        ConfigNode(.mapping(pairs.map { (key: $0.0, keyMark: SourceMark(file: "test.yaml", line: $0.1.mark.line, column: 1), value: $0.1) }), mark: mark)
    }
}
