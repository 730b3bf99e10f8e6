import StageKit

/// Question/answer pairs that a page declares for machines: schema.org `FAQPage` in JSON-LD
/// (`<script type="application/ld+json">`) or in microdata. The texts are raw (answers may hold HTML);
/// the stage turns them into clean text.
enum DeclaredFAQ {
    /// Pairs found in one JSON-LD script body: every `FAQPage` anywhere in it (top level, inside
    /// `@graph`, in arrays), each `mainEntity` of type `Question` with `name` and `acceptedAnswer.text`
    /// (the first accepted answer, or else the first `suggestedAnswer`).
    static func fromJSONLD(_ p: UnsafeBufferPointer<UInt8>) -> [(question: String, answer: String)] {
        var reader = TolerantJSON(p: p)
        guard let value = reader.parseDocument() else { return [] }
        var out: [(String, String)] = []
        collect(value, into: &out)
        return out
    }

    static func hasType(_ v: JSONValue, _ name: String) -> Bool {
        func matches(_ t: JSONValue) -> Bool {
            guard let s = t.stringValue else { return false }
            return s == name || s.hasSuffix("/" + name) || s.hasSuffix(":" + name)
        }
        guard let t = v["@type"] else { return false }
        if case .array(let items) = t { return items.contains(where: matches) }
        return matches(t)
    }

    private static func collect(_ v: JSONValue, into out: inout [(String, String)]) {
        switch v {
        case .array(let items):
            for item in items { collect(item, into: &out) }
        case .object(let pairs):
            if hasType(v, "FAQPage"), let main = v["mainEntity"] {
                let questions: [JSONValue]
                if case .array(let items) = main { questions = items } else { questions = [main] }
                for q in questions where hasType(q, "Question") {
                    guard let name = text(q["name"]) ?? text(q["text"]) else { continue }
                    let answer = firstAnswer(q["acceptedAnswer"]) ?? firstAnswer(q["suggestedAnswer"])
                    if let answer, !answer.isEmpty, !name.isEmpty { out.append((name, answer)) }
                }
                return
            }
            for (_, value) in pairs { collect(value, into: &out) }
        default:
            break
        }
    }

    private static func firstAnswer(_ v: JSONValue?) -> String? {
        guard let v else { return nil }
        if case .array(let items) = v { return items.lazy.compactMap { firstAnswer($0) }.first }
        return text(v["text"]) ?? text(v)
    }

    private static func text(_ v: JSONValue?) -> String? {
        guard let v else { return nil }
        if let s = v.stringValue { return s }
        if case .array(let items) = v { return items.lazy.compactMap { $0.stringValue }.first }
        return nil
    }
}

/// A small JSON reader for JSON-LD in pages: standard JSON, plus what pages get wrong often enough
/// (raw control characters inside strings, a trailing comma, HTML comment wrappers around the object).
/// Returns nil rather than guessing when the text is not JSON.
struct TolerantJSON {
    let p: UnsafeBufferPointer<UInt8>
    var i = 0
    var depth = 0

    init(p: UnsafeBufferPointer<UInt8>) { self.p = p }

    mutating func parseDocument() -> JSONValue? {
        skip()
        // `<!-- … -->` around the JSON
        if i + 4 <= p.count, p[i] == UInt8(ascii: "<"), p[i + 1] == UInt8(ascii: "!"), p[i + 2] == UInt8(ascii: "-"), p[i + 3] == UInt8(ascii: "-") { i += 4; skip() }
        return value()
    }

    private mutating func skip() {
        while i < p.count, p[i] == 32 || p[i] == 10 || p[i] == 13 || p[i] == 9 { i += 1 }
    }

    private mutating func value() -> JSONValue? {
        skip()
        guard i < p.count, depth < 64 else { return nil }
        switch p[i] {
        case UInt8(ascii: "{"):
            depth += 1; defer { depth -= 1 }
            i += 1
            var pairs: [(String, JSONValue)] = []
            while true {
                skip()
                guard i < p.count else { return nil }
                if p[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
                guard p[i] == UInt8(ascii: "\""), let k = string() else { return nil }
                skip()
                guard i < p.count, p[i] == UInt8(ascii: ":") else { return nil }
                i += 1
                guard let v = value() else { return nil }
                pairs.append((k, v))
                skip()
                guard i < p.count else { return nil }
                if p[i] == UInt8(ascii: ",") { i += 1; continue }
                if p[i] == UInt8(ascii: "}") { i += 1; return .object(pairs) }
                return nil
            }
        case UInt8(ascii: "["):
            depth += 1; defer { depth -= 1 }
            i += 1
            var items: [JSONValue] = []
            while true {
                skip()
                guard i < p.count else { return nil }
                if p[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                guard let v = value() else { return nil }
                items.append(v)
                skip()
                guard i < p.count else { return nil }
                if p[i] == UInt8(ascii: ",") { i += 1; continue }
                if p[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
                return nil
            }
        case UInt8(ascii: "\""):
            return string().map { .string($0) }
        default:
            let s = i
            while i < p.count, ASCII.isAlnum(p[i]) || p[i] == UInt8(ascii: "-") || p[i] == UInt8(ascii: "+") || p[i] == UInt8(ascii: ".") { i += 1 }
            let word = String(decoding: UnsafeBufferPointer(rebasing: p[s..<i]), as: UTF8.self)
            switch word {
            case "true": return .bool(true)
            case "false": return .bool(false)
            case "null": return .null
            default: return Double(word) != nil ? .number(word) : nil
            }
        }
    }

    /// A string at `"`; `i` ends after the closing quote.
    private mutating func string() -> String? {
        i += 1
        var out: [UInt8] = []
        while i < p.count {
            let b = p[i]
            if b == UInt8(ascii: "\"") { i += 1; return String(decoding: out, as: UTF8.self) }
            if b == UInt8(ascii: "\\") {
                guard i + 1 < p.count else { return nil }
                let e = p[i + 1]
                i += 2
                switch e {
                case UInt8(ascii: "n"): out.append(10)
                case UInt8(ascii: "t"): out.append(9)
                case UInt8(ascii: "r"): out.append(13)
                case UInt8(ascii: "b"), UInt8(ascii: "f"): out.append(32)
                case UInt8(ascii: "u"):
                    guard var v = hex4() else { return nil }
                    if v >= 0xD800 && v < 0xDC00, i + 1 < p.count, p[i] == UInt8(ascii: "\\"), p[i + 1] == UInt8(ascii: "u") {
                        i += 2
                        guard let lo = hex4(), lo >= 0xDC00 && lo < 0xE000 else { return nil }
                        v = 0x10000 + ((v - 0xD800) << 10) + (lo - 0xDC00)
                    }
                    UTF8Util.encode(v, into: &out)
                default: out.append(e)   // \" \\ \/ and anything else as itself
                }
                continue
            }
            out.append(b < 0x20 ? 32 : b)
            i += 1
        }
        return nil
    }

    private mutating func hex4() -> UInt32? {
        guard i + 4 <= p.count else { return nil }
        var v: UInt32 = 0
        for k in 0..<4 {
            let c = p[i + k] | 0x20
            if ASCII.isDigit(p[i + k]) { v = v * 16 + UInt32(p[i + k] - 48) }
            else if c >= 97 && c <= 102 { v = v * 16 + UInt32(c - 87) }
            else { return nil }
        }
        i += 4
        return v
    }
}
