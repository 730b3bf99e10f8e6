import Testing
import StageKit
@testable import EntitiesStage

/// Wire-style news (CoNLL-2003-like Reuters text): headlines in capitals, datelines, tokenised punctuation,
/// results lines and tables, clubs, nationalities, people in lists.
struct NewsFormatTests {
    static func found(_ text: String) throws -> [(String, String)] { try TestSupport.entities(text) }

    @Test func capitals_headline_usesGazetteersNotCapitalisation() throws {
        let f = try NewsFormatTests.found("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .\nJapan beat Syria 2-1 on Friday .")
        #expect(f.contains { $0 == ("JAPAN", "GPE") }, "\(f)")
        #expect(f.contains { $0 == ("CHINA", "GPE") }, "\(f)")
        for word in ["SOCCER", "GET", "LUCKY", "WIN", "SURPRISE", "DEFEAT"] {
            #expect(!f.contains { $0.0.contains(word) }, "\(word) tagged: \(f)")
        }
    }

    @Test func capitals_headlineSurname_followsTheBody() throws {
        let f = try NewsFormatTests.found("TENNIS - KOVALENKO BEATS RAMIREZ IN FINAL .\nTop seed Dmytro Kovalenko beat Luis Ramirez 6-3 6-4 on Sunday .")
        #expect(f.contains { $0 == ("KOVALENKO", "PERSON") }, "\(f)")
        #expect(f.contains { $0 == ("RAMIREZ", "PERSON") }, "\(f)")
    }

    @Test func capitals_ordinaryWordInHeadline_needsACountry() throws {
        let f = try NewsFormatTests.found("MOTOR RACING - HILL ON POLE IN MONZA .")
        #expect(!f.contains { $0.0 == "POLE" }, "\(f)")
        #expect(f.contains { $0 == ("MONZA", "GPE") }, "\(f)")
    }

    @Test(arguments: [
        ("LONDON 1996-08-30\nShares rose .", "LONDON"),
        ("INDIAN WELLS , California 1997-03-15\nThe match was close .", "INDIAN WELLS"),
        ("AL-AIN , United Arab Emirates 1996-12-06\nThe match was close .", "AL-AIN"),
        ("NEW YORK (Reuters) - Stocks fell on Monday.", "NEW YORK"),
    ])
    func dateline_placeInCapitals_isGPE(text: String, place: String) throws {
        let f = try NewsFormatTests.found(text)
        #expect(f.contains { $0 == (place, "GPE") }, "\(f)")
    }

