import StageKit
import Testing
@testable import SentimentStage

/// The rules, one table each. Texts are scored as one sentence.
@Suite struct SentimentRuleTests {
    static func s(_ text: String) -> Double { TestSupport.score(text) }

    // MARK: negation

    @Test(arguments: [
        ("The food is not good", "The food is good"),
        ("I never really liked it", "I really liked it"),
        ("The printer no longer works well", "The printer works well"),
        ("It isn't funny", "It is funny"),
        ("She doesn’t seem happy", "She does seem happy"),     // typographic apostrophe
        ("They don't like it", "They like it"),
        ("A film without charm", "A film with charm"),
        ("Nobody was happy", "Everybody was happy"),
    ])
    func negation_whenNegatorPrecedes_flipsPositive(negated: String, plain: String) {
        #expect(Self.s(plain) > 0.05)
        #expect(Self.s(negated) < -0.05, "\(negated)")
    }

    @Test(arguments: [
        ("This is not bad", 0.05),
        ("The ending isn't terrible", -0.05),
        ("It was never boring", -0.05),
    ])
    func negation_whenNegativeWordNegated_becomesMilder(text: String, atLeast: Double) {
        #expect(Self.s(text) > atLeast, "\(text)")
    }

    @Test func negation_stopsAtFirstSentimentWord() {
        // "dirty" lies outside the scope of "aren't", which ends at "good".
        #expect(Self.s("You aren't good at dirty talk") < Self.s("You aren't good at talk"))
    }

    @Test func negation_notOnly_isNoNegation() {
        #expect(Self.s("It is not only good but great") > 0.5)
    }

    @Test(arguments: ["I have never slept so well", "I haven't been this happy in years"])
    func negation_neverSoOrThis_meansMoreThanEver(text: String) {
        #expect(Self.s(text) > 0.05)
    }

    @Test func negation_rhetoricalQuestion_doesNotNegate() {
        #expect(Self.s("Wouldn't that be great?") > 0.05)
    }

    @Test func negation_window_skipsArticles() {
        #expect(Self.s("It wouldn't be such a bad idea") > 0.05)
    }

    @Test(arguments: ["I have no idea lol", "I'm not the one, haha", "not sure lol"])
    func negation_doesNotReachInterjections(text: String) {
        #expect(Self.s(text) > 0.05, "\(text)")
    }

    @Test func negation_insideAnIdiom_isUsedUp() {
        // "no doubt" is a phrase; its "no" does not also negate "great".
        #expect(Self.s("no doubt great") > Self.s("great"))
    }

    @Test func negation_acrossOr_reachesBothWords() {
        #expect(Self.s("It is not funny or clever") < Self.s("It is not funny"))
    }

    // MARK: intensifiers and dampeners

    @Test(arguments: ["very", "extremely", "really", "incredibly", "so", "totally"])
    func intensifier_raisesStrength(word: String) {
        #expect(Self.s("The show was \(word) good") > Self.s("The show was good"))
        #expect(Self.s("The show was \(word) bad") < Self.s("The show was bad"))
    }

    @Test(arguments: ["slightly", "kind of", "sort of", "somewhat", "a bit", "kinda"])
    func dampener_lowersStrength(words: String) {
        let plain = Self.s("The show was good"), damped = Self.s("The show was \(words) good")
        #expect(damped < plain && damped > 0.05, "\(words)")
        #expect(Self.s("The show was \(words) bad") > Self.s("The show was bad"))
    }

    @Test func intensifier_withOwnValence_isAnAdverbBeforeAWord() {
        // "incredible" alone is strongly positive; "incredibly" before "bad" only intensifies.
        #expect(Self.s("It was incredible") > 0.5)
        #expect(Self.s("It was incredibly bad") < Self.s("It was bad"))
    }

    @Test func kindOf_isNotTheWordKind() {
        #expect(abs(Self.s("It is kind of a thing")) < 0.05)
        #expect(Self.s("She is kind") > 0.05)
    }

    // MARK: contrast

    @Test(arguments: [
        ("The acting is good but the plot is awful", false),
        ("The plot is awful but the acting is good", true),
        ("The plot is awful, however the acting is good", true),
        ("Although the acting is good, the plot is awful", false),
        ("While the cast is wonderful, the film is dull", false),
        ("Despite a great cast, the film is boring", false),
        ("The food was bland, although the service was excellent", true),
    ])
    func contrast_shiftsWeightToTheClauseThatFollows(text: String, positive: Bool) {
        let v = Self.s(text)
        #expect(positive ? v > 0.05 : v < -0.05, "\(text) → \(v)")
    }

