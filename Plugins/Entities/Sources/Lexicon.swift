import Foundation
import StageKit

/// Kinds of words in `calendar.tsv`.
enum Cal: UInt8 {
    case none = 0, month, monthAbbr, weekday, unit, tunit, season, rel, part, dayword, timeword, daypart, num, scale, cur, pct
    init(name: String) {
        switch name {
        case "month": self = .month
        case "month_abbr": self = .monthAbbr
        case "weekday": self = .weekday
        case "unit": self = .unit
        case "tunit": self = .tunit
        case "season": self = .season
        case "rel": self = .rel
        case "part": self = .part
        case "dayword": self = .dayword
        case "timeword": self = .timeword
        case "daypart": self = .daypart
        case "num": self = .num
        case "scale": self = .scale
        case "cur": self = .cur
        case "pct": self = .pct
        default: self = .none
        }
    }
}

/// Built-in labels; user patterns may add more after these.
enum Label {
    static let builtin = ["PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "DATE", "TIME", "MONEY", "PERCENT",
                          "EMAIL", "URL", "PHONE", "LAW"]
    static let person: UInt16 = 0, org: UInt16 = 1, gpe: UInt16 = 2, loc: UInt16 = 3, norp: UInt16 = 4, fac: UInt16 = 5,
               event: UInt16 = 6, date: UInt16 = 7, time: UInt16 = 8, money: UInt16 = 9, percent: UInt16 = 10,
               email: UInt16 = 11, url: UInt16 = 12, phone: UInt16 = 13, law: UInt16 = 14
}

/// Lower-cased hashes of the small words the rules look at. A class, so that the rules reach its many
/// tables through one reference instead of copying the whole set on every access.
final class Words: Sendable {
    let the, a, an, of, on, for_, and, in_, at, near, from, ago, earlier, later, century, per, cent,
        percentage, point, points, mid, dash, quarter, half, am, pm, amDots, pmDots, may, march, percentSign, apostrophe: UInt64
    /// Exact hashes.
    let amUpper, jr, sr, ii, iii, iv, not, run, out: UInt64
    let ordinalWords: HashTable
    let roleNouns: HashTable
    let orgAbbrev: HashTable
    let particles: HashTable       // von, der, de, al, bin … (exact, lower case)
    let sayVerbs: HashTable
    let yearPrepositions: HashTable
    let monthContext: HashTable     // words before "May"/"March" that make them months
    let timezones: HashTable        // exact
    let acronymStop: HashTable      // exact: all-caps words that are not organisations
    let apposition: HashTable       // lower: head noun → label + 1
    let placePrepositions: HashTable  // lower: in at near from to (a club name after them is the place)
    let directions: HashTable       // lower: north south … central greater downtown
    let passive: HashTable          // lower: was were is are be been being
    let dismissal: HashTable        // exact: c b lbw st (a cricket scoreboard: "c Flower b Streak")

