import Testing
import StageKit
@testable import EntitiesStage

/// Context rules for names: titles, given names, cue words, apposition, acronyms and document memory.
struct NameRuleTests {
    static func has(_ text: String, _ span: String, _ label: String) throws -> Bool {
        try TestSupport.entities(text).contains { $0.0 == span && $0.1 == label }
    }

    @Test(arguments: [
        ("Officials said Russian President Vladimir Putin would attend.", "Vladimir Putin", "PERSON"),
        ("Officials said Russian President Vladimir Putin would attend.", "Russian", "NORP"),
        ("He praised former US President Donald Trump on Monday.", "Donald Trump", "PERSON"),
        ("He praised former US President Donald Trump on Monday.", "US", "GPE"),
        ("The report was written by Dr. Amelia Kowalczyk last week.", "Amelia Kowalczyk", "PERSON"),
        ("Yesterday Margaret Okonkwo announced her resignation.", "Margaret Okonkwo", "PERSON"),
        ("The speech by Ursula von der Leyen was short.", "Ursula von der Leyen", "PERSON"),
        ("Analysts at the Brennan Policy Forum disagreed.", "Brennan Policy Forum", "ORG"),
        ("Shares in Vantor Holdings Ltd fell sharply.", "Vantor Holdings Ltd", "ORG"),
        ("He studied at the University of Tartu before the war.", "University of Tartu", "ORG"),
        ("Meridian Exchange, a think tank in Oslo, published it.", "Meridian Exchange", "ORG"),
        ("Fighting continued along the Dnipro River overnight.", "Dnipro River", "LOC"),
        ("Tensions rose on the Korean Peninsula again.", "Korean Peninsula", "LOC"),
        ("Relations between the West and Moscow soured.", "West", "LOC"),
        ("Diplomats from the European Council on Foreign Relations met.", "European Council on Foreign Relations", "ORG"),
        ("The Palestine Liberation Organization signed the deal.", "Palestine Liberation Organization", "ORG"),
        ("It was the worst conflict since World War II in Europe.", "World War II", "EVENT"),
        ("Many Europeans were worried by the vote.", "Europeans", "NORP"),
        ("Talks at the White House ended late.", "White House", "ORG"),
        ("Officials in North Korea denied it.", "North Korea", "GPE"),
        ("Shares of Brightwell Inc. rose after the deal.", "Brightwell Inc.", "ORG"),
        ("Aid workers arrived in Zarnovka on Monday.", "Zarnovka", "GPE"),
        ("Refugees from Zarnovka crossed the river.", "Zarnovka", "GPE"),
        ("The café in Zürich said it was closing.", "Zürich", "GPE"),
        ("A hospital in Geneva said the patient was stable.", "Geneva", "GPE"),
        ("NATO and the EU issued a joint statement.", "NATO", "ORG"),
        ("NATO and the EU issued a joint statement.", "EU", "ORG"),
        ("Talks between the US and China resumed.", "US", "GPE"),
        ("Flights to Kenya and Peru were cancelled.", "Peru", "GPE"),
        ("Flooding hit Manchester and Lyon overnight.", "Lyon", "GPE"),
        ("Exports to Africa and Asia grew.", "Africa", "LOC"),
        ("Polish and Hungarian farmers protested.", "Hungarian", "NORP"),
        ("The Siberian Forestry Council met in Tomsk.", "Siberian Forestry Council", "ORG"),
        ("Minister Olusegun Adebayo resigned.", "Olusegun Adebayo", "PERSON"),
        ("The reply came from Professor Hallworth on Monday.", "Hallworth", "PERSON"),
        ("Its founder, Teodora Vasquez, was absent.", "Teodora Vasquez", "PERSON"),
        ("The supermarket Kelmsby said it would freeze prices.", "Kelmsby", "ORG"),
        ("Shares in carmaker Voltura rose.", "Voltura", "ORG"),
        ("The report by Baroness Hallworth was published.", "Hallworth", "PERSON"),
        ("Prices were agreed in December and paid on Friday.", "December", "DATE"),
        ("Prices were agreed in December and paid on Friday.", "Friday", "DATE"),
    ])
    func names_whenContextGiven_labelsSpan(text: String, span: String, label: String) throws {
        let found = try TestSupport.entities(text)
        #expect(found.contains { $0.0 == span && $0.1 == label }, "\(found)")
    }

    @Test func names_afterFullName_surnameAndPossessiveArePerson() throws {
        let found = try TestSupport.entities("Analyst Tobias Wrenfield spoke first. Later, Wrenfield’s team replied and Wrenfield left.")
        #expect(found.filter { $0.0 == "Wrenfield" && $0.1 == "PERSON" }.count == 2, "\(found)")
        #expect(!found.contains { $0.0.hasSuffix("’s") })
    }

    @Test func names_afterFullOrgName_theShortFormIsOrg() throws {
        let found = try TestSupport.entities("The European Commission proposed new rules. Later the Commission withdrew them.")
        #expect(found.contains { $0 == ("European Commission", "ORG") }, "\(found)")
        #expect(found.contains { $0 == ("Commission", "ORG") }, "\(found)")
        // without "the" the short form is not an organisation
        let bare = try TestSupport.entities("The European Commission met. Commission members left early.")
        #expect(!bare.contains { $0.0 == "Commission" }, "\(bare)")
    }

    @Test func names_personOnlyInThisDocument_laterSurnameIsPerson() throws {
        let found = try TestSupport.entities("Jared Kushner met envoys in Davos. Kushner said the talks were useful. Later Kushner’s aide spoke.")
        #expect(found.filter { $0 == ("Kushner", "PERSON") }.count == 2, "\(found)")
    }

    @Test func names_acronymDefinition_labelsLaterAcronym() throws {
        let found = try TestSupport.entities("The Baltic Grain Exchange Council (BGEC) met in Riga. Later the BGEC voted.")
        #expect(found.filter { $0.0 == "BGEC" && $0.1 == "ORG" }.count == 2, "\(found)")
    }

    @Test(arguments: ["Unfortunately, the talks failed.", "Specifically, the talks failed.", "Historically, talks failed.",
                      "Similarly, the talks failed.", "Backchannel diplomacy is old.", "Lack of trust hurt them."])
    func names_sentenceInitialCapitalisedWord_isNotTagged(text: String) throws {
        #expect(try TestSupport.entities(text).isEmpty)
    }

    @Test func names_titleCaseHeading_isNotAName() throws {
        var doc = TestSupport.document("The Players and the Stakes\nThe players met in Davos.")
        try TestSupport.shared.process(&doc)
        let found = (doc.entities ?? []).map { doc.slice($0.start, $0.end) }
        #expect(found == ["Davos"])
    }
}
