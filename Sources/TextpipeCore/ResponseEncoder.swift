import StageKit

/// Writes response lines. Every response is one JSON object followed by `\n`.
public enum ResponseEncoder {
    /// Keys of `result` that stage extensions may not use.
    public static let reservedKeys: Set<String> = ["pipeline", "offsets", "text", "meta", "removed", "blocks", "sentences", "entities", "faq", "sentiment"]

    /// `{"id":…,"ok":false,"error":{"code":…,"message":…}}\n`
    public static func error(id: JSONValue, _ error: RequestError) -> [UInt8] {
        var w = JSONWriter(capacity: 128 + error.message.utf8.count)
        w.raw("{\"id\":"); w.value(id)
        w.raw(",\"ok\":false,\"error\":{\"code\":"); w.string(error.code.rawValue)
        w.raw(",\"message\":"); w.string(error.message)
        w.raw("}}\n")
        return w.bytes
    }

    /// `{"id":…,"ok":true,"result":…}\n` for a free-form result.
    public static func success(id: JSONValue, result: JSONValue) -> [UInt8] {
        var w = JSONWriter()
        w.raw("{\"id\":"); w.value(id)
        w.raw(",\"ok\":true,\"result\":"); w.value(result)
        w.raw("}\n")
        return w.bytes
    }

    /// The answer to a `process` request: each key present when a stage provided it.
    public static func document(id: JSONValue, pipeline: String, _ doc: Document, unit: OffsetUnit) -> [UInt8] {
        var text = doc.text
        return text.withUTF8 { bytes in
            var offsets: [Int] = []
            if unit != .utf8 {
                offsets.reserveCapacity(2 * ((doc.blocks?.count ?? 0) + (doc.sentences?.count ?? 0) + (doc.entities?.count ?? 0)) + 4 * (doc.faq?.count ?? 0) + 1)
                offsets.append(bytes.count)
                for b in doc.blocks ?? [] { offsets.append(b.start); offsets.append(b.end) }
                for s in doc.sentences ?? [] { offsets.append(s.start); offsets.append(s.end) }
                for e in doc.entities ?? [] { offsets.append(e.start); offsets.append(e.end) }
                for f in doc.faq ?? [] {
                    if let q = f.questionSpan { offsets.append(q.start); offsets.append(q.end) }
                    if let a = f.answerSpan { offsets.append(a.start); offsets.append(a.end) }
                }
            }
            let map = OffsetMap(text: bytes, unit: unit, offsets: offsets)
            // `"source_offsets": true`: every span also as offsets into the text exactly as sent.
            let sources = doc.requestFlags.contains("source_offsets") ? SourceSpans(doc, unit: unit) : nil
            func slice(_ s: Int, _ e: Int) -> UnsafeBufferPointer<UInt8> {
                let lo = max(0, min(s, bytes.count)), hi = max(lo, min(e, bytes.count))
                return UnsafeBufferPointer(rebasing: bytes[lo..<hi])
            }
            // The text goes out about twice (whole, and again in sentences, entities and FAQ pairs); each
            // span adds some 60 bytes of keys and numbers. Sized so that the buffer is never reallocated.
            let spans = (doc.blocks?.count ?? 0) + 2 * (doc.sentences?.count ?? 0) + (doc.entities?.count ?? 0) + 2 * (doc.faq?.count ?? 0)
            var w = JSONWriter(capacity: bytes.count * 5 / 2 + 80 * spans + 1024)
            w.raw("{\"id\":"); w.value(id)
            w.raw(",\"ok\":true,\"result\":{\"pipeline\":"); w.string(pipeline)
            w.raw(",\"offsets\":"); w.string(unit.rawValue)
            w.raw(",\"text\":"); w.string(bytes: bytes)
            if !doc.meta.isEmpty {
                w.raw(",\"meta\":{")
                for (i, key) in doc.meta.keys.sorted().enumerated() {
                    if i > 0 { w.byte(UInt8(ascii: ",")) }
                    w.string(key); w.byte(UInt8(ascii: ":")); w.string(doc.meta[key]!)
                }
                w.byte(UInt8(ascii: "}"))
            }
            // The writer asks for offsets in the order they were collected above, so each one is the next
            // value of `converted`; anything else (it should not happen) is looked up in the map. Plain
            // loops and a local cursor: closures capturing the cursor cost a dynamic exclusivity check per
            // offset.
            var cursor = Cursor(offsets: offsets, converted: map.converted, map: map, sources: sources)
            if let removed = doc.removed {
                w.list(",\"removed\":[", removed) { w, r in
                    w.raw("{\"text\":"); w.string(r.text); w.raw(",\"reason\":"); w.string(r.reason); w.byte(UInt8(ascii: "}"))
                }
            }
            if let blocks = doc.blocks {
                w.raw(",\"blocks\":[")
                for (i, b) in blocks.enumerated() {
                    if i > 0 { w.byte(UInt8(ascii: ",")) }
                    w.byte(UInt8(ascii: "{")); cursor.span(&w, b.start, b.end)
                    w.raw(",\"kind\":"); w.string(b.kind.rawValue)
                    if b.kind == .heading || b.level > 0 { w.raw(",\"level\":"); w.int(b.level) }
                    w.byte(UInt8(ascii: "}"))
                }
                w.byte(UInt8(ascii: "]"))
            }
            if let sentences = doc.sentences {
                w.raw(",\"sentences\":[")
                for (i, s) in sentences.enumerated() {
                    if i > 0 { w.byte(UInt8(ascii: ",")) }
                    cursor.textSpan(&w, s.start, s.end, slice(s.start, s.end))
                    w.raw(",\"block\":"); w.int(s.block)
                    w.byte(UInt8(ascii: "}"))
                }
                w.byte(UInt8(ascii: "]"))
            }
            if let entities = doc.entities {
                w.raw(",\"entities\":[")
                for (i, e) in entities.enumerated() {
                    if i > 0 { w.byte(UInt8(ascii: ",")) }
                    cursor.textSpan(&w, e.start, e.end, slice(e.start, e.end))
                    w.raw(",\"label\":"); w.string(e.label)
                    w.byte(UInt8(ascii: "}"))
                }
                w.byte(UInt8(ascii: "]"))
            }
            if let faq = doc.faq {
                w.raw(",\"faq\":[")
                for (i, f) in faq.enumerated() {
                    if i > 0 { w.byte(UInt8(ascii: ",")) }
                    w.raw("{\"question\":"); w.string(f.question)
                    w.raw(",\"answer\":"); w.string(f.answer)
                    if let q = f.questionSpan { w.raw(",\"question_span\":{"); cursor.span(&w, q.start, q.end); w.byte(UInt8(ascii: "}")) }
                    if let a = f.answerSpan { w.raw(",\"answer_span\":{"); cursor.span(&w, a.start, a.end); w.byte(UInt8(ascii: "}")) }
                    w.byte(UInt8(ascii: "}"))
                }
                w.byte(UInt8(ascii: "]"))
            }
            if let s = doc.sentiment {
                w.raw(",\"sentiment\":{\"label\":"); w.string(s.label)
                w.raw(",\"score\":"); w.score(s.score)
                w.list(",\"sentences\":[", s.sentences) { w, x in
                    w.raw("{\"index\":"); w.int(x.index); w.raw(",\"label\":"); w.string(x.label)
                    w.raw(",\"score\":"); w.score(x.score); w.byte(UInt8(ascii: "}"))
                }
                w.byte(UInt8(ascii: "}"))
            }
            for key in doc.extensions.keys.sorted() where !reservedKeys.contains(key) {
                w.byte(UInt8(ascii: ",")); w.string(key); w.byte(UInt8(ascii: ":")); w.value(doc.extensions[key]!)
            }
            w.raw("}}\n")
            return w.bytes
        }
    }

