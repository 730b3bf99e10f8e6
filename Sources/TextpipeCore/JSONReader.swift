import StageKit

/// A strict JSON (RFC 8259) reader over UTF-8 bytes. Strings are validated as UTF-8; invalid input,
/// trailing data, lone surrogates in escapes and nesting deeper than `maxDepth` are errors.
public struct JSONReader {
    public struct Failure: Error, CustomStringConvertible {
        public var offset: Int
        public var reason: String
        public var description: String { "\(reason) at byte \(offset)" }
    }

    public static let maxDepth = 256

    /// Parses one complete JSON value (surrounding whitespace allowed).
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws(Failure) -> JSONValue {
        var r = Cursor(bytes: bytes)
        r.skipSpace()
        let v = try r.value(depth: 0)
        r.skipSpace()
        if r.pos != bytes.count { throw Failure(offset: r.pos, reason: "unexpected data after the JSON value") }
        return v
    }

    public static func parse(_ bytes: [UInt8]) throws(Failure) -> JSONValue {
        do {
            return try bytes.withUnsafeBufferPointer { buf in try parse(buf) }
        } catch let f as Failure {
            throw f
        } catch {
            throw Failure(offset: 0, reason: "\(error)")
        }
    }

    public static func parse(_ text: String) throws(Failure) -> JSONValue { try parse(Array(text.utf8)) }

    /// The value of top-level key `key` of a JSON object, found without decoding the other values
    /// (strings are skipped, not validated). For answering a request that will not be processed
    /// (`overloaded`, `shutting_down`) with its id, at the cost of a scan. Nil when the line is not
    /// an object or has no such key.
    public static func peek(_ key: String, in bytes: UnsafeBufferPointer<UInt8>) -> JSONValue? {
        var r = Cursor(bytes: bytes)
        r.skipSpace()
        guard r.pos < bytes.count, bytes[r.pos] == UInt8(ascii: "{") else { return nil }
        r.pos += 1
        while true {
            r.skipSpace()
            guard r.pos < bytes.count, bytes[r.pos] == UInt8(ascii: "\"") else { return nil }
            guard let k = try? r.string() else { return nil }
            r.skipSpace()
            guard r.pos < bytes.count, bytes[r.pos] == UInt8(ascii: ":") else { return nil }
            r.pos += 1
            r.skipSpace()
            if k == key { return try? r.value(depth: 0) }
            guard r.skipValue(depth: 0) else { return nil }
            r.skipSpace()
            guard r.pos < bytes.count, bytes[r.pos] == UInt8(ascii: ",") else { return nil }
            r.pos += 1
        }
    }

    struct Cursor {
        let bytes: UnsafeBufferPointer<UInt8>
        var pos = 0

        @inline(__always) mutating func skipSpace() {
            while pos < bytes.count {
                let b = bytes[pos]
                if b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { pos += 1 } else { break }
            }
        }

        func fail(_ reason: String) -> Failure { Failure(offset: pos, reason: reason) }

        /// Moves past one value without building it; false when the input is not well formed.
        mutating func skipValue(depth: Int) -> Bool {
            guard pos < bytes.count, depth < JSONReader.maxDepth else { return false }
            switch bytes[pos] {
            case UInt8(ascii: "\""):
                pos += 1
                while pos < bytes.count {
                    let b = bytes[pos]
                    if b == UInt8(ascii: "\\") { pos += 2; continue }
                    pos += 1
                    if b == UInt8(ascii: "\"") { return true }
                }
                return false
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                let close = bytes[pos] == UInt8(ascii: "{") ? UInt8(ascii: "}") : UInt8(ascii: "]")
                pos += 1
                skipSpace()
                if pos < bytes.count && bytes[pos] == close { pos += 1; return true }
                while true {
                    skipSpace()
                    if close == UInt8(ascii: "}") {
                        guard skipValue(depth: depth + 1) else { return false }
                        skipSpace()
                        guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { return false }
                        pos += 1
                        skipSpace()
                    }
                    guard skipValue(depth: depth + 1) else { return false }
                    skipSpace()
                    guard pos < bytes.count else { return false }
                    if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    if bytes[pos] == close { pos += 1; return true }
                    return false
                }
            default:
                return (try? value(depth: depth)) != nil
            }
        }

