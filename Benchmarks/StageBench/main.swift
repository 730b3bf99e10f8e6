#if canImport(Glibc)
import Glibc
#endif
import StageKit
import TextpipeCore

// stage-bench: per-stage throughput in-process, on one thread, with the stages loaded exactly as the
// daemon loads them (configuration file → plugin .so files with dlopen → pipeline steps).
//
//   stage-bench --corpus corpus.jsonl [--config config.yaml] [--pipeline standard] [--seconds 1.0] [--json FILE]
//
// Every row runs its operation over the whole corpus repeatedly for at least `--seconds` of this
// thread's CPU time (not wall time: the machine may be shared) and reports
// MB/s of the bytes the operation handles (the text a stage receives; the request line for decoding;
// the response line for encoding; both for decode + encode). Each stage is timed on the documents as the earlier stages left them.

struct Arguments {
    var config = "config.yaml"
    var corpus = ""
    var pipeline: String?
    var seconds = 1.0
    var json: String?
    /// Run only the rows whose name contains one of these (for profiling one operation).
    var only: [String] = []

    init(_ args: [String]) {
        var i = 1
        func next() -> String {
            i += 1
            guard i < args.count else { fatal("option \(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--config": config = next()
            case "--corpus": corpus = next()
            case "--pipeline": pipeline = next()
            case "--seconds": seconds = Double(next()) ?? seconds
            case "--json": json = next()
            case "--only": only.append(next())
            case "-h", "--help":
                print("usage: stage-bench --corpus FILE.jsonl [--config config.yaml] [--pipeline NAME] [--seconds S] [--json OUT] [--only NAME]…")
                exit(0)
            default: fatal("unknown argument \(args[i])")
            }
            i += 1
        }
        if corpus.isEmpty { fatal("--corpus FILE.jsonl is required") }
    }
}

func fatal(_ message: String) -> Never {
    fputs("stage-bench: \(message)\n", stderr)
    exit(2)
}

/// Reads a whole file as bytes.
func readFile(_ path: String) -> [UInt8] {
    guard let f = fopen(path, "rb") else { fatal("cannot open \(path)") }
    defer { fclose(f) }
    var out: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 1 << 16)
    while true {
        let n = fread(&chunk, 1, chunk.count, f)
        if n <= 0 { break }
        out.append(contentsOf: chunk[0..<n])
    }
    return out
}

/// One measured row.
struct Row {
    var name: String
    var bytes: Int
    var nanos: UInt64
    var docs: Int
    var target: Double?

    var mbPerS: Double { Double(bytes) / (Double(nanos) / 1e9) / 1e6 }
    var docsPerS: Double { Double(docs) / (Double(nanos) / 1e9) }
    var verdict: String {
        guard let target else { return "" }
        return mbPerS >= target ? "PASS" : "below"
    }
}

/// CPU time of this thread in ns: on a shared machine it does not count the time other processes had
/// the core, so the figures hold still when the machine is busy (wall time would not).
func threadCPUNanos() -> UInt64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return UInt64(ts.tv_sec) &* 1_000_000_000 &+ UInt64(ts.tv_nsec)
}

/// Runs `pass` (one pass over the corpus, returning the bytes it read and the documents it did) until
/// `seconds` have passed, after one untimed warm-up pass.
func measure(_ name: String, target: Double?, seconds: Double, _ pass: () -> (bytes: Int, docs: Int)) -> Row? {
    if !args.only.isEmpty && !args.only.contains(where: { name.contains($0) }) { return nil }
    _ = pass()
    var bytes = 0, docs = 0
    let t0 = threadCPUNanos()
    var elapsed: UInt64 = 0
    repeat {
        let r = pass()
        bytes += r.bytes; docs += r.docs
        elapsed = threadCPUNanos() - t0
    } while Double(elapsed) < seconds * 1e9
    return Row(name: name, bytes: bytes, nanos: elapsed, docs: docs, target: target)
}

