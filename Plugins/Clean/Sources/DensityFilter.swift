/// Keeps the main text of an HTML page by text density: after markup-based dropping, the page's lines
/// are grouped into clusters of long, sentence-like lines ("dense" lines) that lie close together; the
/// cluster with the most dense text is the article, and so are other clusters with at least a third of
/// its dense text. Lines before the first and after the last kept cluster (bylines, "most popular"
/// lists, teasers, legal lines) are dropped, except question/answer, table and code lines and the
/// heading right before a kept cluster. Pages with little dense text are left alone.
struct DensityFilter {
    /// A dense line: this many bytes or more, with at least one sentence end (`. , ! ?` before a space or at the
    /// end; `。 、 ， ！ ？`) and at least 8 spaces or 20 CJK/kana characters.
    static let denseBytes = 80
    /// Short lines (or bytes of them) that separate two clusters.
    static let gapLines = 6
    static let gapBytes = 600
    /// Below this much dense text in the best cluster nothing is dropped.
    static let minimumCluster = 400

    static func isDense(_ bytes: [UInt8], _ line: TextLine) -> Bool {
        guard line.kind == .plain || line.kind == .quote, line.end - line.start >= denseBytes else { return false }
        var spaces = 0
        var wide = 0
        var sentenceEnd = false
        var k = line.start
        while k < line.end {
            let b = bytes[k]
            if b == 32 { spaces += 1 }
            else if (b == UInt8(ascii: ".") || b == UInt8(ascii: "!") || b == UInt8(ascii: "?") || b == UInt8(ascii: ",")) && (k + 1 == line.end || bytes[k + 1] == 32) { sentenceEnd = true }
            else if b >= 0xE3 && b <= 0xE9 {
                // CJK and kana (no spaces between words): 。、 and full-width ，！？ end clauses
                wide += 1
                if k + 2 < line.end {
                    let c1 = bytes[k + 1], c2 = bytes[k + 2]
                    if b == 0xE3 && c1 == 0x80 && (c2 == 0x82 || c2 == 0x81) { sentenceEnd = true }
                }
            } else if b == 0xEF && k + 2 < line.end && bytes[k + 1] == 0xBC && (bytes[k + 2] == 0x8C || bytes[k + 2] == 0x81 || bytes[k + 2] == 0x9F) {
                sentenceEnd = true
            }
            k += 1
        }
        return sentenceEnd && (spaces >= 8 || wide >= 20)
    }

    /// The lines to keep (`true`), or nil to keep everything.
    static func select(_ lt: LineText, nodeParent: [Int32], nodeEnd: [Int32]) -> [Bool]? {
        let lines = lt.lines
        var clusters: [(first: Int, last: Int, score: Int)] = []
        var current: (first: Int, last: Int, score: Int)? = nil
        var gapCount = 0, gapSize = 0
        for (i, line) in lines.enumerated() where !line.isBlank {
            if isDense(lt.bytes, line) {
                if var c = current, gapCount <= gapLines && gapSize <= gapBytes {
                    c.last = i; c.score += line.end - line.start; current = c
                } else {
                    if let c = current { clusters.append(c) }
                    current = (i, i, line.end - line.start)
                }
                gapCount = 0; gapSize = 0
            } else {
                gapCount += 1; gapSize += line.end - line.start
            }
        }
        if let c = current { clusters.append(c) }
        guard let best = clusters.map(\.score).max(), best >= minimumCluster else { return nil }
        let kept = clusters.filter { 3 * $0.score >= best }
        var keep = [Bool](repeating: false, count: lines.count)
        // The element that holds every dense line of the kept clusters: its other lines are the article's
        // too (a list after the last paragraph), unless it is the whole document.
        var root: Int32 = -1
        for c in kept {
            for i in c.first...c.last where isDense(lt.bytes, lines[i]) {
                root = root < 0 ? lines[i].node : commonAncestor(root, lines[i].node, nodeParent)
            }
        }
        if root > 0, Int(root) < nodeEnd.count {
            let end = nodeEnd[Int(root)]
            for (i, line) in lines.enumerated() where line.node >= root && line.node <= end { keep[i] = true }
        }
        for c in kept {
            for i in c.first...c.last { keep[i] = true }
            // the heading just before the cluster (blank lines between)
            var h = c.first - 1
            while h >= 0 && lines[h].isBlank { h -= 1 }
            if h >= 0 && lines[h].kind == .heading { keep[h] = true }
        }
        // Lines between kept clusters, FAQ/table/code lines anywhere, and blank lines stay.
        if let first = kept.first, let last = kept.last {
            for i in first.first...last.last { keep[i] = true }
        }
        for (i, line) in lines.enumerated() {
            switch line.kind {
            case .question, .answer, .table, .code: keep[i] = true
            default: if line.isBlank { keep[i] = true }
            }
        }
        return keep
    }

    static func commonAncestor(_ a: Int32, _ b: Int32, _ parent: [Int32]) -> Int32 {
        var x = a, y = b
        // ordinals grow with depth along a path: walk the larger one up
        while x != y {
            if x > y { x = Int(x) < parent.count ? parent[Int(x)] : 0 } else { y = Int(y) < parent.count ? parent[Int(y)] : 0 }
        }
        return x
    }

    /// `lt` without the lines `keep` marks false.
    static func apply(_ keep: [Bool], to lt: LineText) -> LineText {
        var out = lt
        out.lines = lt.lines.enumerated().filter { keep[$0.offset] }.map(\.element)
        return out
    }
}