    @Test func contrast_acrossSentences_weighsTheTurn() {
        let text = "The acting is wonderful. But the plot is awful."
        let r = TestSupport.analyzer.analyze(text: text, sentences: SentimentEvaluation.splitSentences(text))
        #expect(r.sentences.count == 2)
        #expect(r.sentences[0].label == "positive" && r.sentences[1].label == "negative")
        #expect(r.label == "negative")
    }

    // MARK: emphasis

    @Test(arguments: [("good", "GOOD"), ("bad", "BAD"), ("great", "GREAT")])
    func caps_amongLowerCase_strengthens(lower: String, upper: String) {
        #expect(abs(Self.s("the day was \(upper)")) > abs(Self.s("the day was \(lower)")))
    }

    @Test func caps_shoutedSentenceInALowerCaseDocument_isEmphasis() {
        let text = "I was fine this morning. THIS IS BAD!"
        let first = "I was fine this morning.".utf8.count
        let spans = [Sentence(start: 0, end: first, block: 0), Sentence(start: first + 1, end: text.utf8.count, block: 0)]
        let inDocument = TestSupport.analyzer.analyze(text: text, sentences: spans).sentences[1].score
        #expect(inDocument < Self.s("THIS IS BAD!"))
    }

    @Test func caps_whenWholeSentenceShouts_isNoEmphasis() {
        #expect(Self.s("THE DAY WAS GOOD") == Self.s("the day was good"))
    }

    @Test(arguments: ["!", "!!", "!!!"])
    func exclamation_strengthens(marks: String) {
        #expect(Self.s("The day was good\(marks)") > Self.s("The day was good"))
        #expect(Self.s("The day was bad\(marks)") < Self.s("The day was bad"))
    }

    @Test func exclamation_moreMarks_strengthenMore() {
        #expect(Self.s("good!!") > Self.s("good!"))
    }

    @Test func elongation_strengthens() {
        #expect(Self.s("so goooood") > Self.s("so good"))
    }

    // MARK: emoticons and emoji

    @Test(arguments: [(":)", true), (":-)", true), (":-D", true), ("<3", true), (":(", false), (":'(", false),
                      ("😂", true), ("❤️", true), ("😍", true), ("😡", false), ("💔", false), ("👍🏽", true)])
    func emoticon_carriesValence(symbol: String, positive: Bool) {
        let v = Self.s("see you tomorrow \(symbol)")
        #expect(positive ? v > 0.05 : v < -0.05, "\(symbol) → \(v)")
    }

    @Test(arguments: ["great:)", "great :)", "great!:)"])
    func emoticon_gluedToWord_isFound(text: String) {
        #expect(Self.s(text) > Self.s("great"))
    }

    // MARK: idioms

    @Test(arguments: [
        ("not bad", true), ("the bomb", true), ("to die for", true), ("cut corners", false),
        ("the kiss of death", false), ("a waste of time", false), ("falls flat", false), ("top notch", true),
    ])
    func idiom_replacesItsWords(text: String, positive: Bool) {
        let v = Self.s("this movie is \(text)")
        #expect(positive ? v > 0.05 : v < -0.05, "\(text) → \(v)")
    }

    // MARK: questions

    @Test(arguments: ["good", "bad", "wonderful", "awful"])
    func question_dampens(word: String) {
        #expect(abs(Self.s("Is the food \(word)?")) < abs(Self.s("The food is \(word).")))
    }

    // MARK: comparatives and degree

    @Test(arguments: ["funny", "clever", "charming"])
    func less_withPositive_readsAsComplaint(word: String) {
        #expect(Self.s("The sequel is less \(word)") < 0)
    }

    @Test func less_withNegative_softens() {
        #expect(Self.s("less painful") > Self.s("painful"))
    }

    @Test(arguments: ["less than stellar", "too clever for its own good", "too sweet to be believable"])
    func excess_readsAsComplaint(text: String) {
        #expect(Self.s("The film is \(text)") < -0.05)
    }

    @Test func too_withNegative_strengthens() {
        #expect(Self.s("too boring") < Self.s("boring"))
    }

    @Test(arguments: ["better", "nicer", "coolest", "nicest", "happiest"])
    func comparativeAndSuperlative_keepThePolarity(word: String) {
        #expect(Self.s("This is the \(word) one") > 0.05)
    }

    @Test(arguments: ["It tries to be funny", "It is supposed to be scary fun"])
    func attempt_isNotAchievement(text: String) {
        #expect(Self.s(text) < Self.s(text.replacingOccurrences(of: "tries to be", with: "is").replacingOccurrences(of: "is supposed to be", with: "is")))
    }

    @Test func counterfactual_turnsPraiseIntoComplaint() {
        #expect(Self.s("It could have been a great film") < 0)
        #expect(Self.s("It should have been funny") < 0)
    }

    // MARK: like

    @Test func like_asVerb_isPositive_asPreposition_isNot() {
        #expect(Self.s("I like it") > 0.05)
        #expect(Self.s("We really like the show") > 0.05)
        #expect(abs(Self.s("It looks like a house")) < 0.05)
    }

