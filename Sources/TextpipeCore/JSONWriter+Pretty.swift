import StageKit

extension JSONWriter {
    /// Indented JSON for people (`textpipe --pretty`).
    public mutating func pretty(_ v: JSONValue, indent: Int = 0) {
        func newline(_ n: Int) { byte(0x0A); for _ in 0..<n { raw("  ") } }
        switch v {
        case .array(let items) where !items.isEmpty:
            byte(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { byte(UInt8(ascii: ",")) }
                newline(indent + 1); pretty(item, indent: indent + 1)
            }
            newline(indent); byte(UInt8(ascii: "]"))
        case .object(let pairs) where !pairs.isEmpty:
            byte(UInt8(ascii: "{"))
            for (i, (k, item)) in pairs.enumerated() {
                if i > 0 { byte(UInt8(ascii: ",")) }
                newline(indent + 1); string(k); raw(": "); pretty(item, indent: indent + 1)
            }
            newline(indent); byte(UInt8(ascii: "}"))
        default:
            value(v)
        }
    }
}
