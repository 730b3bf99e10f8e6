import Foundation
import Testing
import TextpipeCore

/// The systemd units and `make install`, checked offline: `systemd-analyze verify` and `security`
/// on the units (binary path substituted), and an install into a DESTDIR.
@Suite(.serialized) struct ServiceUnitTests {
    /// The units with @BINDIR@ pointing at the build folder, in a fresh folder.
    static func units() throws -> String {
        let dir = try Daemon.makeTempDir()
        for name in ["textpiped.service", "textpiped.socket"] {
            let text = try String(contentsOfFile: Daemon.repoRoot + "/systemd/" + name, encoding: .utf8)
            try text.replacingOccurrences(of: "@BINDIR@", with: Daemon.buildDir).write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
        }
        return dir
    }

    @Test func units_passSystemdAnalyzeVerify() throws {
        guard let analyze = findTool("systemd-analyze") else {
            Issue.record("systemd-analyze is not installed (make test-deps installs the systemd package)")
            return
        }
        let dir = try Self.units()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(analyze, ["verify", dir + "/textpiped.service", dir + "/textpiped.socket"])
        #expect(r.status == 0, "\(r.out)\(r.err)")
        #expect(!r.err.contains("textpiped."), "warnings about our units: \(r.err)")
    }

    @Test func service_securityExposureIsBelowTwo() throws {
        guard let analyze = findTool("systemd-analyze") else {
            Issue.record("systemd-analyze is not installed (make test-deps installs the systemd package)")
            return
        }
        let dir = try Self.units()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let r = try run(analyze, ["security", "--offline=true", "--no-pager", dir + "/textpiped.service"])
        let line = try #require((r.out + r.err).split(separator: "\n").first { $0.contains("Overall exposure level") }, "\(r.out)\(r.err)")
        print("systemd-analyze security --offline=true systemd/textpiped.service: \(line.trimmingCharacters(in: .whitespaces))")
        let figure = line.split(separator: ":").last?.split(separator: " ").first.flatMap { Double($0) }
        let score = try #require(figure)
        #expect(score < 2.0)
    }

    @Test func makeInstall_intoDestdir_installsEverythingKeepsTheConfigAndUninstalls() throws {
        guard let make = findTool("make") else {
            Issue.record("make is not installed")
            return
        }
        let dest = try Daemon.makeTempDir()
        defer { try? FileManager.default.removeItem(atPath: dest) }
        let args = ["-s", "-C", Daemon.repoRoot, "REL=\(Daemon.buildDir)", "DESTDIR=\(dest)", "PREFIX=/usr"]
        let first = try run(make, args + ["install-files"])
        #expect(first.status == 0, "\(first.out)\(first.err)")
        let fm = FileManager.default
        for path in ["/usr/lib/textpiped/textpiped", "/usr/lib/textpiped/textpipe", "/usr/lib/textpiped/libStageKit.so",
                     "/usr/lib/textpiped/plugins/libtextpiped_segment.so", "/usr/lib/textpiped/plugins/libtextpiped_wordcount.so",
                     "/usr/bin/textpiped", "/usr/bin/textpipe", "/etc/textpiped/config.yaml",
                     "/lib/systemd/system/textpiped.service", "/lib/systemd/system/textpiped.socket",
                     "/usr/lib/sysusers.d/textpiped.conf", "/usr/lib/tmpfiles.d/textpiped.conf"] {
            #expect(fm.fileExists(atPath: dest + path), "missing \(path)")
        }
        let unit = try String(contentsOfFile: dest + "/lib/systemd/system/textpiped.service", encoding: .utf8)
        #expect(unit.contains("ExecStart=/usr/bin/textpiped --config /etc/textpiped/config.yaml"))
        #expect(!unit.contains("@BINDIR@"))
        // The units' Documentation= points at the README that install puts in the doc folder.
        #expect(unit.contains("Documentation=file:///usr/share/doc/textpiped/README.md"))
        #expect(fm.fileExists(atPath: dest + "/usr/share/doc/textpiped/README.md"))
        let config = try String(contentsOfFile: dest + "/etc/textpiped/config.yaml", encoding: .utf8)
        #expect(config.contains("socket: /run/textpiped/textpiped.sock"))

        // The installed daemon finds its plugins in lib/textpiped/plugins.
        let check = try run(dest + "/usr/bin/textpiped", ["check-config", dest + "/etc/textpiped/config.yaml"])
        #expect(check.status == 0, "\(check.out)\(check.err)")

        try "# edited by the operator\n".write(toFile: dest + "/etc/textpiped/config.yaml", atomically: true, encoding: .utf8)
        #expect(try run(make, args + ["install-files"]).status == 0)
        #expect(try String(contentsOfFile: dest + "/etc/textpiped/config.yaml", encoding: .utf8) == "# edited by the operator\n")

        let un = try run(make, args + ["uninstall"])
        #expect(un.status == 0, "\(un.err)")
        for path in ["/usr/lib/textpiped", "/usr/bin/textpiped", "/usr/bin/textpipe", "/lib/systemd/system/textpiped.service",
                     "/lib/systemd/system/textpiped.socket", "/usr/lib/sysusers.d/textpiped.conf", "/usr/lib/tmpfiles.d/textpiped.conf",
                     "/usr/share/doc/textpiped"] {
            #expect(!fm.fileExists(atPath: dest + path), "left behind: \(path)")
        }
        #expect(fm.fileExists(atPath: dest + "/etc/textpiped/config.yaml"))
    }
}
