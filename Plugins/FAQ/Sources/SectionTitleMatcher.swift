import StageKit

/// Decides whether a heading introduces an FAQ section ("FAQ", "Frequently Asked Questions",
/// "Questions & Answers", "Q&A", …). Heading and phrases are normalised the same way: ASCII letters
/// lower-cased, every byte that is not a letter, digit, `&` or non-ASCII becomes a space, runs of spaces
/// collapse. A heading matches when a phrase occurs in it as whole words.
struct SectionTitleMatcher: Sendable {
    static let defaultTitles = [
        "FAQ", "FAQs", "F.A.Q.", "Frequently Asked Questions", "Frequently Asked Question",
        "Questions and Answers", "Questions & Answers", "Q&A", "Q & A", "Q and A",
        "Common Questions", "Commonly Asked Questions", "Your Questions Answered",
        "Häufig gestellte Fragen", "Häufige Fragen", "Preguntas frecuentes", "Questions fréquentes",
        "Foire aux questions", "Domande frequenti", "Perguntas frequentes", "Veelgestelde vragen",
    ]

    private let phrases: [[UInt8]]

    init(titles: [String]) {
        var seen = Set<[UInt8]>()
        var out: [[UInt8]] = []
        for t in titles {
            let n = Self.normalise(Array(t.utf8)[...])
            if n.count > 2, seen.insert(n).inserted { out.append(n) } // " x " at least
        }
        phrases = out
    }

    /// True when the heading text contains one of the phrases as whole words.
    func matches(_ buf: ByteText.Buf, _ start: Int, _ end: Int) -> Bool {
        guard end - start <= 200 else { return false }
        let n = Self.normalise(buf[start..<end])
        for p in phrases where p.count <= n.count {
            if contains(n, p) { return true }
        }
        return false
    }

    private func contains(_ hay: [UInt8], _ needle: [UInt8]) -> Bool {
        let last = hay.count - needle.count
        var i = 0
        while i <= last {
            if hay[i] == needle[0] {
                var k = 1
                while k < needle.count, hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return true }
            }
            i += 1
        }
        return false
    }

    /// " word word " form: lower-cased, separators as single spaces, padded with a space on each side.
    /// Periods are dropped so that `F.A.Q.` reads `faq`.
    static func normalise<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8 {
        var out: [UInt8] = [32]
        for b in bytes {
            if b == UInt8(ascii: ".") { continue }
            let keep = ASCII.isAlnum(b) || b == UInt8(ascii: "&") || b >= 0x80
            if keep {
                if b == UInt8(ascii: "&"), out.last != 32 { out.append(32) }
                out.append(ASCII.lower(b))
                if b == UInt8(ascii: "&") { out.append(32) }
            } else if out.last != 32 {
                out.append(32)
            }
        }
        if out.last != 32 { out.append(32) }
        // Collapse the doubled spaces `&` handling may leave.
        var collapsed: [UInt8] = []
        collapsed.reserveCapacity(out.count)
        for b in out where !(b == 32 && collapsed.last == 32) { collapsed.append(b) }
        return collapsed
    }
}
