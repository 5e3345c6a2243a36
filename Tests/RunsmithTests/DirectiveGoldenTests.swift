import XCTest
@testable import Runsmith

/// Small markdown in, exact HTML out: one test per GitBook construct.
final class DirectiveGoldenTests: XCTestCase {
    private func assertRenders(_ markdown: String, _ html: String, files: [String: String] = [:],
                               file: StaticString = #filePath, line: UInt = #line) {
        let (out, diagnostics) = fragment(markdown, files: files)
        XCTAssertEqual(out, html, file: file, line: line)
        XCTAssertEqual(lines(diagnostics.filter { $0.severity == .error }), [], file: file, line: line)
    }

    func testHint() {
        assertRenders("{% hint style=\"warning\" %}\nBe **careful**.\n{% endhint %}\n", """
        <aside class="rs-hint rs-hint-warning" role="note" aria-label="Warning">
        <p>Be <strong>careful</strong>.</p>
        </aside>

        """)
        // Seen in the wild: `warn` and `tip`; no style means info.
        assertRenders("{% hint style=\"warn\" %}\nx\n{% endhint %}\n", """
        <aside class="rs-hint rs-hint-warning" role="note" aria-label="Warning">
        <p>x</p>
        </aside>

        """)
        assertRenders("{% hint %}\nx\n{% endhint %}\n", """
        <aside class="rs-hint rs-hint-info" role="note" aria-label="Info">
        <p>x</p>
        </aside>

        """)
    }

    func testHintWithoutBlankLinesAroundTheTags() {
        assertRenders("Before\n{% hint style=\"success\" %}\nInside\n{% endhint %}\nAfter\n", """
        <p>Before</p>
        <aside class="rs-hint rs-hint-success" role="note" aria-label="Success">
        <p>Inside</p>
        </aside>
        <p>After</p>

        """)
    }

    func testTabsWorkAsRadioButtons() {
        assertRenders("{% tabs %}\n{% tab title=\"Cloud\" %}\nA\n{% endtab %}\n{% tab title=\"Server <2>\" %}\nB\n{% endtab %}\n{% endtabs %}\n", """
        <div class="rs-tabs">
        <input class="rs-tab-input" type="radio" name="rs-tabs-0" id="rs-tabs-0-0" checked><label class="rs-tab-label" for="rs-tabs-0-0">Cloud</label>
        <div class="rs-tab-panel">
        <p>A</p>
        </div>
        <input class="rs-tab-input" type="radio" name="rs-tabs-0" id="rs-tabs-0-1"><label class="rs-tab-label" for="rs-tabs-0-1">Server &lt;2&gt;</label>
        <div class="rs-tab-panel">
        <p>B</p>
        </div>
        </div>

        """)
    }

    func testStepperIsAnOrderedList() {
        assertRenders("{% stepper %}\n{% step %}\n### One\nDo it.\n{% endstep %}\n{% step %}\n### Two\n{% endstep %}\n{% endstepper %}\n", """
        <ol class="rs-stepper">
        <li class="rs-step">
        <h3 id="one">One<a class="rs-anchor" href="#one" aria-label="Link to this section"></a></h3>
        <p>Do it.</p>
        </li>
        <li class="rs-step">
        <h3 id="two">Two<a class="rs-anchor" href="#two" aria-label="Link to this section"></a></h3>
        </li>
        </ol>

        """)
    }

    func testCodeBlockOptions() {
        assertRenders("{% code title=\"a.yml\" overflow=\"wrap\" lineNumbers=\"true\" expandable=\"true\" fullWidth=\"false\" %}\n```yaml\na: 1\n```\n{% endcode %}\n", """
        <figure class="rs-code" data-overflow="wrap" data-line-numbers="true" data-expandable="true" data-full-width="false">
        <figcaption class="rs-code-title">a.yml</figcaption>
        <pre data-line-numbers="true"><code class="language-yaml"><span class="rs-line">a: 1</span>
        </code></pre>
        </figure>

        """)
    }

    func testColumns() {
        assertRenders("{% columns %}\n{% column width=\"40%\" %}\nLeft\n{% endcolumn %}\n{% column %}\nRight\n{% endcolumn %}\n{% endcolumns %}\n", """
        <div class="rs-columns">
        <div class="rs-column" data-width="40%" style="flex-basis:40%">
        <p>Left</p>
        </div>
        <div class="rs-column">
        <p>Right</p>
        </div>
        </div>

        """)
    }

    func testEmbedWithAndWithoutCloser() {
        assertRenders("Intro\n{% embed url=\"https://www.youtube.com/watch?v=x\" %}\n\n{% embed url=\"https://example.com/v\" %}\nCaption\n{% endembed %}\n", """
        <p>Intro</p>
        <figure class="rs-embed">
        <p class="rs-embed-link"><a href="https://www.youtube.com/watch?v=x">https://www.youtube.com/watch?v=x</a></p>
        </figure>
        <figure class="rs-embed">
        <p class="rs-embed-link"><a href="https://example.com/v">https://example.com/v</a></p>
        <figcaption>
        <p>Caption</p>
        </figcaption>
        </figure>

        """)
    }