    // MARK: HTML entities

    @Test(arguments: [
        ("fish &amp; chips were great", "fish & chips were great"),
        ("I &lt;3 you", "I <3 you"),
        ("&quot;great&quot; movie", "\"great\" movie"),
        ("it&#39;s not good", "it's not good"),
        ("love you &amp; miss you", "love you & miss you"),
    ])
    func htmlEntity_scoresLikeTheCharacter(encoded: String, plain: String) {
        #expect(Self.s(encoded) == Self.s(plain), "\(encoded)")
    }

    @Test func htmlEntity_ampersand_changesNothing() {
        #expect(Self.s("good &amp; cheap") == Self.s("good cheap"))
        #expect(Self.s("bad &amp;amp; sad") == Self.s("bad sad"))
        // Double-encoded "&amp;amp;" must not leave a ";" that would end the negation's clause.
        #expect(Self.s("not &amp;amp; good") == Self.s("not & good"))
    }

    // MARK: tokens that carry nothing

    @Test(arguments: ["http://example.com/great-love", "@happygirl", "www.best.com"])
    func urlsAndMentions_carryNoSentiment(text: String) {
        #expect(Self.s(text) == 0)
    }

    @Test func hashtag_isAWord() {
        #expect(Self.s("#love") > 0.05)
    }

    // MARK: negation — auxiliaries that ask, verbs of failure, litotes

    @Test(arguments: [
        "Wouldn't that be great?",
        "Only one more follower, wouldn't that be great?!",
        "Isn't it lovely?",
        "Don't you love it?",
        "so doesn't he look happy?",
    ])
    func negatedAuxiliary_beforeItsSubjectInAQuestion_asksRatherThanDenies(text: String) {
        #expect(Self.s(text) > 0.05, "\(text)")
    }

    @Test(arguments: [
        ("It isn't lovely.", "It is lovely."),
        ("It isn't lovely, is it?", "It is lovely, is it?"),
        ("Why isn't the show good?", "Why is the show good?"),
    ])
    func negatedAuxiliary_notBeforeASubject_stillNegates(negated: String, plain: String) {
        #expect(Self.s(negated) < 0, "\(negated)")
        #expect(Self.s(plain) > 0, "\(plain)")
    }

    @Test(arguments: [
        "It fails to be funny",
        "The sequel failed to impress",
        "He forgets to be charming",
        "She refuses to be helpful",
        "They were unable to enjoy it",
    ])
    func failureVerb_beforeTo_negatesWhatFollows(text: String) {
        #expect(Self.s(text) < -0.05, "\(text)")
    }

    @Test func failureVerb_withNothingToNegate_keepsItsOwnValence() {
        #expect(Self.s("The film fails.") < -0.05)
        // "never fails to": two negations cancel.
        #expect(Self.s("It never fails to impress") > 0.05)
    }

    @Test(arguments: [
        ("unoriginal", "original"), ("uninteresting", "interesting"), ("unimaginative", "imaginative"),
        ("implausible", "plausible"), ("inelegant", "elegant"), ("valueless", "value"),
    ])
    func negativeAffix_onAPositiveBase_readsNegated(word: String, base: String) {
        #expect(Self.s("a \(base) story") > 0.05, "\(base)")
        #expect(Self.s("a \(word) story") < -0.05, "\(word)")
    }

    @Test(arguments: ["unlike the book", "invaluable help", "topless bar"])
    func negativeAffix_whereThePrefixIsNoNegation_isNotNegated(text: String) {
        #expect(Self.s(text) >= 0, "\(text)")
    }

    @Test func negativeAffix_negatedAgain_isLitotes() {
        #expect(Self.s("not unpleasant") > 0.05)
    }

    @Test(arguments: ["It would have been a great film", "It could have been a great film", "It should have been funny"])
    func counterfactual_modalHave_turnsPraiseIntoComplaint(text: String) {
        #expect(Self.s(text) < 0, "\(text)")
    }

    @Test(arguments: ["If the plot were good", "if only the jokes were funny", "It would work if the cast had been charming"])
    func conditional_praiseInAnIfClause_assertsNothing(text: String) {
        #expect(Self.s(text) <= 0, "\(text)")
    }

    @Test func conditional_endsAtTheComma() {
        #expect(Self.s("If you like westerns, this one is wonderful") > 0.3)
    }

    @Test(arguments: ["I wanted to love this film", "We hoped to enjoy it", "I expected to be impressed"])
    func pastDesire_isNotAchievement(text: String) {
        let plain = text.replacingOccurrences(of: "wanted to ", with: "").replacingOccurrences(of: "hoped to ", with: "")
            .replacingOccurrences(of: "expected to ", with: "")
        #expect(Self.s(text) < Self.s(plain), "\(text)")
    }

