import XCTest
@testable import Runsmith

/// Raw HTML in pages through the allowlist: what GitBook and Docusaurus write passes, what could run
/// code is removed with a warning at the tag, and a page's HTML cannot close elements it did not open.
final class HTMLSanitizerTests: XCTestCase {
    private func render(_ markdown: String, tenant: TenantContext? = nil) -> (html: String, warnings: [String]) {
        let (html, diagnostics) = fragment(markdown, tenant: tenant)
        XCTAssertEqual(diagnostics.filter { $0.severity == .error }, [])
        return (html, lines(diagnostics))
    }

    /// Everything a browser could run or load from the output, read back with the same parser: every
    /// tag allowed, no handler, no unsafe URL.
    private func assertHarmless(_ html: String, file: StaticString = #filePath, line: UInt = #line) {
        for event in HTMLFragment.events(html) {
            guard case .start(let name, let attributes, _) = event else { continue }
            XCTAssertEqual(HTMLAllowlist.verdict(tag: name), .allowed, "<\(name)> in \(html)", file: file, line: line)
            for attribute in attributes {
                XCTAssertFalse(attribute.name.hasPrefix("on"), "\(attribute.name) in \(html)", file: file, line: line)
                XCTAssertNil(attribute.value.flatMap(HTMLAllowlist.unsafeScheme), "\(attribute) in \(html)", file: file, line: line)
            }
        }
        XCTAssertFalse(html.lowercased().contains("javascript:"), html, file: file, line: line)
        XCTAssertFalse(html.lowercased().contains("<script"), html, file: file, line: line)
    }

