#if canImport(Glibc)
import Glibc
#endif
import ArgumentParser
import StageKit
import TextpipeCore

/// `textpipe`: the command-line client. Sends files (or stdin) to textpiped and prints the answers.
@main
struct Textpipe: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "textpipe",
        abstract: "Client for textpiped: process text, or ask the daemon for its health, stats, metrics and pipelines, or to reload.",
        version: Engine.version,
        subcommands: [Process.self, Health.self, Stats.self, Metrics.self, Reload.self, Pipelines.self],
        defaultSubcommand: Process.self
    )
}

/// Options every subcommand takes.
struct Connection: ParsableArguments {
    @Option(name: .long, help: "Socket of the daemon (default: $TEXTPIPED_SOCKET or ./textpiped.sock).")
    var socket: String?

    @Flag(name: .long, help: "Indent the JSON for people.")
    var pretty = false

    var path: String {
        socket ?? (getenv("TEXTPIPED_SOCKET").map { String(cString: $0) }) ?? "textpiped.sock"
    }

    func connect() throws -> LineClient {
        do { return try LineClient(path: path) } catch {
            fputs("textpipe: \(error)\n", stderr)
            throw ExitCode(69)
        }
    }

    /// Prints one answer; returns false when it was an error answer.
    func printAnswer(_ answer: JSONValue) -> Bool {
        var w = JSONWriter()
        if pretty { w.pretty(answer) } else { w.value(answer) }
        w.byte(0x0A)
        w.bytes.withUnsafeBytes { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
        fflush(stdout)
        return answer["ok"]?.boolValue == true
    }

    /// Sends one request and returns its answer (exits 1 when the daemon does not answer).
    func ask(_ request: JSONValue) throws -> JSONValue { try roundTrip(try connect(), request) }

    /// Sends one request on `client` and reads its answer (exits 1 when the daemon does not answer).
    private func roundTrip(_ client: LineClient, _ request: JSONValue) throws -> JSONValue {
        do {
            try client.send(request)
            guard let answer = try client.readJSON() else {
                fputs("textpipe: the daemon closed the connection without answering\n", stderr)
                throw ExitCode(1)
            }
            return answer
        } catch let e as LineClient.Failure {
            fputs("textpipe: \(e)\n", stderr)
            throw ExitCode(1)
        }
    }

    /// Sends each request, prints each answer; exits 1 if any answer was an error.
    func exchange(_ requests: [JSONValue]) throws {
        let client = try connect()
        var allOK = true
        for request in requests {
            if !printAnswer(try roundTrip(client, request)) { allOK = false }
        }
        if !allOK { throw ExitCode(1) }
    }
}

struct Process: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Process files (or stdin), one request per file (the default).")

    @OptionGroup var connection: Connection

    @Option(name: .long, help: "Pipeline to run (default: the daemon's default_pipeline).")
    var pipeline: String?

    @Option(name: .long, help: "Offset unit in the answer: codepoint, utf8 or utf16.")
    var offsets: String?

    @Argument(help: "Files to send; none or '-' reads stdin.")
    var files: [String] = []

    func run() throws {
        var requests: [JSONValue] = []
        for (i, file) in (files.isEmpty ? ["-"] : files).enumerated() {
            let bytes: [UInt8]
            if file == "-" { bytes = readAll(stdin) } else {
                guard let f = fopen(file, "rb") else {
                    fputs("textpipe: cannot read \(file): \(String(cString: strerror(errno)))\n", stderr)
                    throw ExitCode(66)
                }
                bytes = readAll(f)
                fclose(f)
            }
            guard let text = String(validating: bytes, as: UTF8.self) else {
                fputs("textpipe: \(file) is not valid UTF-8\n", stderr)
                throw ExitCode(65)
            }
            var fields: [(String, JSONValue)] = [("id", file == "-" ? .int(i + 1) : .string(file)), ("text", .string(text))]
            if let pipeline { fields.append(("pipeline", .string(pipeline))) }
            if let offsets { fields.append(("offsets", .string(offsets))) }
            requests.append(.object(fields))
        }
        try connection.exchange(requests)
    }
}

struct Health: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Ask for status, version and uptime.")
    @OptionGroup var connection: Connection
    func run() throws { try connection.exchange([.object([("op", .string("health"))])]) }
}

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Ask for request counts, errors by code, queue depth, connections and latency percentiles per pipeline and stage.")
    @OptionGroup var connection: Connection
    func run() throws { try connection.exchange([.object([("op", .string("stats"))])]) }
}

struct Pipelines: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the configured pipelines and their stages.")
    @OptionGroup var connection: Connection
    func run() throws { try connection.exchange([.object([("op", .string("pipelines"))])]) }
}

struct Metrics: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Print the statistics in Prometheus text format (what a scraper reads).")
    @OptionGroup var connection: Connection
    func run() throws {
        let answer = try connection.ask(.object([("op", .string("metrics"))]))
        guard answer["ok"]?.boolValue == true, let text = answer["result"]?["text"]?.stringValue else {
            _ = connection.printAnswer(answer)
            throw ExitCode(1)
        }
        fputs(text, stdout)
    }
}

struct Reload: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Ask the daemon to reload its configuration file (as SIGHUP does) and print the result; exits 1 if the new configuration was refused.")
    @OptionGroup var connection: Connection
    func run() throws {
        let answer = try connection.ask(.object([("op", .string("reload"))]))
        _ = connection.printAnswer(answer)
        guard answer["ok"]?.boolValue == true, answer["result"]?["ok"]?.boolValue == true else { throw ExitCode(1) }
    }
}
