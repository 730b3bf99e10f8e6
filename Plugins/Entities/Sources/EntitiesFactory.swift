import Foundation
import StageKit

/// `entities`: a fast named-entity tagger without a neural network — gazetteers, patterns,
/// capitalisation, context and document-level consistency. Labels follow OntoNotes/spaCy.
public struct EntitiesFactory: StageFactory {
    public init() {}
    public let name = "entities"
    public let summary = "named entities (PERSON, ORG, GPE, LOC, NORP, DATE, MONEY, URL…) from gazetteers, patterns and context"
    public let requires: [Field] = [.sentences, .blocks]
    public let provides: [Field] = [.entities]
    public let resourceBundle: String? = "textpiped_EntitiesPlugin.resources"
    public let options: [OptionSpec] = [
        OptionSpec("patterns", .any("list of {label, phrase | tokens, ignore_case}"), default: "[]",
                   "user patterns; they win over built-in guesses. tokens: word, a|b, \\d+, \\d{4}, <cap>, <upper>, <lower>, <word>, <num>, <punct>, <any>, suffix ? optional, + repeat"),
        OptionSpec("gazetteers", .stringList, default: "[]", "user gazetteer files (phrase<TAB>LABEL per line), relative to the config file"),
        OptionSpec("labels", .stringList, default: "[]", "keep only these labels (empty: all)"),
        OptionSpec("exclude", .stringList, default: "[]", "phrases never tagged (any case)"),
        OptionSpec("consistency", .bool, default: "true", "reuse what the document taught (Kushner after Jared Kushner, acronyms after their definition)"),
        OptionSpec("guess", .bool, default: "true", "label unknown capitalised names from their form and context; false: gazetteers, titles and patterns only"),
    ]

