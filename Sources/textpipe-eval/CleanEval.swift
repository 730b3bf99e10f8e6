import Foundation
import StageKit
import CleanStage

/// The clean stage's scores for `make eval` (filled in by the issue for that stage).
enum CleanEval {
    static func run(_ ctx: EvalContext) throws {
        print("  not written yet")
    }
}
