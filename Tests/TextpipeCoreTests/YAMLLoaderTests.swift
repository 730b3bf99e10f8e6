import Testing
@testable import TextpipeCore
import StageKit

@Suite struct YAMLLoaderTests {
    @Test func load_whenParsing_recordsOneBasedLineAndColumnMarks() throws {
        let root = try loadYAML("""
        a: 1
        b:
          c: "x"
          d: [1, 2]
        """, file: "/cfg/t.yaml")
        let m = try #require(root.mapping)
        #expect(m.map(\.key) == ["a", "b"])
        #expect(m[0].keyMark == SourceMark(file: "/cfg/t.yaml", line: 1, column: 1))
        #expect(m[0].value.mark == SourceMark(file: "/cfg/t.yaml", line: 1, column: 4))
        #expect(m[1].keyMark.line == 2 && m[1].keyMark.column == 1)
        let b = try #require(root["b"]?.mapping)
        #expect(b[0].keyMark.line == 3 && b[0].keyMark.column == 3)
        #expect(b[0].value.mark.line == 3 && b[0].value.mark.column == 6)
        let d = try #require(root["b"]?["d"])
        #expect(d.mark.line == 4 && d.mark.column == 6)
        let items = try #require(d.sequence)
        #expect(items.map(\.mark.column) == [7, 10])
        #expect(items.map { $0.scalar ?? "" } == ["1", "2"])
        #expect(root["b"]?["c"]?.mark.description == "/cfg/t.yaml:3:6")
    }

    @Test func load_whenAliasRefersToAnchor_expandsTheAnchoredNode() throws {
        let root = try loadYAML("""
        base: &b {x: 1, y: [a, b]}
        copy: *b
        list: [*b, *b]
        """)
        let copy = try #require(root["copy"])
        #expect(copy["x"]?.scalar == "1")
        #expect(copy["y"]?.sequence?.compactMap(\.scalar) == ["a", "b"])
        #expect(root["list"]?.sequence?.count == 2)
        #expect(root["list"]?.sequence?[1]["y"]?.sequence?.count == 2)
    }

    @Test func load_whenMergeKeyTakesAMapping_explicitKeysWin() throws {
        let root = try loadYAML("""
        defaults: &d {a: 1, b: 2}
        m:
          <<: *d
          b: 3
          c: 4
        n:
          b: 9
          <<: *d
        """)
        let m = try #require(root["m"]?.mapping)
        #expect(m.count == 3)
        #expect(root["m"]?["a"]?.scalar == "1")
        #expect(root["m"]?["b"]?.scalar == "3")
        #expect(root["m"]?["c"]?.scalar == "4")
        #expect(m.contains(where: { $0.key == "<<" }) == false)
        #expect(root["n"]?["b"]?.scalar == "9")
        #expect(root["n"]?["a"]?.scalar == "1")
        #expect(root["n"]?.mapping?.count == 2)
    }

    @Test func load_whenMergeKeyTakesAListOfMappings_earlierMappingsWinAndExplicitKeysWinOverAll() throws {
        let root = try loadYAML("""
        one: &one {a: 1, b: 1}
        two: &two {b: 2, c: 2, d: 2}
        m:
          <<: [*one, *two]
          d: 3
        """)
        #expect(root["m"]?["a"]?.scalar == "1")
        #expect(root["m"]?["b"]?.scalar == "1")
        #expect(root["m"]?["c"]?.scalar == "2")
        #expect(root["m"]?["d"]?.scalar == "3")
        #expect(root["m"]?.mapping?.count == 4)
    }

