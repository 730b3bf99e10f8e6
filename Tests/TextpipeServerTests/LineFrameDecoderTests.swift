import Testing
import NIOCore
import NIOEmbedded
@testable import TextpipeServer

/// A frame in a comparable form.
enum Frame: Equatable, CustomStringConvertible {
    case line(String)
    case tooLong(Int)
    var description: String {
        switch self {
        case .line(let s): return "line(\(s.debugDescription))"
        case .tooLong(let n): return "tooLong(\(n))"
        }
    }
}

/// How the input ends.
enum Ending: Sendable { case open, inputClosed, finish }

/// How the input is cut into writes.
enum Chunking: Sendable, CustomStringConvertible {
    case whole
    case fixed(Int)
    case random(seed: UInt64, max: Int)
    var description: String {
        switch self {
        case .whole: return "whole"
        case .fixed(let n): return "fixed(\(n))"
        case .random(let s, let m): return "random(seed: \(s), max: \(m))"
        }
    }

    func split(_ bytes: [UInt8]) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var i = 0
        var rng = SplitMix64(seed: { if case .random(let s, _) = self { return s }; return 0 }())
        while i < bytes.count {
            let n: Int
            switch self {
            case .whole: n = bytes.count
            case .fixed(let k): n = k
            case .random(_, let m): n = 1 + Int(rng.next() % UInt64(m))
            }
            out.append(Array(bytes[i..<min(bytes.count, i + n)]))
            i += n
        }
        return out
    }
}

struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Records the most bytes the decoder left buffered after any `decode` call.
final class BufferProbe { var maxBuffered = 0; var calls = 0 }

/// Wraps `LineFrameDecoder` to observe how much it keeps buffered.
struct ProbingDecoder: ByteToMessageDecoder {
    typealias InboundOut = LineFrame
    var inner: LineFrameDecoder
    let probe: BufferProbe
    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        let state = try inner.decode(context: context, buffer: &buffer)
        probe.calls += 1
        probe.maxBuffered = max(probe.maxBuffered, buffer.readableBytes)
        return state
    }
    mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        try inner.decodeLast(context: context, buffer: &buffer, seenEOF: seenEOF)
    }
}

func readFrames(_ channel: EmbeddedChannel) throws -> [Frame] {
    var out: [Frame] = []
    while let f = try channel.readInbound(as: LineFrame.self) {
        switch f {
        case .line(let b): out.append(.line(String(decoding: b.readableBytesView, as: UTF8.self)))
        case .tooLong(let n): out.append(.tooLong(n))
        }
    }
    return out
}

/// Feeds `chunks` through a decoder with `maxLineBytes` and returns every frame, plus the probe.
func decodeFrames(_ chunks: [[UInt8]], max: Int, ending: Ending) throws -> ([Frame], BufferProbe) {
    let probe = BufferProbe()
    let channel = EmbeddedChannel(handler: ByteToMessageHandler(ProbingDecoder(inner: LineFrameDecoder(maxLineBytes: max), probe: probe)))
    var frames: [Frame] = []
    for c in chunks {
        var buf = channel.allocator.buffer(capacity: c.count)
        buf.writeBytes(c)
        try channel.writeInbound(buf)
        frames += try readFrames(channel)
    }
    switch ending {
    case .open:
        _ = try channel.finish(acceptAlreadyClosed: false)
        // Frames delivered at close are not part of an open stream.
        return (frames, probe)
    case .inputClosed:
        channel.pipeline.fireUserInboundEventTriggered(ChannelEvent.inputClosed)
        frames += try readFrames(channel)
        _ = try channel.finish(acceptAlreadyClosed: false)
    case .finish:
        _ = try channel.finish(acceptAlreadyClosed: false)
        frames += try readFrames(channel)
    }
    return (frames, probe)
}

