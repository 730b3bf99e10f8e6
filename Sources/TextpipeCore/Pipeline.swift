import StageKit

/// A named, ready-to-run list of stages. Immutable and shared by all worker threads.
public final class Pipeline: Sendable {
    public struct Step: Sendable {
        public let name: String
        public let stage: any Stage
        public let provides: [Field]
    }
    public let name: String
    public let steps: [Step]

    public init(name: String, steps: [Step]) { self.name = name; self.steps = steps }

    /// Fields a result of this pipeline has.
    public var provided: Set<Field> { Set(steps.flatMap(\.provides)).union([.text]) }

    /// Runs every stage in order. `deadline` (monotonic ns) is checked between stages.
    public func run(_ document: inout Document, stats: Stats?, deadline: UInt64? = nil) throws(RequestError) {
        for (i, step) in steps.enumerated() {
            if let deadline, monotonicNanos() > deadline {
                throw RequestError(.timeout, "request deadline passed before stage '\(step.name)'")
            }
            let t0 = monotonicNanos()
            do {
                try step.stage.process(&document)
            } catch {
                stats?.recordStage(pipeline: name, index: i, nanos: monotonicNanos() - t0, failed: true)
                throw RequestError(.stageFailed, "stage '\(step.name)' failed: \(error)")
            }
            stats?.recordStage(pipeline: name, index: i, nanos: monotonicNanos() - t0, failed: false)
        }
    }
}