    /// Hands out converted offsets in the order they were collected.
    struct Cursor {
        let offsets: [Int]
        let converted: [Int]
        let map: OffsetMap
        /// Source offsets of the spans in writing order, when the request asked for them.
        let sources: SourceSpans?
        /// `offsets[0]` is the text length, which no span asks for.
        var next = 1
        var sourceIndex = 0

        @inline(__always) mutating func convert(_ byteOffset: Int) -> Int {
            if next < offsets.count && offsets[next] == byteOffset { next += 1; return converted[next - 1] }
            return map(byteOffset)
        }

        /// `"start":…,"end":…` in the response's unit.
        @inline(__always) mutating func span(_ w: inout JSONWriter, _ start: Int, _ end: Int) {
            let s = convert(start)
            w.span(start: s, end: convert(end))
            if let sources {
                let (ss, se) = sources[sourceIndex]
                sourceIndex += 1
                w.raw(",\"source_start\":"); w.int(ss); w.raw(",\"source_end\":"); w.int(se)
            }
        }

        /// `{"start":…,"end":…,"text":…` — the opening of a sentence or an entity.
        @inline(__always) mutating func textSpan(_ w: inout JSONWriter, _ start: Int, _ end: Int, _ text: UnsafeBufferPointer<UInt8>) {
            w.byte(UInt8(ascii: "{")); span(&w, start, end)
            w.raw(",\"text\":"); w.string(bytes: text)
        }
    }
}

/// The source offsets of every span of a document, in the order the encoder writes the spans (blocks,
/// sentences, entities, FAQ question and answer spans), converted to the client's unit over the text as
/// sent. Without a `SourceMap` the text is the text as sent and source offsets equal the offsets.
struct SourceSpans {
    private var pairs: [(Int, Int)] = []

    init(_ doc: Document, unit: OffsetUnit) {
        var raw: [Int] = []
        func add(_ s: Int, _ e: Int) {
            if let m = doc.sourceMap { let r = m.sourceSpan(s, e); raw.append(r.start); raw.append(r.end) }
            else { raw.append(s); raw.append(e) }
        }
        for b in doc.blocks ?? [] { add(b.start, b.end) }
        for s in doc.sentences ?? [] { add(s.start, s.end) }
        for e in doc.entities ?? [] { add(e.start, e.end) }
        for f in doc.faq ?? [] {
            if let q = f.questionSpan { add(q.start, q.end) }
            if let a = f.answerSpan { add(a.start, a.end) }
        }
        var source = doc.sourceMap?.source ?? doc.text
        let converted: [Int] = source.withUTF8 { bytes in
            let map = OffsetMap(text: bytes, unit: unit, offsets: unit == .utf8 ? [] : raw)
            return raw.map { map($0) }
        }
        pairs.reserveCapacity(converted.count / 2)
        var i = 0
        while i + 1 < converted.count { pairs.append((converted[i], converted[i + 1])); i += 2 }
    }

    subscript(_ i: Int) -> (Int, Int) { i < pairs.count ? pairs[i] : (0, 0) }
}
