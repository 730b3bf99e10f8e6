import Foundation

/// `textpipe-eval [STAGE…] [--eval-dir DIR]`: scores the stages on the evaluation sets and prints
/// the figures with the reference tools' scores beside them. `make eval` runs every stage.
let evaluations: [(name: String, run: (EvalContext) throws -> Void)] = [
    ("segment", SegmentEval.run),
    ("entities", EntitiesEval.run),
    ("sentiment", SentimentEval.run),
    ("clean", CleanEval.run),
    ("faq", FAQEval.run),
]

let context = EvalContext(arguments: Array(CommandLine.arguments.dropFirst()))
let wanted = context.stages.isEmpty ? evaluations.map(\.name) : context.stages
var failed = false
for name in wanted {
    guard let e = evaluations.first(where: { $0.name == name }) else {
        FileHandle.standardError.write(Data("unknown stage \(name); known: \(evaluations.map(\.name).joined(separator: ", "))\n".utf8))
        exit(64)
    }
    print("== \(name) ==")
    do { try e.run(context) } catch {
        print("error: \(error)")
        failed = true
    }
    print("")
}
exit(failed ? 1 : 0)
