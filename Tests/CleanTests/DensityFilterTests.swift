import Testing
@testable import CleanStage

/// HTML main-text selection by text density (`html_density`).
struct DensityFilterTests {
    static let para = "This is a long sentence of the article that goes on for a while, with commas and words. It has a second sentence too."

    static func page(before: String, article: String, after: String) -> String {
        "<html><body><div class=\"top\">\(before)</div><div class=\"story\">\(article)</div><div class=\"more\">\(after)</div></body></html>"
    }

    @Test func density_dropsShortLinesOutsideTheArticle_keepsItsOwnLists() throws {
        let article = "<p>\(Self.para)</p><p>\(Self.para)</p><p>\(Self.para)</p><p>\(Self.para)</p><p>Items:</p><ol><li>First item</li><li>Second item</li></ol>"
        let html = Self.page(before: "<div>Opinion</div><div>By A. Writer</div><div>3 min read</div>",
                             article: article,
                             after: "<h3>Most popular</h3><div>Teaser one</div><div>Teaser two</div>")
        let out = CleanHarness.standard.clean(html)
        #expect(!out.text.contains("Opinion") && !out.text.contains("By A. Writer") && !out.text.contains("Teaser"))
        #expect(out.text.hasPrefix(Self.para))
        #expect(out.text.hasSuffix("Items:\n\nFirst item\nSecond item"))
        let off = try CleanHarness.clean(html, ["html_density": .scalar("false")])
        #expect(off.text.hasPrefix("Opinion") && off.text.contains("Teaser two"))
    }

    @Test func density_littleDenseText_keepsEverything() {
        let html = Self.page(before: "<div>Menu text</div>", article: "<p>\(Self.para)</p>", after: "<div>Footer text</div>")
        #expect(CleanHarness.standard.clean(html).text == "Menu text\n\n\(Self.para)\n\nFooter text")
    }

    @Test func density_questionsAndAnswersOutsideTheArticle_stay() {
        let article = "<p>\(Self.para)</p><p>\(Self.para)</p><p>\(Self.para)</p><p>\(Self.para)</p>"
        let html = Self.page(before: "<div>Short intro</div>", article: article, after: "<dl><dt>Is it free?</dt><dd>Yes.</dd></dl>")
        let out = CleanHarness.standard.clean(html)
        #expect(!out.text.contains("Short intro"))
        #expect(out.text.hasSuffix("Is it free?\nYes."))
    }

    @Test func density_worksForTextWithoutSpaces() {
        let ja = "東京の新しいカフェは月曜日に開店し、朝七時から多くの人が並んだ。店主は静かな場所を作りたかったと話した。"
        let article = "<p>\(ja)</p><p>\(ja)</p><p>\(ja)</p>"
        let html = Self.page(before: "<div>メニュー</div>", article: article, after: "<div>人気の記事</div>")
        #expect(CleanHarness.standard.clean(html).text == [ja, ja, ja].joined(separator: "\n\n"))
    }
}