    @Test(arguments: ["m:\n  <<: 5\n  a: 1\n", "m:\n  <<: [{a: 1}, 5]\n", "m:\n  <<: []\n"])
    func load_whenMergeKeyTakesSomethingElse_reportsIt(yaml: String) {
        let issues = yamlIssues(yaml)
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("a merge key '<<' takes a mapping or a list of mappings") == true)
        #expect(issues.first?.mark?.line == 2)
    }

    @Test func load_whenMergeKeyIsQuoted_itIsAnOrdinaryKey() throws {
        let root = try loadYAML("m:\n  \"<<\": {a: 1}\n")
        #expect(root["m"]?.mapping?.map(\.key) == ["<<"])
        #expect(root["m"]?["a"] == nil)
    }

    @Test func load_whenKeyIsDuplicated_reportsBothPositions() {
        let issues = yamlIssues("a: 1\nb: 2\n  \na: 3\n", file: "/x/dup.yaml")
        #expect(issues.count == 1)
        let issue = issues.first
        #expect(issue?.message == "duplicate key 'a' (first defined at line 1, column 1)")
        #expect(issue?.mark == SourceMark(file: "/x/dup.yaml", line: 4, column: 1))
        #expect(issue?.description == "/x/dup.yaml:4:1: error: duplicate key 'a' (first defined at line 1, column 1)")
    }

    @Test func load_whenSeveralKeysAreDuplicated_reportsEveryOne() {
        let issues = yamlIssues("""
        top:
          x: 1
          x: 2
        other: 1
        other: 2
        """)
        #expect(issues.count == 2)
        #expect(issues.contains { $0.message.hasPrefix("duplicate key 'x' (first defined at line 2, column 3)") && $0.mark?.line == 3 && $0.mark?.column == 3 })
        #expect(issues.contains { $0.message.hasPrefix("duplicate key 'other' (first defined at line 4, column 1)") && $0.mark?.line == 5 })
    }

    @Test func load_whenMergedKeyRepeatsAnExplicitKey_itIsNotADuplicate() {
        #expect(yamlIssues("d: &d {a: 1}\nm:\n  a: 2\n  <<: *d\n").isEmpty)
    }

    static let syntaxErrors: [(String, Int, Int)] = [
        ("a: 1\n  b: 2\n", 2, 4),
        ("a: [1, 2\nb: 3\n", 2, 2),
        ("a: \"unterminated\n", 2, 1),
        ("a: *nope\n", 1, 4),
        ("a: 1\n\tb: 2\n", 2, 1),
    ]

    @Test(arguments: syntaxErrors)
    func load_whenYAMLIsMalformed_reportsSyntaxErrorAtFileLineColumn(yaml: String, line: Int, column: Int) {
        let issues = yamlIssues(yaml, file: "/c/bad.yaml")
        #expect(issues.count == 1)
        let issue = issues.first
        #expect(issue?.message.hasPrefix("YAML syntax error: ") == true, "\(String(describing: issue))")
        #expect(issue?.mark?.file == "/c/bad.yaml")
        #expect(issue?.mark?.line == line, "\(String(describing: issue))")
        #expect(issue?.mark?.column == column, "\(String(describing: issue))")
        #expect(issue?.description.hasPrefix("/c/bad.yaml:\(line):\(column): error: YAML syntax error") == true)
    }

    @Test func load_whenAliasBombExpandsBeyondTheNodeCap_rejectsQuickly() {
        var yaml = "a: &a [x, x, x, x, x, x, x, x, x]\n"
        let names = ["a", "b", "c", "d", "e", "f", "g", "h", "i"]
        for i in 1..<names.count {
            let prev = names[i - 1]
            yaml += "\(names[i]): &\(names[i]) [" + Array(repeating: "*\(prev)", count: 9).joined(separator: ", ") + "]\n"
        }
        let clock = ContinuousClock()
        var issues: [ConfigIssue] = []
        let elapsed = clock.measure { issues = yamlIssues(yaml) }
        #expect(issues.count == 1)
        #expect(issues.first?.message.hasPrefix("configuration too large: more than 100000 nodes") == true, "\(issues)")
        #expect(elapsed < .seconds(2), "took \(elapsed)")
    }

    @Test func load_whenNodeCapIsLowered_smallAliasFanOutIsRejected() {
        var loader = YAMLLoader()
        loader.maxNodes = 20
        let yaml = "a: &a [1, 2, 3, 4, 5]\nb: [*a, *a, *a, *a, *a]\n"
        #expect(throws: ConfigIssues.self) { try loader.load(bytes: Array(yaml.utf8), file: "f") }
        loader.maxNodes = 100
        #expect(throws: Never.self) { try loader.load(bytes: Array(yaml.utf8), file: "f") }
    }

    @Test func load_whenNestingIsDeeperThanTheCap_rejects() {
        let deep = String(repeating: "[", count: 70) + String(repeating: "]", count: 70)
        let issues = yamlIssues("a: \(deep)\n")
        #expect(issues.count == 1)
        #expect(issues.first?.message == "configuration too large: nesting deeper than 64 levels")
    }

    @Test func load_whenFileHoldsASecondDocument_reportsItAtTheSecondDocument() {
        let issues = yamlIssues("a: 1\n---\nb: 2\n")
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("a configuration file holds one YAML document") == true)
        #expect(issues.first?.mark?.line == 3)
    }

    @Test func load_whenDocumentHasExplicitStartAndEndMarkers_accepts() throws {
        let root = try loadYAML("---\na: 1\n...\n")
        #expect(root["a"]?.scalar == "1")
    }

    static let scalars: [(String, String, Bool)] = [
        ("v: plain words", "plain words", true),
        ("v: \"double\"", "double", false),
        ("v: 'single'", "single", false),
        ("v: |\n  literal\n", "literal\n", false),
        ("v: >\n  folded\n", "folded\n", false),
        ("v: \"true\"", "true", false),
        ("v: 12", "12", true),
    ]

    @Test(arguments: scalars)
    func load_whenScalarIsQuotedOrBlock_itIsNotPlain(yaml: String, value: String, plain: Bool) throws {
        let v = try #require(try loadYAML(yaml)["v"])
        guard case .scalar(let s, let p) = v.value else { Issue.record("not a scalar"); return }
        #expect(s == value)
        #expect(p == plain)
    }

    @Test func configNode_whenScalarIsQuoted_typedGettersDoNotConvertIt() throws {
        let root = try loadYAML("q1: \"true\"\nq2: '12'\nq3: \"~\"\np1: true\np2: 12\np3: ~\np4:\np5: null\n")
        #expect(root["q1"]?.boolValue == nil)
        #expect(root["q2"]?.intValue == nil)
        #expect(root["q2"]?.doubleValue == nil)
        #expect(root["q3"]?.isNull == false)
        #expect(root["p1"]?.boolValue == true)
        #expect(root["p2"]?.intValue == 12)
        #expect(root["p2"]?.doubleValue == 12)
        #expect(root["p3"]?.isNull == true)
        #expect(root["p4"]?.isNull == true)
        #expect(root["p5"]?.isNull == true)
        #expect(root["p3"]?.kindDescription == "null")
    }

    static let ints: [(String, Int?)] = [("12", 12), ("-5", -5), ("0x1F", 31), ("0o17", 15), ("1_000", 1000), ("1.5", nil), ("ten", nil), ("'3'", nil)]

    @Test(arguments: ints)
    func configNode_whenReadingInteger_acceptsDecimalHexOctalAndUnderscores(text: String, expected: Int?) throws {
        #expect(try loadYAML("v: \(text)")["v"]?.intValue == expected)
    }

    @Test func load_whenInputIsEmpty_returnsAnEmptyMapping() throws {
        let root = try loadYAML("")
        #expect(root.mapping?.isEmpty == true)
        #expect(root.mark.line == 1 && root.mark.column == 1)
    }

    @Test func load_whenFileIsMissing_reportsItAtLineOne() {
        do {
            _ = try YAMLLoader().load(file: "/nonexistent/textpipe-ut/none.yaml")
            Issue.record("loaded a missing file")
        } catch let e as ConfigIssues {
            #expect(e.issues.count == 1)
            #expect(e.issues.first?.message.hasPrefix("cannot read configuration file") == true)
            #expect(e.issues.first?.mark == SourceMark(file: "/nonexistent/textpipe-ut/none.yaml", line: 1, column: 1))
        } catch { Issue.record("\(error)") }
    }

    @Test func load_whenReadingAFile_matchesLoadingItsBytes() throws {
        let dir = makeTempDir(); defer { removeTree(dir) }
        writeFile(dir + "/c.yaml", "a: &x [1, 2]\nb: *x\n")
        let root = try YAMLLoader().load(file: dir + "/c.yaml")
        #expect(root["b"]?.sequence?.compactMap(\.scalar) == ["1", "2"])
        #expect(root["b"]?.mark.file == dir + "/c.yaml")
    }

    @Test func load_whenKeyIsNotAScalar_reportsIt() {
        let issues = yamlIssues("? [a, b]\n: 1\n")
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("mapping keys must be plain words, found a list") == true)
    }
}

