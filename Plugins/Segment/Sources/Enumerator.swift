/// An enumerator such as `1.`, `2)`, `a.)`, `(iv)` at the start of a list item.
struct Enumerator: Sendable {
    /// 1: `X.`  2: `X)`  3: `X.)`  4: `(X)`
    var form: UInt8
    var number: Int = 0
    var lower: Int = 0
    var upper: Int = 0
    var roman: Int = 0
    /// Position just after the marker.
    var end: Int

    /// True when `self` is the item right after `prev` in the same style (a→b, 1→2, iv→v).
    func follows(_ prev: Enumerator) -> Bool {
        guard form == prev.form else { return false }
        if number > 0 && prev.number > 0 { return number == prev.number + 1 }
        if lower > 0 && prev.lower > 0 && lower == prev.lower + 1 { return true }
        if upper > 0 && prev.upper > 0 && upper == prev.upper + 1 { return true }
        if roman > 0 && prev.roman > 0 && roman == prev.roman + 1 { return true }
        return false
    }

    var isLetterOnly: Bool { number == 0 && roman == 0 }

    /// The first item of a list: 1, a, i, or A with a bracket ("A." is more often an initial).
    var startsList: Bool { number == 1 || lower == 1 || (upper == 1 && form != 1) || roman == 1 }
}
