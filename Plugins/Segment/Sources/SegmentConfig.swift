/// How a single line break (`\n` not followed by a blank line) inside prose is treated.
public enum NewlineMode: String, Sendable, CaseIterable {
    /// Default. A line break ends the block (each line is its own paragraph) unless it is a soft
    /// wrap: the line does not end with sentence punctuation (`. ! ? … :`), the next line starts with
    /// a lower-case letter, and the line ends with a space, ends with `, ; - – — ( / &`, is at
    /// least 30 bytes long or ends with four or more words after its last sentence mark. List items
    /// and headings never take a continuation line.
    case paragraph
    /// Every line break ends the block and therefore the sentence.
    case sentence
    /// A line break is a space (PDF-style hard-wrapped text): only blank lines, lines starting with a
    /// list, quote or Q/A marker, and detected headings start a new block.
    case join
}

/// The settings of a `segment` stage (from its YAML options).
public struct SegmentConfig: Sendable {
    public var newlines: NewlineMode
    /// Detect headings in plain text (when `document.layout` is absent).
    public var headings: Bool
    /// Extra abbreviations: "Abbr", "Abbr." or "Abbr. kind" (kind: title, number, time, plain).
    public var abbreviations: [String]
    /// Longest sentence in bytes; longer ones are cut at a space (0: no limit).
    public var maxSentenceBytes: Int

    public init(newlines: NewlineMode = .paragraph, headings: Bool = true, abbreviations: [String] = [], maxSentenceBytes: Int = 0) {
        self.newlines = newlines
        self.headings = headings
        self.abbreviations = abbreviations
        self.maxSentenceBytes = maxSentenceBytes
    }
}
