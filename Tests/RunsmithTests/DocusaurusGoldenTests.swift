import XCTest
@testable import Runsmith

/// Docusaurus and MDX constructs: small input, exact HTML or diagnostics out.
final class DocusaurusGoldenTests: XCTestCase {
    private func mdx(_ markdown: String, files: [String: String] = [:]) -> (String, [String]) {
        let (html, diagnostics) = fragment(markdown, files: files, path: "docs/page.mdx")
        return (html, lines(diagnostics))
    }

    func testAdmonitionTypesTitlesIndentationAndNesting() {
        let (html, diagnostics) = mdx("""
        :::note

        Plain note.

        :::

        :::tip Pro tip
        Short.
        :::

        :::info[Before you start]

        Bracket title.

        :::

        1. Step one

           :::warning

           Indented.

           :::

        ::::caution Outer

        :::danger Inner

        Deep.

        :::

        ::::

        """)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(html, """
        <aside class="rs-hint rs-hint-note" role="note" aria-label="Note">
        <p class="rs-hint-title">Note</p>
        <p>Plain note.</p>
        </aside>
        <aside class="rs-hint rs-hint-tip" role="note" aria-label="Tip">
        <p class="rs-hint-title">Pro tip</p>
        <p>Short.</p>
        </aside>
        <aside class="rs-hint rs-hint-info" role="note" aria-label="Info">
        <p class="rs-hint-title">Before you start</p>
        <p>Bracket title.</p>
        </aside>
        <ol>
        <li>
        <p>Step one</p>
        <aside class="rs-hint rs-hint-warning" role="note" aria-label="Warning">
        <p class="rs-hint-title">Warning</p>
        <p>Indented.</p>
        </aside>
        </li>
        </ol>
        <aside class="rs-hint rs-hint-warning" role="note" aria-label="Caution">
        <p class="rs-hint-title">Outer</p>
        <aside class="rs-hint rs-hint-danger" role="note" aria-label="Danger">
        <p class="rs-hint-title">Inner</p>
        <p>Deep.</p>
        </aside>
        </aside>

        """)
    }

    func testEveryAdmonitionTypeHasAStyle() {
        let expected = ["note": "note", "tip": "tip", "info": "info", "warning": "warning", "caution": "warning",
                        "danger": "danger", "important": "info", "success": "success"]
        for (type, style) in expected {
            let (html, diagnostics) = mdx(":::\(type)\n\nx\n\n:::\n")
            XCTAssertEqual(diagnostics, [], type)
            XCTAssertTrue(html.hasPrefix("<aside class=\"rs-hint rs-hint-\(style)\" role=\"note\""), "\(type): \(html)")
        }
    }

    func testThreeBacktickMDXBlockAroundAnImportAndItsUse() {
        let (html, diagnostics) = mdx("```mdx-code-block\nimport Note from './_note.mdx'\n\n<Note />\n```\n", files: ["docs/_note.mdx": "Shared.\n"])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(html, "<p>Shared.</p>\n")
    }

    func testStrayCloserAndUnknownTypeAreLocated() {
        XCTAssertEqual(mdx("Text\n\n:::\n").1, ["docs/page.mdx:3:1: warning: ':::' closes no admonition here; it was left out"])
        XCTAssertEqual(mdx(":::notte\n\nx\n\n:::\n").1, [
            "docs/page.mdx:1:1: error: unknown admonition type ':::notte'",
            "docs/page.mdx:5:1: warning: ':::' closes no admonition here; it was left out",
        ])
        XCTAssertEqual(mdx(":::tip\n\nnever closed\n").1, ["docs/page.mdx:1:1: error: ':::tip' is never closed (expected ':::')"])
    }

    func testMDXCodeBlockTabsPartialsPropsAndComments() {
        let page = """
        ````mdx-code-block
        import Tabs from '@theme/Tabs';
        import TabItem from '@theme/TabItem';
        import Warn from './_common/\\_warn.mdx'

        <Tabs groupId="os">
        <TabItem value="linux" label="Linux">

        ```sh
        echo linux
        ```

        </TabItem>
        <TabItem value="win" label="Windows" default>

        <Warn format="YAML *files*" />

        </TabItem>
        </Tabs>
        ````

        {/* hidden comment */}

        {/*
        multi
        line
        */}

        """
        let files = [
            "docs/_common/_warn.mdx": "import Inner from './_inner.mdx'\n\n:::danger\n\nNo secrets in {props.format}.\n\n:::\n\n<Inner />\n",
            "docs/_common/_inner.mdx": "Inner partial text.\n",
        ]
        let (html, diagnostics) = mdx(page, files: files)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(html, """
        <div class="rs-tabs">
        <input class="rs-tab-input" type="radio" name="rs-tabs-0" id="rs-tabs-0-0"><label class="rs-tab-label" for="rs-tabs-0-0">Linux</label>
        <div class="rs-tab-panel">
        <pre><code class="language-sh">echo linux
        </code></pre>
        </div>
        <input class="rs-tab-input" type="radio" name="rs-tabs-0" id="rs-tabs-0-1" checked><label class="rs-tab-label" for="rs-tabs-0-1">Windows</label>
        <div class="rs-tab-panel">
        <aside class="rs-hint rs-hint-danger" role="note" aria-label="Danger">
        <p class="rs-hint-title">Danger</p>
        <p>No secrets in YAML *files*.</p>
        </aside>
        <p>Inner partial text.</p>
        </div>
        </div>

        """)
    }

