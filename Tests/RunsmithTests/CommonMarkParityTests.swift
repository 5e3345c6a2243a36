import CCmarkGFM
import Foundation
import XCTest
@testable import Runsmith

/// For markdown without our syntax, `runsmith render` must give exactly cmark-gfm's HTML, except for
/// heading ids and anchor links (added on purpose). The reference is rendered here straight through
/// the C API, independent of the pipeline's own wrapper.
final class CommonMarkParityTests: XCTestCase {
    static let examples: [String] = [
        "Hello *world* and **bold** and ***both***.\n",
        "_under_ __strong__ snake_case_word\n",
        "A [link](http://example.com \"title\") and <https://auto.example>.\n",
        "[ref] and [other][ref]\n\n[ref]: /url 'Title'\n",
        "![alt text](img.png \"t\") and ![](<a b.png>)\n",
        "`code` and `` a`b `` spans\n",
        "```js\nconst x = 1 < 2;\n```\n",
        "~~~\ntilde fence\n~~~\n",
        "    indented code\n    second line\n",
        "> quote\n> > nested\n\n> lazy\ncontinuation\n",
        "- tight\n- list\n",
        "- loose\n\n- list\n",
        "3. start\n4. at three\n",
        "1) paren\n2) list\n",
        "* a\n  * b\n    * c\n",
        "# H1\n## H2\n###### H6\n",
        "Setext 1\n===\n\nSetext 2\n---\n",
        "***\n---\n___\n",
        "hard  \nbreak and soft\nbreak\n",
        "back\\\nslash break\n",
        "&amp; &copy; &#35; &#x22; &nbsp;\n",
        "\\*not emphasis\\* \\# \\[x\\]\n",
        "<div class=\"x\">\n*raw html block*\n</div>\n",
        "inline <span class=\"a\">html</span> and <!-- comment -->\n",
        "<details>\n<summary>More</summary>\n\nBody **md**.\n\n</details>\n",
        "| a | b |\n|:--|--:|\n| 1 | 2 |\n| 3 | 4 |\n",
        "| center |\n|:------:|\n| x |\n",
        "- [ ] open task\n- [x] done task\n",
        "~~strike~~ and ~one~\n",
        "Visit www.example.com or https://example.org/path?q=1 or mail me@example.com.\n",
        "Footnote ref[^1].\n\n[^1]: The note.\n",
        "Tab\tinside and unicode: café, 日本語, emoji 🎉\n",
        "1. item\n\n   ```sh\n   echo hi\n   ```\n\n2. next\n",
        "> - list in quote\n>   continued\n",
        "Line with trailing spaces   \n",
        "<img src=\"a.png\" alt=\"\">\n",
        "Heading with `code` and *em*\n---\n",
        "## Duplicate\n## Duplicate\n",
        "[empty]()\n",
        "**bold [link](u)** _em `code`_\n",
        "<https://example.com/a_b> <mailto:x@y.z>\n",
        "a | b\n--|--\n`\\|` | x\n",
        "+ plus\n+ list\n\n- minus\n",
        "para\n    not code (lazy)\n",
        "\n\n\nleading blank lines\n",
        "trailing text without newline",
        "* * *\n",
        "[link *with emphasis*](/u) [](/empty-text)\n",
        "<pre>\n  preformatted\n</pre>\n",
        "10. ten\n11. eleven\n",
        "- a\n- b\n\n\n- c\n",
        "> # heading in quote\n> text\n",
        "```\n```\n",
        "*a **b** c*\n",
        "![image *alt* text](x.png)\n",
        "Autolink in parens (https://example.com).\n",
        "| table | with |\n| --- | --- |\n| **bold** | `code` |\n| [l](u) | ~~s~~ |\n",
        "- [ ] task with [link](u)\n  - [x] nested task\n",
        "Ünïcödé heading\n===\n",
        "&#x20;\n",
        "<table class=\"plain\"><thead><tr><th>h</th></tr></thead><tbody><tr><td>x</td></tr></tbody></table>\n",
    ]

