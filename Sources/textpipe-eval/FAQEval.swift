import Foundation
import StageKit
import FAQStage

/// The faq stage's scores for `make eval` (filled in by the issue for that stage).
enum FAQEval {
    static func run(_ ctx: EvalContext) throws {
        print("  not written yet")
    }
}
