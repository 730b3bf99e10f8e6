import Foundation
import StageKit
import SegmentStage

/// The segment stage's scores for `make eval` (filled in by the issue for that stage).
enum SegmentEval {
    static func run(_ ctx: EvalContext) throws {
        print("  not written yet")
    }
}