    init() {
        func l(_ s: String) -> UInt64 { Tokenizer.hash(s).1 }
        func e(_ s: String) -> UInt64 { Tokenizer.hash(s).0 }
        func set(_ words: String, exact: Bool = false) -> HashTable {
            var t = HashTable(capacity: 64)
            for w in words.split(separator: " ") { t.set(exact ? e(String(w)) : l(String(w)), 1) }
            return t
        }
        the = l("the"); a = l("a"); an = l("an"); of = e("of"); on = e("on"); for_ = e("for")
        and = l("and"); in_ = l("in"); at = l("at"); near = l("near"); from = l("from"); ago = l("ago")
        earlier = l("earlier"); later = l("later"); century = l("century"); per = l("per"); cent = l("cent")
        percentage = l("percentage"); point = l("point"); points = l("points"); mid = l("mid")
        dash = l("-"); quarter = l("quarter"); half = l("half"); am = l("am"); pm = l("pm"); amDots = l("a.m."); pmDots = l("p.m.")
        may = l("may"); march = l("march"); percentSign = l("%"); apostrophe = l("'")
        not = e("not"); run = e("run"); out = e("out")
        amUpper = e("AM"); jr = e("Jr"); sr = e("Sr"); ii = e("II"); iii = e("III"); iv = e("IV")
        ordinalWords = set("first second third fourth last final")
        roleNouns = set("analysts economists researchers officials executives scientists engineers staff employees workers strategists experts lawyers doctors professors students traders bankers investors")
        orgAbbrev = set("Inc Corp Ltd Co Bros Cos", exact: true)
        particles = set("von der de del della des di da du dos das van den ter la le al el bin bint ibn y zu", exact: true)
        sayVerbs = set("said says say told added wrote argued explained noted stated insisted warned tweeted posted asked replied admitted acknowledged announced claimed urged recalled")
        yearPrepositions = set("in since of from until by during before after circa through between")
        monthContext = set("in since until by early late mid last next this of from during before after through end")
        timezones = set("GMT UTC ET EST EDT CT CST CDT PT PST PDT CET CEST BST MSK IST JST", exact: true)
        acronymStop = set("FAQ FAQS CEO CFO COO CTO CIO GDP AI TV OK PDF USB PR HR IT DNA RNA ID VIP LGBT LGBTQ ESG IPO ETF API URL COVID AIDS HIV GMT UTC EST PM AM BC AD NB PS MBA PHD ASAP FYI DIY UFO IQ CV HQ TBD RSVP CCTV SUV ATM GPS LED LNG CPI RSS SMS PIN VAT NGO NGOS MP MPS MEP MEPS EV EVS VR AR QA UI UX IOS OS PC TOC PPE ICU ER UV IVF ADHD OCD PTSD STEM ROI KPI B2B B2C SEO SaaS RT OP IMO IMHO LOL OMG TBH BTW FTW SMH IDK DM TL DR TLDR NSFW AMA I II III IV V VI VII VIII IX X XI XII", exact: true)
        var ap = HashTable(capacity: 128)
        for (words, label) in [
            ("company firm group organization organisation agency bank startup charity nonprofit non-profit party newspaper broadcaster university manufacturer retailer lender insurer airline automaker carmaker consultancy conglomerate giant maker network outlet institute foundation union coalition alliance ministry militia tank publisher studio club team regulator watchdog supermarket supermarkets lenders carmakers automakers chain", Label.org),
            ("city town village region province country state port capital district suburb municipality", Label.gpe),
            ("businessman businesswoman politician lawmaker diplomat official envoy journalist spokesman spokeswoman economist analyst professor senator executive lawyer actor actress singer writer author billionaire investor entrepreneur activist researcher scientist player coach commander adviser advisor son daughter wife husband mother father brother sister son-in-law daughter-in-law head chief founder director minister president leader member resident veteran", Label.person),
        ] {
            for w in words.split(separator: " ") { ap.set(l(String(w)), UInt32(label) + 1) }
        }
        apposition = ap
        placePrepositions = set("in at near from to into outside")
        passive = set("was were is are be been being")
        dismissal = set("c b lbw st", exact: true)
        directions = set("north south east west northern southern eastern western central greater downtown upper lower new old inner outer metropolitan")
    }
}

/// Everything the stage reads from its data files, built once in `makeStage` and shared read-only.
struct Lexicon: Sendable {
    var gazetteer = PhraseTable(ignoreCase: false)
    /// The same phrases matched ignoring case, for words in capitals ("LONDON", "NEW YORK").
    var gazetteerCI = PhraseTable(ignoreCase: true)
    /// Clubs named like a place or a surname ("Liverpool", "Williams"): ORG only in sports text.
    var sportsTeams = PhraseTable(ignoreCase: true)
    /// Lower-cased hashes of words that mark a sports report.
    var sportsWords = HashTable(capacity: 64)
    /// Result verbs ("beat", "drew"): a sports report when a score ("2-1") is near.
    var resultVerbs = HashTable(capacity: 32)
    var titles = PhraseTable(ignoreCase: true)
    /// Exact hash → 1 (given name) or 2 (given name that is also a common word).
    var firstNames = HashTable(capacity: 4096)
    /// Lower-cased hash of common English words.
    var commonWords = HashTable(capacity: 50000)
    /// Exact hash → label << 8 | position (1 last, 2 head, 3 any).
    var cues = HashTable(capacity: 256)
    /// Lower-cased hash → `Cal` raw value.
    var calendar = HashTable(capacity: 256)
    /// Exact hash of ISO 4217 codes.
    var currencyCodes = HashTable(capacity: 256)
    let words = Words()

    static let files = ["places.tsv", "known.tsv", "teams.tsv", "titles.txt", "firstnames.tsv", "words.txt", "cuewords.tsv",
                        "calendar.tsv", "currencies.tsv"]

