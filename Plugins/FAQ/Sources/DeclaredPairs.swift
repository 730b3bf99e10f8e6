#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import StageKit

/// Pairs the markup declares (schema.org `FAQPage` JSON-LD or microdata, `Document.declaredFAQ`) are ground
/// truth. `merge` outputs every declared pair, located in the text where its question/answer occurs there
/// (whitespace runs match any whitespace run), and keeps only those pairs found in the text that do not
/// repeat a declared one.
enum DeclaredPairs {
    typealias Buf = ByteText.Buf

    static func merge(_ declared: [FAQPair], with found: [FAQPair], in buf: Buf) -> [FAQPair] {
        var out: [FAQPair] = []
        out.reserveCapacity(declared.count + found.count)
        var seenQuestions = Set<String>()
        for d in declared {
            let question = plain(d.question), answer = plain(d.answer)
            let qKey = normalised(question)
            guard !qKey.isEmpty, !seenQuestions.contains(qKey) else { continue }
            let aKey = normalised(answer)
            guard !aKey.isEmpty else { continue } // a question without an answer is no pair
            seenQuestions.insert(qKey)
            // A pair found in the text with the same question gives the spans directly.
            let twin = found.first { normalised($0.question) == qKey }
            var qSpan = twin?.questionSpan ?? locate(Array(qKey.utf8), in: buf, from: 0)
            var aSpan: Span? = nil
            if let t = twin, normalised(t.answer) == aKey { aSpan = t.answerSpan }
            if aSpan == nil, !aKey.isEmpty {
                aSpan = locate(Array(aKey.utf8), in: buf, from: qSpan?.end ?? 0) ?? locate(Array(aKey.utf8), in: buf, from: 0)
            }
            if let q = qSpan, let a = aSpan, q.start < a.end, a.start < q.end { qSpan = nil } // answer text holds the question
            out.append(FAQPair(question: qSpan.map { text(buf, $0) } ?? question,
                               answer: aSpan.map { text(buf, $0) } ?? answer,
                               questionSpan: qSpan, answerSpan: aSpan))
        }
        let taken = out.flatMap { [$0.questionSpan, $0.answerSpan].compactMap { $0 } }
        var extra: [FAQPair] = []
        for p in found {
            if seenQuestions.contains(normalised(p.question)) { continue }
            let spans = [p.questionSpan, p.answerSpan].compactMap { $0 }
            if spans.contains(where: { s in taken.contains { $0.start < s.end && s.start < $0.end } }) { continue }
            extra.append(p)
        }
        // Text order when every declared pair was found in the text; else the declared pairs first, in
        // their own order, then the others.
        if out.allSatisfy({ $0.questionSpan != nil || $0.answerSpan != nil }) {
            return (out + extra).sorted { key($0) < key($1) }
        }
        return out + extra
    }

    private static func key(_ p: FAQPair) -> Int { p.questionSpan?.start ?? p.answerSpan?.start ?? 0 }

    private static func text(_ buf: Buf, _ s: Span) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: buf[s.start..<s.end]), as: UTF8.self)
    }

    /// Whitespace runs become one space; ends trimmed.
    static func normalised(_ s: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count)
        var space = false
        for b in s.utf8 {
            if ASCII.isSpace(b) { space = !out.isEmpty; continue }
            if space { out.append(32); space = false }
            out.append(b)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text without HTML tags, for declared answers that carry markup (`<p>Yes.</p>`). Text without a
    /// `<` followed by a letter, `/` or `!` is returned unchanged.
    static func plain(_ s: String) -> String {
        let bytes = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0, changed = false
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "<"), i + 1 < bytes.count,
               ASCII.isLetter(bytes[i + 1]) || bytes[i + 1] == UInt8(ascii: "/") || bytes[i + 1] == UInt8(ascii: "!"),
               let close = bytes[(i + 1)...].firstIndex(of: UInt8(ascii: ">")) {
                // Block-level tags and <br> separate words; inline ones do not.
                let name = bytes[(i + 1)..<close].prefix { ASCII.isLetter($0) || $0 == UInt8(ascii: "/") }
                let bare = Array(name.filter { $0 != UInt8(ascii: "/") }.map { ASCII.lower($0) })
                if blockTags.contains(bare) { out.append(10) }
                i = close + 1
                changed = true
                continue
            }
            out.append(b)
            i += 1
        }
        return changed ? normalised(String(decoding: out, as: UTF8.self)) : s
    }

    private static let blockTags: Set<[UInt8]> = Set(["p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "table", "dd", "dt", "blockquote", "pre"].map { Array($0.utf8) })

    /// Where a declared text stands: the first occurrence at or after `from` that fills whole lines (a
    /// heading, a paragraph; not a mention inside other text such as a table of contents entry with more on
    /// its line), else the first occurrence.
    static func locate(_ needle: [UInt8], in buf: Buf, from: Int) -> Span? {
        guard let first = find(needle, in: buf, from: from) else { return nil }
        var hit: Span? = first
        while let h = hit {
            let startsLine = h.start == 0 || buf[h.start - 1] == 10
            let endsLine = h.end == buf.count || buf[h.end] == 10
            if startsLine && endsLine { return h }
            hit = find(needle, in: buf, from: h.start + 1)
        }
        return first
    }

    /// The first place at or after `from` where `needle` (normalised: single spaces, no space at either
    /// end) occurs in `buf` with any run of whitespace for each of its spaces.
    static func find(_ needle: [UInt8], in buf: Buf, from: Int) -> Span? {
        guard let first = needle.first, !needle.isEmpty else { return nil }
        var i = max(0, from)
        let n = buf.count
        guard let base = buf.baseAddress else { return nil }
        while i < n {
            // Jump to the next byte equal to the needle's first one.
            guard let p = memchr(base + i, Int32(first), n - i) else { return nil }
            i = UnsafeRawPointer(p).assumingMemoryBound(to: UInt8.self) - base
            var h = i, k = 0
            while k < needle.count, h < n {
                if needle[k] == 32 {
                    guard ASCII.isSpace(buf[h]) else { break }
                    while h < n, ASCII.isSpace(buf[h]) { h += 1 }
                    k += 1
                } else if buf[h] == needle[k] {
                    h += 1; k += 1
                } else {
                    break
                }
            }
            if k == needle.count { return Span(start: i, end: h) }
            i += 1
        }
        return nil
    }
}
