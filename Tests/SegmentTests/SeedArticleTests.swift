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
    static var blocks: [Block] { doc.blocks ?? [] }
    static var sentences: [String] { (doc.sentences ?? []).map { doc.slice($0.start, $0.end) } }
    static func text(of b: Block) -> String { doc.slice(b.start, b.end) }

    @Test func seedArticle_everyLineIsOneBlock() {
        let lines = Self.text.split(separator: "\n").count
        #expect(Self.blocks.count == lines)
        #expect(Self.blocks.count == 26)
    }

    @Test func seedArticle_headingsAreHeadingBlocks() {
        let headings = Self.blocks.filter { $0.kind == .heading }.map(Self.text(of:))
        #expect(headings == [
            "Behind Closed Doors in Davos: Are Backchannel Talks Signaling a Shift in the Ukraine Conflict?",
            "The Players and the Stakes",
            "Trump’s Shadow and European Concerns",
            "The Role of Backchannel Diplomacy",
            "What Does This Mean for the Future?",
            "FAQ",
        ])
        #expect(Self.blocks.first?.level == 1)
        #expect(Self.blocks.filter { $0.kind == .heading }.dropFirst().allSatisfy { $0.level == 2 })
    }

    @Test func seedArticle_tipLinesStayParagraphs() {
        for prefix in ["Did you know?", "Pro Tip:", "Stay informed!", "Explore our other articles"] {
            let b = Self.blocks.first { Self.text(of: $0).hasPrefix(prefix) }
            #expect(b?.kind == .paragraph, "\(prefix)")
        }
    }

    @Test func seedArticle_questionAndAnswerLines() {
        let q = Self.blocks.filter { $0.kind == .question }.map(Self.text(of:))
        let a = Self.blocks.filter { $0.kind == .answer }.map(Self.text(of:))
        #expect(q.count == 4 && a.count == 4)
        #expect(q.allSatisfy { $0.hasPrefix("Q: ") } && a.allSatisfy { $0.hasPrefix("A: ") })
        #expect(q.first == "Q: What is the role of Jared Kushner in these talks?")
    }

    @Test func seedArticle_sentences() {
        let s = Self.sentences
        #expect(s.count == 47)
        #expect(s.contains("Did you know?"))
        if let k = s.firstIndex(of: "Did you know?") {
            #expect(s[k + 1].hasPrefix("The last major peace negotiation involving Russia and Ukraine, the Minsk agreements"))
        }
        #expect(s.contains("The secret talks between the US and North Korea in the early 1990s, for example, paved the way for the Agreed Framework, a landmark agreement aimed at denuclearizing the Korean Peninsula (though ultimately unsuccessful, it demonstrated the potential of this approach)."))
        #expect(s.contains("Similarly, the Oslo Accords between Israel and the Palestine Liberation Organization were facilitated by secret meetings in Norway."))
        #expect(s.contains("Resources like the Council on Foreign Relations (https://www.cfr.org/) and the International Crisis Group (https://www.crisisgroup.org/) offer in-depth analysis."))
        #expect(s.contains("Stay informed!"))
        #expect(s.contains("The stakes are immense."))
        #expect(s.contains("FAQ"))
    }

    @Test func seedArticle_sentencesLieInTheirBlocks() {
        let doc = Self.doc
        for sentence in doc.sentences ?? [] {
            let b = Self.blocks[sentence.block]
            #expect(b.start <= sentence.start && sentence.end <= b.end)
            let t = doc.slice(sentence.start, sentence.end)
            #expect(t == t.trimmingCharacters(in: .whitespacesAndNewlines) && !t.isEmpty)
        }
        for (x, y) in zip(Self.blocks, Self.blocks.dropFirst()) { #expect(x.end <= y.start) }
        // Every heading is exactly one sentence.
        for (k, b) in Self.blocks.enumerated() where b.kind == .heading {
            #expect(doc.sentences?.filter { $0.block == k }.count == 1)
        }
    }
}
