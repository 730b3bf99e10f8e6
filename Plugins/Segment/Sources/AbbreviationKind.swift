/// How an abbreviation behaves before the next word (see `data/abbreviations.txt`).
enum AbbreviationKind: UInt8, Sendable {
    /// Before a name or number; never ends a sentence inside a block ("Dr.", "Gen.").
    case title = 1
    /// An abbreviation only before a number ("No. 5", "Jan. 20"); otherwise an ordinary word.
    case number = 2
    /// "a.m."/"p.m.": ends a sentence before a capitalised word unless the sentence is only a time phrase.
    case time = 3
    /// May end a sentence; does so only before a typical sentence opener.
    case plain = 4

    init?(name: String) {
        switch name {
        case "title": self = .title
        case "number": self = .number
        case "time": self = .time
        case "plain", "": self = .plain
        default: return nil
        }
    }
}
