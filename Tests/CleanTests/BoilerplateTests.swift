import Foundation
import Testing
import StageKit
@testable import CleanStage

struct BoilerplateTests {
    static let seed: String = {
        let path = CleanHarness.repoRoot + "/Tests/CleanTests/Fixtures/seed_article.txt"
        return String(decoding: FileManager.default.contents(atPath: path) ?? Data(), as: UTF8.self)
    }()

    @Test func seedArticle_loses_exactlyTheTwoFinalLines() throws {
        var lines = Self.seed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.last == "")
        lines.removeLast()
        let removedLines = Array(lines.suffix(2))
        lines.removeLast(2)
        var doc = Document(text: Self.seed)
        try CleanHarness.standard.process(&doc)
        #expect(doc.text == lines.joined(separator: "\n"))
        #expect(doc.removed == [
            Removal(text: removedLines[0], reason: "boilerplate:more-articles"),
            Removal(text: removedLines[1], reason: "boilerplate:subscribe"),
        ])
        #expect(doc.layout == nil)
        #expect(doc.meta.isEmpty)
    }

    @Test(arguments: [
        ("Follow us on Twitter and Facebook", "follow"),
        ("Share this article", "share"),
        ("© 2024 Example Media. All rights reserved.", "rights"),
        ("We use cookies to give you the best experience.", "cookies"),
        ("Read more »", "read-more"),
        ("ADVERTISEMENT", "ad"),
        ("Sign up for our weekly newsletter!", "subscribe"),
        ("Stay informed! Subscribe to our newsletter for the latest updates on global affairs.", "subscribe"),
    ])
    func boilerplate_line_isRemovedWithReason(line: String, tag: String) throws {
        let out = CleanHarness.standard.clean("Real first line.\n\(line)\nReal last line.")
        #expect(out.text == "Real first line.\nReal last line.")
        #expect(out.removed == [Removal(text: line, reason: "boilerplate:" + tag)])
    }

    @Test(arguments: [
        "Pro Tip: Follow reputable news sources to stay informed about developments.",
        "Readers who share this article's view should read more widely.",
        "Advertisement revenue fell sharply in the third quarter, the company said.",
        "We use cookie cutters to shape the dough before baking it for ten minutes.",
    ])
    func boilerplate_contentLines_areKept(line: String) throws {
        let out = CleanHarness.standard.clean(line)
        #expect(out.text == line)
        #expect(out.removed.isEmpty)
    }

    @Test func boilerplate_extraPatterns_useTheirTag() throws {
        let out = try CleanHarness.clean("Keep.\nPromo code SAVE10 today\nKeep too.", ["boilerplate_patterns": .list(["[promo] promo code *", "keep too"])])
        #expect(out.text == "Keep.")
        #expect(out.removed.map(\.reason) == ["boilerplate:promo", "boilerplate:custom"])
    }

    @Test func boilerplate_badExtraPattern_isAConfigIssue() throws {
        #expect(throws: ConfigIssue.self) { try CleanHarness.stage(["boilerplate_patterns": .list(["[bad tag] x"])]) }
        #expect(throws: ConfigIssue.self) { try CleanHarness.stage(["boilerplate_patterns": .list(["***"])]) }
    }

    @Test func boilerplate_off_keepsLines() throws {
        #expect(try CleanHarness.clean("Share this article", ["boilerplate": .scalar("false")]).text == "Share this article")
    }

    @Test func boilerplate_longLine_isNeverRemoved() throws {
        let line = "Share this article " + String(repeating: "x", count: 300)
        #expect(try CleanHarness.clean(line, ["boilerplate_patterns": .list(["share this article *"])]).text == line)
    }

    @Test func dataFiles_missing_isAConfigIssue() throws {
        let ctx = StageContext(resourceDirectory: "/nonexistent", configDirectory: "/tmp")
        #expect(throws: ConfigIssue.self) { try CleanFactory().makeStage(options: CleanHarness.options([:]), context: ctx) }
    }

    @Test func factory_declaresContract() {
        let f = CleanFactory()
        #expect(f.name == "clean")
        #expect(f.requires == [.text])
        #expect(f.provides == [.text, .meta, .removed, .layout])
        #expect(f.resourceBundle == "textpiped_CleanPlugin.resources")
    }
}
