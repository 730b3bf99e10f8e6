import StageKit
import Testing

/// Random documents built from FAQ-like pieces (labels, question lines, headings of any level, markup
/// question/answer blocks, lists, footers, odd bytes), with random block kinds and levels, sometimes with
/// declared pairs: the stage never traps, and every pair's spans lie in the text and slice to its strings.
struct InvariantTests {
    /// A small deterministic generator (SplitMix64), so a failure can be replayed from its seed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ n: Int) -> Int { Int(next() % UInt64(n)) }
        mutating func pick<T>(_ a: [T]) -> T { a[int(a.count)] }
    }

    static let pieces = [
        "Q: How do I pay?", "A: By card.", "Q.", "A.", "Question:", "Answer: yes", "**How long does it take?**",
        "1. What is it?", "- Is it safe?", "FAQ", "Frequently Asked Questions:", "Still have questions?",
        "How much is it? It is free.", "Did you know? Cats purr.", "© 2026 Example", "Note: read this.",
        "Plain text that goes on.", "Ans. Fine", "Why?", "?", "**", "Q:**", "## Heading?", "#", "Warranty",
        "Émilie asked: ça va?", "日本語？", "How to cancel my plan", "Interviewer: Why now?", "",
        "Some answer text:\n- item one\n- item two", "Line one?\nLine two.", "A: \nQ: \n",
    ]

    static func document(seed: UInt64) -> Document {
        var r = Random(state: seed)
        var text = ""
        var blocks: [Block] = []
        for _ in 0..<(1 + r.int(25)) {
            if !text.isEmpty { text += r.pick(["\n", "\n\n", " "]) }
            let start = text.utf8.count
            text += r.pick(pieces)
            let end = text.utf8.count
            let kind = r.pick(BlockKind.allCases)
            var s = start, e = end
            switch r.int(12) { // now and then a block that does not fit: overlapping, reversed, past the end
            case 0: s = max(0, start - 3)
            case 1: e = end + 5
            case 2: (s, e) = (end, start)
            default: break
            }
            blocks.append(Block(start: s, end: e, kind: kind, level: r.int(9)))
        }
        var doc = Document(text: text)
        doc.blocks = r.int(10) == 0 ? [] : blocks
        doc.sentences = r.int(3) == 0 ? nil : TestDocument.sentences(text, blocks.filter { $0.start >= 0 && $0.start <= $0.end && $0.end <= text.utf8.count })
        if r.int(3) == 0 { doc.layout = [] }
        if r.int(4) == 0 {
            doc.declaredFAQ = (0..<r.int(4)).map { _ in
                FAQPair(question: r.pick(pieces), answer: r.pick(pieces + ["<p>By <b>card</b>.</p>", "<", "<p"]), questionSpan: nil, answerSpan: nil)
            }
        }
        if r.int(2) == 0 { doc.requestFlags = ["faq_jsonld"] }
        return doc
    }

    @Test(arguments: [
        [String: StageRunner.Value](),
        ["headings": .s("all"), "question_lines": .s("all"), "answer_continuation": .s("all")],
        ["headings": .s("none"), "question_lines": .s("none"), "answer_continuation": .s("none"), "max_answer_blocks": .i(1)],
        ["min_question_words": .i(1), "max_question_words": .i(3)],
    ])
    func randomDocuments_neverTrap_andSpansSliceToTheirText(options: [String: StageRunner.Value]) throws {
        let stage = try StageRunner.stage(options)
        for seed in 0..<1500 as Range<UInt64> {
            var doc = Self.document(seed: seed)
            try stage.process(&doc)
            let length = doc.text.utf8.count
            for p in doc.faq ?? [] {
                if let q = p.questionSpan {
                    #expect(q.start >= 0 && q.start <= q.end && q.end <= length, "seed \(seed)")
                    #expect(doc.slice(q.start, q.end) == p.question, "seed \(seed)")
                }
                if let a = p.answerSpan {
                    #expect(a.start >= 0 && a.start <= a.end && a.end <= length, "seed \(seed)")
                    #expect(doc.slice(a.start, a.end) == p.answer, "seed \(seed)")
                }
                #expect(!p.question.isEmpty && !p.answer.isEmpty, "seed \(seed)")
            }
            if doc.requestFlags.contains("faq_jsonld") {
                #expect(doc.extensions["faq_jsonld"]?["mainEntity"]?.arrayValue?.count == doc.faq?.count, "seed \(seed)")
            }
        }
    }
}

private extension JSONValue {
    var arrayValue: [JSONValue]? { if case .array(let a) = self { return a }; return nil }
}
