import StageKit

/// `segment`: blocks first (paragraphs, headings, list items, quotes, questions, answers), then
/// sentences inside each block, with a rule-based English sentence boundary detector.
public struct SegmentFactory: StageFactory {
    public init() {}
    public let name = "segment"
    public let summary = "splits text into blocks (paragraphs, headings, lists, Q/A) and sentences"
    public let requires: [Field] = [.text]
    public let provides: [Field] = [.blocks, .sentences]
    public let resourceBundle: String? = "textpiped_SegmentPlugin.resources"
    public let options: [OptionSpec] = [
        OptionSpec("newlines", .choice(NewlineMode.allCases.map(\.rawValue)), default: "paragraph",
                   "single line breaks: paragraph (a line is a block unless it is a soft wrap), sentence (every line break ends a sentence), join (a line break is a space)"),
        OptionSpec("headings", .bool, default: "true",
                   "detect title-like lines followed by text as headings in plain text (not used when layout is present)"),
        OptionSpec("abbreviations", .stringList, default: "[]",
                   "extra abbreviations, e.g. \"Univ.\" or \"Gen. title\" (kinds: title, number, time, plain)"),
        OptionSpec("max_sentence_bytes", .int(0...100_000_000), default: "0",
                   "cut longer sentences at a space (0: no limit)"),
    ]

    public func makeStage(options: StageOptions, context: StageContext) throws -> any Stage {
        let mode = NewlineMode(rawValue: options.string("newlines", default: "paragraph")) ?? .paragraph
        let config = SegmentConfig(
            newlines: mode,
            headings: options.bool("headings", default: true),
            abbreviations: options.stringList("abbreviations", default: []),
            maxSentenceBytes: options.int("max_sentence_bytes", default: 0))
        return try Segmenter(config: config, resourceDirectory: context.resourceDirectory,
                             abbreviationsMark: options.node("abbreviations")?.mark)
    }
}
