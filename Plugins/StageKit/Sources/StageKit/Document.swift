/// The document a pipeline works on. Stages read what earlier stages added and add their own part.
///
/// All spans are **UTF-8 byte offsets** into `text`, end exclusive. The server converts them to the
/// unit a client asked for (code points, UTF-16) in one pass when it writes the response, so stages
/// never deal with other units.
public struct Document: Sendable {
    /// The text the spans refer to. `clean` replaces it; later stages only read it.
    public var text: String
    /// Paragraphs, headings, list items… in text order (`segment`).
    public var blocks: [Block]?
    /// Sentences in text order; each one lies inside one block (`segment`).
    public var sentences: [Sentence]?
    /// Named entities and patterns, sorted by start, never overlapping (`entities`).
    public var entities: [Entity]?
    /// Question/answer pairs (`faq`).
    public var faq: [FAQPair]?
    /// Document and per-sentence sentiment (`sentiment`).
    public var sentiment: SentimentResult?
    /// Document metadata such as an HTML `<title>` (`clean`).
    public var meta: [String: String]
    /// What `clean` removed and why.
    public var removed: [Removal]?
    /// Structure hints from `clean` for `segment`: lines of `text` known to be headings, list items,
    /// quotes or code because the markup said so. Not sent to clients.
    public var layout: [Block]?
    /// Output of stages that add keys of their own; written under `result` by name.
    public var extensions: [String: JSONValue]
    /// Question/answer pairs that the markup itself declares (schema.org `FAQPage` JSON-LD or
    /// microdata), found by `clean`; `faq` takes them as ground truth. Not sent to clients.
    public var declaredFAQ: [FAQPair]?
    /// Boolean request options that stages may honour (`source_offsets`, `faq_jsonld`), set from the
    /// request by the daemon.
    public var requestFlags: Set<String>
    /// Where the bytes of `text` came from in the text as the client sent it; set by a stage that rewrites
    /// the text (`clean`) when `requestFlags` holds `source_offsets`. nil: `text` is the text as sent.
    public var sourceMap: SourceMap?

    public init(text: String) {
        self.text = text
        self.meta = [:]
        self.extensions = [:]
        self.requestFlags = []
    }

    /// The text of a span, or "" when the span does not fit the text.
    public func slice(_ start: Int, _ end: Int) -> String {
        let utf8 = text.utf8
        guard start >= 0, start <= end, end <= utf8.count else { return "" }
        let s = utf8.index(utf8.startIndex, offsetBy: start)
        let e = utf8.index(s, offsetBy: end - start)
        return String(decoding: utf8[s..<e], as: UTF8.self)
    }

    /// Runs `body` over the text's UTF-8 bytes without copying them when the string is native.
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        if let r = try text.utf8.withContiguousStorageIfAvailable(body) { return r }
        var copy = text
        return try copy.withUTF8(body)
    }
}

/// A half-open range of UTF-8 byte offsets into `Document.text`.
public struct Span: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public init(start: Int, end: Int) { self.start = start; self.end = end }
    public var isEmpty: Bool { end <= start }
}

/// What kind of block a stretch of text is.
public enum BlockKind: String, Sendable, CaseIterable {
    case heading, paragraph, listItem = "list_item", quote, code, table, question, answer
}

public struct Block: Sendable, Hashable {
    public var start: Int
    public var end: Int
    public var kind: BlockKind
    /// Heading level 1…6 for headings (1 is the highest), list nesting depth for list items, else 0.
    public var level: Int
    public init(start: Int, end: Int, kind: BlockKind, level: Int = 0) {
        self.start = start; self.end = end; self.kind = kind; self.level = level
    }
}

public struct Sentence: Sendable, Hashable {
    public var start: Int
    public var end: Int
    /// Index into `Document.blocks` of the block that holds this sentence.
    public var block: Int
    public init(start: Int, end: Int, block: Int) { self.start = start; self.end = end; self.block = block }
}

public struct Entity: Sendable, Hashable {
    public var start: Int
    public var end: Int
    /// OntoNotes-style label: PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, DATE, TIME, MONEY, PERCENT,
    /// EMAIL, URL, PHONE (user patterns may add their own).
    public var label: String
    public init(start: Int, end: Int, label: String) { self.start = start; self.end = end; self.label = label }
}

public struct FAQPair: Sendable, Hashable {
    public var question: String
    public var answer: String
    /// Where the question and answer text stand in `Document.text`; nil when the pair did not come from
    /// the visible text (for example from JSON-LD).
    public var questionSpan: Span?
    public var answerSpan: Span?
    public init(question: String, answer: String, questionSpan: Span?, answerSpan: Span?) {
        self.question = question; self.answer = answer
        self.questionSpan = questionSpan; self.answerSpan = answerSpan
    }
}

public struct SentimentResult: Sendable, Hashable {
    public struct SentenceScore: Sendable, Hashable {
        public var index: Int
        public var label: String
        public var score: Double
        public init(index: Int, label: String, score: Double) { self.index = index; self.label = label; self.score = score }
    }
    public var label: String
    public var score: Double
    public var sentences: [SentenceScore]
    public init(label: String, score: Double, sentences: [SentenceScore]) {
        self.label = label; self.score = score; self.sentences = sentences
    }
}

/// Something `clean` dropped: the text as it was and the reason (for example `boilerplate:subscribe`).
public struct Removal: Sendable, Hashable {
    public var text: String
    public var reason: String
    public init(text: String, reason: String) { self.text = text; self.reason = reason }
}