    func testConditionalBranchesAreParsedAndLabelled() {
        assertRenders("{% if visitor.claims.unsigned.plan == \"pro\" %}\nPro\n{% elsif x %}\nX\n{% else %}\nFree\n{% endif %}\n", """
        <div class="rs-conditional">
        <div class="rs-branch" data-condition="visitor.claims.unsigned.plan == &quot;pro&quot;">
        <p class="rs-branch-label">Shown when <code>visitor.claims.unsigned.plan == &quot;pro&quot;</code></p>
        <p>Pro</p>
        </div>
        <div class="rs-branch" data-condition="x">
        <p class="rs-branch-label">Otherwise, when <code>x</code></p>
        <p>X</p>
        </div>
        <div class="rs-branch" data-condition="">
        <p class="rs-branch-label">Otherwise</p>
        <p>Free</p>
        </div>
        </div>

        """)
    }

    func testUpdatesPromptAndOpenAPICard() {
        assertRenders("{% updates format=\"full\" %}\n{% update date=\"2026-01-02\" %}\nThing\n{% endupdate %}\n{% endupdates %}\n\n{% prompt %}\nAsk\n{% endprompt %}\n", """
        <div class="rs-updates">
        <section class="rs-update">
        <p class="rs-update-date"><time datetime="2026-01-02">2026-01-02</time></p>
        <p>Thing</p>
        </section>
        </div>
        <div class="rs-prompt">
        <p>Ask</p>
        </div>

        """)
        let (html, diagnostics) = fragment("{% openapi src=\"spec.yaml\" path=\"/pets\" method=\"get\" %}\n[spec.yaml](spec.yaml)\n{% endopenapi %}\n")
        XCTAssertEqual(html, """
        <div class="rs-api-card">
        <p class="rs-api-title"><code>GET /pets</code> <span class="rs-api-spec">spec.yaml</span></p>
        <p><a href="spec.yaml">spec.yaml</a></p>
        </div>

        """)
        XCTAssertEqual(lines(diagnostics), ["page.md:1:1: warning: '{% openapi %}' is shown as a reference card: the operation itself is not in the export"])
    }

    func testIntegrationBlockIsDroppedWithAWarning() {
        let (html, diagnostics) = fragment("Form:\n\n{% @marketo/form formId=\"4316\" %}\n")
        XCTAssertEqual(html, "<p>Form:</p>\n")
        XCTAssertEqual(lines(diagnostics), ["page.md:3:1: warning: GitBook integration block '@marketo/form' cannot be rendered offline; it was left out"])
    }

    func testIncludeRendersTheIncludedFileWithoutItsFrontmatter() {
        assertRenders("# Page\n\n{% include \".gitbook/includes/note.md\" %}\n", """
        <h1 id="page">Page<a class="rs-anchor" href="#page" aria-label="Link to this section"></a></h1>
        <aside class="rs-hint rs-hint-info" role="note" aria-label="Info">
        <p>Shared note.</p>
        </aside>

        """, files: [".gitbook/includes/note.md": "---\ntitle: Note\n---\n\n{% hint style=\"info\" %}\nShared note.\n{% endhint %}\n"])
    }

    func testFiveLevelsOfNesting() {
        let markdown = """
        {% stepper %}
        {% step %}
        {% tabs %}
        {% tab title="A" %}
        {% hint style="danger" %}
        Deep
        {% endhint %}
        {% endtab %}
        {% endtabs %}
        {% endstep %}
        {% endstepper %}

        """
        assertRenders(markdown, """
        <ol class="rs-stepper">
        <li class="rs-step">
        <div class="rs-tabs">
        <input class="rs-tab-input" type="radio" name="rs-tabs-2" id="rs-tabs-2-0" checked><label class="rs-tab-label" for="rs-tabs-2-0">A</label>
        <div class="rs-tab-panel">
        <aside class="rs-hint rs-hint-danger" role="note" aria-label="Danger">
        <p>Deep</p>
        </aside>
        </div>
        </div>
        </li>
        </ol>

        """)
    }

    func testDirectiveInsideListItem() {
        assertRenders("- item\n\n  {% hint style=\"tip\" %}\n  nested\n  {% endhint %}\n", """
        <ul>
        <li>
        <p>item</p>
        <aside class="rs-hint rs-hint-tip" role="note" aria-label="Tip">
        <p>nested</p>
        </aside>
        </li>
        </ul>

        """)
    }

    func testDirectiveSyntaxInCodeStaysLiteral() {
        assertRenders("```markdown\n{% hint style=\"info\" %}\n```\n\nUse `{% include \"x.md\" %}` here.\n\n    {% endhint %}\n", """
        <pre><code class="language-markdown">{% hint style=&quot;info&quot; %}
        </code></pre>
        <p>Use <code>{% include &quot;x.md&quot; %}</code> here.</p>
        <pre><code>{% endhint %}
        </code></pre>

        """)
    }

