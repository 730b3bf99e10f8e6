import Foundation
import StageKit

/// The word lists the sentence splitter consults, loaded once when the stage is built.
struct Lexicon: Sendable {
    var abbreviations: WordTable
    var starters: WordTable
    /// Days, months and time zones: a capitalised word that may follow "5 p.m." in the same sentence.
    var calendar: WordTable
    /// Common top-level domains: "Example.Com" is not "end.Next".
    var domains: WordTable

    /// Parses one abbreviation entry: "Inc", "Inc.", "Gen. title", "a.m.\ttime". Returns kind nil
    /// when a second word is given that is not a known kind.
    static func parseAbbreviation(_ line: String) -> (word: String, kind: AbbreviationKind?)? {
        let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard var word = fields.first, fields.count <= 2 else { return fields.isEmpty ? nil : (line, nil) }
        var kind: AbbreviationKind? = .plain
        if fields.count == 2 { kind = AbbreviationKind(name: fields[1]) }
        while word.hasSuffix(".") { word.removeLast() }
        guard !word.isEmpty else { return nil }
        return (word, kind)
    }

    /// Loads the lists from the data folder and adds `extra` abbreviations from the options.
    static func load(dataDirectory: String?, extra: [String], extraMark: SourceMark?) throws -> Lexicon {
        let context = StageContext(resourceDirectory: dataDirectory, configDirectory: "/")
        func read(_ name: String) throws -> [String] {
            let text = try context.dataText(name, stage: "segment")
            return text.split(separator: "\n", omittingEmptySubsequences: true).compactMap { raw in
                let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
                return line.isEmpty || line.hasPrefix("#") ? nil : line
            }
        }
        let abbrLines = try read("abbreviations.txt")
        let starterLines = try read("sentence_starters.txt")

        var abbreviations = WordTable(capacityFor: abbrLines.count + extra.count)
        for line in abbrLines {
            guard let (word, kind) = parseAbbreviation(line) else { continue }
            guard let kind else { throw ConfigIssue("segment: bad abbreviation kind in data file line '\(line)'", at: nil) }
            abbreviations.insert(word, value: kind.rawValue)
        }
        var issues: [ConfigIssue] = []
        for entry in extra {
            guard let (word, kind) = parseAbbreviation(entry) else {
                issues.append(ConfigIssue("option 'abbreviations' of stage 'segment': empty entry", at: extraMark))
                continue
            }
            guard let kind else {
                issues.append(ConfigIssue("option 'abbreviations' of stage 'segment': '\(entry)' has an unknown kind (use title, number, time or plain)", at: extraMark))
                continue
            }
            if word.utf8.count > WordTable.maxKeyLength {
                issues.append(ConfigIssue("option 'abbreviations' of stage 'segment': '\(entry)' is longer than \(WordTable.maxKeyLength) bytes", at: extraMark))
                continue
            }
            abbreviations.insert(word, value: kind.rawValue)
        }
        if issues.count == 1 { throw issues[0] }
        if issues.count > 1 { throw ConfigIssues(issues) }

        var starters = WordTable(capacityFor: starterLines.count)
        for w in starterLines { starters.insert(w, value: 1) }

        let calendarWords = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                             "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
                             "january", "february", "march", "april", "may", "june", "july", "august",
                             "september", "october", "november", "december", "jan", "feb", "mar", "apr",
                             "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
                             "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "gmt", "utc", "bst",
                             "cet", "cest", "eet", "ist", "jst", "aest", "et", "ct", "mt", "pt", "local",
                             "eastern", "central", "pacific", "mountain"]
        var calendar = WordTable(capacityFor: calendarWords.count)
        for w in calendarWords { calendar.insert(w, value: 1) }

        let tlds = ["com", "org", "net", "edu", "gov", "mil", "int", "io", "co", "uk", "us", "de", "fr", "it",
                    "es", "nl", "ru", "cn", "jp", "in", "au", "ca", "ch", "eu", "info", "biz", "app", "dev",
                    "ai", "me", "tv", "ly", "html", "htm", "php", "asp", "aspx", "pdf", "txt", "json", "js",
                    "css", "xml", "md", "py", "swift", "zip", "jpg", "jpeg", "png", "gif", "doc", "docx",
                    "xls", "xlsx", "csv", "mp3", "mp4", "exe", "net"]
        var domains = WordTable(capacityFor: tlds.count)
        for w in tlds { domains.insert(w, value: 1) }

        return Lexicon(abbreviations: abbreviations, starters: starters, calendar: calendar, domains: domains)
    }
}
