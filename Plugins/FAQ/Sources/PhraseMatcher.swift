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
        "Common Questions", "Commonly Asked Questions", "Your Questions Answered", "Top Questions",
        "Popular Questions", "Common Queries", "Got Questions",
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
        "copyright", "all rights reserved", "follow us", "subscribe to our", "subscribe now", "newsletter",
        "privacy policy", "terms of use", "terms of service", "terms and conditions", "we use cookies",
        "cookie policy", "cookie settings", "contact us", "get in touch", "call us", "email us", "write to us",
        "questions", "question", "let us know", "sign up for our", "sign up now", "unsubscribe",
    ]

    let mode: Mode
    /// Every phrase in normalised form, one after the other; `bounds[k]..<bounds[k + 1]` is phrase k.
    private let flat: [UInt8]
    private let bounds: [Int]
    /// Phrase numbers by the first byte of their first word, so that a text is compared only with the
    /// phrases that can start at each of its words.
    private let byFirst: [[Int]]
    /// Length of the longest normalised phrase.
    private let longest: Int

    init(_ list: [String], mode: Mode) {
        self.mode = mode
        var seen = Set<[UInt8]>()
        var flat: [UInt8] = []
        var bounds = [0]
        for t in list {
            let n = Self.normalise(Array(t.utf8)[...])
            if n.count > 2, seen.insert(n).inserted { flat += n; bounds.append(flat.count) } // " x " at least
        }
        self.flat = flat
        self.bounds = bounds
        var byFirst = [[Int]](repeating: [], count: 256)
        for k in 0..<(bounds.count - 1) { byFirst[Int(flat[bounds[k] + 1])].append(k) }
        self.byFirst = byFirst
        self.longest = zip(bounds.dropFirst(), bounds).map { $0 - $1 }.max() ?? 0
    }

    /// True when the text contains (or, in prefix mode, starts with) one of the phrases as whole words.
    /// Texts longer than 300 bytes never match. No heap allocation: the normalised text is built on the stack.
    func matches(_ buf: ByteText.Buf, _ start: Int, _ end: Int) -> Bool {
        guard end - start <= 300, end > start, bounds.count > 1 else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * (end - start) + 2) { out in
            // A prefix can only match the first `longest` normalised bytes.
            let count = Self.normalise(UnsafeBufferPointer(rebasing: buf[start..<end]), into: out,
                                       limit: mode == .prefix ? longest : Int.max)
            return flat.withUnsafeBufferPointer { f in
                // Phrases are " word … " with a space on each side, so they can only start where the
                // normalised text has a space before a word.
                var i = 0
                while i + 1 < count {
                    if out[i] == 32 {
                        for k in byFirst[Int(out[i + 1])] {
                            let ps = bounds[k], len = bounds[k + 1] - ps
                            guard i + len <= count else { continue }
                            var m = 2
                            while m < len, out[i + m] == f[ps + m] { m += 1 }
                            if m == len { return true }
                        }
                        if mode == .prefix { return false }
                    }
                    i += 1
                }
                return false
            }
        }
    }

    /// `normalise` into `out` (capacity at least `2 * bytes.count + 2`); returns the length written.
    /// With `limit`, stops once that many bytes are written (the result is then cut short).
    static func normalise(_ bytes: UnsafeBufferPointer<UInt8>, into out: UnsafeMutableBufferPointer<UInt8>, limit: Int = .max) -> Int {
        var n = 0
        @inline(__always) func space() { if n == 0 || out[n - 1] != 32 { out[n] = 32; n += 1 } }
        space()
        var i = 0
        let end = bytes.count
        while i < end, n < limit {
            let b = bytes[i]
            if b == 0xE2, i + 2 < end, bytes[i + 1] == 0x80, (0x90...0x9F).contains(bytes[i + 2]) {
                space(); i += 3; continue // ‐ – — ‘ ’ “ ” …
            }
            if b == 0xC2, i + 1 < end, bytes[i + 1] == 0xA0 || bytes[i + 1] == 0xBF || bytes[i + 1] == 0xA1 {
                space(); i += 2; continue // nbsp ¿ ¡
            }
            if b == UInt8(ascii: ".") { i += 1; continue }
            if b == UInt8(ascii: "&") {
                space(); out[n] = b; n += 1; out[n] = 32; n += 1
            } else if ASCII.isAlnum(b) || b >= 0x80 {
                out[n] = ASCII.lower(b); n += 1
            } else {
                space()
            }
            i += 1
        }
        if i >= end { space() } // not after a cut: the text may go on with letters
        return n
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
