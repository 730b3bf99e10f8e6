import Testing
import StageKit
@testable import SegmentStage

/// Non-text at sentence edges (markup, escaped tags, literal escapes, separator runs, table-of-contents
/// leaders), page-number lines, and sentences that open with a lower-case word.
@Suite struct SentenceEdgeTests {
    static let edges: [SentenceCase] = [
        .init("<p>This is a test. Another test.</p>", ["This is a test.", "Another test."]),
        .init("<h2 class=\"lined\">Hello</h2>\n<p>Text here.</p>", ["Hello", "Text here."]),
        .init("My friends. <em>Yes.</em> <em>Indeed</em> it is.", ["My friends.", "Yes.", "Indeed</em> it is."]),
        .init("<div class=\"x\"><p>\n<img src=\"/a.jpg\">\n</p></div>\nReal text.", ["Real text."]),
        .init("<!-- note --> Text after a comment.", ["Text after a comment."]),
        .init("&lt;b&gt;Bold words&lt;/b&gt;", ["Bold words"]),
        .init("Hello World. \\r\\n Hello.", ["Hello World.", "Hello."]),
        .init("Use \\neq in formulas.", ["Use \\neq in formulas."]),
        .init("//////////Header starts here\r//////////", ["Header starts here"]),
        .init("Chapter one ends.\n\n* * *\n\n-----\n\nChapter two begins.", ["Chapter one ends.", "* * *", "Chapter two begins."]),
        .init("About Me.......................5\nChapter 2 ........... 6\nScoring......... 16-17", ["About Me", "Chapter 2", "Scoring"]),
        .init("I never meant that.... She left.", ["I never meant that....", "She left."]),
        .init("a < b and c > d.", ["a < b and c > d."]),
        .init("I <3 it. So do you.", ["I <3 it.", "So do you."]),
        .init("***Note*** this well.", ["***Note*** this well."]),
        .init("x = y -- z --- w.", ["x = y -- z --- w."]),
        // A spaced scene break is kept (the evaluation sets keep "*       *       *").
        .init("A list:\n- - -\nDone.", ["A list:", "- - -", "Done."]),
        .init("C++ is fun. -- The end.", ["C++ is fun.", "-- The end."]),
    ]
    @Test(arguments: edges) func segment_nonTextAtSentenceEdges_isLeftOut(_ c: SentenceCase) {
        #expect(TestSupport.sentences(c.text) == c.sentences)
    }

    @Test func segment_blockWithOnlyMarkup_isDropped() {
        let doc = TestSupport.process("Intro.\n<div class=\"center\"><p>\n=====\nEnd.")
        #expect(doc.blocks?.map { doc.slice($0.start, $0.end) } == ["Intro.", "End."])
        #expect(doc.sentences?.map(\.block) == [0, 1])
    }

    static let pageNumbers: [(String, [String])] = [
        ("\n3\n\nIntroduction\n\n", ["Introduction"]),
        ("First page ends.\n\n12\n\nSecond page starts.", ["First page ends.", "Second page starts."]),
        ("There were\n3\napples.", ["There were", "3", "apples."]),        // not alone between blank lines
        ("Events:\n\n2019\n\nDone.", ["Events:", "2019", "Done."]),          // four digits: a year, not a page number
    ]
    @Test(arguments: pageNumbers) func segment_lineWithOnlyAPageNumber_isNotASentence(_ c: (String, [String])) {
        #expect(TestSupport.sentences(c.0) == c.1)
    }

    static let lowerCaseStarts: [SentenceCase] = [
        .init("It was a cold night in the city. features", ["It was a cold night in the city.", "features"]),
        .init("i went home. then i slept.", ["i went home.", "then i slept."]),
        // Abbreviations, short words, initials and quotes before the lower-case word keep the sentence whole.
        .init("Were Jane and co. at the party?", ["Were Jane and co. at the party?"]),
        .init("It is on 5th st. near the light.", ["It is on 5th st. near the light."]),
        .init("Add 2 tbsp. sugar and 1 tsp. salt.", ["Add 2 tbsp. sugar and 1 tsp. salt."]),
        .init("The cost was approx. ten dollars.", ["The cost was approx. ten dollars."]),
        .init("She turned to him, \"This is great.\" she said.", ["She turned to him, \"This is great.\" she said."]),
        .init("Let's meet at the hotel. no, wait.", ["Let's meet at the hotel.", "no, wait."]),
        // A word of three letters or fewer may be an unlisted abbreviation ("std. dev"): no split.
        .init("Let's meet at the inn. no, wait.", ["Let's meet at the inn. no, wait."]),
    ]
    @Test(arguments: lowerCaseStarts) func segment_lowerCaseWordAfterAnOrdinaryWord_startsASentence(_ c: SentenceCase) {
        #expect(TestSupport.sentences(c.text) == c.sentences)
    }
}