    public func makeStage(options: StageOptions, context: StageContext) throws -> any Stage {
        let lex = try Lexicon(context: context, mark: options.mark)
        var labels = Label.builtin
        func labelId(_ name: String, _ mark: SourceMark?) throws -> UInt16 {
            guard !name.isEmpty, name.utf8.allSatisfy({ ASCII.isUpper($0) || ASCII.isDigit($0) || $0 == 0x5F }) else {
                throw ConfigIssue("entities: label '\(name)' must be upper-case letters, digits or '_'", at: mark)
            }
            if let i = labels.firstIndex(of: name) { return UInt16(i) }
            labels.append(name)
            return UInt16(labels.count - 1)
        }
        var phrases = PhraseTable(ignoreCase: false)
        var phrasesCI = PhraseTable(ignoreCase: true)
        var tokenPatterns: [UserPattern] = []
        var issues: [ConfigIssue] = []

        if let node = options.node("patterns") {
            if let items = node.sequence {
                for item in items {
                    do {
                        guard item.mapping != nil else { throw ConfigIssue("entities: each pattern must be a mapping with 'label' and 'phrase' or 'tokens', found \(item.kindDescription)", at: item.mark) }
                        for key in item.mapping!.map(\.key) where !["label", "phrase", "tokens", "ignore_case"].contains(key) {
                            throw ConfigIssue("entities: unknown pattern key '\(key)' (allowed: label, phrase, tokens, ignore_case)", at: item.mark)
                        }
                        guard let ln = item["label"], let labelName = ln.scalar, !ln.isNull else {
                            throw ConfigIssue("entities: pattern needs a 'label'", at: item.mark)
                        }
                        let label = try labelId(labelName, ln.mark)
                        var ignoreCase = false
                        if let ic = item["ignore_case"] {
                            guard let v = ic.boolValue else { throw ConfigIssue("entities: 'ignore_case' must be true or false", at: ic.mark) }
                            ignoreCase = v
                        }
                        let phrase = item["phrase"], tokens = item["tokens"]
                        if (phrase == nil) == (tokens == nil) {
                            throw ConfigIssue("entities: pattern needs exactly one of 'phrase' or 'tokens'", at: item.mark)
                        }
                        if let phrase {
                            guard let text = phrase.scalar, !phrase.isNull else { throw ConfigIssue("entities: 'phrase' must be a string", at: phrase.mark) }
                            let hashes = Tokenizer.phraseHashes(text, ignoreCase: ignoreCase)
                            guard !hashes.isEmpty else { throw ConfigIssue("entities: 'phrase' is empty", at: phrase.mark) }
                            let entry = PhraseEntry(label: label, weak: false, needsThe: false, priority: 3)
                            if ignoreCase { phrasesCI.add(hashes, entry) } else { phrases.add(hashes, entry) }
                        }
                        if let tokens {
                            guard let list = tokens.sequence, !list.isEmpty else {
                                throw ConfigIssue("entities: 'tokens' must be a non-empty list of strings", at: tokens.mark)
                            }
                            var elements: [UserPattern.Element] = []
                            for el in list {
                                guard let s = el.scalar, !el.isNull else { throw ConfigIssue("entities: token element must be a string, found \(el.kindDescription)", at: el.mark) }
                                do { elements.append(try UserPattern.parseElement(s, ignoreCase: ignoreCase)) } catch let e as PatternError {
                                    throw ConfigIssue("entities: \(e.message)", at: el.mark)
                                }
                            }
                            if elements.allSatisfy({ $0.optional }) {
                                throw ConfigIssue("entities: a token pattern needs at least one element that is not optional", at: tokens.mark)
                            }
                            tokenPatterns.append(UserPattern(label: label, elements: elements, ignoreCase: ignoreCase))
                        }
                    } catch let issue as ConfigIssue {
                        issues.append(issue)
                    }
                }
            } else if !node.isNull {
                issues.append(ConfigIssue("entities: 'patterns' must be a list, found \(node.kindDescription)", at: node.mark))
            }
        }
        let gazNode = options.node("gazetteers")
        for (idx, path) in options.stringList("gazetteers", default: []).enumerated() {
            let mark = gazNode?.sequence?[idx].mark ?? gazNode?.mark ?? options.mark
            let full = context.resolve(path)
            let text: String
            do { text = try context.fileText(full, stage: "entities", at: mark) } catch let e as ConfigIssue {
                issues.append(e); continue
            }
            var lineNo = 0
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                lineNo += 1
                let l = line.trimmingCharacters(in: .whitespacesAndNewlines)
                if l.isEmpty || l.hasPrefix("#") { continue }
                let f = l.split(separator: "\t").map { $0.trimmingCharacters(in: .whitespaces) }
                guard f.count >= 2, !f[0].isEmpty else {
                    issues.append(ConfigIssue("entities: \(full):\(lineNo): expected phrase<TAB>LABEL", at: mark)); break
                }
                do {
                    let label = try labelId(f[1], mark)
                    phrases.add(Tokenizer.phraseHashes(f[0], ignoreCase: false), PhraseEntry(label: label, weak: false, needsThe: false, priority: 3))
                } catch let issue as ConfigIssue {
                    issues.append(ConfigIssue("\(issue.message) (\(full):\(lineNo))", at: mark)); break
                }
            }
        }
        var keep: Set<UInt16>? = nil
        let labelsNode = options.node("labels")
        let wanted = options.stringList("labels", default: [])
        if !wanted.isEmpty {
            var set = Set<UInt16>()
            for (idx, name) in wanted.enumerated() {
                do { set.insert(try labelId(name, labelsNode?.sequence?[idx].mark ?? labelsNode?.mark)) } catch let issue as ConfigIssue { issues.append(issue) }
            }
            keep = set
        }
        var exclude = HashTable(capacity: 16)
        for phrase in options.stringList("exclude", default: []) {
            var h = TokenHash.seed
            for x in Tokenizer.phraseHashes(phrase, ignoreCase: true) { h = TokenHash.combine(h, x) }
            exclude.set(h, 1)
        }
        if issues.count == 1 { throw issues[0] }
        if issues.count > 1 { throw ConfigIssues(issues) }
        return EntityTagger(lex: lex, labels: labels, phrases: phrases, phrasesCI: phrasesCI, tokenPatterns: tokenPatterns,
                            keep: keep, exclude: exclude, consistency: options.bool("consistency", default: true),
                            guess: options.bool("guess", default: true))
    }
}
