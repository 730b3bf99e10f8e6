import StageKit

/// Recognises question and answer labels at the start of a line: `Q:`, `Q.`, `Q1:`, `Question:`,
/// `Question 3:`, `**Q:**`, `A:`, `A.`, `Answer:`, `Ans:` and configured extra words (`Frage:`).
///
/// Word labels match ASCII case-insensitively and need `:` (or the fullwidth `：`). One-letter labels must
/// be upper case; with `.` instead of `:` they are *weak* (`A. Lincoln` is not an answer), and the
/// extractor only trusts a weak label where a question/answer is expected. The abbreviations `Ques` and
/// `Ans` may also take `.` (weak).
struct LabelMatcher: Sendable {
    /// Which side a label belongs to.
    enum Side: Sendable { case question, answer }

    /// A label found at the start of a range.
    struct Match {
        var side: Side
        /// True for `Q.`/`A.` style labels, which need context to be trusted.
        var weak: Bool
        /// Where the labelled text begins (after the label, blanks and closing emphasis markers).
        var textStart: Int
        /// Emphasis markers (`*`, `_`) opened before the label and not closed after it; the caller trims
        /// up to this many from the end of the text.
        var openMarkers: Int
    }

    static let defaultQuestionLabels = ["Q", "Question", "Ques"]
    /// Word labels that are abbreviations and so may end with `.` instead of `:` (`Ans. …`).
    static let abbreviations: Set<[UInt8]> = [Array("ques".utf8), Array("ans".utf8)]
    static let defaultAnswerLabels = ["A", "Answer", "Ans"]

    /// Every label in the order `match` tries them: question labels, then answer labels.
    private let labels: [(side: Side, bytes: [UInt8])]

    /// Labels are stored lower-cased (ASCII); one-letter labels keep their case rule in `matchLabel`.
    init(questionLabels: [String], answerLabels: [String]) {
        func prepare(_ list: [String], _ side: Side) -> [(side: Side, bytes: [UInt8])] {
            var seen = Set<[UInt8]>()
            var out: [[UInt8]] = []
            for l in list {
                let bytes = l.utf8.map { ASCII.lower($0) }
                if !bytes.isEmpty, seen.insert(bytes).inserted { out.append(bytes) }
            }
            // Longer labels first so that `Answer` is tried before `A`.
            return out.sorted { $0.count > $1.count }.map { (side, $0) }
        }
        self.labels = prepare(questionLabels, .question) + prepare(answerLabels, .answer)
    }

    /// The label at `start` (after an optional list marker and emphasis markers), if any.
    func match(_ buf: ByteText.Buf, _ start: Int, _ end: Int) -> Match? {
        var i = start
        let list = ByteText.listMarker(buf, i, end)
        i += list.length
        var open = 0
        while i < end, ByteText.isMarker(buf[i]), open < 3 { i += 1; open += 1 }
        guard i < end, ASCII.isLetter(buf[i]) || buf[i] >= 0x80 else { return nil }
        for label in labels {
            if let m = matchLabel(label.bytes, buf, i, end, open: open) {
                return Match(side: label.side, weak: m.weak, textStart: m.textStart, openMarkers: m.open)
            }
        }
        return nil
    }

    private func matchLabel(_ label: [UInt8], _ buf: ByteText.Buf, _ start: Int, _ end: Int, open: Int)
        -> (weak: Bool, textStart: Int, open: Int)?
    {
        guard start + label.count < end else { return nil }
        let single = label.count == 1 && ASCII.isLetter(label[0])
        if single {
            guard buf[start] == label[0] & ~0x20 else { return nil } // upper case only
        } else {
            for k in 0..<label.count where ASCII.lower(buf[start + k]) != label[k] { return nil }
        }
        var i = start + label.count
        // Optional number: `Q1:`, `Question 3:`.
        var j = i
        if !single, j < end, buf[j] == 32 { j += 1 }
        let digits = j
        while j < end, ASCII.isDigit(buf[j]), j - digits < 4 { j += 1 }
        if j > digits { i = j }
        // Emphasis may close before the separator: `**Q**:`.
        var closed = 0
        while i < end, ByteText.isMarker(buf[i]), closed < open { i += 1; closed += 1 }
        guard i < end else { return nil }
        var weak = false
        if buf[i] == UInt8(ascii: ":") {
            i += 1
        } else if buf[i] == 0xEF, i + 2 < end, buf[i + 1] == 0xBC, buf[i + 2] == 0x9A { // ：
            i += 3
        } else if buf[i] == UInt8(ascii: "."), single || Self.abbreviations.contains(label) {
            i += 1; weak = true // `Q.`, `Ans.`: weak, trusted only where a question/answer is expected
        } else {
            return nil
        }
        // After the separator: end, blank or closing emphasis.
        if i < end, !(ASCII.isSpace(buf[i]) || ByteText.isMarker(buf[i])) { return nil }
        while i < end, ByteText.isMarker(buf[i]), closed < open { i += 1; closed += 1 }
        while i < end, ASCII.isSpace(buf[i]) { i += 1 }
        return (weak, i, open - closed)
    }
}
