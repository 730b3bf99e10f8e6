import StageKit

/// The unit that offsets in a response are counted in.
public enum OffsetUnit: String, Sendable, CaseIterable {
    case codepoint, utf8, utf16
}

/// What a request line asks for.
public enum Operation: String, Sendable, CaseIterable {
    case process, pipelines, health, stats
    /// Rebuild the configuration from its file and swap it in (as SIGHUP does); answers the result.
    case reload
    /// The statistics in Prometheus text exposition format.
    case metrics
}

/// A decoded request line (wire protocol v1).
public struct Request: Sendable {
    public var id: JSONValue = .null
    public var op: Operation = .process
    public var pipeline: String?
    public var text: String?
    public var offsets: OffsetUnit = .codepoint
    /// Boolean options that stages honour (see `flagFields`); copied into `Document.requestFlags`.
    public var flags: Set<String> = []

    /// Boolean request fields handed to the stages: `source_offsets` (spans also as offsets into the
    /// text as sent, when `clean` ran) and `faq_jsonld` (a schema.org FAQPage object for the document).
    public static let flagFields = ["source_offsets", "faq_jsonld"]
    public static let fields = ["id", "op", "pipeline", "text", "offsets"] + flagFields

    public init() {}

    /// Decodes one line. On failure returns the id when one could be read (else `.null`) and the error.
    public static func decode(_ line: UnsafeBufferPointer<UInt8>) -> Result<Request, DecodeFailure> {
        let value: JSONValue
        do { value = try JSONReader.parse(line) } catch {
            return .failure(DecodeFailure(id: .null, error: RequestError(.badJSON, "request is not valid JSON: \(error)")))
        }
        guard case .object(let pairs) = value else {
            return .failure(DecodeFailure(id: .null, error: RequestError(.badRequest, "a request must be a JSON object")))
        }
        var r = Request()
        r.id = value["id"] ?? .null
        func fail(_ code: ErrorCode, _ message: String) -> Result<Request, DecodeFailure> {
            .failure(DecodeFailure(id: r.id, error: RequestError(code, message)))
        }
        // Fields already read, one bit each (index in `fields`): no set allocated per request. An
        // unknown field fails at its first occurrence, so only known ones need a bit.
        var seen: UInt32 = 0
        for (key, v) in pairs {
            if let bit = fields.firstIndex(of: key) {
                guard seen & (1 << bit) == 0 else { return fail(.badRequest, "field '\(key)' appears twice") }
                seen |= 1 << bit
            }
            switch key {
            case "id": break
            case "op":
                guard let s = v.stringValue else { return fail(.badRequest, "'op' must be a string") }
                guard let op = Operation(rawValue: s) else {
                    return fail(.unknownOp, "unknown op '\(s)' (known: \(Operation.allCases.map(\.rawValue).joined(separator: ", ")))")
                }
                r.op = op
            case "pipeline":
                guard let s = v.stringValue else { return fail(.badRequest, "'pipeline' must be a string") }
                r.pipeline = s
            case "text":
                guard let s = v.stringValue else { return fail(.badRequest, "'text' must be a string") }
                r.text = s
            case "offsets":
                guard let s = v.stringValue, let unit = OffsetUnit(rawValue: s) else {
                    return fail(.badRequest, "'offsets' must be one of \(OffsetUnit.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                r.offsets = unit
            case _ where flagFields.contains(key):
                guard case .bool(let on) = v else { return fail(.badRequest, "'\(key)' must be true or false") }
                if on { r.flags.insert(key) }
            default:
                return fail(.badRequest, "unknown field '\(key)' (known: \(fields.joined(separator: ", ")))")
            }
        }
        if r.op == .process && r.text == nil { return fail(.badRequest, "missing 'text': a process request needs the text to process") }
        return .success(r)
    }
}

/// A request that could not be decoded: the id if one was read, and why.
public struct DecodeFailure: Error, Sendable {
    public var id: JSONValue
    public var error: RequestError
}