    /// Reads the data files from `context`; throws a `ConfigIssue` naming a missing file.
    init(context: StageContext, mark: SourceMark?) throws {
        func lines(_ name: String) throws -> [[Substring]] {
            Lexicon.rows(try context.dataText(name, stage: "entities", at: mark))
        }
        for row in try lines("places.tsv") where row.count >= 2 {
            addGazetteer(row, priority: 0)
        }
        for row in try lines("known.tsv") where row.count >= 2 {
            addGazetteer(row, priority: 1)
        }
        for row in try lines("teams.tsv") where row.count >= 2 {
            if row.count > 2 && row[2].contains("s") {
                sportsTeams.add(Tokenizer.phraseHashes(String(row[0]), ignoreCase: true), PhraseEntry(label: Label.org, weak: false, needsThe: false, priority: 1))
            } else {
                addGazetteer(row, priority: 1)
            }
        }
        for w in """
            soccer football basketball baseball cricket rugby tennis golf hockey athletics cycling racing league cup match matches
            goal goals scored scorer scorers striker midfielder defender goalkeeper innings wicket wickets half-time halftime
            standings semifinal semifinals semi-final semi-finals quarterfinal quarter-final quarter-finals referee penalty
            seeded fixtures playoff playoffs tournament championship teammate teammates squad stadium unbeaten relegation
            equaliser equalizer qualifier qualifiers scoring goalless hat-trick midfield winger batsman bowler
            pitcher quarterback touchdown rebounds premiership
            qualifying laps podium prix birdie birdies bogey bogeys fairway tiebreak tie-break marathon sprinter
            """.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
            sportsWords.set(Tokenizer.hash(String(w)).1, 1)
        }
        for w in "beat beats drew draw defeated defeat lost won win victory held thrashed edged routed crushed".split(separator: " ") {
            resultVerbs.set(Tokenizer.hash(String(w)).1, 1)
        }
        for row in try lines("titles.txt") {
            titles.add(Tokenizer.phraseHashes(String(row[0]), ignoreCase: true), PhraseEntry(label: 0, weak: false, needsThe: false, priority: 0))
        }
        for row in try lines("firstnames.tsv") {
            firstNames.set(Tokenizer.hash(String(row[0])).0, row.count > 1 && row[1].contains("w") ? 2 : 1)
        }
        for row in try lines("words.txt") { commonWords.set(Tokenizer.hash(String(row[0])).1, 1) }
        for row in try lines("cuewords.tsv") where row.count >= 3 {
            guard let label = Label.builtin.firstIndex(of: String(row[1])) else { continue }
            let pos: UInt32 = row[2] == "last" ? 1 : row[2] == "head" ? 2 : 3
            cues.set(Tokenizer.hash(String(row[0])).0, UInt32(label) << 8 | pos)
        }
        for row in try lines("calendar.tsv") where row.count >= 2 {
            calendar.set(Tokenizer.hash(String(row[0])).1, UInt32(Cal(name: String(row[1])).rawValue))
        }
        for row in try lines("currencies.tsv") { currencyCodes.set(Tokenizer.hash(String(row[0])).0, 1) }
    }

    private mutating func addGazetteer(_ row: [Substring], priority: UInt8) {
        guard let label = Label.builtin.firstIndex(of: String(row[1])) else { return }
        let flags = row.count > 2 ? row[2] : ""
        let entry = PhraseEntry(label: UInt16(label), weak: flags.contains("w"), needsThe: flags.contains("the"), priority: priority,
                                country: flags.contains("c"))
        gazetteer.add(Tokenizer.phraseHashes(String(row[0]), ignoreCase: false), entry)
        gazetteerCI.add(Tokenizer.phraseHashes(String(row[0]), ignoreCase: true), entry)
    }

    /// Tab-separated fields of the non-empty, non-comment lines of a data file.
    static func rows(_ text: String) -> [[Substring]] {
        text.split(whereSeparator: { $0 == "\n" || $0 == "\r\n" }).compactMap { line in
            if line.hasPrefix("#") { return nil }
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces)[...] }
            return f.first.map { $0.isEmpty } == false ? f : nil
        }
    }

    @inline(__always) func cal(_ t: Tok) -> Cal {
        guard let v = calendar.get(t.lhash) else { return .none }
        return Cal(rawValue: UInt8(v)) ?? .none
    }
    @inline(__always) func isCommon(_ t: Tok) -> Bool { commonWords.contains(t.lhash) }
    /// 0 not a given name, 1 given name, 2 given name that is also a common word.
    @inline(__always) func firstName(_ t: Tok) -> UInt32 { firstNames.get(t.hash) ?? 0 }
}
