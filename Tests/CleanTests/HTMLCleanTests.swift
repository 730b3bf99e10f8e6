import Testing
import StageKit
@testable import CleanStage

struct HTMLCleanTests {
    @Test(arguments: [
        ("<p>Fish &amp; chips &lt;3 &gt; &quot;x&quot; &apos;y&apos;</p>", "Fish & chips <3 > \"x\" 'y'"),
        ("<p>&eacute;&Eacute;&ntilde;&szlig;&euro;&hellip;&mdash;&rsquo;</p>", "éÉñß€…—’"),
        ("<p>&NotNestedGreaterGreater;&bne;&fjlig;</p>", "⪢̸=⃥fj"),
        ("<p>&#233;&#xE9;&#XE9;&#x1F600;&#128512;</p>", "éééé😀😀".replacingOccurrences(of: "éééé", with: "ééé")),
        ("<p>&#150; &#x93;x&#148; &#0; &#xD800;</p>", "– “x” \u{FFFD} \u{FFFD}"),
        ("<p>&copy 2024 &ampfoo AT&T &unknown; & alone</p>", "© 2024 &foo AT&T &unknown; & alone"),
        ("<p>a&nbsp;&nbsp;b&ensp;c</p>", "a b c"),
    ])
    func html_entities_areDecoded(input: String, expected: String) throws {
        #expect(CleanHarness.standard.clean(input).text == expected)
    }

    @Test func html_entityTable_hasEveryHTML5Name() throws {
        #expect(CleanHarness.standard.entities.count == 2231)
    }

    @Test(arguments: [
        ("<div>one</div><div>two</div>", "one\n\ntwo"),
        ("<p>one<br>two<br/>three</p>", "one\ntwo\nthree"),
        ("<p>a <b>bold</b> and <i>it</i><span>alic</span></p>", "a bold and italic"),
        ("<p>  spaced\n\n   out\ttext </p>", "spaced out text"),
        ("<section><article><p>x</p></article></section><p>y</p>", "x\n\ny"),
        ("<dl><dt>Term</dt><dd>Meaning</dd></dl>", "Term\nMeaning"),
        ("<p>x<!-- hidden comment --> y</p><!-- unclosed", "x y"),
        ("<p>a<![CDATA[ <b>raw</b> ]]>b</p>", "a <b>raw</b> b"),
    ])
    func html_blocks_becomeLines(input: String, expected: String) throws {
        #expect(CleanHarness.standard.clean("<html><body>" + input + "</body></html>").text == expected)
    }

    @Test(arguments: [
        ("<p>unclosed <b>bold <i>italic", "unclosed bold italic"),
        ("<p>3 < 5 and 6 > 2</p>", "3 < 5 and 6 > 2"),
        ("<p>text <div class=\"x", "text <div class=\"x"),
        ("<p>quote <a href=\"x>link</a> after</p>", "quote link after"),
        ("<div><p>one<p>two<li>three</div></span></p>", "one\n\ntwo\n\nthree"),
        ("<p>a</p></div></div></body><p>b", "a\n\nb"),
        ("<", "<"),
        ("<p>x</p><script>if (a < b) { document.write('</p>') }", "x"),
        ("<p>tail &", "tail &"),
        ("<p>&#", "&#"),
        ("<html></ p>stray end</>", "stray end"),
    ])
    func html_brokenMarkup_neverCrashesOrLosesText(input: String, expected: String) throws {
        #expect(CleanHarness.standard.clean(input).text == expected, "\(input)")
    }

    @Test func html_scriptsStylesAndChrome_areDropped() throws {
        let page = """
        <html><head><style>p { color: red }</style><script>var a = "<p>no</p>";</script></head><body>
        <noscript>enable js</noscript><template><p>tpl</p></template>
        <header><a href="/">Logo</a></header>
        <nav><ul><li><a href="/">Home</a></li></ul></nav>
        <form><input name="q"><button>Search</button></form>
        <svg><text>svg text</text></svg><iframe src="x">frame</iframe>
        <aside>Sidebar</aside>
        <p>Body text.</p>
        <footer>Footer text</footer>
        </body></html>
        """
        #expect(CleanHarness.standard.clean(page).text == "Body text.")
    }

    @Test(arguments: [
        ("<h2><button type=\"button\" data-bs-toggle=\"collapse\">How do I book?</button></h2><div><p>Call us.</p></div>", "How do I book?\n\nCall us."),
        ("<p>Text <button>Click me</button> more.</p>", "Text more."),
    ])
    func html_buttonInHeading_keepsItsTextOtherButtonsAreDropped(input: String, expected: String) throws {
        #expect(CleanHarness.standard.clean("<html><body>" + input + "</body></html>").text == expected)
    }

