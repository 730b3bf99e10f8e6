/// The stable error codes of wire protocol v1. Clients switch on these; never rename one.
public enum ErrorCode: String, Sendable, CaseIterable {
    case badJSON = "bad_json"
    case badRequest = "bad_request"
    case unknownOp = "unknown_op"
    case unknownPipeline = "unknown_pipeline"
    case tooLarge = "too_large"
    case overloaded
    case timeout
    case stageFailed = "stage_failed"
    case shuttingDown = "shutting_down"
    /// The peer (SO_PEERCRED) is not in `server.allow`, or not in `server.admin` for this op.
    case forbidden
}

/// An error that is answered on the wire as `{"ok": false, "error": {"code", "message"}}`.
public struct RequestError: Error, Sendable, CustomStringConvertible {
    public var code: ErrorCode
    public var message: String
    public init(_ code: ErrorCode, _ message: String) { self.code = code; self.message = message }
    public var description: String { "\(code.rawValue): \(message)" }
}
