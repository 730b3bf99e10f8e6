import StageKit

/// Matches short texts (headings, questions) against a list of phrases after normalising both the same
/// way: ASCII letters lower-cased; every byte that is not a letter, digit, `&` or non-ASCII becomes a
/// space (curly quotes and dashes too); periods are dropped so that `F.A.Q.` reads `faq`; runs of spaces
/// collapse. A phrase matches as whole words — anywhere in the text, or only at its start.
struct PhraseMatcher: Sendable {
    enum Mode: Sendable { case anywhere, prefix }

    /// Headings that start an FAQ section.
    static let defaultSectionTitles = [
        "FAQ", "FAQs", "F.A.Q.", "Frequently Asked Questions", "Frequently Asked Question",
        "Questions and Answers", "Questions & Answers", "Q&A", "Q & A", "Q and A",
        "Common Questions", "Commonly Asked Questions", "Your Questions Answered",
        "Häufig gestellte Fragen", "Häufige Fragen", "Preguntas frecuentes", "Questions fréquentes",
        "Foire aux questions", "Domande frequenti", "Perguntas frequentes", "Veelgestelde vragen",
    ]

    /// Beginnings of headings/lines that end in `?` but invite contact or feedback rather than ask an FAQ
    /// question ("Still have questions?", "Was this article helpful?").
    static let defaultIgnoredQuestions = [
        "still have questions", "still have a question", "still need help", "still can't find",
        "have more questions", "have other questions", "have any questions", "have a question", "have questions",
        "got questions", "got more questions", "got a question", "any other questions", "any questions",
        "more questions", "other questions", "questions", "need more help", "need help", "need further help",
        "need further assistance", "can't find", "cannot find", "couldn't find", "didn't find", "did not find",
        "not finding", "looking for something else", "didn't answer your question", "did we answer your question",
        "did this answer your question", "was this helpful", "was this answer helpful", "was this article helpful",
        "was this page helpful", "is this page useful", "ready to get started", "want to learn more", "want to know more",
        "did you know",
    ]

    /// Words of footers and contact lines: a paragraph holding one of them does not continue the last
    /// answer of a document.
    static let defaultFooterPhrases = [
        "copyright", "all rights reserved", "follow us", "subscribe", "newsletter", "privacy policy",
        "terms of use", "terms of service", "terms and conditions", "cookie", "cookies", "contact us", "get in touch",
        "call us", "email us", "write to us", "questions", "question", "let us know", "sign up", "unsubscribe",
    ]

    let mode: Mode
    private let phrases: [[UInt8]]

    init(_ list: [String], mode: Mode) {
        self.mode = mode
        var seen = Set<[UInt8]>()
        var out: [[UInt8]] = []
        for t in list {
            let n = Self.normalise(Array(t.utf8)[...])
            if n.count > 2, seen.insert(n).inserted { out.append(n) } // " x " at least
        }
        phrases = out
    }

    /// True when the text contains (or, in prefix mode, starts with) one of the phrases as whole words.
    func matches(_ buf: ByteText.Buf, _ start: Int, _ end: Int) -> Bool {
        guard end - start <= 300, !phrases.isEmpty else { return false }
        let n = Self.normalise(buf[start..<end])
        for p in phrases where p.count <= n.count {
            if mode == .prefix ? n.starts(with: p) : contains(n, p) { return true }
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

    /// " word word " form, padded with a space on each side.
    static func normalise<C: Collection>(_ bytes: C) -> [UInt8] where C.Element == UInt8, C.Index == Int {
        var out: [UInt8] = [32]
        out.reserveCapacity(bytes.count + 2)
        func space() { if out.last != 32 { out.append(32) } }
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let b = bytes[i]
            if b == 0xE2, i + 2 < bytes.endIndex, bytes[i + 1] == 0x80, (0x90...0x9F).contains(bytes[i + 2]) {
                space(); i += 3; continue // ‐ – — ‘ ’ “ ” …
            }
            if b == 0xC2, i + 1 < bytes.endIndex, bytes[i + 1] == 0xA0 || bytes[i + 1] == 0xBF || bytes[i + 1] == 0xA1 {
                space(); i += 2; continue // nbsp ¿ ¡
            }
            if b == UInt8(ascii: ".") {
                i += 1; continue
            }
            if b == UInt8(ascii: "&") {
                space(); out.append(b); out.append(32)
            } else if ASCII.isAlnum(b) || b >= 0x80 {
                out.append(ASCII.lower(b))
            } else {
                space()
            }
            i += 1
        }
        space()
        return out
    }
}
