import Foundation
import StageKit

/// A user token pattern from the `patterns` option: a list of token tests matched against
/// consecutive tokens of one sentence.
///
/// Element syntax (one string per token):
/// - `word` — that token exactly (with `ignore_case: true`, in any case); `a|b|c` — any of these words;
/// - `\d+` any number; `\d{4}` a number of exactly 4 digits; `\d{1,2}` of 1 to 2 digits;
/// - `<cap>` capitalised word, `<upper>` all-caps word, `<lower>` lower-case word, `<word>` any word,
///   `<num>` any number, `<punct>` a punctuation mark, `<any>` any token;
/// - a trailing `?` makes an element optional, a trailing `+` (after `<…>` classes) repeats it 1–8 times;
///   `\?` and `\+` stand for the characters themselves.
struct UserPattern: Sendable {
    enum Test: Sendable {
        case words([UInt64])
        case digits(Int, Int)
        case cap, upper, lower, word, num, punct, any
    }
    struct Element: Sendable {
        var test: Test
        var optional: Bool
        var repeats: Bool
    }
    let label: UInt16
    let elements: [Element]
    let ignoreCase: Bool

    /// Parses one element; throws a message for a bad one.
    static func parseElement(_ raw: String, ignoreCase: Bool) throws -> Element {
        var s = raw
        var optional = false, repeats = false
        if s.hasSuffix("?") && !s.hasSuffix("\\?") { optional = true; s.removeLast() }
        if s.hasSuffix("+") && !s.hasSuffix("\\+") && s.hasPrefix("<") { repeats = true; s.removeLast() }
        s = s.replacingOccurrences(of: "\\?", with: "?").replacingOccurrences(of: "\\+", with: "+")
        guard !s.isEmpty else { throw PatternError("empty token element '\(raw)'") }
        if s.hasPrefix("<") {
            let test: Test
            switch s {
            case "<cap>": test = .cap
            case "<upper>": test = .upper
            case "<lower>": test = .lower
            case "<word>": test = .word
            case "<num>": test = .num
            case "<punct>": test = .punct
            case "<any>": test = .any
            default: throw PatternError("unknown token class '\(s)' (use <cap>, <upper>, <lower>, <word>, <num>, <punct>, <any>)")
            }
            return Element(test: test, optional: optional, repeats: repeats)
        }
        if s.hasPrefix("\\d") {
            let rest = s.dropFirst(2)
            if rest == "+" || rest.isEmpty { return Element(test: .digits(1, 64), optional: optional, repeats: false) }
            guard rest.hasPrefix("{"), rest.hasSuffix("}") else { throw PatternError("bad number element '\(raw)' (use \\d+, \\d{4} or \\d{1,2})") }
            let inner = rest.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
            guard inner.count == 1 || inner.count == 2, let lo = Int(inner[0]), let hi = Int(inner.count == 2 ? inner[1] : inner[0]), lo >= 1, hi >= lo else {
                throw PatternError("bad number element '\(raw)' (use \\d+, \\d{4} or \\d{1,2})")
            }
            return Element(test: .digits(lo, hi), optional: optional, repeats: false)
        }
        var hashes: [UInt64] = []
        for alt in s.split(separator: "|", omittingEmptySubsequences: false) {
            let toks = Tokenizer.phraseHashes(String(alt), ignoreCase: ignoreCase)
            guard toks.count == 1 else { throw PatternError("element '\(alt)' of '\(raw)' is not one token; give each word its own element") }
            hashes.append(toks[0])
        }
        return Element(test: .words(hashes), optional: optional, repeats: false)
    }

    private func test(_ e: Element, _ x: Tok, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        switch e.test {
        case .words(let hs): let h = ignoreCase ? x.lhash : x.hash; return hs.contains(h)
        case .digits(let lo, let hi):
            guard x.kind == Tokenizer.kWord, x.length >= lo, x.length <= hi else { return false }
            for k in Int(x.start)..<Int(x.end) where !ASCII.isDigit(b[k]) { return false }
            return true
        case .cap: return x.kind == Tokenizer.kWord && x.has(TokFlags.cap)
        case .upper: return x.kind == Tokenizer.kWord && x.has(TokFlags.allCaps)
        case .lower: return x.kind == Tokenizer.kWord && x.has(TokFlags.lowerStart)
        case .word: return x.kind == Tokenizer.kWord
        case .num: return x.has(TokFlags.numeric)
        case .punct: return x.kind == Tokenizer.kPunct
        case .any: return true
        }
    }

    /// The end of the longest match starting at token `i`, or nil.
    func match(_ t: UnsafeBufferPointer<Tok>, _ b: UnsafeBufferPointer<UInt8>, at i: Int) -> Int? {
        var best: Int? = nil
        func go(_ el: Int, _ k: Int) {
            if el == elements.count { if k > i, best.map({ k > $0 }) ?? true { best = k }; return }
            let e = elements[el]
            if e.optional { go(el + 1, k) }
            var j = k
            var count = 0
            while j < t.count, !t[j].has(TokFlags.used), j == i || !t[j].has(TokFlags.sentStart | TokFlags.newline), test(e, t[j], b) {
                j += 1; count += 1
                go(el + 1, j)
                if !e.repeats || count >= 8 { break }
            }
        }
        go(0, i)
        return best
    }
}

/// A problem in a user pattern, turned into a `ConfigIssue` at the pattern's place.
struct PatternError: Error { let message: String; init(_ m: String) { message = m } }
