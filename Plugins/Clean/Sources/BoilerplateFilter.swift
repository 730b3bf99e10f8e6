import Foundation
import StageKit

/// Finds whole lines that are boilerplate ("Share this article", "Subscribe to our newsletter…").
struct BoilerplateFilter: Sendable {
    let patterns: [BoilerplatePattern]
    /// Lines longer than this (bytes) are never boilerplate.
    let maxLength: Int

    /// Reads `[tag] pattern` lines; `#` comments and blank lines are skipped.
    static func parse(_ text: String, defaultTag: String, origin: String) throws -> [BoilerplatePattern] {
        var out: [BoilerplatePattern] = []
        for (n, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingSpaces
            if line.isEmpty || line.hasPrefix("#") { continue }
            guard let p = BoilerplatePattern(line, defaultTag: defaultTag) else {
                throw ConfigFileError(path: origin, message: "line \(n + 1): bad boilerplate pattern '\(line)' (write `[tag] text with * wildcards`)")
            }
            out.append(p)
        }
        return out
    }

    static func load(path: String) throws -> [BoilerplatePattern] {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigFileError(path: path, message: "cannot read the boilerplate patterns")
        }
        return try parse(String(decoding: data, as: UTF8.self), defaultTag: "other", origin: path)
    }

    /// The tag of the first pattern the whole line matches, or nil.
    func match(_ line: UnsafeBufferPointer<UInt8>) -> String? {
        guard line.count <= maxLength, !line.isEmpty, !patterns.isEmpty else { return nil }
        let key = BoilerplatePattern.key(Array(line))
        guard !key.isEmpty else { return nil }
        for p in patterns where p.matches(key) { return p.tag }
        return nil
    }
}
