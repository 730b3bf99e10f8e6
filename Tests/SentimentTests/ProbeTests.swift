import Foundation
import StageKit
import Testing
@testable import SentimentStage

/// Development aid: with SENTIMENT_PROBE=<file>, prints each line's score and token valences.
@Suite struct ProbeTests {
    @Test func probe_whenFileGiven_printsScores() throws {
        guard let path = ProcessInfo.processInfo.environment["SENTIMENT_PROBE"],
              let text = try? String(contentsOfFile: path, encoding: .utf8) else { return }
        let a = TestSupport.analyzer
        for line in text.split(separator: "\n") {
            let s = String(line)
            let r = a.analyze(text: s, sentences: SentimentEvaluation.splitSentences(s))
            var toks: [Token] = []
            var tk = Tokenizer(lexicon: a.lexicon)
            var sc = SentenceScorer(lexicon: a.lexicon, settings: a.settings)
            var detail = ""
            for sen in SentimentEvaluation.splitSentences(s) {
                var d = Document(text: s)
                d.withUTF8 { buf in tk.tokenize(UnsafeBufferPointer(rebasing: buf[sen.start..<sen.end]), into: &toks) }
                _ = d
                let raw = sc.score(toks).raw
                detail += " [raw \(String(format: "%.2f", raw)):"
                for (k, v) in sc.valence.enumerated() where v != 0 { detail += " \(k)=\(String(format: "%.2f", v))" }
                detail += "]"
            }
            print(String(format: "PROBE %.3f", r.score), s, "|", detail)
        }
    }
}
