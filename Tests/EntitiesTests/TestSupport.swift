import Foundation
import StageKit
@testable import EntitiesStage

/// Builds stages and documents for the tests. Blocks and sentences come from a simple line-based
/// splitter (the real `segment` stage is written elsewhere): each line is a block; the first line and
/// lines without final punctuation are headings; sentences split at ". ", "? ", "! " before a capital.
enum TestSupport {
    static let repoRoot: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    static func context(config: String = "/tmp") -> StageContext {
        StageContext(resourceDirectory: repoRoot + "/Plugins/Entities", configDirectory: config)
    }

    static func stage(_ node: ConfigNode? = nil, config: String = "/tmp") throws -> any Stage {
        let f = EntitiesFactory()
        return try f.makeStage(options: StageOptions(specs: f.options, node: node), context: context(config: config))
    }

    static let shared: any Stage = try! stage()

    static func document(_ text: String, headingsByShape: Bool = true) -> Document {
        var doc = Document(text: text)
        var blocks: [Block] = []
        var sentences: [Sentence] = []
        let bytes = Array(text.utf8)
        var lineStart = 0
        var lineNo = 0
        while lineStart < bytes.count {
            var e = lineStart
            while e < bytes.count && bytes[e] != 10 { e += 1 }
            var s = lineStart, t = e
            while s < t && bytes[s] == 32 { s += 1 }
            while t > s && (bytes[t - 1] == 32 || bytes[t - 1] == 13) { t -= 1 }
            if t > s {
                let last = bytes[t - 1]
                let heading = headingsByShape && (lineNo == 0 || !(last == 46 || last == 63 || last == 33 || last == 58 || last == 41 || last == 34 || bytes[s..<t].count > 120))
                let bi = blocks.count
                blocks.append(Block(start: s, end: t, kind: heading ? .heading : .paragraph, level: heading ? 2 : 0))
                if heading {
                    sentences.append(Sentence(start: s, end: t, block: bi))
                } else {
                    var ss = s
                    var k = s
                    while k + 2 < t {
                        let c = bytes[k]
                        if (c == 46 || c == 63 || c == 33) && bytes[k + 1] == 32 && bytes[k + 2] >= 65 && bytes[k + 2] <= 90 {
                            sentences.append(Sentence(start: ss, end: k + 1, block: bi))
                            ss = k + 2
                        }
                        k += 1
                    }
                    sentences.append(Sentence(start: ss, end: t, block: bi))
                }
                lineNo += 1
            }
            lineStart = e + 1
        }
        doc.blocks = blocks
        doc.sentences = sentences
        return doc
    }

    /// (text, label) of each entity found in `text`.
    static func entities(_ text: String, stage: (any Stage)? = nil, headingsByShape: Bool = false) throws -> [(String, String)] {
        var doc = document(text, headingsByShape: headingsByShape)
        try (stage ?? shared).process(&doc)
        return (doc.entities ?? []).map { (doc.slice($0.start, $0.end), $0.label) }
    }

    static func yaml(_ pairs: [(String, ConfigNode)]) -> ConfigNode {
        let m = SourceMark(file: "test.yaml", line: 1, column: 1)
        return ConfigNode(.mapping(pairs.map { (key: $0.0, keyMark: m, value: $0.1) }), mark: m)
    }
    static func scalar(_ s: String, line: Int = 1) -> ConfigNode {
        ConfigNode(.scalar(s, plain: false), mark: SourceMark(file: "test.yaml", line: line, column: 3))
    }
    static func list(_ items: [ConfigNode], line: Int = 1) -> ConfigNode {
        ConfigNode(.sequence(items), mark: SourceMark(file: "test.yaml", line: line, column: 3))
    }
}
