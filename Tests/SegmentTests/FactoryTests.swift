import Foundation
import Testing
import StageKit
@testable import SegmentStage

/// The factory's declaration, its options and its errors.
@Suite struct FactoryTests {
    let factory = SegmentFactory()
    let context = StageContext(resourceDirectory: TestSupport.pluginDir, configDirectory: "/tmp")

    func options(_ yaml: [(String, ConfigNode.Value)]) -> StageOptions {
        let mark = SourceMark(file: "t.yaml", line: 3, column: 5)
        let node = ConfigNode(.mapping(yaml.map { (key: $0.0, keyMark: mark, value: ConfigNode($0.1, mark: mark)) }), mark: mark)
        return StageOptions(specs: factory.options, node: node, mark: mark)
    }

    @Test func factory_declaresNameFieldsAndBundle() {
        #expect(factory.name == "segment")
        #expect(factory.requires == [.text])
        #expect(factory.provides == [.blocks, .sentences])
        #expect(factory.resourceBundle == "textpiped_SegmentPlugin.resources")
        #expect(factory.options.map(\.name) == ["newlines", "headings", "abbreviations", "max_sentence_bytes"])
    }

    @Test func factory_readsOptions() throws {
        let list = ConfigNode.Value.sequence([ConfigNode(.scalar("Univ", plain: true), mark: SourceMark(file: "t", line: 1, column: 1)),
                                              ConfigNode(.scalar("Gov. title", plain: true), mark: SourceMark(file: "t", line: 1, column: 1))])
        let opts = options([("newlines", .scalar("join", plain: true)), ("headings", .scalar("false", plain: true)),
                            ("abbreviations", list), ("max_sentence_bytes", .scalar("50", plain: true))])
        #expect(StageOptions.validate(opts.node, specs: factory.options, stage: "segment").isEmpty)
        let stage = try #require(try factory.makeStage(options: opts, context: context) as? Segmenter)
        #expect(stage.config.newlines == .join)
        #expect(stage.config.headings == false)
        #expect(stage.config.maxSentenceBytes == 50)
        #expect(stage.segmentSentences("He studied at the Univ. Michigan campus.") == ["He studied at the Univ. Michigan campus."])
    }

    @Test func factory_rejectsUnknownNewlinesMode() {
        let opts = options([("newlines", .scalar("wrap", plain: true))])
        #expect(!StageOptions.validate(opts.node, specs: factory.options, stage: "segment").isEmpty)
    }

    @Test func factory_badAbbreviationKind_throwsConfigIssueWithPlace() {
        let mark = SourceMark(file: "t.yaml", line: 7, column: 9)
        let list = ConfigNode.Value.sequence([ConfigNode(.scalar("Capt. admiral", plain: true), mark: mark)])
        let opts = options([("abbreviations", list)])
        #expect(throws: ConfigIssue.self) { try factory.makeStage(options: opts, context: context) }
        do { _ = try factory.makeStage(options: opts, context: context) } catch let e as ConfigIssue {
            #expect(e.message.contains("Capt. admiral"))
            #expect(e.mark != nil)
        } catch { Issue.record("wrong error \(error)") }
    }

    @Test func factory_missingDataFile_throwsConfigIssueNamingThePath() {
        let ctx = StageContext(resourceDirectory: "/nonexistent/bundle", configDirectory: "/tmp")
        do {
            _ = try factory.makeStage(options: StageOptions(specs: factory.options, node: nil), context: ctx)
            Issue.record("expected an error")
        } catch let e as ConfigIssue {
            #expect(e.message.contains("/nonexistent/bundle/data/abbreviations.txt"))
        } catch { Issue.record("wrong error \(error)") }
    }

    @Test func extraAbbreviation_keepsSentenceTogether() {
        // Without the extra entry "sched." is an ordinary word and a capital after it starts a sentence.
        #expect(TestSupport.sentences("Check the sched. Monday works.") == ["Check the sched.", "Monday works."])
        let plain = TestSupport.segmenter(SegmentConfig(abbreviations: ["sched."]))
        #expect(TestSupport.sentences("Check the sched. Monday works.", plain) == ["Check the sched. Monday works."])
        #expect(TestSupport.sentences("Check the sched. The rest is fine.", plain) == ["Check the sched.", "The rest is fine."])
        // A title never ends a sentence before a word.
        #expect(TestSupport.sentences("Go to Bldg. Seven now.") == ["Go to Bldg.", "Seven now."])
        let title = TestSupport.segmenter(SegmentConfig(abbreviations: ["Bldg. title"]))
        #expect(TestSupport.sentences("Go to Bldg. Seven now.", title) == ["Go to Bldg. Seven now."])
    }

    @Test func maxSentenceBytes_cutsLongSentencesAtSpaces() {
        let seg = TestSupport.segmenter(SegmentConfig(maxSentenceBytes: 20))
        let text = "one two three four five six seven eight nine ten eleven twelve."
        let got = TestSupport.sentences(text, seg)
        #expect(got.count > 1)
        #expect(got.allSatisfy { $0.utf8.count <= 20 })
        #expect(got.joined(separator: " ") == text)
        let hard = TestSupport.sentences(String(repeating: "é", count: 50), seg)
        #expect(hard.allSatisfy { $0.utf8.count <= 20 } && hard.joined() == String(repeating: "é", count: 50))
    }
}
