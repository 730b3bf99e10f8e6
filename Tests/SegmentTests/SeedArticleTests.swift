import Foundation
import Testing
import StageKit
@testable import SegmentStage

/// The product's first fixture: a news article in plain text, one paragraph or heading per line.
@Suite struct SeedArticleTests {
    static let text: String = {
        let path = TestSupport.repoRoot + "/Tests/Fixtures/seed_article.txt"
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()
    static let doc = TestSupport.process(text)

    func blockText(_ blk: Block) -> String { Self.doc.slice(blk.start, blk.end) }
    var sentences: [String] { (Self.doc.sentences ?? []).map { Self.doc.slice($0.start, $0.end) } }

    @Test func seedArticle_dump() {
        for (k, blk) in (Self.doc.blocks ?? []).enumerated() {
            print("[\(k)] \(blk.kind.rawValue)/\(blk.level): \(blockText(blk).prefix(70))")
        }
        for (k, s) in sentences.enumerated() { print("  s\(k): \(s.prefix(90))") }
        #expect(!Self.text.isEmpty)
    }
}