/// Wraps a plain-text document as an HTML page: the first line as title and `<h1>`, "Q:"/"A:" lines and
/// the rest as paragraphs, with a navigation bar and footer around the article, so that `clean` takes
/// its HTML path (tags, entities, boilerplate) on the same words.
func htmlPage(_ text: String) -> String {
    func esc(_ s: Substring) -> String {
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.unicodeScalars.append(u)
            }
        }
        return out
    }
    let lines = text.split(omittingEmptySubsequences: true, whereSeparator: { $0 == "\n" || $0 == "\r\n" })
    let title = lines.first.map(esc) ?? ""
    var html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>\(title)</title>"
    html += "<meta name=\"description\" content=\"\(title)\"></head>\n<body>"
    html += "<nav><ul><li><a href=\"/\">Home</a></li><li><a href=\"/news\">News</a></li><li><a href=\"/about\">About</a></li></ul></nav>\n"
    html += "<article><h1>\(title)</h1>\n"
    for line in lines.dropFirst() {
        if line == "FAQ" { html += "<h2>FAQ</h2>\n" } else { html += "<p>\(esc(line))</p>\n" }
    }
    html += "</article>\n<footer><p>Subscribe to our newsletter</p><p>&copy; 2026 Example News. All rights reserved.</p></footer>\n</body></html>"
    return html
}

/// `x` with `decimals` digits after the point (no Foundation).
func fmt(_ x: Double, _ decimals: Int) -> String {
    guard x.isFinite else { return "nan" }
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    let n = Int((x * scale).rounded())
    let neg = n < 0
    let m = neg ? -n : n
    var s = String(m / Int(scale))
    if decimals > 0 {
        var frac = String(m % Int(scale))
        while frac.count < decimals { frac = "0" + frac }
        s += "." + frac
    }
    return neg ? "-" + s : s
}

let args = Arguments(CommandLine.arguments)

// The stages, loaded as the daemon loads them.
let runtime: Runtime
do {
    let (config, issues) = try DaemonConfig.read(file: args.config)
    runtime = try Runtime.build(config: config, loader: PluginLoader(configured: config.pluginPaths), earlier: issues)
} catch {
    fatal("cannot load \(args.config): \(error)")
}
let pipelineName = args.pipeline ?? runtime.defaultPipeline
guard let pipeline = runtime.pipeline(named: pipelineName) else { fatal("no pipeline '\(pipelineName)' in \(args.config)") }

// The corpus: request lines and their texts.
let corpusBytes = readFile(args.corpus)
let lines: [[UInt8]] = corpusBytes.split(separator: UInt8(ascii: "\n")).map(Array.init)
var texts: [String] = []
for line in lines {
    guard let v = try? JSONReader.parse(line), let t = v["text"]?.stringValue else { fatal("not a request line with a text in \(args.corpus)") }
    texts.append(t)
}
if texts.isEmpty { fatal("\(args.corpus) has no requests") }
let textBytes = texts.reduce(0) { $0 + $1.utf8.count }
print("corpus: \(texts.count) documents, \(fmt(Double(textBytes) / Double(texts.count) / 1000, 1)) KB mean text; pipeline '\(pipelineName)' (\(pipeline.steps.map(\.name).joined(separator: " → "))); one thread, ≥ \(fmt(args.seconds, 1)) s of CPU time a row")

let targets: [String: Double] = ["clean": 100, "segment": 100, "entities": 20, "faq": 100, "sentiment": 30]
var rows: [Row] = []
func add(_ row: Row?) { if let row { rows.append(row) } }

// The documents as each stage receives them.
var stageInputs: [[Document]] = []
var current = texts.map { text -> Document in Document(text: text) }
for step in pipeline.steps {
    stageInputs.append(current)
    for i in current.indices {
        do { try step.stage.process(&current[i]) } catch { fatal("stage \(step.name) failed on document \(i): \(error)") }
    }
}
let finished = current

for (index, step) in pipeline.steps.enumerated() {
    let inputs = stageInputs[index]
    let bytes = inputs.reduce(0) { $0 + $1.text.utf8.count }
    let stage = step.stage
    let label = step.name == "clean" ? "clean (plain text)" : step.name
    add(measure(label, target: targets[step.name], seconds: args.seconds) {
        for doc in inputs {
            var d = doc
            try? stage.process(&d)
        }
        return (bytes, inputs.count)
    })
    if step.name == "clean" {
        let pages = texts.map(htmlPage)
        let htmlBytes = pages.reduce(0) { $0 + $1.utf8.count }
        // Check that the HTML path really runs: the title must come out as metadata.
        var probe = Document(text: pages[0])
        try? stage.process(&probe)
        if probe.meta.isEmpty { print("note: clean put no meta for the HTML page; is html: auto detection off?") }
        add(measure("clean (HTML)", target: targets["clean"], seconds: args.seconds) {
            for page in pages {
                var d = Document(text: page)
                try? stage.process(&d)
            }
            return (htmlBytes, pages.count)
        })
    }
}

