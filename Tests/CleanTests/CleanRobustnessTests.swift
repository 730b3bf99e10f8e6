import Foundation
import Testing
import StageKit
@testable import CleanStage

/// Cut and damaged input never crashes, never loses the text it holds, and the mapped run agrees with the
/// normal one.
struct CleanRobustnessTests {
    static let page = (try? String(contentsOfFile: CleanHarness.repoRoot + "/Tests/CleanTests/Fixtures/golden_page.html", encoding: .utf8)) ?? ""
    static let help = (try? String(contentsOfFile: CleanHarness.repoRoot + "/Tests/CleanTests/Fixtures/golden_help.md", encoding: .utf8)) ?? ""

    @Test(arguments: ["html", "markdown"])
    func truncatedDocuments_cleanWithoutCrash_andMapAgrees(format: String) throws {
        let text = format == "html" ? Self.page : Self.help
        let bytes = Array(text.utf8)
        #expect(bytes.count > 500)
        var cut = 1
        while cut < bytes.count {
            let input = String(decoding: bytes[0..<cut], as: UTF8.self)
            let out = CleanHarness.standard.clean(input)
            let (mapped, map) = CleanHarness.standard.cleanMapped(input)
            #expect(mapped.text == out.text)
            #expect(map.ranges.count == out.text.utf8.count)
            cut += 53
        }
    }

    @Test func unclosedArticle_keepsAllItsText() {
        let html = "<html><body><article><h1>Title</h1><p>First paragraph <b>bold <i>both"
        #expect(CleanHarness.standard.clean(html).text == "Title\n\nFirst paragraph bold both")
    }

    @Test func process_fillsTheDocument() throws {
        var doc = Document(text: "<html><head><title>T &amp; U</title><meta name=\"description\" content=\"D\"></head><body><h2>Head</h2><p>Body text.</p><p>Share this article</p></body></html>")
        doc.removed = [Removal(text: "earlier", reason: "x")]
        try CleanHarness.standard.process(&doc)
        #expect(doc.text == "Head\n\nBody text.")
        #expect(doc.meta == ["title": "T & U", "description": "D"])
        #expect(doc.removed == [Removal(text: "earlier", reason: "x"), Removal(text: "Share this article", reason: "boilerplate:share")])
        #expect(doc.layout == [Block(start: 0, end: 4, kind: .heading, level: 2)])
        #expect(doc.sourceMap == nil && doc.declaredFAQ == nil)
    }
}
