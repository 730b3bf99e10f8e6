/// A configured pipeline stage. It is built once at start-up (or reload) and then called from many
/// worker threads at once, so it must not keep per-request state.
public protocol Stage: Sendable {
    /// Reads what earlier stages added to `document` and adds its own part.
    /// Throwing fails this request with `stage_failed`; other requests carry on.
    func process(_ document: inout Document) throws
}

/// A part of a document that a stage can require or provide.
public enum Field: String, Sendable, CaseIterable, Comparable {
    case text, blocks, sentences, entities, faq, sentiment, meta, removed, layout
    public static func < (a: Field, b: Field) -> Bool { a.rawValue < b.rawValue }
}
