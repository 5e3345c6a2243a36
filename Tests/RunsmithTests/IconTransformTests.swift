import XCTest
@testable import Runsmith

/// GitBook's icons, `<i class="fa-gear">:gear:</i>`: GitBook shows the icon, never the `:gear:` between
/// the tags. The element stays, empty and hidden from screen readers.
final class IconTransformTests: XCTestCase {
    func testAnIconInAHeadingLeavesNoTextAndNoTraceInTheId() {
        let (html, diagnostics) = fragment("## Settings <i class=\"fa-gear\">:gear:</i>\n")
        XCTAssertEqual(lines(diagnostics), [])
        XCTAssertEqual(html, """
        <h2 id="settings">Settings <i class="fa-gear" aria-hidden="true"></i><a class="rs-anchor" href="#settings" aria-label="Link to this section"></a></h2>

        """)
    }

    func testIconsInTextAndInHTMLBlocks() {
        var (html, diagnostics) = fragment("<p><i class=\"fa-x\">:x:</i> hi</p>\n")
        XCTAssertEqual(lines(diagnostics), [])
        XCTAssertEqual(html, "<p><i class=\"fa-x\" aria-hidden=\"true\"></i> hi</p>\n")

        // Font Awesome's other spellings; markdown between the tags goes too; a plain `<i>` keeps its text.
        (html, diagnostics) = fragment("A <i class=\"fa-solid fa-x\">:x:</i>, <i class=\"fas fa-check\" aria-hidden=\"true\">**:check:**</i> and <i>plain</i>.\n")
        XCTAssertEqual(lines(diagnostics), [])
        XCTAssertEqual(html, "<p>A <i class=\"fa-solid fa-x\" aria-hidden=\"true\"></i>, <i class=\"fas fa-check\" aria-hidden=\"true\"></i> and <i>plain</i>.</p>\n")
    }

    /// Without its `</i>` in the paragraph, the icon's text stays and nothing after it is hidden.
    func testAnUnclosedIconHidesNothing() {
        let (html, diagnostics) = fragment("Text <i class=\"fa-x\">:x:\n\n<div>Important</div>\n")
        XCTAssertEqual(lines(diagnostics), ["page.md:1:6: warning: <i> is never closed: it is closed at the end of the page"])
        XCTAssertEqual(html, "<p>Text <i class=\"fa-x\" aria-hidden=\"true\">:x:</p>\n<div>Important</div>\n</i>\n")
    }

    /// Runbooks take a page's heading ids before they sanitize its HTML (after cutting the section): the
    /// icon's text must be gone by then, or the step's section would not be found.
    func testARunbookFindsASectionWhoseHeadingHasAnIcon() throws {
        let tree = try TempTree([
            "tenants/schema.yml": "variables:\n  org: { type: string, required: true }\n",
            "tenants/alpha.yml": "id: alpha\nname: Alpha\nvars: { org: a-org }\n",
            "README.md": "# Home\n",
            "a.md": "# A\n\n## Settings <i class=\"fa-gear\">:gear:</i>\n\nText.\n",
            "runbooks/r.yml": "title: R\nsections:\n  - page: a.md\n    section: settings\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [])
        let step = String(decoding: try XCTUnwrap(result.files["_tenants/alpha/r/index.html"]), as: UTF8.self)
        XCTAssertTrue(step.contains("<h2><span class=\"rs-step-number\">1.</span> Settings</h2>\n<p>Text.</p>"), step)
        let page = String(decoding: try XCTUnwrap(result.files["a.html"]), as: UTF8.self)
        XCTAssertTrue(page.contains("<h2 id=\"settings\">Settings <i class=\"fa-gear\" aria-hidden=\"true\"></i><a class"), page)
        for (path, bytes) in result.files {
            XCTAssertFalse(String(decoding: bytes, as: UTF8.self).contains(":gear:"), path)
        }
    }
}