    @Test func results_cityClubsAndCountries_getTheirLabels() throws {
        let text = "Results of English league matches on Saturday :\nArsenal 1 Leicester 1\nBrampton 2 Coventry 0\nSummary : Japan 2 Syria 1 ."
        let f = try NewsFormatTests.found(text)
        for club in ["Arsenal", "Leicester", "Coventry"] { #expect(f.contains { $0 == (club, "ORG") }, "\(club): \(f)") }
        #expect(f.contains { $0 == ("Japan", "GPE") } && f.contains { $0 == ("Syria", "GPE") }, "\(f)")
    }

    @Test func results_standingsTable_isNotAPhoneNumber() throws {
        let f = try NewsFormatTests.found("Standings after Sunday 's matches :\nBarcelona 15 10 4 1 42 17 34\nValencia 15 9 5 1 24 9 32")
        #expect(!f.contains { $0.1 == "PHONE" }, "\(f)")
        #expect(f.contains { $0 == ("Barcelona", "ORG") } && f.contains { $0 == ("Valencia", "ORG") }, "\(f)")
    }

    @Test func sports_placeAfterPreposition_staysAPlace() throws {
        let f = try NewsFormatTests.found("Liverpool beat Everton 2-1 in the league match in Barcelona on Sunday .")
        #expect(f.contains { $0 == ("Liverpool", "ORG") }, "\(f)")
        #expect(f.contains { $0 == ("Barcelona", "GPE") }, "\(f)")
    }

    @Test func sports_resultVerbAndScore_makeASportsSentence() throws {
        let f = try NewsFormatTests.found("Barcelona beat Real Madrid 2-0 on Saturday .")
        #expect(f.contains { $0 == ("Barcelona", "ORG") } && f.contains { $0 == ("Real Madrid", "ORG") }, "\(f)")
        let vote = try NewsFormatTests.found("The council in Leeds won a 5-2 vote on Monday .")
        #expect(vote.contains { $0 == ("Leeds", "GPE") }, "\(vote)")
    }

    @Test func notSports_datelineDateIsNotAScore() throws {
        let f = try NewsFormatTests.found("MILAN 1996-08-30\nThe ruling coalition won a vote in parliament . Milan prosecutors opened an inquiry .")
        #expect(f.contains { $0 == ("Milan", "GPE") }, "\(f)")
    }

    @Test func notSports_clubCity_isAPlace() throws {
        let f = try NewsFormatTests.found("Unemployment in Liverpool fell last year , the council said .")
        #expect(f.contains { $0 == ("Liverpool", "GPE") }, "\(f)")
    }

    @Test(arguments: [
        ("Fans of the Chicago Bulls cheered .", "Chicago Bulls", "ORG"),
        ("He joined Atletico Madrid in July .", "Atletico Madrid", "ORG"),
        ("The coach of Manchester United resigned .", "Manchester United", "ORG"),
        ("He scored for PSV Eindhoven twice .", "PSV Eindhoven", "ORG"),
    ])
    func clubs_placeAndNickname_isOrg(text: String, span: String, label: String) throws {
        let f = try NewsFormatTests.found(text)
        #expect(f.contains { $0 == (span, label) }, "\(f)")
    }

    @Test func lists_personWithCountryInBrackets_isPerson() throws {
        let f = try NewsFormatTests.found("Leading results :\n1. Tomasz Wierzbicki ( Poland ) 1:24.204\n2. Okonjo Adeyemi ( Nigeria ) 1:24.367")
        #expect(f.contains { $0 == ("Tomasz Wierzbicki", "PERSON") }, "\(f)")
        #expect(f.contains { $0 == ("Okonjo Adeyemi", "PERSON") }, "\(f)")
        #expect(f.contains { $0 == ("Poland", "GPE") }, "\(f)")
    }

    @Test func lists_scorersWithMinutes_arePeople() throws {
        let f = try NewsFormatTests.found("Summary of league matches :\nAjax 2 ( Vermeulen 34 , Drost 70 ) Feyenoord 0 .")
        #expect(f.contains { $0 == ("Vermeulen", "PERSON") } && f.contains { $0 == ("Drost", "PERSON") }, "\(f)")
        #expect(f.contains { $0 == ("Ajax", "ORG") } && f.contains { $0 == ("Feyenoord", "ORG") }, "\(f)")
    }

    @Test(arguments: [
        ("Dane Bjarne Riis won the race .", "Dane", "NORP"),
        ("Dane Bjarne Riis won the race .", "Bjarne Riis", "PERSON"),
        ("The Spaniard beat a Serb in the final .", "Spaniard", "NORP"),
        ("DUTCH FIRST DIVISION SUMMARY .", "DUTCH", "NORP"),
        ("Kenya 's Daniel Komen won the 5,000 metres .", "Kenya", "GPE"),
        ("Kenya 's Daniel Komen won the 5,000 metres .", "Daniel Komen", "PERSON"),
        ("Shares in Deutsche Bank fell 2.4 percent .", "Deutsche Bank", "ORG"),
        ("Shares in Deutsche Bank fell 2.4 percent .", "2.4 percent", "PERCENT"),
        ("Ferrari driver Michael Schumacher took pole .", "Ferrari", "ORG"),
        ("He won the Italian Grand Prix on Sunday .", "Italian Grand Prix", "EVENT"),
        ("Analysts at Halvorsen said the group was weak .", "Halvorsen", "ORG"),
        ("World champion Charles Austin cleared 2.33 .", "Charles Austin", "PERSON"),
        ("Kazuyoshi Miura scored twice on Friday .", "Kazuyoshi Miura", "PERSON"),
        ("He signed from Auckland Warriors on Wednesday .", "Auckland Warriors", "ORG"),
        ("Moody 's Investors Service upgraded the bonds .", "Moody 's Investors Service", "ORG"),
        ("Lebed said on Friday that the talks would go on .", "Lebed", "PERSON"),
        ("Floods hit West Yorkshire and Northern California .", "West Yorkshire", "GPE"),
        ("Floods hit West Yorkshire and Northern California .", "Northern California", "GPE"),
        ("Ato Boldon of Trinidad was third .", "Ato Boldon", "PERSON"),
        ("Ato Boldon of Trinidad was third .", "Trinidad", "GPE"),
    ])
    func wire_tokenisedText_labelsSpan(text: String, span: String, label: String) throws {
        let f = try NewsFormatTests.found(text)
        #expect(f.contains { $0 == (span, label) }, "\(f)")
    }

    @Test func sports_cricketScoreboard_namesArePeople() throws {
        let f = try NewsFormatTests.found("Cricket scoreboard , England first innings :\nNick Knight c Flower b Streak 12\nAlec Stewart lbw b Olonga 48\nGrahame Thorpley not out 9")
        for name in ["Nick Knight", "Flower", "Streak", "Alec Stewart", "Olonga", "Grahame Thorpley"] {
            #expect(f.contains { $0 == (name, "PERSON") }, "\(name): \(f)")
        }
    }

    @Test func wire_spacedPossessive_staysOutsideTheName() throws {
        let f = try NewsFormatTests.found("Slovakia 's Prime Minister Vladimir Meciar met Hungary 's leaders .")
        #expect(f.contains { $0 == ("Slovakia", "GPE") } && f.contains { $0 == ("Hungary", "GPE") }, "\(f)")
        #expect(f.contains { $0 == ("Vladimir Meciar", "PERSON") }, "\(f)")
        #expect(!f.contains { $0.0.hasSuffix("'s") }, "\(f)")
    }

    @Test func wire_sentenceInitialAdverbBeforeAClause_isNotDescribed() throws {
        let f = try NewsFormatTests.found("Meanwhile, the Prime Minister's office said new rules would come in April.")
        #expect(!f.contains { $0.0 == "Meanwhile" }, "\(f)")
    }

    @Test func sports_scoringWordAndScore_makeASportsReport() throws {
        let f = try NewsFormatTests.found("Chelsea beat Arsenal 2-1 at home, with Cole Palmer scoring twice.")
        #expect(f.contains { $0 == ("Chelsea", "ORG") } && f.contains { $0 == ("Arsenal", "ORG") }, "\(f)")
    }

    @Test func wire_cityThenClause_isNotAnApposition() throws {
        let f = try NewsFormatTests.found("The bank lent money to schools in Sumatra and Borneo , the bank said .")
        #expect(f.contains { $0 == ("Borneo", "LOC") }, "\(f)")
    }
}
