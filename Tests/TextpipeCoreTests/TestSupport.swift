import Testing
@testable import TextpipeCore
import StageKit
#if canImport(Glibc)
import Glibc
#endif

/// Strict structural equality for JSON values: numbers compare by their exact JSON text (unlike
/// `JSONValue.==`, which compares numbers numerically) and objects by key order.
func sameJSON(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a, b) {
    case (.null, .null): return true
    case (.bool(let x), .bool(let y)): return x == y
    case (.number(let x), .number(let y)): return x == y
    case (.string(let x), .string(let y)): return x == y
    case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { sameJSON($0, $1) }
    case (.object(let x), .object(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && sameJSON($0.1, $1.1) }
    default: return false
    }
}

/// The text of a response line as a String (for messages).
func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

/// Parses one NDJSON response line: it must end with exactly one `\n` and hold no other newline.
func parseResponseLine(_ bytes: [UInt8], sourceLocation: SourceLocation = #_sourceLocation) throws -> JSONValue {
    #expect(bytes.last == 0x0A, "response must end with a newline: \(text(bytes))", sourceLocation: sourceLocation)
    #expect(bytes.dropLast().contains(0x0A) == false, "response must be one line: \(text(bytes))", sourceLocation: sourceLocation)
    return try JSONReader.parse(Array(bytes.dropLast()))
}

/// Loads YAML text, failing the test with the issues when it does not load.
func loadYAML(_ yaml: String, file: String = "/etc/textpiped/test.yaml") throws -> ConfigNode {
    try YAMLLoader().load(bytes: Array(yaml.utf8), file: file)
}

/// The issues a YAML text is rejected with (empty when it loads).
func yamlIssues(_ yaml: String, file: String = "/etc/textpiped/test.yaml") -> [ConfigIssue] {
    do { _ = try loadYAML(yaml, file: file); return [] } catch let e as ConfigIssues { return e.issues } catch {
        Issue.record("unexpected error type: \(error)"); return []
    }
}

/// A fresh temporary folder (removed by the caller with `removeTree`).
func makeTempDir() -> String {
    var template = Array("/tmp/textpipe-ut-XXXXXX".utf8CString)
    let p = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
    precondition(p != nil, "mkdtemp failed")
    return String(cString: p!)
}

func writeFile(_ path: String, _ contents: String) {
    let f = fopen(path, "wb")!
    _ = contents.utf8CString.withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count - 1, f) }
    fclose(f)
}

func removeTree(_ dir: String) {
    // Only files directly inside `dir` are created by the tests.
    if let d = opendir(dir) {
        while let e = readdir(d) {
            let name = withUnsafePointer(to: e.pointee.d_name) { ptr in
                ptr.withMemoryRebound(to: CChar.self, capacity: 256) { String(cString: $0) }
            }
            if name != "." && name != ".." { unlink(dir + "/" + name) }
        }
        closedir(d)
    }
    rmdir(dir)
}
