import Testing
import StageKit
@testable import SegmentStage

/// The contract with `clean`: blocks that markup declared (`document.layout`) come through segment
/// with their kind. `clean` marks HTML `<dl><dt>…</dt><dd>…</dd></dl>` and `<details><summary>…
/// </summary>…</details>` as `question`/`answer` blocks; segment must keep them as such, split the
/// sentences inside them, and never detect headings or Q/A markers in them.
@Suite struct LayoutContractTests {
    /// Text as clean renders it from `<dl><dt>What is X?</dt><dd>X is a tool. It helps.</dd></dl>
    /// <details><summary>How do I start?</summary><p>Install it. Then run it.</p></details>`.
    static let text = "FAQ\n\nWhat is X?\n\nX is a tool. It helps.\n\nHow do I start?\n\nInstall it. Then run it.\n\nThanks for reading."

    static func layout() -> [Block] {
        [BlockTests.block(text, "FAQ", .heading, level: 2),
         BlockTests.block(text, "What is X?", .question),
         BlockTests.block(text, "X is a tool. It helps.", .answer),
         BlockTests.block(text, "How do I start?", .question),
         BlockTests.block(text, "Install it. Then run it.", .answer)]
    }

    @Test func segment_layoutQuestionAndAnswerBlocks_keepTheirKind() {
        let doc = TestSupport.process(Self.text, layout: Self.layout())
        let blocks = (doc.blocks ?? []).map { ($0.kind, doc.slice($0.start, $0.end)) }
        #expect(BlockTests.same(blocks, [
            (.heading, "FAQ"), (.question, "What is X?"), (.answer, "X is a tool. It helps."),
            (.question, "How do I start?"), (.answer, "Install it. Then run it."), (.paragraph, "Thanks for reading."),
        ]), "got \(blocks)")
    }

    @Test func segment_layoutAnswerBlock_isSplitIntoSentencesThatKnowTheirBlock() {
        let doc = TestSupport.process(Self.text, layout: Self.layout())
        let blocks = doc.blocks ?? []
        let s = (doc.sentences ?? []).map { (doc.slice($0.start, $0.end), blocks[$0.block].kind) }
        #expect(s.map(\.0) == ["FAQ", "What is X?", "X is a tool.", "It helps.", "How do I start?", "Install it.", "Then run it.", "Thanks for reading."])
        #expect(s.map(\.1) == [.heading, .question, .answer, .answer, .question, .answer, .answer, .paragraph])
    }

    @Test func segment_layoutQuestionWithoutQuestionMark_staysAQuestion() {
        // A <dt> term ("Shipping") is a question by markup even without "?" or a "Q:" marker.
        let text = "Shipping\nWe ship worldwide. It takes a week."
        let doc = TestSupport.process(text, layout: [BlockTests.block(text, "Shipping", .question),
                                                     BlockTests.block(text, "We ship worldwide. It takes a week.", .answer)])
        #expect(doc.blocks?.map(\.kind) == [.question, .answer])
        #expect(doc.sentences?.map(\.block) == [0, 1, 1])
    }
}
