import Foundation
import Mustache
import XCTest
@testable import Runsmith

final class RenderTests: XCTestCase {
    func testAProjectTemplateOverridesOneFileAndKeepsTheRest() throws {
        let tree = try TempTree([
            "README.md": "---\ntitle: From frontmatter\n---\nNo heading here.\n",
            "templates/page.mustache": "<article class=\"custom\">{{title}}|{{{body}}}</article>\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [])
        let html = String(decoding: result.files["index.html"]!, as: UTF8.self)
        XCTAssertTrue(html.contains("<article class=\"custom\">From frontmatter|<p>No heading here.</p>\n</article>"), html)
        XCTAssertTrue(html.contains("<nav class=\"rs-sidebar\""), "the built-in layout is still used")
    }

    func testBuiltInPageWithoutLeadingHeadingUsesFrontmatterTitle() throws {
        let tree = try TempTree(["README.md": "---\ntitle: Titled\n---\nText.\n"])
        let html = String(decoding: tree.check().files["index.html"]!, as: UTF8.self)
        XCTAssertTrue(html.contains("<h1>Titled</h1>"), html)
    }

    func testABrokenTemplateIsADiagnostic() throws {
        let tree = try TempTree(["README.md": "# A\n", "templates/layout.mustache": "{{#open}} never closed"])
        let result = tree.check()
        XCTAssertEqual(result.diagnostics.map(\.code), [.invalidTemplate])
        XCTAssertEqual(result.pageCount, 0)
    }

    func testFolderNavigationWithoutSummary() {
        let nav = Navigation(pages: ["README.md", "b/README.md", "b/z.md", "a.md", "b/c.md"],
                             titles: ["README.md": "Home", "b/README.md": "Bee", "a.md": "A", "b/c.md": "C", "b/z.md": "Z"],
                             hidden: ["b/z.md"])
        XCTAssertEqual(nav.order, ["README.md", "a.md", "b/README.md", "b/c.md"])
        XCTAssertEqual(nav.groups[0].items.map(\.title), ["Home", "A", "Bee"])
    }

    func testThemeSupportsDarkModePrintAndTabsWithoutJavaScript() throws {
        let css = String(decoding: try TemplateSet(projectDirectory: nil).assets["runsmith.css"] ?? [], as: UTF8.self)
        XCTAssertTrue(css.contains("@media (prefers-color-scheme: dark)"))
        XCTAssertTrue(css.contains("@media print"))
        XCTAssertTrue(css.contains(".rs-tab-input:checked + .rs-tab-label + .rs-tab-panel { display: block; }"))
    }

    /// Found by the fuzzer (Tests/Fuzz/regressions/heading-with-bare-url.md): the autolink extension's URL
    /// pointed into the heading's own text, freed when the heading was replaced. Under AddressSanitizer
    /// (`make fuzz-regressions`) the old code reads freed memory; here the link must come out whole.
    func testABareURLInAHeadingSurvivesTheHeadingBeingReplaced() {
        let (html, _) = fragment("# Heading https://example.com/a-long-path here\n\n## Second https://example.org/x\n")
        XCTAssertTrue(html.contains("<a href=\"https://example.com/a-long-path\">https://example.com/a-long-path</a>"), html)
        XCTAssertTrue(html.contains("<a href=\"https://example.org/x\">https://example.org/x</a>"), html)
    }

    /// Mustache's own escaping compares whole characters: `"` with a combining mark would pass as it is.
    func testEveryTemplateEscapesScalarByScalar() throws {
        let template = try TemplateSet.compile("t", "<p title=\"{{text}}\">{{text}}</p>{{{text}}}\n", at: nil)
        let rendered = TemplateRenderer(templates: ["t": template]).render("t", ["text": "x\"\u{301}<\u{338}&"])
        XCTAssertEqual(String(decoding: rendered ?? [], as: UTF8.self), "<p title=\"x&quot;\u{301}&lt;\u{338}&amp;\">x&quot;\u{301}&lt;\u{338}&amp;</p>x\"\u{301}<\u{338}&\n")
    }
}
