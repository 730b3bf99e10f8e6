import Foundation
import StageKit
import EntitiesStage

/// The entities stage's scores for `make eval` (filled in by the issue for that stage).
enum EntitiesEval {
    static func run(_ ctx: EvalContext) throws {
        print("  not written yet")
    }
}