@Suite struct LineFrameDecoderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var input: String
        var max: Int
        var ending: Ending
        var expected: [Frame]
        var testDescription: String { "\(input.debugDescription) max \(max) \(ending)" }
    }

    static let cases: [Case] = [
        Case(input: "a\nbb\nccc\n", max: 16, ending: .open, expected: [.line("a"), .line("bb"), .line("ccc")]),
        Case(input: "a\r\nb\r\n", max: 16, ending: .open, expected: [.line("a"), .line("b")]),
        Case(input: "\n\n", max: 16, ending: .open, expected: [.line(""), .line("")]),
        Case(input: "\r\n\n", max: 16, ending: .open, expected: [.line(""), .line("")]),
        Case(input: "x\ry\n", max: 16, ending: .open, expected: [.line("x\ry")]),
        Case(input: "a\r\r\n", max: 16, ending: .open, expected: [.line("a\r")]),
        Case(input: "é😀 中\n{\"id\":1}\n", max: 16, ending: .open, expected: [.line("é😀 中"), .line("{\"id\":1}")]),
        Case(input: "no newline yet", max: 16, ending: .open, expected: []),
        Case(input: "abcd\n", max: 4, ending: .open, expected: [.line("abcd")]),
        Case(input: "abcde\n", max: 4, ending: .open, expected: [.tooLong(5)]),
        Case(input: "abcdefgh\nok\n", max: 4, ending: .open, expected: [.tooLong(8), .line("ok")]),
        Case(input: "ok\nabcdefgh\n\nok2\n", max: 4, ending: .open, expected: [.line("ok"), .tooLong(8), .line(""), .line("ok2")]),
        Case(input: "aaaaaa\nbbbbbbb\nc\n", max: 3, ending: .open, expected: [.tooLong(6), .tooLong(7), .line("c")]),
        Case(input: String(repeating: "x", count: 100) + "\nnext\n", max: 8, ending: .open, expected: [.tooLong(100), .line("next")]),
        Case(input: "a\nlast", max: 16, ending: .inputClosed, expected: [.line("a"), .line("last")]),
        Case(input: "a\nlast", max: 16, ending: .finish, expected: [.line("a"), .line("last")]),
        Case(input: "last\r", max: 16, ending: .inputClosed, expected: [.line("last")]),
        Case(input: "a\n", max: 16, ending: .inputClosed, expected: [.line("a")]),
        Case(input: "", max: 16, ending: .inputClosed, expected: []),
        Case(input: "ok\n" + String(repeating: "y", count: 9), max: 4, ending: .inputClosed, expected: [.line("ok"), .tooLong(9)]),
        Case(input: "ok\n" + String(repeating: "y", count: 9), max: 4, ending: .finish, expected: [.line("ok"), .tooLong(9)]),
        Case(input: "abcd", max: 4, ending: .inputClosed, expected: [.line("abcd")]),
    ]

    static let chunkings: [Chunking] = [.whole, .fixed(1), .fixed(2), .fixed(3), .fixed(5)]
        + (1...12).map { .random(seed: UInt64($0), max: $0 % 3 == 0 ? 3 : 9) }

    @Test(arguments: cases, chunkings)
    func decoder_whenInputArrivesInAnyChunking_framesTheSameLines(c: Case, chunking: Chunking) throws {
        let (frames, _) = try decodeFrames(chunking.split(Array(c.input.utf8)), max: c.max, ending: c.ending)
        #expect(frames == c.expected, "chunks: \(chunking)")
    }

    @Test(arguments: [1, 3, 7, 64, 1000])
    func decoder_whenLineIsTenTimesTheLimit_buffersAtMostTheLimitAndEndsWithOneTooLong(chunk: Int) throws {
        let max = 64
        let input = Array(repeating: UInt8(ascii: "z"), count: 10 * max)
        let (frames, probe) = try decodeFrames(Chunking.fixed(chunk).split(input), max: max, ending: .inputClosed)
        #expect(frames == [.tooLong(10 * max)])
        #expect(probe.maxBuffered <= max, "kept \(probe.maxBuffered) bytes")
        #expect(probe.calls > 0)
    }

    @Test(arguments: [1, 5, 64, 200])
    func decoder_whenLongLineIsFollowedByNormalLines_skipsItWithBoundedBufferAndFramesTheRest(chunk: Int) throws {
        let limit = 16
        let long1: String = String(repeating: "L", count: 10 * limit)
        let long2: String = String(repeating: "M", count: 3 * limit)
        let text: String = long1 + "\nshort\n" + long2 + "\r\nend\n"
        let input: [UInt8] = Array(text.utf8)
        let (frames, probe) = try decodeFrames(Chunking.fixed(chunk).split(input), max: limit, ending: .open)
        let expected: [Frame] = [.tooLong(10 * limit), .line("short"), .tooLong(3 * limit + 1), .line("end")]
        #expect(frames == expected)
        // A chunk that ends inside a short line may leave up to `max` bytes plus what followed a newline
        // in the same chunk; with no newline in a chunk, never more than `max`.
        #expect(probe.maxBuffered <= Swift.max(limit, chunk), "kept \(probe.maxBuffered) bytes")
    }

    @Test func decoder_whenManyLinesArriveInOneWrite_deliversThemAllInOrder() throws {
        let lines = (0..<500).map { "line \($0) " + String(repeating: "é", count: $0 % 7) }
        let (frames, _) = try decodeFrames([Array((lines.joined(separator: "\n") + "\n").utf8)], max: 64, ending: .open)
        #expect(frames == lines.map { .line($0) })
    }
}