    func testRawBlocksAndPreKeepTagsLiteral() {
        assertRenders("Before\n\n{% raw %}\nWrite {% hint style=\"info\" %} like this.\n{% endraw %}\n\n<pre>\n{% hint %}\n</pre>\n", """
        <p>Before</p>
        <p>Write {% hint style=&quot;info&quot; %} like this.</p>
        <pre>
        {% hint %}
        </pre>

        """)
    }

    func testCommentsAndIndentedHTMLAreNotConfusedWithTags() {
        // Not a tag, and not an error; the comment itself is left out by the sanitizer.
        assertRenders("<!-- note\n{% hint style=\"info\" %}\n-->\n\nAfter.\n", """
        <p>After.</p>

        """)
        // `<pre>` indented four spaces is code, not an HTML block: the hint after it is live.
        assertRenders("Code:\n\n    <pre>\n\n{% hint style=\"info\" %}\nx\n{% endhint %}\n", """
        <p>Code:</p>
        <pre><code>&lt;pre&gt;
        </code></pre>
        <aside class="rs-hint rs-hint-info" role="note" aria-label="Info">
        <p>x</p>
        </aside>

        """)
    }

    func testRawOnOneLineAndItsMistakes() {
        assertRenders("{% raw %}{% hint %} and {{ x }}{% endraw %}\n", "<p>{% hint %} and {{ x }}</p>\n")
        XCTAssertEqual(lines(fragment("a\n\n{% endraw %}\n\n{% raw %}\n{% x %}\n").1), [
            "page.md:3:1: error: '{% endraw %}' without an open '{% raw %}'",
            "page.md:5:1: error: '{% raw %}' is never closed (expected '{% endraw %}')",
        ])
    }

    func testOnlyAnEmptyAnchorInAHeadingBecomesItsId() {
        let (html, diagnostics) = fragment("## Wrapped <a id=\"wrap\">text</a>\n\n<a id=\"wrap\"></a>\n")
        XCTAssertTrue(html.hasPrefix("<h2 id=\"wrapped-text\">Wrapped <a id=\"wrap\">text</a>"), html)
        XCTAssertEqual(lines(diagnostics), ["page.md:3:1: warning: id 'wrap' is used twice on this page: links to it reach the first"])
    }

    func testGitBookRawHTML() {
        assertRenders("""
        ## Create the token <a href="#create-token" id="create-token"></a>

        <figure><img src="../.gitbook/assets/image (308).png" alt=""><figcaption><p>Scopes</p></figcaption></figure>

        <mark style="color:$info;">Marked</mark> text&#x20;

        line one\\
        line two

        """, """
        <h2 id="create-token">Create the token<a class="rs-anchor" href="#create-token" aria-label="Link to this section"></a></h2>
        <figure><img src="../.gitbook/assets/image (308).png" alt=""><figcaption><p>Scopes</p></figcaption></figure>
        <p><mark style="color:$info;">Marked</mark> text </p>
        <p>line one<br />
        line two</p>

        """)
    }

    func testCardsTableBecomesAGridOfCards() {
        assertRenders("""
        <table data-view="cards"><thead><tr><th></th><th data-hidden data-card-cover data-type="files"></th><th data-hidden data-card-target data-type="content-ref"></th></tr></thead><tbody>
        <tr><td><strong>Start &amp; go</strong></td><td><a href="cover.png">cover.png</a></td><td><a href="start.md">start.md</a></td></tr>
        <tr><td>No cover</td><td></td><td></td></tr>
        </tbody></table>

        """, """
        <div class="rs-cards">
        <div class="rs-card rs-card-tile"><img class="rs-card-cover" src="cover.png" alt=""><div class="rs-card-cell"><strong>Start &amp; go</strong></div><a class="rs-card-link" href="start.md" aria-label="Start &amp; go"></a></div>
        <div class="rs-card rs-card-tile"><div class="rs-card-cell">No cover</div></div>
        </div>

        """)
    }

    func testBadDirectivesAreLocatedErrors() {
        XCTAssertEqual(lines(fragment("{% hint style=\"purple\" %}\nx\n{% endhint %}\n").1),
                       ["page.md:1:1: error: unknown hint style 'purple' (use info, warning, danger, success or tip)"])
        XCTAssertEqual(lines(fragment("{% tab title=\"x\" %}\ny\n{% endtab %}\n").1),
                       ["page.md:1:1: error: '{% tab %}' must be directly inside '{% tabs %}'"])
        XCTAssertEqual(lines(fragment("See ![shot](../assets/image (308).png) here\n").1),
                       ["page.md:1:1: error: this image is not valid markdown and would show as raw text"])
        XCTAssertEqual(lines(fragment("Some {% hint %} text\n").1),
                       ["page.md:1:6: error: GitBook tag inside a line of text is not processed"])
        XCTAssertEqual(lines(fragment("- a\n\n  {% hint %}\n\n- b\n\n{% endhint %}\n").1),
                       ["page.md:3:3: error: '{% hint %}' and its closing tag are in different markdown blocks (list item, quote, table)"])
    }
}
