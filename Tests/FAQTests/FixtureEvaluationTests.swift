import Foundation
import StageKit
import Testing

/// Precision and recall over the small hand-made fixtures in `Fixtures/` (expected pairs in
/// `Fixtures/expected.json`). Markdown files are read as clean would leave them (markers removed, layout
/// known) both line by line and as blank-line-separated paragraph blocks; plain-text files line by line,
/// with and without segment's `.question`/`.answer` kinds.
struct FixtureEvaluationTests {
    struct Expected: Decodable {
        struct Pair: Decodable { var question: String; var answer: String }
        var file: String
        var pairs: [Pair]
        var headings: [String: Int]?
        var options: [String: [String]]?
    }

    struct Score {
        var expected = 0, predicted = 0, questionHits = 0, answerHits = 0
        var misses: [String] = []
        var questionPrecision: Double { predicted == 0 ? 1 : Double(questionHits) / Double(predicted) }
        var questionRecall: Double { expected == 0 ? 1 : Double(questionHits) / Double(expected) }
        var answerPrecision: Double { predicted == 0 ? 1 : Double(answerHits) / Double(predicted) }
        var answerRecall: Double { expected == 0 ? 1 : Double(answerHits) / Double(expected) }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func load() throws -> [Expected] {
        let data = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        return try JSONDecoder().decode([Expected].self, from: data)
    }

    /// Whitespace runs become one space; ends trimmed.
    static func normalise(_ s: String) -> String {
        s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ")
    }

    static func variants(_ file: String) -> [(name: String, paragraphs: Bool, labelKinds: Bool)] {
        file.hasSuffix(".md")
            ? [("lines", false, true), ("paragraphs", true, true), ("lines, no label kinds", false, false)]
            : [("lines", false, true), ("lines, no label kinds", false, false)]
    }

    static func evaluate() throws -> Score {
        var score = Score()
        for e in try load() {
            let text = try String(contentsOf: folder.appendingPathComponent(e.file), encoding: .utf8)
            var options: [String: StageRunner.Value] = [:]
            for (k, v) in e.options ?? [:] { options[k] = .list(v) }
            for v in variants(e.file) {
                let doc = TestDocument.make(text, headings: e.headings ?? [:], paragraphs: v.paragraphs, labelKinds: v.labelKinds)
                let got = try StageRunner.pairs(doc, options)
                score.expected += e.pairs.count
                score.predicted += got.count
                for p in got {
                    guard let want = e.pairs.first(where: { $0.question == p.question }) else {
                        score.misses.append("\(e.file) [\(v.name)]: extra question \(p.question.debugDescription)")
                        continue
                    }
                    score.questionHits += 1
                    if normalise(want.answer) == normalise(p.answer) {
                        score.answerHits += 1
                    } else {
                        score.misses.append("\(e.file) [\(v.name)]: answer of \(p.question.debugDescription) is \(p.answer.debugDescription)")
                    }
                }
                for w in e.pairs where !got.contains(where: { $0.question == w.question }) {
                    score.misses.append("\(e.file) [\(v.name)]: missed \(w.question.debugDescription)")
                }
            }
        }
        return score
    }

    @Test func fixtures_areAllListed() throws {
        let listed = Set(try Self.load().map(\.file))
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path)
            .filter { $0.hasSuffix(".txt") || $0.hasSuffix(".md") }
        #expect(Set(files) == listed)
        #expect(listed.count >= 10)
    }

    @Test func fixtures_precisionAndRecall() throws {
        let s = try Self.evaluate()
        print(String(format: "faq fixtures: %d expected, %d predicted; question P %.3f R %.3f; answer P %.3f R %.3f",
                     s.expected, s.predicted, s.questionPrecision, s.questionRecall, s.answerPrecision, s.answerRecall))
        for m in s.misses { print("  " + m) }
        #expect(s.expected >= 70)
        #expect(s.questionPrecision >= 1.0)
        #expect(s.questionRecall >= 1.0)
        #expect(s.answerPrecision >= 1.0)
        #expect(s.answerRecall >= 1.0)
    }
}
