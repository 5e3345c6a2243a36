import XCTest
@testable import Runsmith

/// MDX is read as MDX, not as CommonMark: no indented code, markdown inside JSX, expression attributes,
/// `<CodeBlock>`. Each case is a reproducer from a public Docusaurus tree (issue 14).
final class MDXReadingTests: XCTestCase {
    private func mdx(_ markdown: String, files: [String: String] = [:]) -> (String, [String]) {
        let (html, diagnostics) = fragment(markdown, files: files, path: "docs/page.mdx")
        return (html, lines(diagnostics))
    }

    func testTabItemsIndentedFourSpacesAreTabsAndTheirTextIsMarkdown() {
        let (html, diagnostics) = mdx("""
        <Tabs>
            <TabItem value="a" label="A">
                Some **text**

                ```bash
                npm i
                ```
            </TabItem>
            <TabItem value="b" label="B">
                Other
            </TabItem>
        </Tabs>

        """)
        XCTAssertEqual(html, """
        <div class="rs-tabs">
        <input class="rs-tab-input" type="radio" name="rs-tabs-0" id="rs-tabs-0-0" checked><label class="rs-tab-label" for="rs-tabs-0-0">A</label>
        <div class="rs-tab-panel">
        <p>Some <strong>text</strong></p>
        <pre><code class="language-bash">npm i
        </code></pre>
        </div>
        <input class="rs-tab-input" type="radio" name="rs-tabs-0" id="rs-tabs-0-1"><label class="rs-tab-label" for="rs-tabs-0-1">B</label>
        <div class="rs-tab-panel">
        <p>Other</p>
        </div>
        </div>

        """)
        XCTAssertEqual(diagnostics, [])
    }

    func testProblemsOnDedentedLinesKeepTheirSourceColumn() {
        let (_, diagnostics) = mdx("<Tabs>\n    <TabItem value=\"a\">\n        Some {% hint %} text.\n    </TabItem>\n</Tabs>\n")
        XCTAssertEqual(diagnostics, ["docs/page.mdx:3:14: error: GitBook tag inside a line of text is not processed"])
    }

    func testMarkdownInsideAnHTMLElementIsParsed() {
        let (html, diagnostics) = mdx("<div className=\"card\">\n<strong>Nginx</strong><br/>\n[Guide →](https://x)\n</div>\n")
        XCTAssertEqual(html, "<div class=\"card\">\n<p><strong>Nginx</strong><br>\n<a href=\"https://x\">Guide →</a></p>\n</div>\n")
        XCTAssertEqual(diagnostics, [])
    }

    func testJSXExpressionAttributes() {
        let (html, diagnostics) = mdx("""
        <div style={{border: "1px solid #e5e7eb", marginTop: 8, opacity: 0.5}}>
        hi
        </div>

        See <a href={`https://x/${v}/y.js`}>y.js</a>, <a href={"https://z"}>z</a> and `<a href={x}>`.

        """)
        XCTAssertEqual(html, """
        <div style="border: 1px solid #e5e7eb; margin-top: 8px; opacity: 0.5">
        <p>hi</p>
        </div>
        <p>See <a>y.js</a>, <a href="https://z">z</a> and <code>&lt;a href={x}&gt;</code>.</p>

        """)
        XCTAssertEqual(diagnostics, ["docs/page.mdx:5:5: warning: attribute 'href' on <a> is a JSX expression, which only Docusaurus can evaluate: it is left out"])
    }

    func testCodeBlockComponentIsAFencedCodeBlock() {
        let (html, diagnostics) = mdx("""
        <CodeBlock language="json" title="conf.json">
        {`{
          "a": "\\`b\\`"
        }`}
        </CodeBlock>

        <CodeBlock language="bash">{`# not a heading
        :::note not an admonition
        {% hint %} not a tag
        npm i`}</CodeBlock>

        <CodeBlock className="language-yaml">{'a: 1'}</CodeBlock>

        after

        """)
        XCTAssertEqual(html, """
        <figure class="rs-code">
        <figcaption class="rs-code-title">conf.json</figcaption>
        <pre><code class="language-json"><span class="rs-line">{</span>
        <span class="rs-line">  "a": "`b`"</span>
        <span class="rs-line">}</span>
        </code></pre>
        </figure>
        <pre><code class="language-bash"># not a heading
        :::note not an admonition
        {% hint %} not a tag
        npm i
        </code></pre>
        <pre><code class="language-yaml">a: 1
        </code></pre>
        <p>after</p>

        """)
        XCTAssertEqual(diagnostics, [])
    }

