/// How many sentences a block holds and where its first one ends.
struct SentenceInfo {
    var count: Int
    var firstEnd: Int
}
