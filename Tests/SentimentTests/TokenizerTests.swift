import StageKit
import Testing
@testable import SentimentStage

/// The byte tokenizer: words, symbols and marks, and what it looks up.
@Suite struct TokenizerTests {
    static func tokens(_ text: String) -> [Token] {
        var tk = Tokenizer(lexicon: TestSupport.analyzer.lexicon)
        var out: [Token] = []
        var t = text
        t.withUTF8 { tk.tokenize($0, into: &out) }
        return out
    }

    static func kinds(_ text: String) -> String {
        tokens(text).map { t -> String in
            switch t.kind {
            case .word: return "w"
            case .symbol: return "s"
            case .punct: return String(UnicodeScalar(t.mark))
            }
        }.joined()
    }

    @Test(arguments: [
        ("Hello, world!", "w,w!"),
        ("great:)", "ws"),
        (":) :( <3", "sss"),
        ("isn't it?", "ww?"),
        ("don’t stop", "ww"),
        ("well-made film.", "ww."),
        ("wait... what?!", "w...w?!"),
        ("fish &amp; chips", "ww"),
        ("I &lt;3 you", "wsw"),
        ("so 😂😂 funny", "wssw"),
        ("👍🏽 ok", "sw"),
        ("see http://x.org/a now", "ww"),
        ("@bob hi #happy", "ww"),
        ("one — two", "w,w"),
        ("(aside) yes", "(w(w"),
        ("Ça va très bien", "wwww"),
        ("say \"hi\" and ''bye''", "w\"w\"w\"w\""),
        ("the “best” one", "w\"w\"w"),
    ])
    func tokenize_splitsIntoWordsSymbolsAndMarks(text: String, expected: String) {
        #expect(Self.kinds(text) == expected, "\(text)")
    }

    @Test func tokenize_lowercasesAndNormalisesApostrophes() {
        let lex = TestSupport.analyzer.lexicon
        let t = Self.tokens("GOOD Doesn’t")
        #expect(t[0].entry == lex.find(Array("good".utf8)))
        #expect(t[0].caps)
        #expect(t[1].nt)
    }

    @Test func tokenize_elongatedWord_isFoundShortened() {
        let t = Self.tokens("goooood")
        #expect(t.count == 1 && t[0].elongated)
        #expect(t[0].entry == TestSupport.analyzer.lexicon.find(Array("good".utf8)))
    }

    @Test(arguments: ["h-happy", "H-h-happy", "b-b-bad"])
    func tokenize_stutteredWord_isTheWord(text: String) {
        let t = Self.tokens(text)
        #expect(t.count == 1 && t[0].entry >= 0 && t[0].valence != 0, "\(text)")
    }

    @Test func tokenize_ordinaryHyphenatedWord_isNoStutter() {
        #expect(Self.kinds("x-ray") == "w")
    }

    @Test func tokenize_entityForms_doNotBecomeWords() {
        for s in ["&amp;", "&quot;", "&#39;", "&nbsp;", "&#8217;", "&hellip;"] {
            #expect(Self.tokens(s).allSatisfy { $0.kind != .word }, "\(s)")
        }
        // An unknown entity-like string stays text.
        #expect(Self.kinds("&foo; bar") == "w,w")
    }

    @Test func tokenize_invalidUTF8_doesNotCrash() {
        let bytes: [UInt8] = [0x67, 0x6F, 0x6F, 0x64, 0xF0, 0x9F, 0x20, 0xE2, 0x80]
        var tk = Tokenizer(lexicon: TestSupport.analyzer.lexicon)
        var out: [Token] = []
        bytes.withUnsafeBufferPointer { tk.tokenize($0, into: &out) }
        #expect(out.first?.kind == .word)
    }
}
