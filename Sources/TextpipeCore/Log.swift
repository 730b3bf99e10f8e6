#if canImport(Glibc)
import Glibc
#endif

/// Structured log lines on stderr: `level=info msg="…" key=value`. Under systemd (JOURNAL_STREAM
/// set) the timestamp is left out because journald adds its own.
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
        var name: String { ["trace", "debug", "info", "notice", "warning", "error", "critical"][rawValue] }
    }

    public var level: Level
    private let timestamps: Bool

    public init(level: Level = .info) {
        self.level = level
        timestamps = getenv("JOURNAL_STREAM") == nil
    }

    public func callAsFunction(_ level: Level, _ message: String, _ fields: KeyValuePairs<String, String> = [:]) {
        guard level >= self.level else { return }
        var line = ""
        if timestamps {
            var ts = timespec()
            clock_gettime(CLOCK_REALTIME, &ts)
            var tm = tm()
            var secs = ts.tv_sec
            gmtime_r(&secs, &tm)
            var buf = [CChar](repeating: 0, count: 32)
            strftime(&buf, 32, "%Y-%m-%dT%H:%M:%S", &tm)
            let ms = Int(ts.tv_nsec / 1_000_000)
            line += "ts=" + String(cString: buf) + "." + (ms < 10 ? "00" : ms < 100 ? "0" : "") + String(ms) + "Z "
        }
        line += "level=\(level.name) msg=\(quote(message))"
        for (k, v) in fields { line += " \(k)=\(quote(v))" }
        line += "\n"
        fputs(line, stderr)
    }

    private func quote(_ s: String) -> String {
        if !s.isEmpty && s.utf8.allSatisfy({ $0 > 0x20 && $0 != 0x22 && $0 != 0x3D && $0 < 0x7F }) { return s }
        var out = "\""
        for c in s.unicodeScalars {
            switch c {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(c)
            }
        }
        return out + "\""
    }
}