// The whole pipeline, one document after another.
add(measure("pipeline (all stages)", target: nil, seconds: args.seconds) {
    for text in texts {
        var d = Document(text: text)
        try? pipeline.run(&d, stats: nil)
    }
    return (textBytes, texts.count)
})

// Request decoding and response encoding, on the wire bytes.
let requestBytes = lines.reduce(0) { $0 + $1.count }
let decodeRow = measure("request decode", target: nil, seconds: args.seconds) {
    var n = 0
    for line in lines {
        line.withUnsafeBufferPointer { buf in
            if case .success(let r) = Request.decode(buf) { n &+= r.text?.utf8.count ?? 0 }
        }
    }
    if n == 0 { fatal("nothing decoded") }
    return (requestBytes, lines.count)
}
add(decodeRow)
let responseBytes = finished.reduce(0) { $0 + ResponseEncoder.document(id: .int(1), pipeline: pipelineName, $1, unit: .codepoint).count }
let encodeRow = measure("response encode", target: nil, seconds: args.seconds) {
    var n = 0
    for (i, doc) in finished.enumerated() {
        n &+= ResponseEncoder.document(id: .int(i), pipeline: pipelineName, doc, unit: .codepoint).count
    }
    return (n, finished.count)
}
add(encodeRow)
// Decode + encode: the JSON bytes both handle for one request (request read + response written) over
// the time both take, as a JSON reader or writer is rated on its own bytes.
if let decodeRow, let encodeRow {
    let perDocNanos = Double(decodeRow.nanos) / Double(decodeRow.docs) + Double(encodeRow.nanos) / Double(encodeRow.docs)
    rows.append(Row(name: "decode + encode", bytes: requestBytes + responseBytes, nanos: UInt64(perDocNanos * Double(lines.count)), docs: lines.count, target: 300))
}

// The engine as a worker thread calls it: decode, pipeline, stats, encode.
let engine = Engine(runtime: runtime)
add(measure("engine.handle (one core)", target: nil, seconds: args.seconds) {
    for line in lines { _ = engine.handle(line: line) }
    return (textBytes, lines.count)
})

// The table.
func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
    let c = s.count
    if c >= n { return s }
    return left ? String(repeating: " ", count: n - c) + s : s + String(repeating: " ", count: n - c)
}
print(pad("operation", 26) + pad("MB/s", 10, left: true) + pad("docs/s", 10, left: true) + pad("µs/doc", 9, left: true) + pad("target", 9, left: true) + "  verdict")
for r in rows {
    print(pad(r.name, 26)
          + pad(fmt(r.mbPerS, 1), 10, left: true)
          + pad(fmt(r.docsPerS, 0), 10, left: true)
          + pad(fmt(1e6 / r.docsPerS, 1), 9, left: true)
          + pad(r.target.map { "≥ " + fmt($0, 0) } ?? "", 9, left: true)
          + "  " + r.verdict)
}
let meanRequest = Double(requestBytes) / Double(lines.count), meanResponse = Double(responseBytes) / Double(finished.count)
print("request line \(fmt(meanRequest, 0)) B mean, response \(fmt(meanResponse, 0)) B mean (offsets: codepoint)")

if let out = args.json {
    var w = JSONWriter()
    w.value(.object([
        ("documents", .int(texts.count)),
        ("pipeline", .string(pipelineName)),
        ("mean_text_bytes", .double(Double(textBytes) / Double(texts.count))),
        ("mean_request_bytes", .double(Double(requestBytes) / Double(lines.count))),
        ("mean_response_bytes", .double(Double(responseBytes) / Double(finished.count))),
        ("rows", .array(rows.map { r in
            .object([
                ("name", .string(r.name)),
                ("mb_per_s", .double((r.mbPerS * 10).rounded() / 10)),
                ("docs_per_s", .double(r.docsPerS.rounded())),
                ("us_per_doc", .double((1e7 / r.docsPerS).rounded() / 10)),
                ("target_mb_per_s", r.target.map { .double($0) } ?? .null),
                ("pass", r.target == nil ? .null : .bool(r.mbPerS >= r.target!)),
            ])
        })),
    ]))
    guard let f = fopen(out, "wb") else { fatal("cannot write \(out)") }
    fwrite(w.bytes, 1, w.bytes.count, f)
    fputs("\n", f)
    fclose(f)
}
