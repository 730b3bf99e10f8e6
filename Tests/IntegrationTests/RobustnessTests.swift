import Foundation
import StageKit
import Testing
import TextpipeCore

/// Every stage of the bundled pipelines on generated awkward text: the daemon must answer every
/// request and stay up. (Deterministic: a fixed-seed generator, so a failure reproduces.)
@Suite(.serialized) struct RobustnessTests {
    static let fragments: [String] = [
        "Q:", "A:", "Question:", "Answer:", "FAQ", "\n", "\n\n", "\r\n", " ", "  ", "\t", "#", "## ", "- ", "* ", "1. ", "a) ", "> ",
        "<", ">", "</", "<p>", "</p>", "<div class=\"nav\">", "<script>", "</script>", "<h2>", "</h2>", "<li>", "<br>", "<!--", "-->",
        "&", "&amp;", "&#", "&#x1F600;", "&nbsp;", "&bogus;", "\"", "“", "”", "'", "’", "(", ")", "[", "](", "**", "_", "`", "```",
        ".", "...", "…", "?", "!", "?!", ":", ";", ",", "Mr.", "Dr.", "U.S.", "e.g.", "a.m.", "No.", "J.", "3.14", "9", "1990s",
        "$4.99", "€275", "51%", "https://x.org/a?b=c", "a@b.co", "+1 555 123 4567", "Nov. 24", "Thursday",
        "Jared Kushner", "World Economic Forum", "NATO", "North Korea", "the", "not", "very", "good", "bad", "but", "never",
        ":)", ":(", "<3", "😀", "👍🏽", "é", "Ã©", "â€™", "日本", "\u{200B}", "\u{00A0}", "\u{0301}", "\u{FEFF}", "Ω", "ß", "İ",
    ]

    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return state >> 33
        }
        mutating func text(maxPieces: Int) -> String {
            let n = Int(next() % UInt64(maxPieces)) + 1
            var s = ""
            for _ in 0..<n {
                let f = RobustnessTests.fragments[Int(next() % UInt64(RobustnessTests.fragments.count))]
                s += f
                if next() % 3 == 0 { s += " " }
            }
            return s
        }
    }

    @Test(arguments: ["standard", "quick"])
    func pipeline_onGeneratedAwkwardText_answersEveryRequestAndStaysUp(pipeline: String) throws {
        let d = try Daemon(config: try GoldenTests.bundledConfig())
        let c = try d.client()
        var g = Generator(state: pipeline == "standard" ? 42 : 7)
        let count = 1500
        let texts: [String] = (0..<count).map { i in g.text(maxPieces: i % 10 == 0 ? 400 : 40) }
        let sender = Thread {
            var w = JSONWriter()
            for (i, t) in texts.enumerated() {
                w.value(.object([("id", .int(i)), ("pipeline", .string(pipeline)), ("text", .string(t)), ("offsets", .string(i % 2 == 0 ? "utf16" : "codepoint"))]))
                w.byte(0x0A)
            }
            try? c.send(w.bytes)
        }
        sender.start()
        for i in 0..<count {
            let a = try #require(try c.readJSON(), "no answer for request \(i): \(texts[i].debugDescription)\n\(d.log)")
            #expect(a["id"] == .int(i))
            #expect(a["ok"] == .bool(true), "request \(i) \(texts[i].debugDescription): \(a)")
        }
        #expect(try d.ask(.object([("op", .string("health"))]))["ok"] == .bool(true))
        #expect(d.stop() == 0)
    }
}
