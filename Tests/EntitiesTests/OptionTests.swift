import Foundation
import Testing
import StageKit
@testable import EntitiesStage

/// The stage's options: user patterns, user gazetteers, label filter, exclusions, and bad input.
struct OptionTests {
    typealias S = TestSupport

    static func pattern(_ pairs: [(String, ConfigNode)], line: Int = 4) -> ConfigNode {
        let m = SourceMark(file: "test.yaml", line: line, column: 5)
        return ConfigNode(.mapping(pairs.map { (key: $0.0, keyMark: m, value: $0.1) }), mark: m)
    }

    @Test func options_userPhraseAndTokenPattern_winOverBuiltins() throws {
        let stage = try S.stage(S.yaml([("patterns", S.list([
            OptionTests.pattern([("label", S.scalar("ORG")), ("phrase", S.scalar("Acme Widgets"))]),
            OptionTests.pattern([("label", S.scalar("PRODUCT")), ("tokens", S.list([S.scalar("iPhone"), S.scalar("\\d+")]))]),
            OptionTests.pattern([("label", S.scalar("ORG")), ("phrase", S.scalar("washington")), ("ignore_case", ConfigNode(.scalar("true", plain: true), mark: SourceMark(file: "t", line: 1, column: 1)))]),
        ]))]))
        let found = try S.entities("Acme Widgets sold the iPhone 15 in Washington last week.", stage: stage)
        #expect(found.contains { $0 == ("Acme Widgets", "ORG") })
        #expect(found.contains { $0 == ("iPhone 15", "PRODUCT") })
        #expect(found.contains { $0 == ("Washington", "ORG") })
    }

    @Test func options_tokenClasses_matchOptionalAndRepeated() throws {
        let stage = try S.stage(S.yaml([("patterns", S.list([
            OptionTests.pattern([("label", S.scalar("CASE")), ("tokens", S.list([S.scalar("Case|Docket"), S.scalar("No"), S.scalar(".?"), S.scalar("\\d{2,4}"), S.scalar("<upper>?")]))]),
            OptionTests.pattern([("label", S.scalar("SHIP")), ("tokens", S.list([S.scalar("HMS"), S.scalar("<cap>+")]))]),
        ]))]))
        let found = try S.entities("They filed Case No. 1234 before HMS Queen Elizabeth sailed.", stage: stage)
        #expect(found.contains { $0 == ("HMS Queen Elizabeth", "SHIP") }, "\(found)")
        let found2 = try S.entities("They filed Docket No 77 AB yesterday.", stage: stage)
        #expect(found2.contains { $0 == ("Docket No 77 AB", "CASE") }, "\(found2)")
    }

    @Test func options_userGazetteerFile_isResolvedAgainstConfigDirectory() throws {
        let dir = NSTemporaryDirectory() + "ent-gaz-\(getpid())"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "# test\nZorblax Station\tFAC\nQuibble\tPRODUCT\n".write(toFile: dir + "/mine.tsv", atomically: true, encoding: .utf8)
        let stage = try S.stage(S.yaml([("gazetteers", S.list([S.scalar("mine.tsv")]))]), config: dir)
        let found = try S.entities("Crews reached Zorblax Station with the Quibble.", stage: stage)
        #expect(found.contains { $0 == ("Zorblax Station", "FAC") })
        #expect(found.contains { $0 == ("Quibble", "PRODUCT") })
    }

    @Test func options_labelsAndExclude_filterOutput() throws {
        let stage = try S.stage(S.yaml([("labels", S.list([S.scalar("GPE")])), ("exclude", S.list([S.scalar("paris")]))]))
        let found = try S.entities("Emmanuel Macron flew from Paris to Berlin on Monday.", stage: stage)
        #expect(found.map(\.0) == ["Berlin"], "\(found)")
    }

    @Test func options_guessOff_keepsGazetteersOnly() throws {
        let stage = try S.stage(S.yaml([("guess", ConfigNode(.scalar("false", plain: true), mark: SourceMark(file: "t", line: 1, column: 1)))]))
        let found = try S.entities("Tobias Wrenfield of the Brennan Policy Forum visited Berlin.", stage: stage)
        #expect(found.map(\.0) == ["Berlin"], "\(found)")
    }

    @Test(arguments: [
        ("label missing", [("phrase", "Acme")]),
        ("both phrase and tokens", [("label", "ORG"), ("phrase", "Acme")]),
        ("bad label", [("label", "org"), ("phrase", "Acme")]),
        ("unknown class", [("label", "ORG"), ("tokens", "<capital>")]),
        ("bad digits", [("label", "ORG"), ("tokens", "\\d{x}")]),
        ("two words in one element", [("label", "ORG"), ("tokens", "Acme Widgets")]),
        ("unknown key", [("label", "ORG"), ("phrase", "Acme"), ("colour", "red")]),
    ])
    func options_badPattern_throwsConfigIssueAtItsMark(name: String, pairs: [(String, String)]) {
        var nodes: [(String, ConfigNode)] = pairs.map { k, v in
            k == "tokens" ? (k, S.list([S.scalar(v, line: 7)], line: 7)) : (k, S.scalar(v, line: 7))
        }
        if name == "both phrase and tokens" { nodes.append(("tokens", S.list([S.scalar("Acme", line: 7)], line: 7))) }
        let node = S.yaml([("patterns", S.list([OptionTests.pattern(nodes, line: 6)]))])
        do {
            _ = try S.stage(node)
            Issue.record("\(name): expected a ConfigIssue")
        } catch let issue as ConfigIssue {
            #expect(issue.mark?.line == 6 || issue.mark?.line == 7, "\(name): \(issue)")
        } catch {
            Issue.record("\(name): unexpected \(error)")
        }
    }

    @Test func options_missingGazetteerFile_throwsConfigIssue() {
        #expect(throws: ConfigIssue.self) { try S.stage(S.yaml([("gazetteers", S.list([S.scalar("/nonexistent/x.tsv", line: 9)], line: 9))])) }
    }

    @Test func factory_missingDataDirectory_throwsConfigIssueNamingPath() {
        let f = EntitiesFactory()
        do {
            _ = try f.makeStage(options: StageOptions(specs: f.options, node: nil), context: StageContext(resourceDirectory: "/nonexistent", configDirectory: "/tmp"))
            Issue.record("expected a ConfigIssue")
        } catch let issue as ConfigIssue {
            #expect(issue.message.contains("/nonexistent/data/"))
        } catch { Issue.record("unexpected \(error)") }
    }

    @Test func factory_declaresContract() {
        let f = EntitiesFactory()
        #expect(f.name == "entities")
        #expect(f.requires == [.sentences, .blocks])
        #expect(f.provides == [.entities])
        #expect(f.resourceBundle == "textpiped_EntitiesPlugin.resources")
    }
}