        mutating func value(depth: Int) throws(Failure) -> JSONValue {
            guard pos < bytes.count else { throw fail("unexpected end of input") }
            switch bytes[pos] {
            case UInt8(ascii: "{"):
                guard depth < JSONReader.maxDepth else { throw fail("nesting deeper than \(JSONReader.maxDepth)") }
                pos += 1
                var pairs: [(String, JSONValue)] = []
                skipSpace()
                if pos < bytes.count && bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(pairs) }
                while true {
                    skipSpace()
                    guard pos < bytes.count, bytes[pos] == UInt8(ascii: "\"") else { throw fail("expected a string key") }
                    let key = try string()
                    skipSpace()
                    guard pos < bytes.count, bytes[pos] == UInt8(ascii: ":") else { throw fail("expected ':'") }
                    pos += 1
                    skipSpace()
                    let v = try value(depth: depth + 1)
                    pairs.append((key, v))
                    skipSpace()
                    guard pos < bytes.count else { throw fail("unexpected end of input in an object") }
                    if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    if bytes[pos] == UInt8(ascii: "}") { pos += 1; return .object(pairs) }
                    throw fail("expected ',' or '}'")
                }
            case UInt8(ascii: "["):
                guard depth < JSONReader.maxDepth else { throw fail("nesting deeper than \(JSONReader.maxDepth)") }
                pos += 1
                var items: [JSONValue] = []
                skipSpace()
                if pos < bytes.count && bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
                while true {
                    skipSpace()
                    items.append(try value(depth: depth + 1))
                    skipSpace()
                    guard pos < bytes.count else { throw fail("unexpected end of input in an array") }
                    if bytes[pos] == UInt8(ascii: ",") { pos += 1; continue }
                    if bytes[pos] == UInt8(ascii: "]") { pos += 1; return .array(items) }
                    throw fail("expected ',' or ']'")
                }
            case UInt8(ascii: "\""):
                return .string(try string())
            case UInt8(ascii: "t"): try literal("true"); return .bool(true)
            case UInt8(ascii: "f"): try literal("false"); return .bool(false)
            case UInt8(ascii: "n"): try literal("null"); return .null
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .number(try number())
            default:
                throw fail("unexpected character")
            }
        }

        mutating func literal(_ word: StaticString) throws(Failure) {
            let n = word.utf8CodeUnitCount
            guard pos + n <= bytes.count else { throw fail("invalid literal") }
            let w = word.utf8Start
            for i in 0..<n where bytes[pos + i] != w[i] { throw fail("invalid literal") }
            pos += n
        }

