import Foundation
import StageKit
import Testing
import TextpipeCore

/// Whole documents in each format (plain text, Markdown, HTML) from the FAQ corpus through the real daemon
/// with the pipeline clean → segment → faq and `"faq_jsonld": true`: the `faq` and `faq_jsonld` parts of the
/// answer must equal `Tests/Fixtures/faq/golden/<name>.golden.json` exactly. Re-record with
/// `UPDATE_GOLDEN=1 swift test --filter FAQGoldenTests` and review the diff.
@Suite(.serialized) struct FAQGoldenTests {
    static let corpus = Daemon.repoRoot + "/Tests/Fixtures/faq/corpus/"
    static let golden = Daemon.repoRoot + "/Tests/Fixtures/faq/golden/"

    static let documents = [
        "01_router_labels.txt", "02_author_interview.txt", "04_gym_faq_plain.txt", "06_news_rhetorical.txt",
        "11_md_saas_headings.md", "12_md_bold_questions.md", "13_md_numbered.md", "15_md_rhetorical_blog.md",
        "21_html_headings_faq.html", "22_html_dl.html", "23_html_details.html", "24_html_jsonld_accordion.html",
        "25_html_microdata.html", "27_html_qa_labels.html", "28_html_article_negative.html",
        "36_md_question_answer_words.md", "40_html_ol_strong_items.html", "50_txt_q1_ans_labels.txt",
        "59_html_jsonld_partial.html",
    ]

    static let config = """
    server:
      socket: @SOCKET@
    default_pipeline: faq
    pipelines:
      faq: [clean, segment, faq]
    """

    /// The daemon is started once for all documents (each test case would otherwise start its own).
    @Test func documents_matchTheirGoldenFiles() throws {
        let d = try Daemon(config: Self.config)
        var failures: [String] = []
        for name in Self.documents {
            let text = try String(contentsOfFile: Self.corpus + name, encoding: .utf8)
            let answer = try d.ask(.object([
                ("id", .string(name)), ("text", .string(text)), ("offsets", .string("codepoint")), ("faq_jsonld", .bool(true)),
            ]))
            guard answer["ok"] == .bool(true), let result = answer.result else {
                failures.append("\(name): error answer \(answer)")
                continue
            }
            // Spans slice to their text in the answer's own text (code point offsets).
            let scalars = Array((result["text"]?.stringValue ?? "").unicodeScalars)
            func slice(_ span: JSONValue?) -> String? {
                guard let s = span?["start"]?.intValue, let e = span?["end"]?.intValue, s >= 0, s <= e, e <= scalars.count else { return nil }
                var u = String.UnicodeScalarView(); u.append(contentsOf: scalars[s..<e]); return String(u)
            }
            for pair in result["faq"]?.arrayValue ?? [] {
                if let q = pair["question_span"] { #expect(slice(q) == pair["question"]?.stringValue, "\(name)") }
                if let a = pair["answer_span"] { #expect(slice(a) == pair["answer"]?.stringValue, "\(name)") }
            }
            let part: JSONValue = .object([("faq", result["faq"] ?? .null), ("faq_jsonld", result["faq_jsonld"] ?? .null)])
            var w = JSONWriter()
            w.pretty(part)
            w.byte(0x0A)
            let actual = String(decoding: w.bytes, as: UTF8.self)
            let path = Self.golden + name + ".golden.json"
            if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
                try FileManager.default.createDirectory(atPath: Self.golden, withIntermediateDirectories: true)
                try actual.write(toFile: path, atomically: true, encoding: .utf8)
            }
            let expected = (try? String(contentsOfFile: path, encoding: .utf8)) ?? "(missing \(path))"
            if expected != actual {
                let out = "/tmp/" + name + ".actual.json"
                try? actual.write(toFile: out, atomically: true, encoding: .utf8)
                failures.append("\(name) differs: diff \(path) \(out)")
            }
        }
        #expect(failures.isEmpty, "\(failures.joined(separator: "\n"))")
        #expect(d.stop() == 0)
    }

    @Test func everyGoldenFile_belongsToADocument() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.golden).filter { $0.hasSuffix(".golden.json") }
        #expect(Set(files) == Set(Self.documents.map { $0 + ".golden.json" }))
        #expect(Set(Self.documents.map { ($0 as NSString).pathExtension }) == ["txt", "md", "html"])
    }

    @Test func withoutTheFlag_thereIsNoJSONLD() throws {
        let d = try Daemon(config: Self.config)
        let answer = try d.ask(.object([("id", .int(1)), ("text", .string("Q: Is it free?\nA: Yes."))]))
        #expect(answer.result?["faq"]?.arrayValue?.count == 1)
        #expect(answer.result?["faq_jsonld"] == nil)
        #expect(d.stop() == 0)
    }
}