    @Test func html_headingsListsTablesPre_goIntoLayout() throws {
        let page = """
        <html><body><h1>Title</h1><p>Intro.</p><h3>Sub <em>head</em></h3>
        <ul><li>First</li><li>Second<ul><li>Nested</li></ul></li></ul>
        <table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr></table>
        <pre>let x = 1
          return x
        </pre><blockquote><p>Quoted.</p></blockquote></body></html>
        """
        let out = CleanHarness.standard.clean(page)
        #expect(out.text == "Title\n\nIntro.\n\nSub head\n\nFirst\nSecond\nNested\n\nName | Age\nAnn | 31\n\nlet x = 1\n  return x\n\nQuoted.")
        #expect(CleanHarness.layout(out) == [
            "heading1: Title", "heading3: Sub head", "list_item1: First", "list_item1: Second", "list_item2: Nested",
            "table: Name | Age", "table: Ann | 31", "code: let x = 1\n  return x", "quote: Quoted.",
        ])
    }

    @Test func html_titleAndDescription_goIntoMeta() throws {
        let out = CleanHarness.standard.clean("<html><head><title> Caf&eacute;  news </title><meta name=\"description\" content=\"A &quot;short&quot; page\"></head><body><p>x</p></body></html>")
        #expect(out.meta == ["title": "Café news", "description": "A \"short\" page"])
    }

    @Test func html_pageWithChromeAndCookieBanner_givesJustTheArticle() throws {
        let page = """
        <!DOCTYPE html><html><head><title>Story</title></head><body>
        <div id="cookie-banner"><p>We use cookies to improve your experience.</p><button>Accept</button></div>
        <div class="top-menu"><a href="/">Home</a> <a href="/news">News</a> <a href="/sport">Sport</a></div>
        <main><article>
          <header><h1>Rivers are rising</h1></header>
          <p>Heavy rain fell across the region on Monday, and rivers rose quickly.</p>
          <div class="share-bar"><a href="#">Facebook</a><a href="#">Twitter</a></div>
          <p>Officials said the water would recede by Friday.</p>
          <ul class="tags"><li><a href="/t/rain">rain</a></li><li><a href="/t/floods">floods</a></li></ul>
          <section id="comments"><h2>Comments</h2><p>First!</p></section>
          <div class="related-links"><h3>Related</h3><ul><li><a href="/a">Another story</a></li></ul></div>
        </article></main>
        <footer><p>© 2024 Example News. All rights reserved.</p></footer>
        </body></html>
        """
        let out = CleanHarness.standard.clean(page)
        #expect(out.text == "Rivers are rising\n\nHeavy rain fell across the region on Monday, and rivers rose quickly.\n\nOfficials said the water would recede by Friday.")
        #expect(CleanHarness.layout(out) == ["heading1: Rivers are rising"])
        #expect(out.meta["title"] == "Story")
    }

    @Test func html_linkDenseMenuWithoutNav_isDropped() throws {
        let page = "<html><body><ul><li><a href='/'>Home</a></li><li><a href='/a'>About</a></li><li><a href='/c'>Contact</a></li></ul><p>Real text with a <a href='/x'>link</a> inside it.</p></body></html>"
        #expect(CleanHarness.standard.clean(page).text == "Real text with a link inside it.")
    }

    @Test func html_heuristicsOff_keepsClassNamedBlocks() throws {
        let page = "<html><body><div class='share'>Share text</div><p>Body</p></body></html>"
        #expect(try CleanHarness.clean(page, ["html_boilerplate": .scalar("false")]).text == "Share text\n\nBody")
    }

    @Test func html_whenHeuristicsWouldDropEverything_fallsBack() throws {
        let page = "<html><body class='x'><div class='with-sidebar'><div class='sidebar-layout'><p>" + String(repeating: "All the article text is here. ", count: 20) + "</p></div></div></body></html>"
        #expect(CleanHarness.standard.clean(page).text.hasPrefix("All the article text"))
    }

    @Test(arguments: [
        ("<p>Just a paragraph</p>", true),
        ("Use a <br> tag", false),
        ("x < y and y > z", false),
        ("<!doctype html><title>x</title>", true),
        ("text <div>a</div> <p>b</p> <span>c</span>", true),
    ])
    func html_auto_detectsTags(input: String, isHTML: Bool) throws {
        let out = CleanHarness.standard.clean(input)
        #expect((out.layout != nil) == isHTML, "\(input) -> \(out.text)")
    }

    @Test func html_never_keepsTagsAsText() throws {
        #expect(try CleanHarness.clean("<p>x</p>", ["html": .scalar("never"), "markdown": .scalar("never")]).text == "<p>x</p>")
    }
}
