import Testing
@testable import SegmentStage

/// Table tests for the sentence boundary rules, one table per behaviour.
@Suite struct SentenceRuleTests {
    static let abbreviations: [SentenceCase] = [
        .init("Mr. Smith met Dr. Jones and Prof. Lee.", ["Mr. Smith met Dr. Jones and Prof. Lee."]),
        .init("Gen. Will Smith arrived.", ["Gen. Will Smith arrived."]),
        .init("We met on Jan. 20 and again on Dec. 31st, 2011.", ["We met on Jan. 20 and again on Dec. 31st, 2011."]),
        .init("He arrived in Jan. The weather was cold.", ["He arrived in Jan.", "The weather was cold."]),
        .init("Bring fruit, e.g. apples, i.e. something sweet.", ["Bring fruit, e.g. apples, i.e. something sweet."]),
        .init("We sold pens, pencils, etc. They were cheap.", ["We sold pens, pencils, etc.", "They were cheap."]),
        .init("I work for the U.S. Government in Virginia.", ["I work for the U.S. Government in Virginia."]),
        .init("I live in the U.S. How about you?", ["I live in the U.S.", "How about you?"]),
        .init("He is No. 5 in the ranking.", ["He is No. 5 in the ranking."]),
        .init("The answer is no. The door stays shut.", ["The answer is no.", "The door stays shut."]),
        .init("Acme Inc. said profits rose. Acme Co. It grew.", ["Acme Inc. said profits rose.", "Acme Co.", "It grew."]),
        .init("That is JFK Jr.'s book.", ["That is JFK Jr.'s book."]),
        .init("She has a Ph.D. in physics.", ["She has a Ph.D. in physics."]),
        .init("See p. 55 and Fig. 3 for details.", ["See p. 55 and Fig. 3 for details."]),
    ]
    @Test(arguments: abbreviations) func segment_abbreviations(_ c: SentenceCase) {
        #expect(TestSupport.sentences(c.text) == c.sentences)
    }

    static let initials: [SentenceCase] = [
        .init("J. K. Owens wrote it.", ["J. K. Owens wrote it."]),
        .init("My name is Jonas E. Smith.", ["My name is Jonas E. Smith."]),
        .init("I went to J.C. Penney. It was closed.", ["I went to J.C. Penney.", "It was closed."]),
        .init("We make a good team, you and I. Did you see Albert I. Jones yesterday?",
              ["We make a good team, you and I.", "Did you see Albert I. Jones yesterday?"]),
        .init("They chose Plan B. The others left.", ["They chose Plan B.", "The others left."]),
    ]
    @Test(arguments: initials) func segment_initials(_ c: SentenceCase) {
        #expect(TestSupport.sentences(c.text) == c.sentences)
    }

    static let numbers: [SentenceCase] = [
        .init("She has $100.00 in her bag.", ["She has $100.00 in her bag."]),
        .init("She has $100.00. It is in her bag.", ["She has $100.00.", "It is in her bag."]),
        .init("Pi is 3.14159 and e is 2.718.", ["Pi is 3.14159 and e is 2.718."]),
        .init("I have 600. How many do you have?", ["I have 600.", "How many do you have?"]),
        .init("He finished 3rd. Then he went home.", ["He finished 3rd.", "Then he went home."]),
        .init("Today is 11.18.2014.", ["Today is 11.18.2014."]),
        .init("As payment for 1. above, pay us 2. nothing.", ["As payment for 1. above, pay us 2. nothing."]),
    ]
    @Test(arguments: numbers) func segment_numbers(_ c: SentenceCase) {
        #expect(TestSupport.sentences(c.text) == c.sentences)
    }

    static let lists: [SentenceCase] = [
        .init("1. The first item 2. The second item", ["1. The first item", "2. The second item"]),
        .init("1) The first item. 2) The second item.", ["1) The first item.", "2) The second item."]),
        .init("a. here it is b. another c. one more", ["a. here it is", "b. another", "c. one more"]),
        .init("(a) Hello world. (b) Hello world.", ["(a) Hello world.", "(b) Hello world."]),
        .init("• 9. The first item • 10. The second item", ["• 9. The first item", "• 10. The second item"]),
        .init("Steps: 1. Mix 2. Bake 3. Eat", ["Steps: 1. Mix", "2. Bake", "3. Eat"]),
    ]
    @Test(arguments: lists) func segment_inlineLists(_ c: SentenceCase) {
        #expect(TestSupport.sentences(c.text) == c.sentences)
    }

    static let times: [SentenceCase] = [
        .init("At 5 a.m. Mr. Smith went to the bank. He left the bank at 6 P.M. Mr. Smith then went to the store.",
              ["At 5 a.m. Mr. Smith went to the bank.", "He left the bank at 6 P.M.", "Mr. Smith then went to the store."]),
        .init("The game starts at 7 p.m. Monday night.", ["The game starts at 7 p.m. Monday night."]),
        .init("He left at 6 a.m. Travelers who stayed left later.", ["He left at 6 a.m.", "Travelers who stayed left later."]),
        .init("Meet me at 10:30. We will talk.", ["Meet me at 10:30.", "We will talk."]),
    ]
    @Test(arguments: times) func segment_times(_ c: SentenceCase) {
        #expect(TestSupport.sentences(c.text) == c.sentences)
    }