    func testGitBookHTMLPassesAsWritten() {
        let markdown = """
        <figure><img src="a.png" alt="Scopes" width="375"><figcaption><p>The <em>scopes</em> dialog</p></figcaption></figure>

        <picture><source srcset="dark.png" media="(prefers-color-scheme: dark)"><img src="light.png" alt="Logo"></picture>

        Text with <mark style="color:$info;">a mark</mark>, <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O and x<sup>2</sup>.<br>

        <table data-view="cards"><thead><tr><th></th><th data-hidden data-card-target data-type="content-ref"></th></tr></thead><tbody><tr><td><strong>A</strong></td><td><a href="a.md">a.md</a></td></tr></tbody></table>

        <div align="center" class="box" data-full-width="true" aria-label="Box"><span id="here" title="t">x</span></div>

        """
        let (html, warnings) = render(markdown)
        XCTAssertEqual(warnings, [])
        XCTAssertTrue(html.contains(#"<figure><img src="a.png" alt="Scopes" width="375"><figcaption><p>The <em>scopes</em> dialog</p></figcaption></figure>"#), html)
        XCTAssertTrue(html.contains(#"<picture><source srcset="dark.png" media="(prefers-color-scheme: dark)"><img src="light.png" alt="Logo"></picture>"#), html)
        XCTAssertTrue(html.contains(#"<mark style="color:$info;">a mark</mark>, <kbd>Ctrl</kbd>+<kbd>C</kbd>, H<sub>2</sub>O and x<sup>2</sup>.<br>"#), html)
        // The card table's data-* attributes reached CardsTableTransform.
        XCTAssertTrue(html.contains(#"<a class="rs-card-link" href="a.md" aria-label="A"></a>"#), html)
        XCTAssertTrue(html.contains(#"<div align="center" class="box" data-full-width="true" aria-label="Box"><span id="here" title="t">x</span></div>"#), html)
    }

    /// GitBook's `<details>` opens in one HTML block and closes in another, with markdown between.
    func testDetailsAcrossBlocksKeepItsMarkdown() {
        let (html, warnings) = render("<details>\n\n<summary>More &amp; less</summary>\n\nSome **markdown**.\n\n</details>\n\nAfter.\n")
        XCTAssertEqual(warnings, [])
        // GitBook's anchor for the block, made from its summary like a heading's (SummaryAnchors).
        XCTAssertEqual(html, "<details>\n<summary id=\"more-and-less\">More &amp; less</summary>\n<p>Some <strong>markdown</strong>.</p>\n</details>\n<p>After.</p>\n")
    }

    func testScriptsStylesFramesAndHandlersAreRemovedWithAWarningAtTheTag() {
        let (html, warnings) = render("""
        # T

        <script>alert(1)</script>

        <style>body { display: none }</style>

        Text <img src="a.png" alt="" onerror="alert(1)"> and <span onclick="x" style="background: url(https://t.example/x)">s</span>.

        <iframe src="https://evil.example"></iframe><object data="x.swf"><p>fallback</p></object>after

        <svg><script>alert(1)</script></svg><math><mi>x</mi></math>

        <form action="https://evil.example"><input name="p"><button>Go</button></form>

        """)
        XCTAssertEqual(warnings, [
            "page.md:3:1: warning: <script> is removed with its content: scripts, styles, frames, plugins and forms never reach readers",
            "page.md:5:1: warning: <style> is removed with its content: scripts, styles, frames, plugins and forms never reach readers",
            "page.md:7:6: warning: event handler 'onerror' on <img> is removed: pages never run scripts",
            "page.md:7:54: warning: event handler 'onclick' on <span> is removed: pages never run scripts",
            "page.md:7:54: warning: style on <span> is removed: it uses 'url('",
            "page.md:9:1: warning: <iframe> is removed with its content: scripts, styles, frames, plugins and forms never reach readers",
            "page.md:9:45: warning: <object> is removed with its content: scripts, styles, frames, plugins and forms never reach readers",
            "page.md:11:1: warning: <svg> is removed with its content: scripts, styles, frames, plugins and forms never reach readers",
            "page.md:11:37: warning: <math> is removed with its content: scripts, styles, frames, plugins and forms never reach readers",
            "page.md:13:1: warning: <form> is removed with its content: scripts, styles, frames, plugins and forms never reach readers",
        ])
        XCTAssertTrue(html.contains(#"<p>Text <img src="a.png" alt=""> and <span>s</span>.</p>"#), html)
        XCTAssertTrue(html.contains("\nafter\n"), html)
        XCTAssertFalse(html.contains("fallback"), html)
        XCTAssertFalse(html.contains("alert"), html)
        XCTAssertFalse(html.contains("display"), html)
        assertHarmless(html)
    }

    /// `unsafeScheme` reads only up to the first colon; on random URLs it finds what reading the whole
    /// URL (tabs and line breaks dropped, leading blanks skipped) finds.
    func testTheSchemeCheckReadsWhatTheWholeURLSays() {
        func whole(_ url: String) -> String? {
            let scalars = url.unicodeScalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }.drop { $0.value <= 0x20 }
            return LinkResolver.scheme(of: String(String.UnicodeScalarView(scalars))).flatMap { HTMLAllowlist.unsafeSchemes.contains($0) ? $0 : nil }
        }
        var rng = SystemRandomNumberGenerator()
        let pieces = ["java", "JaVa", "script", "vb", "data", ":", "\t", "\n", "\r", " ", "\u{0}", "\u{1F}", "/", "x", "é", "😀", "+", "alert(1)"]
        for _ in 0..<5_000 {
            let url = (0..<Int.random(in: 0...8, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(HTMLAllowlist.unsafeScheme(url), whole(url), url.debugDescription)
        }
    }

    /// Browsers ignore tabs and newlines inside a URL and case in its scheme; libxml2 decodes entities.
    func testURLsThatRunCodeAreRemovedHoweverTheyAreWritten() {
        let hrefs = ["javascript:alert(1)", "JaVaScRiPt:alert(1)", "java&#x09;script:alert(1)", "&#106;avascript:alert(1)",
                     " \njavascript:alert(1)", "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>"]
        for href in hrefs {
            let (html, warnings) = render("<a href=\"\(href)\" title=\"t\">label</a>\n")
            XCTAssertEqual(html, "<p><a title=\"t\">label</a></p>\n", href)
            XCTAssertEqual(warnings.count, 1, href)
            XCTAssertTrue(warnings.first?.contains("URL in href of <a> is removed") == true, "\(href): \(warnings)")
        }
        let (html, warnings) = render("""
        [bad](javascript:alert(1)) and ![alt text](data:image/svg+xml,x) and <javascript:alert(1)>

        <img src="data:image/png;base64,AAAA" alt="x"> <img src="ok.png" srcset="ok.png 1x, data:image/png;base64,AAAA 2x">

        <video src="v.mp4" poster="javascript:x" controls></video> <blockquote cite="vbscript:x">q</blockquote>

        """)
        XCTAssertEqual(warnings, [
            "page.md:1:1: warning: link to a 'javascript:' URL is removed; its text is kept",
            "page.md:1:32: warning: image with a 'data:' URL is removed; its alt text is kept",
            "page.md:1:70: warning: link to a 'javascript:' URL is removed; its text is kept",
            "page.md:3:1: warning: <img> with a 'data:' URL is removed",
            "page.md:3:48: warning: 'data:' URL in srcset of <img> is removed",
            "page.md:5:1: warning: 'javascript:' URL in poster of <video> is removed",
            "page.md:5:60: warning: 'vbscript:' URL in cite of <blockquote> is removed",
        ])
        // The autolink's text is its URL, shown as text.
        XCTAssertEqual(html, """
        <p>bad and alt text and javascript:alert(1)</p>
        <p> <img src="ok.png"></p>
        <p><video src="v.mp4" controls></video> <blockquote>q</blockquote></p>

        """)
    }

    /// CSS that loads something (a tracking image, in practice) or, in old browsers, runs script.
    func testStylesThatLoadOrRunAreRemoved() {
        for css in ["background: url(https://t.example/p.gif)", "background-image: src(\"x\")", "width: expression(alert(1))",
                    "background: image-set(\"a.png\" 1x)", "color: red; behavior: url(x.htc)", "background: u\\72l(x)",
                    "@import 'x.css'", "-moz-binding: url(x)"] {
            let (html, warnings) = render("<span style=\"\(HTMLText.escape(css))\">x</span>\n")
            XCTAssertEqual(html, "<p><span>x</span></p>\n", css)
            XCTAssertEqual(warnings.count, 1, css)
        }
        XCTAssertNil(HTMLAllowlist.styleProblem("color: $info; font-weight: bold; width: calc(50% - 1rem)"))
    }

    /// Deep links into apps are normal in docs and are not code.
    func testOtherSchemesStay() {
        let (html, warnings) = render("<a href=\"vscode:extension/x.y\">VS Code</a> <a href=\"mailto:a@b.example\">mail</a> [slack](slack://open)\n")
        XCTAssertEqual(warnings, [])
        XCTAssertEqual(html, "<p><a href=\"vscode:extension/x.y\">VS Code</a> <a href=\"mailto:a@b.example\">mail</a> <a href=\"slack://open\">slack</a></p>\n")
    }

    /// A tenant value is escaped into raw HTML and then read by the sanitizer like any other: it cannot
    /// make a link run code either.
    func testATenantValueCannotMakeAnUnsafeURL() {
        let schema = TenantSchema.decode("variables:\n  portal: { type: string, required: true }\n").0
        let tenant = TenantContext(tenant: Tenant(id: "t", name: "T", values: ["portal": .string("javascript:alert(1)")], path: "tenants/t.yml"),
                                   schema: schema)
        let (html, diagnostics) = fragment("<a href=\"{{ vars.portal }}\">Portal</a> and [portal]({{vars.portal}})\n", tenant: tenant)
        XCTAssertEqual(diagnostics.map(\.code), [.unsafeUrl, .unsafeUrl])
        XCTAssertEqual(html, "<p><a>Portal</a> and portal</p>\n")
    }

    func testUnknownTagsAndAttributesAreLeftOutAndTheirTextKept() {
        let (html, warnings) = render("Replace <organization> in <font color=\"red\">the URL</font>; <div foo=\"1\" class=\"k\">x</div>\n\n<title>T</title>\n")
        XCTAssertEqual(warnings, [
            "page.md:1:9: warning: <organization> is not an allowed HTML tag: it is left out, its content kept",
            "page.md:1:27: warning: <font> is not an allowed HTML tag: it is left out, its content kept",
            "page.md:1:61: warning: attribute 'foo' on <div> is not allowed: it is left out",
            "page.md:3:1: warning: <title> is removed with its content: it is not page text",
        ])
        XCTAssertEqual(html, "<p>Replace  in the URL; <div class=\"k\">x</div></p>\n")
    }

    /// MDX writes `className` for `class`, style objects (as CSS when their values are literals), and JSX
    /// expressions that only Docusaurus evaluates.
    func testMDXAttributes() {
        let (html, diagnostics) = fragment("<div className=\"alert alert--info\" style={{color: \"red\"}} title={label}>\n\nHello\n\n</div>\n", path: "page.mdx")
        XCTAssertEqual(lines(diagnostics), [
            "page.mdx:1:1: warning: attribute 'title' on <div> is a JSX expression, which only Docusaurus can evaluate: it is left out",
        ])
        XCTAssertEqual(html, "<div class=\"alert alert--info\" style=\"color: red\">\n<p>Hello</p>\n</div>\n")
    }

    /// The comment is a note for writers; unclosed, it would otherwise hide the rest of the page.
    func testCommentsAreLeftOut() {
        let (html, warnings) = render("<!-- internal: ask Bob -->\n\nText <!-- inline --> here.\n\n<div>\n<!-- unclosed\n</div>\n\nAfter.\n")
        // The unclosed comment hides the `</div>` from a browser too.
        XCTAssertEqual(warnings, ["page.md:5:1: warning: <div> is never closed: it is closed at the end of the page"])
        XCTAssertEqual(html, "<p>Text  here.</p>\n<div>\n<p>After.</p>\n</div>\n")
    }

    /// A stray `</div>` in a hint would close the hint's own element; an unclosed `<details>` in a list
    /// item would swallow what follows the list.
    func testHTMLCannotReachOutsideItsContainer() {
        let (html, warnings) = render("{% hint style=\"info\" %}\nInside.\n\n</div></aside>\n{% endhint %}\n\n- <details><summary>S</summary>\n- two\n\n<span>after</span>\n")
        XCTAssertEqual(warnings, [
            "page.md:4:1: warning: </div> closes nothing that HTML in this block opened: it is left out",
            "page.md:7:3: warning: <details> is never closed: it is closed at the end of the list item",
        ])
        XCTAssertEqual(html, """
        <aside class="rs-hint rs-hint-info" role="note" aria-label="Info">
        <p>Inside.</p>
        </aside>
        <ul>
        <li>
        <details><summary id="s">S</summary>
        </details>
        </li>
        <li>two</li>
        </ul>
        <p><span>after</span></p>

        """)
    }

    /// cmark writes footnotes last, in a section of its own: an element left open closes before it.
    func testWhatIsLeftOpenClosesBeforeTheFootnotes() throws {
        let (html, _) = fragment("Text[^1].\n\n<div>\n\n[^1]: The note.\n")
        let close = try XCTUnwrap(html.range(of: "</div>"), html)
        let section = try XCTUnwrap(html.range(of: "<section class=\"footnotes\""), html)
        XCTAssertLessThan(close.lowerBound, section.lowerBound, html)
    }

    /// Classic mutation and parser-confusion inputs: whatever the parser makes of them, the output is
    /// written from what it read, so nothing in it can run.
    func testParserConfusionInputsComeOutHarmless() {
        let inputs = [
            "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\"></noscript>",
            "<svg><style><img src=x onerror=alert(1)></style></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<a href=\"x\" <script>alert(1)</script>",
            "<<script>alert(1)//<</script>",
            "<img src=\"x\"/onerror=alert(1)>",
            "<img src=x onerror\n=\nalert(1)>",
            "<div style=\"width: expression(alert(1))\">x</div>",
            "<a href=\"&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114&#0000105&#0000112&#0000116&#0000058alert(1)\">x</a>",
            "<textarea></textarea><script>alert(1)</script>",
            "<![CDATA[<script>alert(1)</script>]]>",
            "<?xml-stylesheet href=\"javascript:alert(1)\"?>",
            "<base href=\"javascript:alert(1)//\"><a href=\"/x\">x</a>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<details open ontoggle=alert(1)>",
            "<p>a</p></div></div></body></html><script>alert(1)</script>",
        ]
        for input in inputs {
            let (html, _) = fragment(input + "\n\nAfter.\n")
            assertHarmless(html)
            // The next paragraph is not swallowed (though an unclosed `<details>` holds it).
            XCTAssertTrue(html.hasSuffix("<p>After.</p>\n") || html.hasSuffix("<p>After.</p>\n</details>\n"), "\(input) → \(html)")
            XCTAssertFalse(html.contains("alert(1)") && html.contains("<img"), "\(input) → \(html)")
        }
    }
}
