import StageKit
import Testing

/// Every format of the issue, as `clean` + `segment` leave it (HTML/Markdown: markers gone, blocks known),
/// each with the same two pairs and followed by a section or footer the last answer must not swallow.
struct FormatTests {
    typealias P = BlockDocument.Part
    static let expected = [["How do I reset my password?", "Use the link on the sign-in page."],
                           ["Can I change my email address?", "Yes, under Settings."]]
    static let q1 = "How do I reset my password?", a1 = "Use the link on the sign-in page."
    static let q2 = "Can I change my email address?", a2 = "Yes, under Settings."

    static let formats: [(String, [P])] = [
        ("Q:/A:", [.p("Q: \(q1)"), .p("A: \(a1)"), .p("Q: \(q2)"), .p("A: \(a2)")]),
        ("Q./A.", [.p("Q. \(q1)"), .p("A. \(a1)"), .p("Q. \(q2)"), .p("A. \(a2)")]),
        ("Question:/Answer:", [.p("Question: \(q1)"), .p("Answer: \(a1)"), .p("Question: \(q2)"), .p("Answer: \(a2)")]),
        ("bold questions (plain text)", [.p("**\(q1)**"), .p(a1), .p("**\(q2)**"), .p(a2)]),
        ("bold questions inline (plain text)", [.p("**\(q1)** \(a1)"), .p("**\(q2)** \(a2)")]),
        ("numbered questions", [.p("1. \(q1)"), .p(a1), .p("2. \(q2)"), .p(a2)]),
        ("bold questions after clean, in FAQ section", [.h(2, "FAQ"), .p(q1), .p(a1), .p(q2), .p(a2)]),
        ("bold question and answer in one paragraph, in FAQ section", [.h(2, "FAQ"), .p("\(q1) \(a1)"), .p("\(q2) \(a2)")]),
        ("numbered list items after clean, in FAQ section", [.h(2, "FAQ"), .li("\(q1) \(a1)"), .li("\(q2) \(a2)")]),
        ("question headings in FAQ section", [.h(2, "Frequently Asked Questions"), .h(3, q1), .p(a1), .h(3, q2), .p(a2)]),
        ("sibling question headings (all the siblings)", [.h(2, "Account"), .h(3, q1), .p(a1), .h(3, q2), .p(a2)]),
        ("Questions and Answers section", [.h(2, "Questions and Answers"), .h(3, q1), .p(a1), .h(3, q2), .p(a2)]),
        ("dl/dt/dd or details/summary", [.q(q1), .a(a1), .q(q2), .a(a2)]),
    ]

    @Test(arguments: formats)
    func format_givesThePairs_andStopsBeforeTheNextSection(name: String, parts: [P]) throws {
        let doc = BlockDocument.make([.h(1, "Help centre"), .p("Answers for our customers.")] + parts
            + [.h(2, "Contact"), .p("Write to help@example.com.")])
        #expect(try StageRunner.qa(doc) == Self.expected, "\(name)")
    }

    @Test(arguments: formats)
    func format_atDocumentEnd_dropsTheFooter(name: String, parts: [P]) throws {
        let doc = BlockDocument.make([.h(1, "Help centre")] + parts
            + [.p("© 2026 Example Ltd · Privacy · Terms"), .p("Follow us on Mastodon")])
        #expect(try StageRunner.qa(doc) == Self.expected, "\(name)")
    }
}
