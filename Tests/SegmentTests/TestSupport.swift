import Foundation
import StageKit
@testable import SegmentStage

/// Shared helpers: paths, a segmenter built from the source tree's data folder, JSONL loading.
enum TestSupport {
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()
    static let pluginDir = repoRoot + "/Plugins/Segment"
    /// The public evaluation sets: `$EVAL_DIR`, else `../shared/eval` beside the repository.
    static let evalDir = ProcessInfo.processInfo.environment["EVAL_DIR"] ?? repoRoot + "/../shared/eval"

    static func segmenter(_ config: SegmentConfig = SegmentConfig()) -> Segmenter {
        try! Segmenter(config: config, resourceDirectory: pluginDir)
    }
    static let standard = segmenter()
    static let joining = segmenter(SegmentConfig(newlines: .join))

    static func process(_ text: String, _ seg: Segmenter = standard, layout: [Block]? = nil) -> Document {
        var doc = Document(text: text)
        doc.layout = layout
        try! seg.process(&doc)
        return doc
    }

    static func sentences(_ text: String, _ seg: Segmenter = standard) -> [String] {
        let doc = process(text, seg)
        return (doc.sentences ?? []).map { doc.slice($0.start, $0.end) }
    }

    struct Case: Sendable, CustomStringConvertible {
        var id: String
        var text: String
        var expected: [String]
        var pdf: Bool
        var description: String { id }
    }

    /// Cases of an SBD JSONL file (`text`, `sentences`, optional `doc_type`/`options.doc_type`).
    static func cases(_ path: String) -> [Case] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else { return [] }
        var seen: [String: Int] = [:]
        return text.split(separator: "\n").compactMap { line in
            guard let obj = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let t = obj["text"] as? String, let s = obj["sentences"] as? [String] else { return nil }
            let opts = obj["options"] as? [String: Any]
            let pdf = (obj["doc_type"] as? String) == "pdf" || (opts?["doc_type"] as? String) == "pdf"
            // A repeated id (the extra set has two 082s) gets "#2", "#3" … so every case is named once.
            var id = obj["id"] as? String ?? "?"
            let n = (seen[id] ?? 0) + 1
            seen[id] = n
            if n > 1 { id += "#\(n)" }
            return Case(id: id, text: t, expected: s, pdf: pdf)
        }
    }

    /// Runs a case the way the evaluation does: segments stripped, empty ones dropped; PDF cases
    /// use `newlines: join`.
    static func run(_ c: Case) -> (ok: Bool, got: [String], want: [String]) {
        let seg = c.pdf ? joining : standard
        let got = seg.segmentSentences(c.text).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let want = c.expected.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        return (got == want, got, want)
    }

    /// Pass count and a printable list of failures.
    static func score(_ cases: [Case]) -> (passed: Int, report: String) {
        var passed = 0
        var report = ""
        for c in cases {
            let r = run(c)
            if r.ok { passed += 1; continue }
            report += "FAIL \(c.id)\n  text: \(c.text.debugDescription.prefix(300))\n"
            report += "  want: \(r.want.map { String($0.prefix(120)) })\n  got:  \(r.got.map { String($0.prefix(120)) })\n"
        }
        return (passed, report)
    }
}
