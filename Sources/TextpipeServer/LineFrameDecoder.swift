import NIOCore

/// One framed request line, or the news that a line was too long (its bytes were skipped).
public enum LineFrame {
    case line(ByteBuffer)
    case tooLong(Int)
}

/// Splits the byte stream at `\n` (a `\r` before it is dropped). A line longer than `maxLineBytes`
/// is not buffered: its bytes are discarded as they arrive, one `.tooLong` frame stands for it, and
/// the next line is framed normally. At end of input a last line without `\n` is still delivered.
public struct LineFrameDecoder: ByteToMessageDecoder {
    public typealias InboundOut = LineFrame

    public let maxLineBytes: Int
    /// Bytes of the current over-long line discarded so far; nil when not skipping.
    private var skipping: Int?
    /// How far the current buffer was already searched for `\n`.
    private var scanned = 0

    public init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

    public mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        if let skipped = skipping {
            if let nl = buffer.readableBytesView.firstIndex(of: UInt8(ascii: "\n")) {
                let n = nl - buffer.readerIndex + 1
                buffer.moveReaderIndex(forwardBy: n)
                skipping = nil
                scanned = 0
                context.fireChannelRead(Self.wrapInboundOut(.tooLong(skipped + n - 1)))
                return .continue
            }
            skipping = skipped + buffer.readableBytes
            buffer.moveReaderIndex(to: buffer.writerIndex)
            return .needMoreData
        }
        let view = buffer.readableBytesView
        let from = view.startIndex + scanned
        if let nl = view[from...].firstIndex(of: UInt8(ascii: "\n")) {
            let length = nl - view.startIndex
            scanned = 0
            if length > maxLineBytes {
                buffer.moveReaderIndex(forwardBy: length + 1)
                context.fireChannelRead(Self.wrapInboundOut(.tooLong(length)))
                return .continue
            }
            var line = buffer.readSlice(length: length)!
            buffer.moveReaderIndex(forwardBy: 1)
            if line.readableBytes > 0 && line.getInteger(at: line.writerIndex - 1, as: UInt8.self) == UInt8(ascii: "\r") {
                line.moveWriterIndex(to: line.writerIndex - 1)
            }
            context.fireChannelRead(Self.wrapInboundOut(.line(line)))
            return .continue
        }
        if view.count > maxLineBytes {
            skipping = view.count
            scanned = 0
            buffer.moveReaderIndex(to: buffer.writerIndex)
            return .needMoreData
        }
        scanned = view.count
        return .needMoreData
    }

    public mutating func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        if let skipped = skipping {
            skipping = nil
            context.fireChannelRead(Self.wrapInboundOut(.tooLong(skipped)))
        } else if buffer.readableBytes > 0 {
            var line = buffer.readSlice(length: buffer.readableBytes)!
            if line.getInteger(at: line.writerIndex - 1, as: UInt8.self) == UInt8(ascii: "\r") {
                line.moveWriterIndex(to: line.writerIndex - 1)
            }
            scanned = 0
            context.fireChannelRead(Self.wrapInboundOut(.line(line)))
        }
        return .needMoreData
    }
}