    func testCodeBlockOfAnImportedValueIsReportedOnce() {
        let (html, diagnostics) = mdx("import snippet from '!!raw-loader!./x.ts'\n\n<CodeBlock language=\"ts\">{snippet}</CodeBlock>\n\n<CodeBlock>{other}</CodeBlock>\n\ntext\n")
        XCTAssertEqual(html, "<p>text</p>\n")
        XCTAssertEqual(diagnostics, [
            "docs/page.mdx:1:1: warning: 'snippet' is loaded with !!raw-loader! from './x.ts', which only a Docusaurus build can read; it is left out",
            "docs/page.mdx:5:1: warning: <CodeBlock> shows '{other}', which only a Docusaurus build can evaluate; it is left out",
        ])
    }

    func testNestedMDXCodeBlockFencesAreBothUnwrapped() {
        let (html, diagnostics) = mdx("````mdx-code-block\nimport Tabs from '@theme/Tabs'\n\n```mdx-code-block\n<Tabs>\n<TabItem value=\"a\">\n```\n\nText\n\n```mdx-code-block\n</TabItem>\n</Tabs>\n```\n````\n")
        XCTAssertFalse(html.contains("mdx-code-block"), html)
        XCTAssertTrue(html.contains("<div class=\"rs-tab-panel\">\n<p>Text</p>\n</div>"), html)
        XCTAssertEqual(diagnostics, [])
    }

    func testPrettierIndentedAdmonitionCloserAfterAList() {
        let (html, diagnostics) = mdx(":::info\nAvoid:\n\n- A\n  :::\n\n## After\n")
        XCTAssertEqual(html, """
        <aside class="rs-hint rs-hint-info" role="note" aria-label="Info">
        <p class="rs-hint-title">Info</p>
        <p>Avoid:</p>
        <ul>
        <li>A</li>
        </ul>
        </aside>
        <h2 id="after">After<a class="rs-anchor" href="#after" aria-label="Link to this section"></a></h2>

        """)
        XCTAssertEqual(diagnostics, [])
    }

    /// Older Docusaurus: the labels listed on `<Tabs values={[…]}>`, the open tab named by `defaultValue`.
    func testTabLabelsFromTheTabsValuesList() {
        let (html, diagnostics) = mdx("""
        <Tabs defaultValue="react" values={[
          {label: "Native", value: "native"},
          { value: 'react', label: 'React, Vue' },
        ]}>
        <TabItem value="native">

        A

        </TabItem>
        <TabItem value="react">

        B

        </TabItem>
        </Tabs>

        """)
        XCTAssertEqual(html, """
        <div class="rs-tabs">
        <input class="rs-tab-input" type="radio" name="rs-tabs-0" id="rs-tabs-0-0"><label class="rs-tab-label" for="rs-tabs-0-0">Native</label>
        <div class="rs-tab-panel">
        <p>A</p>
        </div>
        <input class="rs-tab-input" type="radio" name="rs-tabs-0" id="rs-tabs-0-1" checked><label class="rs-tab-label" for="rs-tabs-0-1">React, Vue</label>
        <div class="rs-tab-panel">
        <p>B</p>
        </div>
        </div>

        """)
        XCTAssertEqual(diagnostics, [])
    }

    /// Blank lines inside what cmark took for indented code in a list item (found in review: they once
    /// made the un-indenting read the next line's spaces).
    func testIndentedLinesInAListItemWithBlankLinesBetween() {
        let (html, diagnostics) = mdx("1. Run:\n\n       npm i\n\n       npm start\n\n2. Done\n")
        XCTAssertEqual(html, "<ol>\n<li>\n<p>Run:</p>\n<p>npm i</p>\n<p>npm start</p>\n</li>\n<li>\n<p>Done</p>\n</li>\n</ol>\n")
        XCTAssertEqual(diagnostics, [])
    }

    func testCodeBlockInACRLFFileAndStyleValuesWithCommas() {
        let (html, diagnostics) = mdx("<CodeBlock language=\"sh\">{`\r\nnpm i\r\n`}</CodeBlock>\r\n\r\n<div style={{fontFamily: \"Inter, sans-serif\", boxShadow: \"0 1px rgba(0,0,0,.1)\"}}>\r\nx\r\n</div>\r\n")
        XCTAssertEqual(html, "<pre><code class=\"language-sh\">npm i\n</code></pre>\n<div style=\"font-family: Inter, sans-serif; box-shadow: 0 1px rgba(0,0,0,.1)\">\n<p>x</p>\n</div>\n")
        XCTAssertEqual(diagnostics, [])
    }
}