    // MARK: informal spelling

    @Test(arguments: [("lovin it", "loving it"), ("chillin' with friends, nothin better", "chilling with friends, nothing better")])
    func droppedG_isReadAsTheFullWord(informal: String, full: String) {
        #expect(Self.s(informal) == Self.s(full), "\(informal)")
    }

    @Test(arguments: ["ahahaha", "hahahahaha", "bwahahaha", "hehehehe", "lolol"])
    func laughter_isReadAsLaughter(word: String) {
        #expect(Self.s("that was \(word)") > 0.05, "\(word)")
    }

    @Test(arguments: ["ahead", "hahn", "lola", "behave"])
    func laughter_doesNotCatchOrdinaryWords(word: String) {
        #expect(Self.s("that was \(word)") == 0, "\(word)")
    }

    // MARK: bare exclamation, scare quotes

    @Test(arguments: ["Got the tickets!", "See you tonight!!", "Pizza time!"])
    func exclamation_withoutSentimentWords_isMildExcitement(text: String) {
        let v = Self.s(text)
        #expect(v > 0.05 && v < 0.3, "\(text) → \(v)")
    }

    @Test(arguments: ["Don't touch it!", "Where is it?!", "The meeting is at ten."])
    func exclamation_withNegationOrQuestion_orWithout_isNoExcitement(text: String) {
        #expect(Self.s(text) == 0, "\(text)")
    }

    @Test func exclamationOnlySentence_doesNotOutweighARealOpinion() throws {
        let text = "This is awful. See you there!"
        let a = TestSupport.analyzer
        let first = "This is awful.".utf8.count
        let r = a.analyze(text: text, sentences: [Sentence(start: 0, end: first, block: 0), Sentence(start: first + 1, end: text.utf8.count, block: 0)])
        let alone = a.analyze(text: "This is awful.", sentences: [Sentence(start: 0, end: first, block: 0)])
        #expect(r.score == alone.score)
        #expect((r.sentences.last?.score ?? 0) > 0)
    }

    @Test(arguments: [
        ("Granholm talks about legislative \"idiots\" today", "Granholm talks about legislative idiots today"),
        ("it is magically ''significant'' because of that", "it is magically significant because of that"),
        ("the “perfect” plan", "the perfect plan"),
    ])
    func scareQuotes_fewQuotedWords_areMentionedNotMeant(quoted: String, plain: String) {
        #expect(Self.s(quoted) == 0, "\(quoted)")
        #expect(Self.s(plain) != 0, "\(plain)")
    }

    @Test(arguments: [
        "The talks were described as “very positive” and “constructive” by both sides",
        "He called it \"a disaster\"",
        "Critics hailed it as \"brilliant\"",
    ])
    func quotes_afterAVerbOfSaying_areReportedSpeechAndCount(text: String) {
        let plain = text.replacingOccurrences(of: "\"", with: "").replacingOccurrences(of: "“", with: "").replacingOccurrences(of: "”", with: "")
        #expect(Self.s(text) == Self.s(plain), "\(text)")
        #expect(Self.s(text) != 0)
    }

    @Test func quotes_aroundALongerStretch_countAsSaid() {
        #expect(Self.s("She said \"this is a truly wonderful day\"") > 0.05)
    }

    // MARK: repetition

    static func sentences(_ parts: [String]) -> (String, [Sentence]) {
        var spans: [Sentence] = [], at = 0
        for p in parts { spans.append(Sentence(start: at, end: at + p.utf8.count, block: 0)); at += p.utf8.count + 1 }
        return (parts.joined(separator: " "), spans)
    }

    @Test func repetition_repeatedWordCountsLessInTheDocument_notInItsSentence() {
        let (text, spans) = Self.sentences(["It was fun.", "It was fun.", "It was fun."])
        var off = RuleSettings(); off.repetition = false
        let with = TestSupport.analyzer.analyze(text: text, sentences: spans)
        let without = TestSupport.analyzer.with(off).analyze(text: text, sentences: spans)
        #expect(with.score < without.score)
        #expect(with.score > 0.05)
        #expect(with.sentences.map(\.score) == without.sentences.map(\.score))
        #expect(Set(with.sentences.map(\.score)).count == 1)
    }

    @Test(arguments: ["See you :) Bye :)", "haha ok haha"])
    func repetition_emoticonsAndInterjections_keepTheirValue(text: String) {
        var off = RuleSettings(); off.repetition = false
        #expect(Self.s(text) == TestSupport.score(text, TestSupport.analyzer.with(off)), "\(text)")
    }

    @Test func neutralText_isNeutral() {
        #expect(Self.s("The meeting is at ten in room four.") == 0)
        #expect(Self.s("") == 0)
    }
}
