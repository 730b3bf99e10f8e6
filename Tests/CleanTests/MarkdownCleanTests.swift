import Testing
@testable import CleanStage

struct MarkdownCleanTests {
    static func md(_ s: String) throws -> CleanOutput { try CleanHarness.clean(s, ["markdown": .scalar("always")]) }

    @Test(arguments: [
        ("Some *em*, _em_, **strong**, __strong__, ***both*** and ~~gone~~.", "Some em, em, strong, strong, both and gone."),
        ("snake_case_name and 2 * 3 * 4 stay", "snake_case_name and 2 * 3 * 4 stay"),
        ("A [link](http://x.com \"t\") and [ref][1] and ![alt text](img.png).", "A link and ref and alt text."),
        ("Code `a * b` and ``x ` y`` here", "Code a * b and x ` y here"),
        ("Escaped \\*stars\\* and \\[brackets\\]", "Escaped *stars* and [brackets]"),
        ("Auto <https://example.com> and <b>html</b> &amp; &copy;", "Auto https://example.com and html & ©"),
        ("unmatched *star and _under", "unmatched *star and _under"),
    ])
    func markdown_inline_markupRemoved(input: String, expected: String) throws {
        #expect(try Self.md(input).text == expected)
    }

    @Test func markdown_blocks_keepStructure() throws {
        let doc = """
        # Title #

        Intro paragraph
        continues here.

        Setext Heading
        --------------

        - one
        - two
          - nested
        1. first
        2) second
        - [x] done

        > Quoted *text*
        > more

        ```swift
        let a  =  1
        ```

            indented code

        | Name | Age |
        |:-----|----:|
        | Ann  | 31  |

        [1]: http://example.com
        ***
        Last.
        """
        let out = try Self.md(doc)
        #expect(out.text == """
        Title

        Intro paragraph continues here.

        Setext Heading

        one
        two
        nested
        first
        second
        done

        Quoted text more

        let a  =  1

        indented code

        Name | Age
        Ann | 31

        Last.
        """)
        #expect(CleanHarness.layout(out) == [
            "heading1: Title", "heading2: Setext Heading", "list_item1: one", "list_item1: two", "list_item2: nested",
            "list_item1: first", "list_item1: second", "list_item1: done", "quote: Quoted text more",
            "code: let a  =  1", "code: indented code", "table: Name | Age", "table: Ann | 31",
        ])
    }

    @Test func markdown_hardBreak_keepsLine() throws {
        #expect(try Self.md("one  \ntwo\\\nthree").text == "one\ntwo\nthree")
    }

    @Test(arguments: [
        ("# Heading\n\nText.", true),
        ("Read [the docs](http://x) now.", true),
        ("```\ncode\n```", true),
        ("- item\n> quote", true),
        ("Plain text.\nAnother line with 3 * 4.", false),
        ("Q: what?\nA: this.", false),
    ])
    func markdown_auto_detects(input: String, isMarkdown: Bool) throws {
        #expect((CleanHarness.standard.clean(input).layout != nil) == isMarkdown)
    }
}