    func testSiteRootPartials() {
        let files = ["docs/_partials/_note.mdx": "Site-root partial.\n"]
        XCTAssertEqual(mdx("import Note from '@site/docs/_partials/_note.mdx'\n\n<Note />\n", files: files).0, "<p>Site-root partial.</p>\n")
        // When the docs folder itself is the root, `@site/docs/` is that root.
        XCTAssertEqual(fragment("import Note from '@site/docs/_n.mdx'\n\n<Note />\n", files: ["_n.mdx": "Here.\n"], path: "page.mdx").0,
                       "<p>Here.</p>\n")
    }

    func testPropsOnAComponentLineInsideAPartial() {
        let files = ["docs/_p.mdx": "<Tabs>\n<TabItem value=\"a\" label=\"{props.label}\">\n\nIn {props.label}.\n\n</TabItem>\n</Tabs>\n"]
        let (html, diagnostics) = mdx("import P from './_p.mdx'\n\n<P label=\"Linux (x86)\" />\n", files: files)
        XCTAssertEqual(diagnostics, [])
        XCTAssertTrue(html.contains(#"<label class="rs-tab-label" for="rs-tabs-0-0">Linux (x86)</label>"#), html)
        XCTAssertTrue(html.contains("<p>In Linux (x86).</p>"), html)
    }

    func testPartialCycleAndMissingPartial() {
        let files = ["docs/_a.mdx": "import B from './_b.mdx'\n\n<B />\n", "docs/_b.mdx": "import A from './_a.mdx'\n\n<A />\n"]
        XCTAssertEqual(mdx("import A from './_a.mdx'\n\n<A />\n", files: files).1,
                       ["docs/_b.mdx:3:1: error: partial cycle: docs/page.mdx:3 → docs/_a.mdx:3 → docs/_b.mdx:3 → docs/_a.mdx"])
        XCTAssertEqual(mdx("import Gone from './_gone.mdx'\n\n<Gone />\n").1,
                       ["docs/page.mdx:3:1: error: partial './_gone.mdx' not found (looked for docs/_gone.mdx)"])
    }

    func testUnknownComponentsAreReportedAndNeverShownRaw() {
        let (html, diagnostics) = mdx("""
        import CodeBlock from '@theme/CodeBlock';
        import example from '!!raw-loader!./example.ts';

        Text with <Inline name="x" /> inside.

        <BrowserWindow url="https://x">

        Inside window.

        </BrowserWindow>

        <CodeFromRemote
          lang="ts"
          src="https://example.com/x.ts"
        />

        <Mermaid chart={`graph LR
          A --> B
        `} />

        <CodeBlock language="ts">{example}</CodeBlock>

        """)
        XCTAssertEqual(html, """
        <p>Text with  inside.</p>
        <div class="rs-component" data-component="BrowserWindow">
        <p>Inside window.</p>
        </div>

        """)
        let left = "is only available inside Docusaurus: it is left out (its content, if any, is shown plainly)"
        XCTAssertEqual(diagnostics, [
            "docs/page.mdx:2:1: warning: 'example' is loaded with !!raw-loader! from './example.ts', which only a Docusaurus build can read; it is left out",
            "docs/page.mdx:4:11: warning: component <Inline> \(left)",
            "docs/page.mdx:6:1: warning: component <BrowserWindow> \(left)",
            "docs/page.mdx:12:1: warning: component <CodeFromRemote> \(left)",
            "docs/page.mdx:17:1: warning: component <Mermaid> \(left)",
            // `<CodeBlock>` is a code block (MDXReadingTests); its imported value was reported at the import.
        ])
    }

    func testCustomHeadingIdsAndDetails() {
        XCTAssertEqual(mdx("## Network requirements {#network}\n\n<details>\n<summary>Why?</summary>\n\nBody.\n\n</details>\n").0, """
        <h2 id="network">Network requirements<a class="rs-anchor" href="#network" aria-label="Link to this section"></a></h2>
        <details>
        <summary>Why?</summary>
        <p>Body.</p>
        </details>

        """)
    }

    func testCodeFenceTitleHighlightsMagicCommentsAndLineNumbers() {
        XCTAssertEqual(mdx("```yaml title=\"broker.yml\" {2,4-5} showLineNumbers\na: 1\nb: 2\nc: 3\nd: 4\ne: 5\n```\n").0, """
        <figure class="rs-code">
        <figcaption class="rs-code-title">broker.yml</figcaption>
        <pre data-line-numbers="true"><code class="language-yaml"><span class="rs-line">a: 1</span>
        <span class="rs-line rs-highlight">b: 2</span>
        <span class="rs-line">c: 3</span>
        <span class="rs-line rs-highlight">d: 4</span>
        <span class="rs-line rs-highlight">e: 5</span>
        </code></pre>
        </figure>

        """)
        XCTAssertEqual(mdx("```js\n// highlight-next-line\nconst x = 1;\n// highlight-start\nconst y = 2;\nconst z = 3;\n// highlight-end\nrun();\n```\n").0, """
        <pre><code class="language-js"><span class="rs-line rs-highlight">const x = 1;</span>
        <span class="rs-line rs-highlight">const y = 2;</span>
        <span class="rs-line rs-highlight">const z = 3;</span>
        <span class="rs-line">run();</span>
        </code></pre>

        """)
    }

    func testMDXSyntaxStaysLiteralInCodeAndInGitBookMarkdown() {
        // In a plain .md page of a GitBook tree, imports and JSX are ordinary text and HTML.
        let (md, _) = fragment("import X from './x.mdx'\n\n```mdx\n:::note\n<Tabs>\n```\n")
        XCTAssertEqual(md, "<p>import X from './x.mdx'</p>\n<pre><code class=\"language-mdx\">:::note\n&lt;Tabs&gt;\n</code></pre>\n")
    }
}
