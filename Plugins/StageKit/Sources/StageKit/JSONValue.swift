/// A JSON value. Used for request ids, stage-specific output and anything else that is free-form.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    /// A number kept as its JSON text so that ids such as `12345678901234567890` round-trip exactly.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// Keys in the order they were read or added.
    case object([(String, JSONValue)])

    public static func int(_ v: Int) -> JSONValue { .number(String(v)) }
    public static func double(_ v: Double) -> JSONValue {
        if v.isNaN || v.isInfinite { return .null }
        return .number(String(v))
    }

    public subscript(key: String) -> JSONValue? {
        if case .object(let pairs) = self { return pairs.first(where: { $0.0 == key })?.1 }
        return nil
    }
    public var stringValue: String? { if case .string(let s) = self { return s }; return nil }
    public var boolValue: Bool? { if case .bool(let b) = self { return b }; return nil }
    public var intValue: Int? { if case .number(let n) = self { return Int(n) ?? Double(n).flatMap { $0 == $0.rounded() ? Int(exactly: $0) : nil } }; return nil }
    public var doubleValue: Double? { if case .number(let n) = self { return Double(n) }; return nil }

    public static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case (.bool(let x), .bool(let y)): return x == y
        case (.number(let x), .number(let y)): return x == y || (Double(x) != nil && Double(x) == Double(y))
        case (.string(let x), .string(let y)): return x == y
        case (.array(let x), .array(let y)): return x == y
        case (.object(let x), .object(let y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
    public func hash(into h: inout Hasher) {
        switch self {
        case .null: h.combine(0)
        case .bool(let b): h.combine(b)
        case .number(let n): h.combine(Double(n) ?? 0)
        case .string(let s): h.combine(s)
        case .array(let a): h.combine(a)
        case .object(let o): for (k, v) in o { h.combine(k); h.combine(v) }
        }
    }
}