    /// cmark-gfm through the raw C API with the extensions and options the pipeline uses.
    static func reference(_ markdown: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES | CMARK_OPT_VALIDATE_UTF8
        let parser = cmark_parser_new(options)!
        defer { cmark_parser_free(parser) }
        for name in ["table", "tasklist", "strikethrough", "autolink"] {
            cmark_parser_attach_syntax_extension(parser, cmark_find_syntax_extension(name))
        }
        cmark_parser_feed(parser, markdown, markdown.utf8.count)
        let root = cmark_parser_finish(parser)
        defer { cmark_node_free(root) }
        let html = cmark_render_html(root, CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES, cmark_parser_get_syntax_extensions(parser))!
        defer { free(html) }
        return String(cString: html)
    }

    /// What the pipeline changes on purpose, taken out of cmark's output: HTML comments (the sanitizer
    /// leaves them out; see docs/syntax.md#raw-html).
    static func withoutComments(_ html: String) -> String {
        html.replacingOccurrences(of: #"<!--.*?-->"#, with: "", options: .regularExpression)
    }

    /// Undo what the pipeline adds on purpose: `<hN id="…">`, the anchor link, the GitBook alias anchor and
    /// the id of an expandable block's `<summary>`.
    static func withoutHeadingAnchors(_ html: String) -> String {
        var s = html.replacingOccurrences(of: #"(<h[1-6] id="[^"]*">)<a id="[^"]*"></a>"#, with: "$1", options: .regularExpression)
        s = s.replacingOccurrences(of: #"<summary id="[^"]*">"#, with: "<summary>", options: .regularExpression)
        s = s.replacingOccurrences(of: #"<a class="rs-anchor" href="[^"]*" aria-label="Link to this section"></a>"#,
                                          with: "", options: .regularExpression)
        s = s.replacingOccurrences(of: #"<h([1-6]) id="[^"]*">"#, with: "<h$1>", options: .regularExpression)
        return s
    }

    /// Undo the task boxes the pipeline draws with a name (`TaskListBoxes`): back to GFM's unnamed ones.
    static func withGFMTaskBoxes(_ html: String) -> String {
        html.replacingOccurrences(of: #"<input type="checkbox" class="rs-task" disabled aria-label="Not done"> "#, with: #"<input type="checkbox" disabled="" /> "#)
            .replacingOccurrences(of: #"<input type="checkbox" class="rs-task" disabled checked aria-label="Done"> "#,
                                  with: #"<input type="checkbox" checked="" disabled="" /> "#)
    }

    func testPlainMarkdownRendersExactlyAsCmarkGFM() {
        for markdown in Self.examples {
            let (ours, diagnostics) = fragment(markdown)
            XCTAssertEqual(Self.withGFMTaskBoxes(Self.withoutHeadingAnchors(ours)), Self.withoutComments(Self.reference(markdown)), "input: \(markdown.debugDescription)")
            XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [], "input: \(markdown.debugDescription)")
        }
    }

    func testHeadingsGetIdsAndAnchorLinks() {
        XCTAssertEqual(fragment("## Duplicate\n## Duplicate\n").0, """
        <h2 id="duplicate">Duplicate<a class="rs-anchor" href="#duplicate" aria-label="Link to this section"></a></h2>
        <h2 id="duplicate-1">Duplicate<a class="rs-anchor" href="#duplicate-1" aria-label="Link to this section"></a></h2>

        """)
    }

    func testTheExamplesExerciseEveryExtension() {
        let all = Self.examples.map(Self.reference).joined()
        for marker in ["<table>", "<del>", "type=\"checkbox\"", "<a href=\"http://www.example.com\">", "footnote", "<pre><code class=\"language-js\">"] {
            XCTAssertTrue(all.contains(marker), "no example produces \(marker)")
        }
    }
}
