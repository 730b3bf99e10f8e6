import Foundation
import StageKit
import Testing
import TextpipeCore

/// A client that half-closes after its last request and reads its answers slowly still gets every
/// answer: the daemon closes only once the answers queued for the socket have been written.
@Suite(.serialized) struct SlowReaderTests {
    @Test func halfClose_withASlowReader_receivesEveryAnswerBeforeTheClose() throws {
        let d = try Daemon(config: wordcountConfig())
        let c = try d.client()
        let text = String(repeating: "word ", count: 400)
        let count = 3000
        var bytes: [UInt8] = []
        for i in 0..<count {
            var w = JSONWriter()
            w.value(.object([("id", .int(i)), ("text", .string(text))]))
            w.byte(0x0A)
            bytes += w.bytes
        }
        let batch = bytes
        // Several MB of answers: far more than the socket buffers, so the last ones wait in the daemon.
        let sender = Thread {
            try? c.send(batch)
            c.shutdownWrite()
        }
        sender.start()
        usleep(300_000)
        var lines = 0
        var buf = [UInt8](repeating: 0, count: 16_384)
        while true {
            let n = buf.withUnsafeMutableBytes { read(c.fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            lines += buf[0..<n].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }
            usleep(200)
        }
        #expect(lines == count)
        #expect(d.stop() == 0)
    }
}
