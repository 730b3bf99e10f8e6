import Foundation
import StageKit

/// `sentiment`: lexicon- and rule-based sentiment per sentence and per document (see README).
public struct SentimentFactory: StageFactory {
    public init() {}
    public let name = "sentiment"
    public let summary = "sentence and document sentiment (-1…1, positive/negative/neutral) from a lexicon and rules"
    public let requires: [Field] = [.sentences]
    public let provides: [Field] = [.sentiment]
    public let resourceBundle: String? = "textpiped_SentimentPlugin.resources"
    public let options: [OptionSpec] = [
        OptionSpec("lexicon", .string, default: "", "lexicon file (term TAB valence -4…4) replacing the built-in data/lexicon.tsv; relative to the config file"),
        OptionSpec("words", .any("mapping of word or phrase to valence -4…4"), default: "{}", "words and phrases added to (or overriding) the lexicon; 0 removes a word"),
        OptionSpec("positive_threshold", .double(0...1), default: "0.05", "scores at or above this are labelled positive"),
        OptionSpec("negative_threshold", .double(-1...0), default: "-0.05", "scores at or below this are labelled negative"),
        OptionSpec("alpha", .double(0.1...1000), default: "15", "normalisation constant: score = x / sqrt(x² + alpha) for a valence sum x"),
        OptionSpec("ignore_entities", .bool, default: "true", "words inside entities found by an earlier `entities` stage (names, URLs, dates) carry no sentiment"),
        OptionSpec("targets", .bool, default: "false", "per-entity sentiment (needs an earlier `entities` stage): result.sentiment_targets lists each entity with the sentiment of the sentences that mention it"),
        OptionSpec("target_labels", .stringList, default: "[" + SentimentAnalyzer.defaultTargetLabels.joined(separator: ", ") + "]", "entity labels that get a `targets` entry"),
    ]

    public func makeStage(options: StageOptions, context: StageContext) throws -> any Stage {
        try makeAnalyzer(options: options, context: context)
    }

    /// The same as `makeStage`, typed, for tests and evaluation tools.
    public func makeAnalyzer(options: StageOptions, context: StageContext) throws -> SentimentAnalyzer {
        var issues: [ConfigIssue] = []
        let custom = options.string("lexicon", default: "")
        let lexiconMark = options.node?["lexicon"]?.mark ?? options.mark
        let path = custom.isEmpty ? (context.dataPath("lexicon.tsv") ?? "data/lexicon.tsv") : context.resolve(custom)
        let text = custom.isEmpty
            ? try context.dataText("lexicon.tsv", stage: "sentiment", at: options.mark)
            : try context.fileText(custom, stage: "sentiment", at: lexiconMark)
        var terms: [(String, Double)]
        do { terms = try Lexicon.parse(text, origin: path) } catch let e as ConfigIssue {
            throw ConfigIssue(e.message, at: lexiconMark)
        }
        if let node = options.node("words") {
            if let map = node.mapping {
                for entry in map {
                    if entry.key.trimmingCharacters(in: .whitespaces).isEmpty {
                        issues.append(ConfigIssue("sentiment: option 'words' has an empty word", at: entry.keyMark)); continue
                    }
                    guard let v = entry.value.doubleValue else {
                        issues.append(ConfigIssue("sentiment: valence of '\(entry.key)' must be a number -4…4, found \(entry.value.kindDescription)", at: entry.value.mark)); continue
                    }
                    guard (-4.0...4.0).contains(v) else {
                        issues.append(ConfigIssue("sentiment: valence of '\(entry.key)' must be between -4 and 4, found \(v)", at: entry.value.mark)); continue
                    }
                    terms.append((entry.key, v))
                }
            } else {
                issues.append(ConfigIssue("sentiment: option 'words' must be a mapping of word to valence, found \(node.kindDescription)", at: node.mark))
            }
        }
        let pos = options.double("positive_threshold", default: 0.05)
        let neg = options.double("negative_threshold", default: -0.05)
        if issues.count == 1 { throw issues[0] }
        if issues.count > 1 { throw ConfigIssues(issues) }
        return SentimentAnalyzer(lexicon: Lexicon(terms: terms), positiveThreshold: pos, negativeThreshold: neg,
                                 alpha: options.double("alpha", default: 15),
                                 ignoreEntities: options.bool("ignore_entities", default: true),
                                 targets: options.bool("targets", default: false),
                                 targetLabels: options.stringList("target_labels", default: SentimentAnalyzer.defaultTargetLabels))
    }
}
