// Rough throughput check for the faq stage, compiled outside SwiftPM by bench.sh (optimised build).
// Builds a large document from the seed article and a Markdown help page, segments it line by line the
// way the tests do, and times `process`.
import Foundation
import StageKit

@main
struct Bench {
    static func main() throws {
        let args = CommandLine.arguments
        let seed = try String(contentsOfFile: args[1], encoding: .utf8)
        let help = "# Help\nIntro text here.\n## FAQ\n### How do I reset my password?\nClick the link on the sign-in page.\n- Check your inbox.\n### Can I change my email?\nYes, in Settings.\n## Contact\nMail us.\n"
        var text = ""
        while text.utf8.count < 20_000_000 { text += seed + "\n" + help + "\n" }
        var doc = Document(text: text)
        var blocks: [Block] = []
        var sentences: [Sentence] = []
        var start = 0
        var i = 0
        let bytes = Array(text.utf8)
        func kind(_ s: Int) -> BlockKind {
            switch bytes[s] {
            case UInt8(ascii: "#"): return .paragraph // raw markers: the stage reads them as headings
            case UInt8(ascii: "Q"): return .question
            case UInt8(ascii: "A"): return bytes[s + 1] == UInt8(ascii: ":") ? .answer : .paragraph
            case UInt8(ascii: "-"): return .listItem
            default: return .paragraph
            }
        }
        while i <= bytes.count {
            if i == bytes.count || bytes[i] == 10 {
                if i > start {
                    let k = i - start < 70 && bytes[i - 1] != UInt8(ascii: ".") ? BlockKind.heading : kind(start)
                    blocks.append(Block(start: start, end: i, kind: k, level: 1))
                    sentences.append(Sentence(start: start, end: i, block: blocks.count - 1))
                }
                start = i + 1
            }
            i += 1
        }
        doc.blocks = blocks
        doc.sentences = sentences
        let stage = FAQExtractor(settings: FAQSettings())
        var best = Double.infinity
        var pairs = 0
        for _ in 0..<5 {
            var d = doc
            let t0 = DispatchTime.now().uptimeNanoseconds
            try stage.process(&d)
            let t = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            best = min(best, t)
            pairs = d.faq?.count ?? 0
        }
        let mb = Double(bytes.count) / 1e6
        print(String(format: "faq: %.1f MB, %d blocks, %d pairs, best of 5: %.3f s = %.0f MB/s", mb, blocks.count, pairs, best, mb / best))
    }
}
