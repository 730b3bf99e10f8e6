#if canImport(Glibc)
import Glibc
#endif
import StageKit

/// A blocking NDJSON client for a Unix socket: send lines, read answer lines. Used by the
/// `textpipe` CLI and by the integration tests.
public final class LineClient {
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
    }

    public let fd: Int32
    private var buffer: [UInt8] = []
    private var start = 0

    public init(path: String) throws {
        // Close-on-exec: a child process started by the caller must not keep this connection open.
        fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard fd >= 0 else { throw Failure(description: "socket: \(String(cString: strerror(errno)))") }
        var addr = sockaddr_un()
        addr.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        // No close(fd) before a throw: the object is fully initialised here, so deinit runs and
        // closes it. Closing twice could close a descriptor another thread has just been given.
        guard bytes.count < MemoryLayout.size(ofValue: addr.sun_path) else {
            throw Failure(description: "socket path too long (\(bytes.count) bytes): \(path)")
        }
        withUnsafeMutableBytes(of: &addr.sun_path) { dst in for (i, b) in bytes.enumerated() { dst[i] = b } }
        let r = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        guard r == 0 else {
            let why = String(cString: strerror(errno))
            throw Failure(description: "cannot connect to \(path): \(why) (is textpiped running? start it with `make run`)")
        }
    }

    deinit { if fd >= 0 { close(fd) } }

    /// Sends bytes as they are (add the `\n` yourself).
    public func send(_ bytes: [UInt8]) throws {
        var off = 0
        while off < bytes.count {
            let n = bytes[off...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "write: \(String(cString: strerror(errno)))")
            }
            off += n
        }
    }

    /// Sends a JSON request followed by `\n`.
    public func send(_ request: JSONValue) throws {
        var w = JSONWriter()
        w.value(request)
        w.byte(0x0A)
        try send(w.bytes)
    }

    /// Closes the write side; the daemon still answers everything it read.
    public func shutdownWrite() { shutdown(fd, Int32(SHUT_WR)) }

    /// The next answer line without its `\n`, or nil at end of stream. Each byte is searched once,
    /// so a long answer arriving in many reads costs linear time.
    public func readLine() throws -> [UInt8]? {
        var searched = start
        while true {
            if let nl = buffer[searched...].firstIndex(of: 0x0A) {
                let line = Array(buffer[start..<nl])
                start = nl + 1
                if start > 65536 && start * 2 > buffer.count { buffer.removeFirst(start); start = 0 }
                return line
            }
            searched = buffer.count
            var chunk = [UInt8](repeating: 0, count: 65536)
            let n = chunk.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw Failure(description: "read: \(String(cString: strerror(errno)))")
            }
            if n == 0 {
                if start < buffer.count { let rest = Array(buffer[start...]); start = buffer.count; return rest }
                return nil
            }
            buffer.append(contentsOf: chunk[0..<n])
        }
    }

    /// Reads the next answer and parses it.
    public func readJSON() throws -> JSONValue? {
        guard let line = try readLine() else { return nil }
        do { return try JSONReader.parse(line) } catch {
            throw Failure(description: "answer is not JSON (\(error)): \(String(decoding: line.prefix(200), as: UTF8.self))")
        }
    }
}
