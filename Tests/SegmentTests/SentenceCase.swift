import Testing

/// One input and the sentences it must give.
struct SentenceCase: Sendable, CustomTestStringConvertible {
    var text: String
    var sentences: [String]
    init(_ text: String, _ sentences: [String]) { self.text = text; self.sentences = sentences }
    var testDescription: String { String(text.prefix(50)) }
}
