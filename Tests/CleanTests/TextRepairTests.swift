import Testing
@testable import CleanStage

struct TextRepairTests {
    @Test(arguments: [
        ("itâ€™s", "it’s"),
        ("CafÃ© au lait", "Café au lait"),
        ("â€œquotedâ€\u{9D} text", "“quoted” text"),
        ("â€œquotedâ€ text", "“quoted” text"),
        ("10Â km", "10 km"),
        ("dÃ©jÃ  vu", "déjà vu"),
        ("dÃ©jÃ\u{A0} vu", "déjà vu"),
        ("voilÃ\u{A0}", "voilà"),
        ("Ã¢â‚¬â„¢ double", "’ double"),
        ("CafÃƒÂ© twice", "Café twice"),
        ("ZaÅ¼Ã³Å‚Ä‡ gÄ™Å›lÄ… jaÅºÅ„", "Zażółć gęślą jaźń"),
        ("ÎšÎ±Î»Î·Î¼Î­Ï\u{81}Î±", "Καλημέρα"),
        ("ÐŸÑ€Ð¸Ð²ÐµÑ‚", "Привет"),
        ("emoji ðŸ˜€!", "emoji 😀!"),
        ("â€” dash â€“ and â€¦", "— dash – and …"),
    ])
    func mojibake_isRepaired(input: String, expected: String) throws {
        #expect(CleanHarness.standard.clean(input).text == expected)
    }

    @Test(arguments: [
        "Le café est déjà prêt à l’heure où Noël arrive, « très » bien.",
        "Größe, Übermaß, „Anführungszeichen“ und ÄÖÜ äöü ß.",
        "Zażółć gęślą jaźń. Łódź, Kraków, Gdańsk.",
        "Καλημέρα κόσμε, ελληνικά.",
        "Привет, мир! Ёлка.",
        "Emoji 😀👍🏽 and 👨‍👩‍👧 family, ❤️.",
        "São Paulo, Ãgua, ÃO, Ângela, Ãvila.",
        "IRMÃ” e MÃE…",
        "Ç’kemi? Ç’është kjo?",
        "Señor «AÑO» y ÉTÉ» cañón.",
        "Prices: 5 €, £3, ¥100, 25°C, ±2, ½ cup, © 2024 ®.",
        "日本語のテキスト、中文文本、한국어 텍스트.",
        "Türkçe: ışık, İstanbul, çğüşö.",
    ])
    func mojibake_correctText_isUnchanged(text: String) throws {
        #expect(CleanHarness.standard.clean(text).text == text)
    }

    @Test func mojibake_off_keepsText() throws {
        #expect(try CleanHarness.clean("itâ€™s", ["mojibake": .scalar("false")]).text == "itâ€™s")
    }

    @Test(arguments: [
        ("a\u{0}b\u{7}c\u{1B}d\u{7F}e\u{85}f", "abcdef"),
        ("zero\u{200B}width\u{FEFF}\u{2060} soft\u{AD}hyphen \u{202E}bidi", "zerowidth softhyphen bidi"),
        ("tab\there\u{A0}nbsp\u{2009}thin\u{3000}ideo", "tab here nbsp thin ideo"),
        ("  many    spaces   ", "many spaces"),
        ("line1\r\nline2\rline3\n\n\n\nline4\n\n", "line1\nline2\nline3\n\nline4"),
        ("\n\n  \n lead and trail \n \n", "lead and trail"),
        ("keep ZWJ 👨\u{200D}👩 and drop a\u{200D}b", "keep ZWJ 👨\u{200D}👩 and drop ab"),
    ])
    func characters_controlsAndSpaces_areCleaned(input: String, expected: String) throws {
        #expect(CleanHarness.standard.clean(input).text == expected)
    }

    @Test(arguments: [
        ("e\u{301}te\u{301}", "nfc", "\u{E9}t\u{E9}"),
        ("A\u{30A}ngstr\u{F6}m \u{212B}", "nfc", "\u{C5}ngstr\u{F6}m \u{C5}"),
        ("\u{FB01}ne \u{2460} \u{FF21}", "nfc", "\u{FB01}ne \u{2460} \u{FF21}"),
        ("\u{FB01}ne \u{2460} \u{FF21} x\u{B2}", "nfkc", "fine 1 A x2"),
        ("e\u{301}", "none", "e\u{301}"),
        ("Hangul \u{1100}\u{1161}\u{11A8}", "nfc", "Hangul \u{AC01}"),
    ])
    func unicode_normalization_followsOption(input: String, form: String, expected: String) throws {
        let out = try CleanHarness.clean(input, ["normalize": .scalar(form)]).text
        #expect(Array(out.unicodeScalars) == Array(expected.unicodeScalars))
    }

    @Test func entities_inPlainText_onlyCompleteOnesDecoded() throws {
        #expect(CleanHarness.standard.clean("Q&A; AT&T &amp; &#8217; &copy").text == "Q&A; AT&T & ’ &copy")
        #expect(try CleanHarness.clean("&amp;", ["entities": .scalar("false")]).text == "&amp;")
    }
}