@Suite struct YAMLLoaderRecursionTests {
    @Test func load_whenAliasRefersToItsOwnEnclosingNode_rejectsInsteadOfRecursingForever() {
        let issues = yamlIssues("a: &a [1, *a]\n")
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("refers to a node that contains it") == true)
        #expect(issues.first?.mark?.line == 1 && issues.first?.mark?.column == 4)
    }
}

@Suite struct YAMLLoaderDiagnosticsTests {
    @Test func load_whenSecondDocumentIsEmpty_stillReportsTheStrayDocumentMarker() {
        let issues = yamlIssues("a: 1\n---\n")
        #expect(issues.count == 1)
        #expect(issues.first?.message.contains("holds one YAML document") == true)
    }

    @Test
    func load_whenSecondDocumentIsMalformed_reportsAnIssue() {
        // A stray `---` followed by broken YAML must not be silently ignored.
        let issues = yamlIssues("a: 1\n---\nb: [1, 2\n")
        #expect(issues.count == 1, "\(issues)")
    }

    @Test
    func load_whenProblemIsInsideAnAliasedNode_reportsItOnce() {
        var yaml = "d: &d {a: 1, a: 2}\nlist:\n"
        for _ in 0..<50 { yaml += "  - *d\n" }
        let issues = yamlIssues(yaml)
        #expect(issues.count == 1, "\(issues.count) issues, first: \(String(describing: issues.first))")
        #expect(issues.first?.mark?.line == 1)
    }
}
