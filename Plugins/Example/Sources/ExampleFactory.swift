#if canImport(Glibc)
import Glibc
#endif
import StageKit

/// `wordcount`: the example third-party stage from docs/plugins.md. It counts words and adds
/// `result.word_count`; with `max_words` set, a longer document fails with `stage_failed`.
public struct ExampleFactory: StageFactory {
    public init() {}
    public let name = "wordcount"
    public let summary = "example stage: counts words and adds result.word_count"
    public let requires: [Field] = [.text]
    public let provides: [Field] = []
    public let options: [OptionSpec] = [
        OptionSpec("key", .string, default: "word_count", "name of the key added under result"),
        OptionSpec("max_words", .int(0...Int.max), default: "0", "fail documents with more words than this (0: no limit)"),
        OptionSpec("delay_ms", .int(0...60_000), default: "0", "sleep this long per document: a stand-in for a slow stage when testing timeouts and back-pressure"),
    ]

    public func makeStage(options: StageOptions, context: StageContext) throws -> any Stage {
        let key = options.string("key", default: "word_count")
        if key.isEmpty { throw ConfigIssue("option 'key' of stage 'wordcount' must not be empty", at: options.node?["key"]?.mark) }
        return WordCount(key: key, maxWords: options.int("max_words", default: 0), delayMs: options.int("delay_ms", default: 0))
    }
}

/// Counts runs of letters, digits and apostrophes.
struct WordCount: Stage {
    let key: String
    let maxWords: Int
    let delayMs: Int

    func process(_ document: inout Document) throws {
        if delayMs > 0 { usleep(useconds_t(delayMs) * 1000) }
        let count = document.withUTF8 { bytes -> Int in
            var n = 0
            var inWord = false
            for b in bytes {
                let wordByte = ASCII.isAlnum(b) || b >= 0x80 || b == UInt8(ascii: "'")
                if wordByte && !inWord { n += 1 }
                inWord = wordByte
            }
            return n
        }
        if maxWords > 0 && count > maxWords {
            throw StageError("document has \(count) words; this pipeline allows at most \(maxWords)")
        }
        document.extensions[key] = .int(count)
    }
}
