import Testing
import StageKit
@testable import SegmentStage

/// Blocks: blank lines, headings, lists, quotes, Q/A lines, and how single line breaks are treated.
@Suite struct BlockTests {
    struct Expected: Sendable, CustomTestStringConvertible {
        var text: String
        var blocks: [(BlockKind, String)]
        init(_ text: String, _ blocks: [(BlockKind, String)]) { self.text = text; self.blocks = blocks }
        var testDescription: String { String(text.prefix(40)) }
    }

    static func blocks(_ text: String, _ seg: Segmenter = TestSupport.standard) -> [(BlockKind, String)] {
        let doc = TestSupport.process(text, seg)
        return (doc.blocks ?? []).map { ($0.kind, doc.slice($0.start, $0.end)) }
    }

    /// A layout block covering the first occurrence of `part` in `text` (UTF-8 offsets).
    static func block(_ text: String, _ part: String, _ kind: BlockKind, level: Int = 0) -> Block {
        let r = text.range(of: part)!
        let s = text.utf8.distance(from: text.startIndex, to: r.lowerBound)
        return Block(start: s, end: s + part.utf8.count, kind: kind, level: level)
    }

    static func same(_ a: [(BlockKind, String)], _ b: [(BlockKind, String)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
    }

    static let table: [Expected] = [
        .init("First paragraph.\n\nSecond paragraph.", [(.paragraph, "First paragraph."), (.paragraph, "Second paragraph.")]),
        .init("Line one ends here.\nLine two ends here.", [(.paragraph, "Line one ends here."), (.paragraph, "Line two ends here.")]),
        .init("Getting Started\nInstall the package first.", [(.heading, "Getting Started"), (.paragraph, "Install the package first.")]),
        .init("What Does This Mean for the Future?\nNobody knows.", [(.heading, "What Does This Mean for the Future?"), (.paragraph, "Nobody knows.")]),
        .init("Did you know? The sky is blue.\nMore text.", [(.paragraph, "Did you know? The sky is blue."), (.paragraph, "More text.")]),
        .init("Pro Tip: Follow the news.\nMore text.", [(.paragraph, "Pro Tip: Follow the news."), (.paragraph, "More text.")]),
        .init("The End", [(.paragraph, "The End")]),
        .init("Intro text.\n- one\n- two\n* three\n• four", [(.paragraph, "Intro text."), (.listItem, "- one"), (.listItem, "- two"), (.listItem, "* three"), (.listItem, "• four")]),
        .init("1. First\n2) Second\na) Third\n(iv) Fourth", [(.listItem, "1. First"), (.listItem, "2) Second"), (.listItem, "a) Third"), (.listItem, "(iv) Fourth")]),
        .init("> A quoted line.\nAfter it.", [(.quote, "> A quoted line."), (.paragraph, "After it.")]),
        .init("Q: Why?\nA: Because.\nQuestion: How?\nAnswer: Like this.\nQ. When?\nA. Now.",
              [(.question, "Q: Why?"), (.answer, "A: Because."), (.question, "Question: How?"), (.answer, "Answer: Like this."),
               (.question, "Q. When?"), (.answer, "A. Now.")]),
        .init("# Title\nText here.", [(.heading, "# Title"), (.paragraph, "Text here.")]),
        // Soft wraps join lines; a line that does not end a sentence but is short stays separate.
        .init("It was a cold \nnight in the city.", [(.paragraph, "It was a cold \nnight in the city.")]),
        .init("The committee, after a long and careful debate,\nagreed to the plan.", [(.paragraph, "The committee, after a long and careful debate,\nagreed to the plan.")]),
        .init("features\ncontact manager\nevents, activities\n", [(.paragraph, "features"), (.paragraph, "contact manager"), (.paragraph, "events, activities")]),
        .init("- a list item that goes\non and on", [(.listItem, "- a list item that goes"), (.paragraph, "on and on")]),
        // Without the trailing space (as `clean` leaves it): four words before the break still make a soft wrap.
        .init("It was a cold\nnight in the city.", [(.paragraph, "It was a cold\nnight in the city.")]),
        .init("It was cold\nat night.", [(.paragraph, "It was cold"), (.paragraph, "at night.")]),
        .init("In the city. features\ncontact manager", [(.paragraph, "In the city. features"), (.paragraph, "contact manager")]),
        .init("Body text.\nIt was a weapon that was designed to fight at a distance of up to\n( 365.8 m ).", [(.paragraph, "Body text."), (.paragraph, "It was a weapon that was designed to fight at a distance of up to\n( 365.8 m ).")]),
    ]
    @Test(arguments: table) func segment_blocks(_ e: Expected) {
        let got = Self.blocks(e.text)
        #expect(Self.same(got, e.blocks), "got \(got)")
    }

    @Test func segment_listItemLevel_followsIndentation() {
        let doc = TestSupport.process("- top\n  - nested\n    - deeper")
        #expect(doc.blocks?.map(\.level) == [1, 2, 3])
    }

    @Test func segment_plainHeadingLevels_firstLineIsOne() {
        let doc = TestSupport.process("Main Title\nSome text.\nSub Title\nMore text.")
        #expect(doc.blocks?.filter { $0.kind == .heading }.map(\.level) == [1, 2])
    }

    @Test func segment_headingIsOneSentence() {
        let doc = TestSupport.process("Dr. Who Returns. Again\nText follows here.")
        // "Dr. Who Returns. Again" has a sentence break inside, so it is not a heading.
        #expect(doc.blocks?.first?.kind == .paragraph)
        let doc2 = TestSupport.process("# Mr. Smith Goes to Washington. A Review\nText.")
        #expect(doc2.blocks?.first?.kind == .heading)
        #expect(doc2.sentences?.filter { $0.block == 0 }.count == 1)
        #expect(doc2.slice(doc2.sentences![0].start, doc2.sentences![0].end) == "Mr. Smith Goes to Washington. A Review")
    }

    @Test func segment_quoteSentences_leaveOutTheMarker() {
        let doc = TestSupport.process("> Hello there. General Kenobi.")
        #expect(doc.sentences?.map { doc.slice($0.start, $0.end) } == ["Hello there.", "General Kenobi."])
    }

    @Test func segment_whenHeadingsOff_titleLineIsParagraph() {
        let seg = TestSupport.segmenter(SegmentConfig(headings: false))
        let got = Self.blocks("Getting Started\nInstall the package first.", seg)
        #expect(Self.same(got, [(.paragraph, "Getting Started"), (.paragraph, "Install the package first.")]))
    }

    @Test func segment_newlinesSentence_neverJoinsLines() {
        let seg = TestSupport.segmenter(SegmentConfig(newlines: .sentence))
        #expect(TestSupport.sentences("It was a cold \nnight in the city.", seg) == ["It was a cold", "night in the city."])
    }

    @Test func segment_newlinesJoin_joinsHardWrappedLines() {
        let text = "This is a sentence\ncut off in the middle because pdf.\n\nNext paragraph.\n- item\nmore"
        let seg = TestSupport.joining
        #expect(TestSupport.sentences(text, seg) == ["This is a sentence\ncut off in the middle because pdf.", "Next paragraph.", "- item", "more"])
        #expect(seg.segmentSentences(text).first == "This is a sentence cut off in the middle because pdf.")
    }

    @Test func segment_newlinesParagraph_keepsShortUnpunctuatedLinesApart() {
        #expect(TestSupport.sentences("A short line\ncut off in the middle.") == ["A short line", "cut off in the middle."])
        // Four words without a mark before a lower-case line read as a wrapped sentence.
        #expect(TestSupport.sentences("This is a sentence\ncut off in the middle because pdf.") == ["This is a sentence\ncut off in the middle because pdf."])
    }

    @Test func segment_lineOfPunctuation_continuesThePreviousLine() {
        #expect(TestSupport.standard.segmentSentences("Contact us for pricing\n. Pricing Info") == ["Contact us for pricing.", "Pricing Info"])
    }

    @Test func segment_withLayout_usesMarkupBlocksAndSplitsTheRest() {
        let text = "Intro\n\nFirst para. Second sentence.\n\n- item one"
        // clean said: line 0 is a heading, the last line a list item; "Intro" would not be detected alone.
        let layout = [Self.block(text, "Intro", .heading, level: 1), Self.block(text, "- item one", .listItem, level: 1)]
        let doc = TestSupport.process(text, layout: layout)
        #expect(doc.blocks?.map(\.kind) == [.heading, .paragraph, .listItem])
        #expect(doc.blocks?.first?.level == 1)
        #expect(doc.sentences?.map { doc.slice($0.start, $0.end) } == ["Intro", "First para.", "Second sentence.", "- item one"])
        #expect(doc.sentences?.map(\.block) == [0, 1, 1, 2])
    }

    @Test func segment_withLayout_doesNotDetectHeadingsInPlainParts() {
        let text = "Short Title Line\nBody text here.\n\nLast"
        let doc = TestSupport.process(text, layout: [Self.block(text, "Last", .paragraph)])
        #expect(doc.blocks?.map(\.kind) == [.paragraph, .paragraph, .paragraph])
    }

    @Test func segment_codeBlocksHaveNoSentences_tableRowsAreSentences() {
        let text = "let x = 1. y = 2\n\na | b\nc | d"
        let doc = TestSupport.process(text, layout: [Self.block(text, "let x = 1. y = 2", .code), Self.block(text, "a | b\nc | d", .table)])
        #expect(doc.sentences?.map { doc.slice($0.start, $0.end) } == ["a | b", "c | d"])
        #expect(doc.sentences?.map(\.block) == [1, 1])
    }
}

extension BlockTests {
    static let headingEdges: [Expected] = [
        // Two title-like lines in a row: only the first is a heading.
        .init("Ingredients\n2 cups flour\n1 tsp. salt\nMix well.", [(.heading, "Ingredients"), (.paragraph, "2 cups flour"), (.paragraph, "1 tsp. salt"), (.paragraph, "Mix well.")]),
        // A line followed by a quoted lower-case line is not a heading.
        .init("He said\n\"we will see\"\nand left.", [(.paragraph, "He said"), (.paragraph, "\"we will see\""), (.paragraph, "and left.")]),
        // A line that follows an unfinished line is not a heading.
        .init("Contact us for\nPricing Info\nMore text.", [(.paragraph, "Contact us for"), (.paragraph, "Pricing Info"), (.paragraph, "More text.")]),
        .init("— The Senate (@Senate) October 9, 2018\nMore text.", [(.paragraph, "— The Senate (@Senate) October 9, 2018"), (.paragraph, "More text.")]),
        .init("“You gotta give me a win,” he said later. “Please.”\nMore.", [(.paragraph, "“You gotta give me a win,” he said later. “Please.”"), (.paragraph, "More.")]),
    ]
    @Test(arguments: headingEdges) func segment_headingEdgeCases(_ e: Expected) {
        let got = Self.blocks(e.text)
        #expect(Self.same(got, e.blocks), "got \(got)")
    }
}

extension BlockTests {
    @Test func segment_loneCarriageReturn_endsALine() {
        let got = Self.blocks("First line.\rSecond line.\r\nThird line.")
        #expect(Self.same(got, [(.paragraph, "First line."), (.paragraph, "Second line."), (.paragraph, "Third line.")]), "got \(got)")
    }
}

extension BlockTests {
    @Test func segment_newlinesJoin_stillDetectsHeadingsAfterASentence() {
        let got = Self.blocks("Some text ends here.\nIntroduction\nThe study\nbegins here.", TestSupport.joining)
        #expect(Self.same(got, [(.paragraph, "Some text ends here."), (.heading, "Introduction"), (.paragraph, "The study\nbegins here.")]), "got \(got)")
    }
}