        mutating func number() throws(Failure) -> String {
            let start = pos
            if bytes[pos] == UInt8(ascii: "-") { pos += 1 }
            guard pos < bytes.count, ASCII.isDigit(bytes[pos]) else { throw fail("invalid number") }
            if bytes[pos] == UInt8(ascii: "0") { pos += 1 } else { while pos < bytes.count && ASCII.isDigit(bytes[pos]) { pos += 1 } }
            if pos < bytes.count && bytes[pos] == UInt8(ascii: ".") {
                pos += 1
                guard pos < bytes.count, ASCII.isDigit(bytes[pos]) else { throw fail("invalid number") }
                while pos < bytes.count && ASCII.isDigit(bytes[pos]) { pos += 1 }
            }
            if pos < bytes.count && (bytes[pos] | 0x20) == UInt8(ascii: "e") {
                pos += 1
                if pos < bytes.count && (bytes[pos] == UInt8(ascii: "+") || bytes[pos] == UInt8(ascii: "-")) { pos += 1 }
                guard pos < bytes.count, ASCII.isDigit(bytes[pos]) else { throw fail("invalid number") }
                while pos < bytes.count && ASCII.isDigit(bytes[pos]) { pos += 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<pos]), as: UTF8.self)
        }

        /// Reads a string starting at its opening quote.
        mutating func string() throws(Failure) -> String {
            pos += 1
            let start = pos
            let n = bytes.count
            guard let base = bytes.baseAddress else { throw fail("unterminated string") }
            // Fast path: no escapes.
            pos = firstJSONSpecial(base, from: pos, end: n)
            guard pos < n else { throw fail("unterminated string") }
            if base[pos] == UInt8(ascii: "\"") {
                let raw = UnsafeBufferPointer(start: base + start, count: pos - start)
                pos += 1
                guard let s = String(validating: raw, as: UTF8.self) else { throw Failure(offset: start, reason: "invalid UTF-8 in a string") }
                return s
            }
            if base[pos] < 0x20 { throw fail("control character in a string") }
            // With escapes: the unescaped string is never longer than its source, which ends at the first
            // quote not preceded by a backslash (or at the end of the input).
            var end = pos
            while end < n {
                let b = base[end]
                if b == UInt8(ascii: "\"") { break }
                end += b == UInt8(ascii: "\\") ? 2 : 1
            }
            let out = UnsafeMutablePointer<UInt8>.allocate(capacity: min(end, n) - start)
            defer { out.deallocate() }
            var count = pos - start
            out.update(from: base + start, count: count)
            while pos < n {
                let b = base[pos]
                if b == UInt8(ascii: "\"") {
                    pos += 1
                    guard let s = String(validating: UnsafeBufferPointer(start: out, count: count), as: UTF8.self) else {
                        throw Failure(offset: start, reason: "invalid UTF-8 in a string")
                    }
                    return s
                }
                if b < 0x20 { throw fail("control character in a string") }
                if b != UInt8(ascii: "\\") {
                    let next = firstJSONSpecial(base, from: pos + 1, end: n)
                    (out + count).update(from: base + pos, count: next - pos)
                    count += next - pos
                    pos = next
                    continue
                }
                pos += 1
                guard pos < n else { throw fail("unterminated escape") }
                let e = base[pos]
                pos += 1
                switch e {
                case UInt8(ascii: "\""): out[count] = 0x22; count += 1
                case UInt8(ascii: "\\"): out[count] = 0x5C; count += 1
                case UInt8(ascii: "/"): out[count] = 0x2F; count += 1
                case UInt8(ascii: "b"): out[count] = 0x08; count += 1
                case UInt8(ascii: "f"): out[count] = 0x0C; count += 1
                case UInt8(ascii: "n"): out[count] = 0x0A; count += 1
                case UInt8(ascii: "r"): out[count] = 0x0D; count += 1
                case UInt8(ascii: "t"): out[count] = 0x09; count += 1
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if scalar >= 0xD800 && scalar < 0xDC00 {
                        guard pos + 1 < n, base[pos] == UInt8(ascii: "\\"), base[pos + 1] == UInt8(ascii: "u") else { throw fail("lone surrogate in \\u escape") }
                        pos += 2
                        let low = try hex4()
                        guard low >= 0xDC00 && low < 0xE000 else { throw fail("invalid surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if scalar >= 0xDC00 && scalar < 0xE000 {
                        throw fail("lone surrogate in \\u escape")
                    }
                    count += writeUTF8(UInt32(scalar), to: out + count)
                default:
                    throw fail("invalid escape")
                }
            }
            throw fail("unterminated string")
        }

        mutating func hex4() throws(Failure) -> Int {
            guard pos + 4 <= bytes.count else { throw fail("invalid \\u escape") }
            var v = 0
            for _ in 0..<4 {
                let b = bytes[pos]
                let d: Int
                switch b {
                case UInt8(ascii: "0")...UInt8(ascii: "9"): d = Int(b) - 48
                case UInt8(ascii: "a")...UInt8(ascii: "f"): d = Int(b) - 87
                case UInt8(ascii: "A")...UInt8(ascii: "F"): d = Int(b) - 55
                default: throw fail("invalid \\u escape")
                }
                v = v << 4 | d
                pos += 1
            }
            return v
        }
    }
}

/// Writes the UTF-8 form of scalar `c` at `out`; returns the number of bytes written (1 to 4).
@inline(__always)
func writeUTF8(_ c: UInt32, to out: UnsafeMutablePointer<UInt8>) -> Int {
    switch c {
    case 0..<0x80:
        out[0] = UInt8(c); return 1
    case 0x80..<0x800:
        out[0] = UInt8(0xC0 | (c >> 6)); out[1] = UInt8(0x80 | (c & 0x3F)); return 2
    case 0x800..<0x10000:
        out[0] = UInt8(0xE0 | (c >> 12)); out[1] = UInt8(0x80 | ((c >> 6) & 0x3F)); out[2] = UInt8(0x80 | (c & 0x3F)); return 3
    default:
        out[0] = UInt8(0xF0 | (c >> 18)); out[1] = UInt8(0x80 | ((c >> 12) & 0x3F))
        out[2] = UInt8(0x80 | ((c >> 6) & 0x3F)); out[3] = UInt8(0x80 | (c & 0x3F)); return 4
    }
}
