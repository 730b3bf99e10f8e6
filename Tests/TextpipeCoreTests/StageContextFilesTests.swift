import Foundation
import StageKit
import Testing

/// `StageContext.dataText` / `fileText`: how every stage reads its data and option files.
@Suite struct StageContextFilesTests {
    func folder() throws -> String {
        let dir = NSTemporaryDirectory() + "ctx-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/data", withIntermediateDirectories: true)
        return dir
    }

    @Test func dataText_readsTheFileFromTheResourceFolder() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "a\tb\n".write(toFile: dir + "/data/x.tsv", atomically: true, encoding: .utf8)
        let ctx = StageContext(resourceDirectory: dir, configDirectory: "/tmp")
        #expect(try ctx.dataText("x.tsv", stage: "demo") == "a\tb\n")
    }

    @Test func dataText_whenFileIsMissing_namesThePath() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let ctx = StageContext(resourceDirectory: dir, configDirectory: "/tmp")
        let mark = SourceMark(file: "c.yaml", line: 3, column: 5)
        let issue = #expect(throws: ConfigIssue.self) { try ctx.dataText("nope.txt", stage: "demo", at: mark) }
        #expect(issue?.message.contains(dir + "/data/nope.txt") == true)
        #expect(issue?.message.hasPrefix("demo: ") == true)
        #expect(issue?.mark == mark)
    }

    @Test func dataText_withoutResourceFolder_saysSo() {
        let ctx = StageContext(resourceDirectory: nil, configDirectory: "/tmp")
        let issue = #expect(throws: ConfigIssue.self) { try ctx.dataText("x.txt", stage: "demo") }
        #expect(issue?.message.contains("no resource folder") == true)
    }

    @Test func fileText_resolvesRelativePathsAgainstTheConfigFolder_andRejectsInvalidUTF8() throws {
        let dir = try folder()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try "hello".write(toFile: dir + "/words.txt", atomically: true, encoding: .utf8)
        _ = FileManager.default.createFile(atPath: dir + "/bad.txt", contents: Data([0x61, 0xC3, 0x28]))
        let ctx = StageContext(resourceDirectory: nil, configDirectory: dir)
        #expect(try ctx.fileText("words.txt", stage: "demo") == "hello")
        let issue = #expect(throws: ConfigIssue.self) { try ctx.fileText("bad.txt", stage: "demo") }
        #expect(issue?.message.contains("not valid UTF-8") == true)
    }
}
