import Foundation
import StageKit

/// Where the evaluation sets and the repository are, and small helpers every stage's evaluation uses.
struct EvalContext {
    /// The repository root (the current directory when run by `make eval`).
    var repo: String
    /// The public evaluation sets (`../shared/eval` beside the repository, or `--eval-dir`, or `$EVAL_DIR`).
    var evalDir: String
    /// Stage names given on the command line (empty: all).
    var stages: [String]
    /// Print every failing case, not only the first few (`--all`).
    var verbose: Bool

    init(arguments: [String]) {
        repo = FileManager.default.currentDirectoryPath
        evalDir = ProcessInfo.processInfo.environment["EVAL_DIR"] ?? (repo + "/../shared/eval")
        stages = []
        verbose = false
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            if a == "--eval-dir", i + 1 < arguments.count { evalDir = arguments[i + 1]; i += 2; continue }
            if a == "--repo", i + 1 < arguments.count { repo = arguments[i + 1]; i += 2; continue }
            if a == "--all" { verbose = true; i += 1; continue }
            stages.append(a)
            i += 1
        }
    }

    /// The path of an evaluation file, or nil (with a note printed) when it is absent.
    func evalFile(_ name: String) -> String? {
        let p = evalDir + "/" + name
        if FileManager.default.fileExists(atPath: p) { return p }
        print("  (skipped: \(p) not found; pass --eval-dir)")
        return nil
    }

    /// A stage context whose data files come from `Plugins/<folder>` in the repository.
    func stageContext(folder: String) -> StageContext {
        StageContext(resourceDirectory: repo + "/Plugins/" + folder, configDirectory: repo)
    }

    /// A stage built by `factory` with its default options, its data from `Plugins/<folder>`: what the
    /// daemon runs when a pipeline names the stage without options.
    func defaultStage(_ factory: some StageFactory, folder: String) throws -> any Stage {
        try factory.makeStage(options: StageOptions(specs: factory.options, node: nil), context: stageContext(folder: folder))
    }

    /// Reads a JSON Lines file into dictionaries.
    func jsonLines(_ path: String) throws -> [[String: Any]] {
        guard let data = FileManager.default.contents(atPath: path), let text = String(data: data, encoding: .utf8) else {
            throw StageError("cannot read \(path)")
        }
        return try text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) }.map {
            guard let o = try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] else {
                throw StageError("not a JSON object in \(path): \($0.prefix(80))")
            }
            return o
        }
    }

    /// CPU time of the calling thread in seconds: on a shared machine it measures the work of one core,
    /// where wall time also counts the time other processes held it.
    static func threadCPUSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Formats a ratio with three decimals.
    static func f3(_ x: Double) -> String { String(format: "%.3f", x) }
}
