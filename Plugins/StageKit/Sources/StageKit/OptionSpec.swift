/// The declaration of one stage option: its name, type, default and a line of help. The loader checks
/// a stage's YAML options against these before the stage sees them, so unknown keys and wrong types are
/// reported with file:line:column and the stage only reads values that are known to fit.
public struct OptionSpec: Sendable {
    public enum Kind: Sendable {
        case bool
        case int(ClosedRange<Int>)
        case double(ClosedRange<Double>)
        case string
        /// One of a fixed set of words.
        case choice([String])
        case stringList
        /// Anything; the stage validates it itself and throws `ConfigIssue`s.
        case any(String)

        public var description: String {
            switch self {
            case .bool: return "boolean"
            case .int(let r): return "integer \(r.lowerBound)…\(r.upperBound)"
            case .double(let r): return "number \(r.lowerBound)…\(r.upperBound)"
            case .string: return "string"
            case .choice(let c): return c.joined(separator: "|")
            case .stringList: return "list of strings"
            case .any(let d): return d
            }
        }
    }
    public var name: String
    public var kind: Kind
    /// The default as written in YAML, for `textpiped stages` and the docs.
    public var defaultText: String
    public var help: String
    public init(_ name: String, _ kind: Kind, default defaultText: String, _ help: String) {
        self.name = name; self.kind = kind; self.defaultText = defaultText; self.help = help
    }
}
