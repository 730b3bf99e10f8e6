import StageKit

/// `faq`: finds question/answer pairs in a segmented document — `Q:`/`A:` style labels, question
/// headings and bold or numbered question lines inside FAQ sections — and adds them as `document.faq`.
public struct FAQFactory: StageFactory {
    public init() {}
    public let name = "faq"
    public let summary = "question/answer pairs from Q:/A: labels, FAQ sections and question headings"
    public let requires: [Field] = [.blocks, .sentences]
    public let provides: [Field] = [.faq]
    public let options: [OptionSpec] = [
        OptionSpec("headings", .choice(FAQSettings.Scope.allCases.map(\.rawValue)), default: "faq_sections",
                   "where headings ending in '?' count as questions: faq_sections (inside FAQ sections or a run of sibling question headings), all, none"),
        OptionSpec("question_lines", .choice(FAQSettings.Scope.allCases.map(\.rawValue)), default: "faq_sections",
                   "where bold, numbered or plain one-sentence lines ending in '?' count as questions: faq_sections (inside FAQ sections or ≥ 2 in one section), all, none"),
        OptionSpec("answer_continuation", .choice(FAQSettings.Continuation.allCases.map(\.rawValue)), default: "auto",
                   "which blocks after an 'A:' block belong to its answer: auto (up to the next question; after the last one only what the answer introduces with ':'), none, all"),
        OptionSpec("max_answer_blocks", .int(1...10_000), default: "20", "most blocks one answer may span"),
        OptionSpec("min_question_words", .int(1...100), default: "2", "fewest words in a question heading or question line"),
        OptionSpec("max_question_words", .int(1...1_000), default: "40", "most words in a question heading or question line"),
        OptionSpec("question_labels", .stringList, default: "[]", "extra question label words added to Q, Question, Ques (e.g. [Frage])"),
        OptionSpec("answer_labels", .stringList, default: "[]", "extra answer label words added to A, Answer, Ans (e.g. [Antwort])"),
        OptionSpec("section_titles", .stringList, default: "[]", "extra heading phrases that start an FAQ section (added to FAQ, Frequently Asked Questions, Q&A, …)"),
        OptionSpec("ignore_questions", .stringList, default: "[]", "extra beginnings of headings/lines ending in '?' that are not questions (added to 'still have questions', 'was this helpful', …)"),
    ]

    public func makeStage(options: StageOptions, context: StageContext) throws -> any Stage {
        var s = FAQSettings()
        s.headings = FAQSettings.Scope(rawValue: options.string("headings", default: "faq_sections")) ?? .faqSections
        s.questionLines = FAQSettings.Scope(rawValue: options.string("question_lines", default: "faq_sections")) ?? .faqSections
        s.continuation = FAQSettings.Continuation(rawValue: options.string("answer_continuation", default: "auto")) ?? .auto
        s.maxAnswerBlocks = options.int("max_answer_blocks", default: 20)
        s.minQuestionWords = options.int("min_question_words", default: 2)
        s.maxQuestionWords = options.int("max_question_words", default: 40)
        var issues: [ConfigIssue] = []
        if s.maxQuestionWords < s.minQuestionWords {
            issues.append(ConfigIssue("option 'max_question_words' of stage 'faq' (\(s.maxQuestionWords)) is below 'min_question_words' (\(s.minQuestionWords))",
                                      at: options.node?["max_question_words"]?.mark ?? options.mark))
        }
        func labels(_ key: String) -> [String] {
            let list = options.stringList(key, default: [])
            let nodes = options.node?[key]?.sequence ?? []
            for (k, label) in list.enumerated() {
                let bad = label.isEmpty || label.utf8.contains { $0 == UInt8(ascii: ":") || ASCII.isSpace($0) || $0 == UInt8(ascii: "*") || $0 == UInt8(ascii: "_") }
                if bad {
                    issues.append(ConfigIssue("label '\(label)' in option '\(key)' of stage 'faq' must be one word without ':', '*' or '_' (write 'Frage', not 'Frage:')",
                                              at: k < nodes.count ? nodes[k].mark : options.mark))
                }
            }
            return list
        }
        s.questionLabels += labels("question_labels")
        s.answerLabels += labels("answer_labels")
        func phrases(_ key: String) -> [String] {
            let list = options.stringList(key, default: [])
            let nodes = options.node?[key]?.sequence ?? []
            for (k, t) in list.enumerated() where PhraseMatcher.normalise(Array(t.utf8)[...]).count <= 2 {
                issues.append(ConfigIssue("phrase '\(t)' in option '\(key)' of stage 'faq' has no letters or digits",
                                          at: k < nodes.count ? nodes[k].mark : options.mark))
            }
            return list
        }
        s.sectionTitles += phrases("section_titles")
        s.ignoredQuestions += phrases("ignore_questions")
        if issues.count == 1 { throw issues[0] }
        if !issues.isEmpty { throw ConfigIssues(issues) }
        return FAQExtractor(settings: s)
    }
}
