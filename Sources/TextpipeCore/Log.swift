#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Structured log lines on stderr: `level=info msg="…" key=value`. Under systemd (JOURNAL_STREAM
/// set) the timestamp is left out because journald adds its own. Copies share one level, so a
/// reload that changes `server.log_level` changes it for every holder.
public struct Log: Sendable {
    public enum Level: Int, Sendable, Comparable {
        case trace, debug, info, notice, warning, error, critical
        public static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
        public init?(name: String) {
            switch name {
            case "trace": self = .trace
            case "debug": self = .debug
            case "info": self = .info
            case "notice": self = .notice
            case "warning": self = .warning
            case "error": self = .error
            case "critical": self = .critical
            default: return nil
            }
        }
        public var name: String { ["trace", "debug", "info", "notice", "warning", "error", "critical"][rawValue] }
    }

    private final class LevelBox: Sendable {
        let raw: Atomic<Int>
        init(_ l: Level) { raw = Atomic(l.rawValue) }
    }

    private let box: LevelBox
    private let timestamps: Bool

    /// The lowest level written; setting it affects every copy of this log.
    public var level: Level {
        get { Level(rawValue: box.raw.load(ordering: .relaxed)) ?? .info }
        nonmutating set { box.raw.store(newValue.rawValue, ordering: .relaxed) }
    }

    public init(level: Level = .info) {
        box = LevelBox(level)
        timestamps = getenv("JOURNAL_STREAM") == nil
    }

    /// True when a line at `level` would be written (to skip building costly fields).
    public func enabled(_ level: Level) -> Bool { level >= self.level }

    public func callAsFunction(_ level: Level, _ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        guard level >= self.level else { return }
        var line = ""
        if timestamps {
            var ts = timespec()
            clock_gettime(CLOCK_REALTIME, &ts)
            line += "ts=" + iso8601(seconds: Int(ts.tv_sec), millis: Int(ts.tv_nsec / 1_000_000)) + " "
        }
        line += "level=\(level.name) msg=\(quote(message))"
        for (k, v) in fields { line += " \(k)=\(quote(v))" }
        line += "\n"
        fputs(line, stderr)
    }

    private func quote(_ s: String) -> String {
        if !s.isEmpty && s.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x22 && $0 != 0x3D && $0 < 0x7F }) { return s }
        return "\"" + Log.escape(s) + "\""
    }

    /// `s` with `\`, `"` and newline backslash-escaped (log values and Prometheus label values).
    static func escape(_ s: String) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
