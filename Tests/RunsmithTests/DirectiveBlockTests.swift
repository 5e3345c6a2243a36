import XCTest
@testable import Runsmith

/// Each block of our syntax is one `DirectiveBlock`: the catalog the preprocessor checks tags against and
/// the HTML the transform writes both come from `DirectiveBlocks.all`.
final class DirectiveBlockTests: XCTestCase {
    func testEveryTagThatWrapsContentIsRenderedByExactlyOneBlock() {
        var renderedBy: [String: [String]] = [:]
        for block in DirectiveBlocks.all { for name in block.renders { renderedBy[name, default: []].append("\(block)") } }
        XCTAssertEqual(renderedBy.filter { $0.value.count > 1 }.keys.sorted(), [], "a name rendered by two blocks")
        for (tag, shape) in DirectiveCatalog.shapes {
            switch shape {
            case .block(let parent):
                XCTAssertNotNil(DirectiveBlocks.byName[tag], "{% \(tag) %} has no block")
                if let parent { XCTAssertNotNil(DirectiveCatalog.shapes[parent], "{% \(tag) %} sits in an unknown {% \(parent) %}") }
            case .optionalBlock: XCTAssertNotNil(DirectiveBlocks.byName[tag], "{% \(tag) %} has no block")
            case .branch: XCTAssertNotNil(DirectiveBlocks.byName["branch"])
            case .standalone: continue
            }
        }
        XCTAssertEqual(DirectiveCatalog.closed(by: "endtabs"), "tabs")
        XCTAssertNil(DirectiveCatalog.closed(by: "endinclude"), "include takes no closer")
    }

    /// `runsmith render` too: a download and a card are drawn around their links, which stay as written.
    func testABlockOfEachKindRendersThroughItsOwnType() {
        let source = """
        {% hint style="success" %}
        Done.
        {% endhint %}

        {% stepper %}
        {% step %}
        First
        {% endstep %}
        {% endstepper %}

        {% columns %}
        {% column width="40%" %}
        Left
        {% endcolumn %}
        {% endcolumns %}

        {% file src="report.pdf" %}
        The report
        {% endfile %}

        {% content-ref url="other.md" %}
        [other.md](other.md)
        {% endcontent-ref %}

        {% swagger method="get" path="/items" %}
        {% swagger-parameter in="query" name="q" type="string" required="true" %}
        Search
        {% endswagger-parameter %}
        {% endswagger %}

        """
        let (html, diagnostics) = FragmentRenderer.render(Array(source.utf8), path: "a.md")
        let text = String(decoding: html, as: UTF8.self)
        XCTAssertEqual(lines(diagnostics), [])
        for expected in ["<aside class=\"rs-hint rs-hint-success\" role=\"note\" aria-label=\"Success\">\n<p>Done.</p>\n</aside>",
                         "<ol class=\"rs-stepper\">\n<li class=\"rs-step\">\n<p>First</p>\n</li>\n</ol>",
                         "<div class=\"rs-column\" data-width=\"40%\" style=\"flex-basis:40%\">\n<p>Left</p>\n</div>",
                         "<a class=\"rs-file-link\" href=\"report.pdf\" download=\"report.pdf\">report.pdf</a></p>\n<figcaption>\n<p>The report</p>\n</figcaption>",
                         "<p class=\"rs-content-ref\"><a class=\"rs-card\" href=\"other.md\"><span class=\"rs-card-title\">other.md</span></a></p>",
                         "<p class=\"rs-api-title\"><code>GET /items</code></p>",
                         "<p><code>q</code> query, string, required</p>\n<p>Search</p>"] {
            XCTAssertTrue(text.contains(expected), "missing \(expected) in\n\(text)")
        }
    }
}
