import Foundation
import StageKit
import SentimentStage

/// The sentiment stage's scores for `make eval` (filled in by the issue for that stage).
enum SentimentEval {
    static func run(_ ctx: EvalContext) throws {
        print("  not written yet")
    }
}
