import Testing
import StageKit
@testable import EntitiesStage

/// The first-token filter of `PhraseTable` may only skip tokens that start no phrase: every stored
/// phrase is still found after the filter has been rebuilt larger many times.
struct PhraseTableFilterTests {
    /// Words that are not English: "qz0", "qz1", …
    static func word(_ k: Int) -> String { "qz\(k)" }

    @Test(arguments: [false, true])
    func phraseTable_afterThousandsOfPhrases_findsEveryOne(ignoreCase: Bool) {
        var table = PhraseTable(ignoreCase: ignoreCase, capacity: 4)
        let count = 5000
        for k in 0..<count {
            // every third phrase has two tokens; the rest one
            let phrase = k % 3 == 0 ? "\(Self.word(k)) Bay" : Self.word(k)
            table.add(Tokenizer.phraseHashes(phrase, ignoreCase: ignoreCase), PhraseEntry(label: UInt16(k % 7), weak: false, needsThe: false, priority: 1))
        }
        var text = ""
        for k in 0..<count { text += (k % 3 == 0 ? "\(Self.word(k)) Bay" : Self.word(k)) + " , " }
        text += "unknown words here"
        var copy = ignoreCase ? text.uppercased() : text
        let (found, missing, stray) = copy.withUTF8 { buf -> (Int, Int, Int) in
            let toks = Tokenizer.tokenize(buf)
            return toks.withUnsafeBufferPointer { t -> (Int, Int, Int) in
                var found = 0, missing = 0, stray = 0
                var i = 0
                while i < t.count {
                    let m = table.longest(t, at: i, limit: t.count)
                    if t[i].kind == Tokenizer.kWord, String(decoding: buf[Int(t[i].start)..<Int(t[i].end)], as: UTF8.self).lowercased().hasPrefix("qz") {
                        if let m { found += 1; i = m.end; continue } else { missing += 1 }
                    } else if m != nil {
                        stray += 1
                    }
                    i += 1
                }
                return (found, missing, stray)
            }
        }
        #expect(found == count)
        #expect(missing == 0)
        #expect(stray == 0)
    }

    @Test func phraseTable_empty_findsNothing() {
        let table = PhraseTable(ignoreCase: false)
        var s = "London Paris"
        let m = s.withUTF8 { buf in Tokenizer.tokenize(buf).withUnsafeBufferPointer { table.longest($0, at: 0, limit: $0.count) } }
        #expect(m == nil)
    }
}
