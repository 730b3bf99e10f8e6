import Testing
@testable import TextpipeCore
import StageKit

@Suite struct StageOptionsTests {
    static let specs: [OptionSpec] = [
        OptionSpec("flag", .bool, default: "false", "a switch"),
        OptionSpec("count", .int(1...10), default: "3", "a count"),
        OptionSpec("ratio", .double(0...1), default: "0.5", "a ratio"),
        OptionSpec("name", .string, default: "x", "a name"),
        OptionSpec("mode", .choice(["fast", "slow"]), default: "fast", "a mode"),
        OptionSpec("words", .stringList, default: "[]", "some words"),
        OptionSpec("extra", .any("anything"), default: "", "free form"),
    ]

    /// The options node of stage `s` in `s: <options>`.
    static func options(_ yaml: String) throws -> ConfigNode? {
        try loadYAML("s:\n" + yaml.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n")["s"]
    }

    static let valid = [
        "flag: true", "flag: no", "flag: On", "count: 1", "count: 10", "count: 0x5", "ratio: 0", "ratio: 1", "ratio: 0.25",
        "ratio: 1e-1", "name: hello", "name: 'quoted'", "name: 12", "name: \"\"", "mode: slow", "mode: 'fast'", "words: [a, b]",
        "words: []", "words: ['x', \"y\"]", "extra: {x: [1]}", "extra: ~", "flag: false\ncount: 2\nmode: slow\nwords: [a]",
    ]

    @Test(arguments: valid)
    func validate_whenOptionFitsItsSpec_reportsNothing(yaml: String) throws {
        let issues = StageOptions.validate(try Self.options(yaml), specs: Self.specs, stage: "s")
        #expect(issues.isEmpty, "\(issues)")
    }

    static let invalid: [(String, String)] = [
        ("flag: maybe", "option 'flag' of stage 's' must be true or false, found 'maybe'"),
        ("flag: 'true'", "option 'flag' of stage 's' must be true or false, found 'true'"),
        ("flag: 1", "must be true or false, found '1'"),
        ("flag: [true]", "must be true or false, found a list"),
        ("flag: ~", "must be true or false, found null"),
        ("count: 0", "option 'count' of stage 's' must be between 1 and 10, found 0"),
        ("count: 11", "must be between 1 and 10, found 11"),
        ("count: -3", "must be between 1 and 10, found -3"),
        ("count: 2.5", "must be an integer, found '2.5'"),
        ("count: ten", "must be an integer, found 'ten'"),
        ("count: '5'", "must be an integer, found '5'"),
        ("count: {a: 1}", "must be an integer, found a mapping"),
        ("ratio: 1.5", "option 'ratio' of stage 's' must be between 0.0 and 1.0, found 1.5"),
        ("ratio: -0.1", "must be between 0.0 and 1.0, found -0.1"),
        ("ratio: x", "must be a number, found 'x'"),
        ("ratio: '0.5'", "must be a number, found '0.5'"),
        ("name: ~", "option 'name' of stage 's' must be a string, found null"),
        ("name: [a]", "must be a string, found a list"),
        ("name: {a: 1}", "must be a string, found a mapping"),
        ("mode: medium", "option 'mode' of stage 's' must be one of fast, slow, found 'medium'"),
        ("mode: FAST", "must be one of fast, slow, found 'FAST'"),
        ("mode: [fast]", "must be one of fast, slow, found a list"),
        ("words: a", "option 'words' of stage 's' must be a list of strings, found 'a'"),
        ("words: [a, [b]]", "must be a list of strings, found a list at 2:14"),
        ("words: [a, {b: 1}]", "must be a list of strings, found a mapping at 2:14"),
        ("colour: red", "unknown option 'colour' for stage 's' (allowed: flag, count, ratio, name, mode, words, extra)"),
    ]

    @Test(arguments: invalid)
    func validate_whenOptionDoesNotFit_reportsOneIssue(yaml: String, message: String) throws {
        // The options are indented by 2 on line 2 of the file, so the marks below are on line 2.
        let issues = StageOptions.validate(try Self.options(yaml), specs: Self.specs, stage: "s")
        #expect(issues.count == 1, "\(issues)")
        #expect(issues.first?.message.contains(message) == true, "message: \(issues.first?.message ?? "none")")
        #expect(issues.first?.mark?.line == 2)
    }

    @Test func validate_whenOptionIsUnknown_pointsAtTheKey_andWhenValueIsWrong_pointsAtTheValue() throws {
        let issues = StageOptions.validate(try Self.options("colour: red\ncount: 99"), specs: Self.specs, stage: "s")
        #expect(issues.count == 2)
        #expect(issues[0].mark?.line == 2 && issues[0].mark?.column == 3)
        #expect(issues[1].mark?.line == 3 && issues[1].mark?.column == 10)
    }

    @Test func validate_whenSeveralOptionsAreWrong_reportsEveryOne() throws {
        let issues = StageOptions.validate(try Self.options("flag: x\ncount: 0\nratio: 2\nmode: y\nbogus: 1"), specs: Self.specs, stage: "s")
        #expect(issues.count == 5)
        #expect(issues.map { $0.mark?.line ?? 0 } == [2, 3, 4, 5, 6])
    }

    @Test func validate_whenOptionsAreNilOrNull_reportsNothing() throws {
        #expect(StageOptions.validate(nil, specs: Self.specs, stage: "s").isEmpty)
        #expect(StageOptions.validate(try loadYAML("s: ~\n")["s"], specs: Self.specs, stage: "s").isEmpty)
        #expect(StageOptions.validate(try loadYAML("s:\n")["s"], specs: Self.specs, stage: "s").isEmpty)
    }

    @Test(arguments: [("s: [a]", "found a list"), ("s: word", "found a scalar"), ("s: 'x'", "found a scalar")])
    func validate_whenOptionsAreNotAMapping_reportsIt(yaml: String, kind: String) throws {
        let issues = StageOptions.validate(try loadYAML(yaml)["s"], specs: Self.specs, stage: "s")
        #expect(issues.count == 1)
        #expect(issues.first?.message == "options of stage 's' must be a mapping, \(kind)")
    }

    @Test func validate_whenStageTakesNoOptions_saysSo() throws {
        let issues = StageOptions.validate(try Self.options("a: 1"), specs: [], stage: "bare")
        #expect(issues.map(\.message) == ["unknown option 'a' for stage 'bare' (this stage takes no options)"])
    }

    @Test func getters_whenOptionsAreAbsent_returnDefaults() {
        let o = StageOptions(specs: Self.specs, node: nil)
        #expect(o.bool("flag", default: true) == true)
        #expect(o.int("count", default: 3) == 3)
        #expect(o.double("ratio", default: 0.5) == 0.5)
        #expect(o.string("name", default: "x") == "x")
        #expect(o.string("mode", default: "fast") == "fast")
        #expect(o.stringList("words", default: ["d"]) == ["d"])
        #expect(o.node("extra") == nil)
    }

    @Test func getters_whenOptionsAreSet_returnTheConfiguredValues() throws {
        let node = try Self.options("flag: yes\ncount: 0x7\nratio: 0.75\nname: 'n'\nmode: slow\nwords: [a, 'b']\nextra: {k: v}")
        let o = StageOptions(specs: Self.specs, node: node)
        #expect(o.bool("flag", default: false) == true)
        #expect(o.int("count", default: 3) == 7)
        #expect(o.double("ratio", default: 0.5) == 0.75)
        #expect(o.string("name", default: "x") == "n")
        #expect(o.string("mode", default: "fast") == "slow")
        #expect(o.stringList("words", default: []) == ["a", "b"])
        #expect(o.node("extra")?["k"]?.scalar == "v")
    }

    @Test func getters_whenOptionIsExplicitlyNull_returnDefaults() throws {
        let o = StageOptions(specs: Self.specs, node: try Self.options("name: ~\nwords:\nextra: null"))
        #expect(o.string("name", default: "dflt") == "dflt")
        #expect(o.stringList("words", default: ["w"]) == ["w"])
        #expect(o.node("extra") == nil)
    }

    @Test(arguments: [("boolean", OptionSpec.Kind.bool), ("integer 1…10", .int(1...10)), ("number 0.0…1.0", .double(0...1)),
                      ("string", .string), ("a|b", .choice(["a", "b"])), ("list of strings", .stringList), ("free", .any("free"))])
    func kind_whenDescribed_namesTheType(expected: String, kind: OptionSpec.Kind) {
        #expect(kind.description == expected)
    }
}
