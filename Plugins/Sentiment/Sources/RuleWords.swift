/// The closed-class words the rules react to (textpiped's own lists). They are part of the stage's
/// code, not of the replaceable lexicon: replacing `lexicon.tsv` changes valences, not grammar.
enum RuleWords {
    /// Strength added by an intensifier / taken by a dampener (VADER's empirically derived step).
    static let up: Float = 0.293
    static let down: Float = -0.293

    static let negators = """
        not no never none nobody nothing nowhere neither nor cannot cant without hardly scarcely rarely seldom
        lack lacks lacked lacking isnt arent wasnt werent dont doesnt didnt wont wouldnt shouldnt couldnt
        havent hasnt hadnt aint mustnt neednt
        """
    static let intensifiers = """
        very really extremely so incredibly absolutely completely totally utterly highly truly deeply
        especially particularly remarkably exceptionally extraordinarily immensely enormously hugely
        terribly awfully insanely super uber hella damn damned freaking frigging fricking fucking bloody
        most more quite such thoroughly entirely fully greatly intensely tremendously unbelievably
        amazingly decidedly considerably substantially majorly purely way
        """
    static let dampeners = """
        slightly somewhat kinda sorta barely marginally partly partially occasionally fairly mildly
        moderately relatively almost nearly
        """
    static let likeSubjects = """
        i you we they i'd you'd we'd they'd would really do don't didn't dont didnt does doesn't doesnt to
        also still definitely totally actually always might may will who people just all me u he she ya
        everyone everybody someone somebody nobody kinda sorta i'll you'll we'll they'll genuinely
        """

    /// Verbs of failure and omission: before `to` they negate what follows ("fails to be funny").
    static let failures = """
        fail fails failed failing forget forgets forgot forgetting neglect neglects neglected neglecting
        refuse refuses refused refusing unable
        """

    /// Forms of `be`: `like` after them (negated or not) is a preposition ("it's not like that").
    static let copulas = """
        is was are were be been being am it's that's he's she's there's what's its thats isn't wasn't
        aren't weren't ain't isnt wasnt arent werent
        """

    /// Verbs of saying (and `as`): a short quotation after them is reported speech, not scare quotes.
    static let reporting = """
        as say says said saying call calls called calling term terms termed dub dubs dubbed label labels
        labelled labeled describe describes described describing deem deems deemed brand brands branded
        hail hails hailed praise praises praised tell tells told write writes wrote add adds added declare
        declares declared state states stated insist insists insisted claim claims claimed
        """

    static let interjections = """
        lol lolz lmao lmfao rofl roflmao haha hahaha hehe hehehe heh yay woohoo wow omg ugh argh meh yikes
        ha hah xd
        """

    /// (word, roles, booster scalar).
    static let table: [(String, WordRole, Float)] = {
        var t: [(String, WordRole, Float)] = []
        func words(_ s: String) -> [String] { s.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init) }
        for w in words(negators) { t.append((w, .negator, 0)) }
        for w in words(intensifiers) { t.append((w, .booster, up)) }
        for w in words(dampeners) { t.append((w, .booster, down)) }
        t.append(("pretty", .booster, 0))  // "pretty good": an adverb, not a valence of its own
        for w in words(likeSubjects) { t.append((w, .likeSubject, 0)) }
        for w in words(interjections) { t.append((w, .interjection, 0)) }
        t.append(("an", .article, 0))
        for w in words("i you we they he she it that this there") { t.append((w, .subjectPronoun, 0)) }
        for w in words(failures) { t.append((w, .failure, 0)) }
        for w in words(copulas) { t.append((w, .copula, 0)) }
        for w in words(reporting) { t.append((w, .reporting, 0)) }
        t += [
            ("like", .like, 0), ("too", .too, 0), ("less", .less, 0), ("least", .least, 0),
            ("never", .never, 0), ("been", .been, 0), ("so", .degreeThis, 0), ("this", .degreeThis, 0),
            ("could", .modal, 0), ("would", .modal, 0), ("should", .modal, 0), ("might", .modal, 0),
            ("have", .have, 0), ("'ve", .have, 0),
            ("tries", .attempt, 0), ("tried", .attempt, 0), ("trying", .attempt, 0),
            ("attempts", .attempt, 0), ("attempt", .attempt, 0), ("attempting", .attempt, 0),
            ("supposed", .attempt, 0), ("meant", .attempt, 0), ("wants", .attempt, 0), ("aims", .attempt, 0),
            ("aspires", .attempt, 0), ("wanted", .attempt, 0), ("hoped", .attempt, 0), ("expected", .attempt, 0), ("strains", .attempt, 0), ("strives", .attempt, 0),
            ("to", .to, 0), ("than", .than, 0), ("of", .of, 0), ("at", .at, 0), ("a", .article, 0), ("the", .article, 0),
            ("kind", .kindSort, 0), ("sort", .kindSort, 0), ("bit", .bitLittle, 0), ("little", .bitLittle, 0),
            ("only", .only, 0), ("and", [.and, .coordinator], 0), ("or", .coordinator, 0), ("nor", .coordinator, 0), ("even", .even, 0), ("for", .forAll, 0), ("all", .forAll, 0),
            ("but", [.contrast, .turn], 0), ("however", [.contrast, .turn], 0), ("nevertheless", [.contrast, .turn], 0),
            ("nonetheless", [.contrast, .turn], 0), ("yet", [.yet, .turn], 0), ("still", .turn, 0),
            ("although", [.concessive, .midTurn], 0), ("though", [.concessive, .midTurn], 0), ("while", .concessive, 0),
            ("whilst", .concessive, 0), ("despite", .concessive, 0), ("if", .ifWord, 0),
            ("except", .contrast, 0), ("whereas", .contrast, 0),
        ]
        return t
    }()
}
