import Foundation
import StageKit
import Testing
@testable import SentimentStage

/// The lexicon table and file format.
@Suite struct LexiconTests {
    @Test func builtInLexicon_hasWordsEmoticonsEmojiAndPhrases() {
        let lex = TestSupport.analyzer.lexicon
        for key in ["good", "terrible", ":)", "<3", "😂", "❤"] {
            let e = lex.find(Array(key.utf8))
            #expect(e >= 0 && lex.entries[Int(e)].valence != 0, "\(key)")
        }
        let the = lex.find(Array("the".utf8))
        #expect(lex.entries[Int(the)].roles.contains(.phraseStart))   // "the bomb"
        #expect(lex.entries[Int(lex.find(Array(":)".utf8)))].isSymbol)
        #expect(!lex.entries[Int(lex.find(Array("good".utf8)))].isSymbol)
    }

    @Test func lexicon_laterTermsOverrideEarlierOnes_andZeroRemoves() {
        let lex = Lexicon(terms: [("Nice", 2), ("nice", -1), ("meh", -0.5), ("meh", 0)])
        #expect(lex.entries[Int(lex.find(Array("nice".utf8)))].valence == -1)
        #expect(lex.entries[Int(lex.find(Array("meh".utf8)))].valence == 0)
        #expect(lex.find(Array("absent".utf8)) == -1)
    }

    @Test func lexicon_ruleWordsKeepTheirRoles_whateverTheFile() {
        let lex = Lexicon(terms: [("fine", 1)])
        #expect(lex.entries[Int(lex.find(Array("not".utf8)))].roles.contains(.negator))
        #expect(lex.entries[Int(lex.find(Array("very".utf8)))].roles.contains(.booster))
    }

    @Test func parse_readsTermsAndSkipsComments() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("snt-parse-\(getpid()).tsv").path
        try "# comment\n\ngood\t1.5\r\n:)\t2\nnot bad\t1.2\n".write(toFile: path, atomically: true, encoding: .utf8)
        let terms = try Lexicon.parse(file: path)
        #expect(terms.map(\.0) == ["good", ":)", "not bad"])
        #expect(terms.map(\.1) == [1.5, 2, 1.2])
    }

    @Test(arguments: ["good 1.5\n", "good\tgreat\n", "good\t-5\n"])
    func parse_badLine_throws(content: String) throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("snt-badparse-\(getpid()).tsv").path
        try content.write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: ConfigIssue.self) { _ = try Lexicon.parse(file: path) }
    }
}

/// The word fast path (hash and case counts eight bytes at a time, a Bloom filter before the table)
/// finds exactly what a plain lookup of the lower-cased key finds, wherever the word sits in the buffer.
@Suite struct LexiconFastPathTests {
    /// Every single-word key of the built-in lexicon made only of ASCII letters.
    static let letterKeys: [String] = {
        let terms = (try? Lexicon.parse(file: TestSupport.pluginDir + "/data/lexicon.tsv")) ?? []
        return terms.map(\.0).filter { k in
            !k.isEmpty && !k.lowercased().hasPrefix("http") && k.utf8.allSatisfy { ASCII.isLetter($0) }
        }
    }()

    @Test func tokenizer_findsEveryLetterKey_inAnyCase_atTheEndOrInsideTheText() {
        let lex = TestSupport.analyzer.lexicon
        #expect(Self.letterKeys.count > 5000)
        var misses: [String] = []
        for key in Self.letterKeys {
            let expected = lex.find(Lexicon.normalise(key))
            // Alone (the last bytes of the buffer), first with text after it, and second in the text.
            let cases: [(String, Int)] = [(key.uppercased(), 0), (key.capitalized + " and more words follow here", 0),
                                          ("x " + key.uppercased() + " tail text", 1)]
            for (text, index) in cases {
                let words = TokenizerTests.tokens(text).filter { $0.kind == .word }
                if expected < 0 || words.count <= index || words[index].entry != expected { misses.append(text) }
            }
        }
        let missed = misses.count
        #expect(missed == 0, "\(misses.prefix(10))")
    }

    @Test func findLowercased_agreesWithFind_forEveryLetterKeyInUpperCase() {
        let lex = TestSupport.analyzer.lexicon
        for key in Self.letterKeys {
            let upper = Array(key.uppercased().utf8)
            let got = upper.withUnsafeBufferPointer { lex.findLowercased($0.baseAddress!, $0.count) }
            let found = got >= 0 && got == lex.find(Lexicon.normalise(key))
            #expect(found, "\(key)")
        }
    }
}