    static let addresses: [SentenceCase] = [
        .init("Her email is Jane.Doe@example.com. I sent her an email.", ["Her email is Jane.Doe@example.com.", "I sent her an email."]),
        .init("The site is: https://www.example.50.com/new-site/awesome_content.html. Please check it out.",
              ["The site is: https://www.example.50.com/new-site/awesome_content.html.", "Please check it out."]),
        .init("Go to www.testurl.Awesome.com today.", ["Go to www.testurl.Awesome.com today."]),
        .init("Open report.pdf and J1.txt first. Then reply.", ["Open report.pdf and J1.txt first.", "Then reply."]),
        .init("Images come in .jpeg format. Archives are .zip files.", ["Images come in .jpeg format.", "Archives are .zip files."]),
    ]
    @Test(arguments: addresses) func segment_urlsEmailsAndFileNames(_ c: SentenceCase) {
        #expect(TestSupport.sentences(c.text) == c.sentences)
    }

    static let ellipses: [SentenceCase] = [
        .init("I never meant that.... She left the store.", ["I never meant that....", "She left the store."]),
        .init("He talks slowly... And this is another sentence.", ["He talks slowly...", "And this is another sentence."]),
        .init("Wait… What happened?", ["Wait…", "What happened?"]),
        .init("I mean...see . . . what I'm saying . . . I didn't mean it.", ["I mean...see . . . what I'm saying . . . I didn't mean it."]),
        .init("Bohr [...] used the analogy [...] of stairs.", ["Bohr [...] used the analogy [...] of stairs."]),
        .init("It was weakened . . . was that of compounds. . . . The practice was not abandoned. . . .",
              ["It was weakened . . . was that of compounds.", ". . . The practice was not abandoned. . . ."]),
    ]
    @Test(arguments: ellipses) func segment_ellipses(_ c: SentenceCase) {
        #expect(TestSupport.sentences(c.text) == c.sentences)
    }

    static let quotes: [SentenceCase] = [
        .init("\"No,\" he said.", ["\"No,\" he said."]),
        .init("\"Is it?\" she asked.", ["\"Is it?\" she asked."]),
        .init("She turned to him, \"This is great.\" She held the book out.", ["She turned to him, \"This is great.\"", "She held the book out."]),
        .init("She said, “This is great.” She left.", ["She said, “This is great.”", "She left."]),
        .init("He teaches science (He previously worked for 5 years as an engineer.) at the University.",
              ["He teaches science (He previously worked for 5 years as an engineer.) at the University."]),
        .init("It ended (finally). Everyone left.", ["It ended (finally).", "Everyone left."]),
        .init("\"Dear! How queer everything is! And yesterday was usual.\" Alice sighed.",
              ["\"Dear! How queer everything is! And yesterday was usual.\"", "Alice sighed."]),
        .init("Hello. 'This is a test of single quotes.' A new sentence.", ["Hello.", "'This is a test of single quotes.'", "A new sentence."]),
        .init("It was a saint and martyr.[1] The emperor agreed.", ["It was a saint and martyr.[1]", "The emperor agreed."]),
    ]
    @Test(arguments: quotes) func segment_quotationsAndParentheses(_ c: SentenceCase) {
        #expect(TestSupport.sentences(c.text) == c.sentences)
    }

    static let punctuation: [SentenceCase] = [
        .init("Hello!? Is that you?", ["Hello!?", "Is that you?"]),
        .init("Unbelievable??!?! Yes.", ["Unbelievable??!?!", "Yes."]),
        .init("She works at Yahoo! in the accounting department.", ["She works at Yahoo! in the accounting department."]),
        .init("Leave me alone!, he yelled.", ["Leave me alone!, he yelled."]),
        .init("That was fun :) See you tomorrow.", ["That was fun :)", "See you tomorrow."]),
        .init("Thanks a lot! :-) See you.", ["Thanks a lot! :-)", "See you."]),
        .init("Great game! 🎉 Next week again.", ["Great game! 🎉", "Next week again."]),
        .init("What do you see? - Posted like sentinels they stand.", ["What do you see?", "- Posted like sentinels they stand."]),
        .init("Mix it and -- voila! -- you have cake.", ["Mix it and -- voila! -- you have cake."]),
        .init("Test strange period．Does it segment correctly．", ["Test strange period．", "Does it segment correctly．"]),
    ]
    @Test(arguments: punctuation) func segment_exclamationsEmoticonsAndOtherMarks(_ c: SentenceCase) {
        #expect(TestSupport.sentences(c.text) == c.sentences)
    }

    static let missingSpace: [SentenceCase] = [
        .init("Hello world.Today is Tuesday.Mr. Smith went to the store and bought 1,000.That is a lot.",
              ["Hello world.", "Today is Tuesday.", "Mr. Smith went to the store and bought 1,000.", "That is a lot."]),
        .init("Visit Example.Com for more.", ["Visit Example.Com for more."]),
        .init("We use ASP.NET daily.", ["We use ASP.NET daily."]),
    ]
    @Test(arguments: missingSpace) func segment_whenFullStopHasNoSpaceAfter_splitsOnlyBeforeAWord(_ c: SentenceCase) {
        #expect(TestSupport.sentences(c.text) == c.sentences)
    }

    @Test func segment_noBreakSpaceAfterFullStop_isASpace() {
        #expect(TestSupport.sentences("It rained.\u{00A0}We stayed in.") == ["It rained.", "We stayed in."])
    }
}

extension SentenceRuleTests {
    static let more: [SentenceCase] = [
        .init("Talk to your sales rep. They will help.", ["Talk to your sales rep.", "They will help."]),
        .init("Rock 'n roll is fine. The players' union agreed.", ["Rock 'n roll is fine.", "The players' union agreed."]),
        .init("He said, 'We will win. It is certain,' and left.", ["He said, 'We will win. It is certain,' and left."]),
    ]
    @Test(arguments: more) func segment_lowercaseTitlesAndApostrophes(_ c: SentenceCase) {
        #expect(TestSupport.sentences(c.text) == c.sentences)
    }
}
