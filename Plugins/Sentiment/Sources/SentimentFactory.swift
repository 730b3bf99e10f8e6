import StageKit

/// Placeholder, replaced by the real stage.
public struct SentimentFactory: StageFactory {
    public init() {}
    public let name = "sentiment"
    public let summary = "TODO"
    public let requires: [Field] = [.text]
    public let provides: [Field] = []
    public let options: [OptionSpec] = []
    public func makeStage(options: StageOptions, context: StageContext) throws -> any Stage { Nop() }
}
struct Nop: Stage { func process(_ document: inout Document) throws {} }
