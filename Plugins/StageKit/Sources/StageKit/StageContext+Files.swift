#if canImport(Glibc)
import Glibc
#endif

extension StageContext {
    /// The text of `data/<name>` in the stage's resource folder. Throws a `ConfigIssue` that names the
    /// path (or says that the stage has no resource folder) when the file is missing, unreadable or
    /// not UTF-8, so every stage reports a broken installation the same way.
    public func dataText(_ name: String, stage: String, at mark: SourceMark? = nil) throws -> String {
        guard let path = dataPath(name) else {
            throw ConfigIssue("\(stage): no resource folder next to the plugin, so data/\(name) cannot be found", at: mark)
        }
        return try fileText(path, stage: stage, at: mark)
    }

    /// The text of a file named in an option; a relative path resolves against the configuration
    /// file's folder. Throws a `ConfigIssue` at `mark` naming the path when it cannot be read.
    public func fileText(_ path: String, stage: String, at mark: SourceMark? = nil) throws -> String {
        let full = resolve(path)
        guard let f = fopen(full, "rb") else {
            throw ConfigIssue("\(stage): cannot read \(full): \(String(cString: strerror(errno)))", at: mark)
        }
        defer { fclose(f) }
        let bytes = readAll(f)
        guard ferror(f) == 0 else { throw ConfigIssue("\(stage): cannot read \(full)", at: mark) }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw ConfigIssue("\(stage): \(full) is not valid UTF-8", at: mark)
        }
        return text
    }
}

/// Everything left in an open stream (a data file, a configuration file, or stdin for the client).
public func readAll(_ f: UnsafeMutablePointer<FILE>) -> [UInt8] {
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 65536)
    while true {
        let n = chunk.withUnsafeMutableBytes { fread($0.baseAddress, 1, 65536, f) }
        if n > 0 { out.append(contentsOf: chunk[0..<n]) }
        if n < 65536 { break }
    }
    return out
}
