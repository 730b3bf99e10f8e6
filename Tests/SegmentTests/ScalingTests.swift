import Foundation
import Testing
import StageKit
@testable import SegmentStage

/// Large and hostile inputs must go through in linear time (no timing assertions: the test only
/// has to finish quickly and give sane output).
@Suite struct ScalingTests {
    static let size = 1 << 20

    static func run(_ text: String, _ seg: Segmenter = TestSupport.standard) -> Document {
        TestSupport.process(text, seg)
    }

    @Test func segment_megabyteWithoutPunctuation_isOneSentence() {
        let text = String(repeating: "word ", count: Self.size / 5)
        let doc = Self.run(text)
        #expect(doc.sentences?.count == 1)
    }

    @Test func segment_megabyteWithoutSpacesOrPunctuation_isOneSentence() {
        let doc = Self.run(String(repeating: "x", count: Self.size))
        #expect(doc.sentences?.count == 1)
    }

    @Test func segment_millionFullStops_isLinear() {
        #expect(Self.run(String(repeating: ".", count: Self.size)).sentences?.count == 1)
        #expect(Self.run(String(repeating: "a.", count: Self.size / 2)).sentences?.count == 1)
        #expect(Self.run(String(repeating: ". ", count: Self.size / 2)).sentences?.isEmpty == false)
        #expect(Self.run(String(repeating: "A. ", count: Self.size / 3)).sentences?.isEmpty == false)
        let short = Self.run(String(repeating: "End. ", count: Self.size / 5))
        #expect(short.sentences?.count == Self.size / 5)
    }

    @Test func segment_hostileQuotesBracketsAndLines_finish() {
        for unit in ["\"a. B ", "(a. B ", "' x. Y ", "[1] ", "1. a ", "\n", "\n\n", "Title\n", "- x\n", "a\n", "… ", ":) ", "“x. Y ", "a.b ",
                     // markup, escapes and separators at sentence edges
                     "<", "<a ", "a. </b ", "x. <em ", "&lt;b ", "a.\\n ", "-", "////x. ", "\n3\n\n", "x....1 ", "* "] {
            let doc = Self.run(String(repeating: unit, count: (Self.size / 4) / unit.utf8.count))
            #expect(doc.blocks != nil, "\(unit.debugDescription)")
        }
        let joined = Self.run(String(repeating: "a line that wraps\n", count: Self.size / 18), TestSupport.joining)
        #expect(doc(joined).blocks?.count == 1)
    }

    private func doc(_ d: Document) -> Document { d }

    @Test func segment_maxSentenceBytes_onHugeSentence_isLinear() {
        let seg = TestSupport.segmenter(SegmentConfig(maxSentenceBytes: 1000))
        let doc = Self.run(String(repeating: "x", count: Self.size), seg)
        #expect(doc.sentences?.count == (Self.size + 999) / 1000)
    }
}
