#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import StageKit
import TextpipeCore
import TextpipeServer

/// `textpiped`: serves pipelines on a Unix socket; `check-config` and `stages` help operators.
@main
struct Textpiped: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "textpiped",
        abstract: "Text-processing daemon: NDJSON requests on a Unix socket, YAML pipelines of stage plugins.",
        version: Engine.version,
        subcommands: [Serve.self, CheckConfig.self, Stages.self],
        defaultSubcommand: Serve.self
    )
}

/// EX_CONFIG from sysexits.h: the configuration is wrong.
let exitConfigError: Int32 = 78

/// Loads and fully builds a configuration (plugins loaded, stages constructed), printing every
/// problem with file:line:column to stderr on failure.
func loadRuntime(configPath: String, socket: String?) throws -> (Runtime, PluginLoader) {
    do {
        var (config, issues) = try DaemonConfig.read(file: configPath)
        if let socket { config.server.socket = absolutePath(socket) }
        let loader = PluginLoader(configured: config.pluginPaths)
        return (try Runtime.build(config: config, loader: loader, earlier: issues), loader)
    } catch let issues as ConfigIssues {
        for issue in issues.issues { fputs("\(issue)\n", stderr) }
        fputs("textpiped: \(issues.issues.count) configuration error\(issues.issues.count == 1 ? "" : "s") in \(absolutePath(configPath))\n", stderr)
        throw ExitCode(exitConfigError)
    }
}

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Serve requests (the default). Under systemd: Type=notify (READY/RELOADING/STOPPING/STATUS/WATCHDOG) and socket activation.")

    @Option(name: .long, help: "Configuration file.")
    var config: String = "config.yaml"

    @Option(name: .long, help: "Socket path; overrides server.socket in the configuration (a socket passed by systemd, LISTEN_FDS, wins over both).")
    var socket: String?

    @Flag(name: .customLong("check-config"), help: "Validate the configuration and load its plugins, then exit (0, or 78 on errors).")
    var checkConfig = false

    func run() throws {
        if !checkConfig { Server.prepareSignals() }
        let (runtime, loader) = try loadRuntime(configPath: config, socket: socket)
        if checkConfig {
            print("\(runtime.config.file): OK (\(runtime.pipelines.count) pipelines)")
            return
        }
        let log = Log(level: Log.Level(name: runtime.config.server.logLevel) ?? .info)
        let server = Server(runtime: runtime, loader: loader, socketOverride: socket.map(absolutePath), log: log)
        do {
            let status = try server.run()
            if status != 0 { throw ExitCode(status) }
        } catch let e as ExitCode {
            throw e
        } catch {
            log(.critical, "cannot serve", ["error": "\(error)"])
            throw ExitCode(1)
        }
    }
}

struct CheckConfig: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-config",
        abstract: "Validate a configuration and load its plugins without serving; exit 0, or 78 with the errors on stderr.")

    @Argument(help: "Configuration file.")
    var file: String = "config.yaml"

    func run() throws {
        let (runtime, _) = try loadRuntime(configPath: file, socket: nil)
        let summary = runtime.pipelines.map { "\($0.name): \($0.steps.map(\.name).joined(separator: " → "))" }
        print("\(runtime.config.file): OK")
        for line in summary { print("  \(line)") }
    }
}

struct Stages: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List every stage found on the plugin search path, with its options and defaults.")

    @Option(name: .long, help: "Configuration file whose plugins.paths are searched first (optional).")
    var config: String?

    func run() throws {
        var paths: [String] = []
        if let config {
            do { paths = try DaemonConfig.load(file: config).pluginPaths } catch let issues as ConfigIssues {
                for issue in issues.issues { fputs("\(issue)\n", stderr) }
                throw ExitCode(exitConfigError)
            }
        }
        let loader = PluginLoader(configured: paths)
        print("search path: \(loader.searchPath.joined(separator: ":"))")
        let (loaded, failures) = loader.discoverAll()
        for plugin in loaded {
            let f = plugin.factory
            print("")
            print("\(f.name) — \(f.summary)")
            print("  file:     \(plugin.path)")
            print("  requires: \(f.requires.map(\.rawValue).joined(separator: ", "))")
            print("  provides: \(f.provides.map(\.rawValue).joined(separator: ", "))")
            if f.options.isEmpty { print("  options:  none") } else { print("  options:") }
            for o in f.options {
                print("    \(o.name) (\(o.kind.description), default \(o.defaultText)): \(o.help)")
            }
        }
        for failure in failures { fputs("\(failure.path): \(failure.error)\n", stderr) }
        if loaded.isEmpty { fputs("no stages found\n", stderr); throw ExitCode(1) }
    }
}
