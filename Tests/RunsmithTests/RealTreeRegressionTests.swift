import Foundation
import XCTest
@testable import Runsmith

/// Defects found by building public GitBook and Docusaurus trees (issue 14), each with its reproducer.
final class RealTreeRegressionTests: XCTestCase {
    private func page(_ result: SiteBuilder.Result, _ route: String) -> String {
        String(decoding: result.files[route] ?? [], as: UTF8.self)
    }

    // MARK: Non-ASCII text in raw HTML

    func testRawHTMLKeepsUTF8Text() {
        let (html, diagnostics) = fragment("<p>Straße — “q”</p>\n\n<figure><img src=\"x.png\" alt=\"café\"><figcaption>Ünïcödé ✓</figcaption></figure>\n")
        XCTAssertEqual(html, "<p>Straße — “q”</p>\n<figure><img src=\"x.png\" alt=\"café\"><figcaption>Ünïcödé ✓</figcaption></figure>\n")
        XCTAssertEqual(lines(diagnostics), [])
    }

    func testRawHTMLImageWithANonASCIIFileNameIsFound() throws {
        let tree = try TempTree(["README.md": "# Home\n\n<figure><img src=\"café.svg\" alt=\"日本\"><figcaption>Ünïcödé 😀</figcaption></figure>\n",
                                 "café.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\"/>"])
        let result = tree.build()
        XCTAssertEqual(lines(result.diagnostics), [])
        let html = page(result, "index.html")
        XCTAssertTrue(html.contains("alt=\"日本\"><figcaption>Ünïcödé 😀</figcaption>"), html)
        XCTAssertFalse(html.contains("café.svg"), "the image is copied under its content-hash name")
    }

    // MARK: Links

    func testALinkToAMissingAnchorStillPointsAtThePage() throws {
        let tree = try TempTree(["README.md": "# Home\n\nSee [setup](setup.md#install).\n", "setup.md": "# Setup\n\n## Configure\n"])
        let result = tree.build()
        XCTAssertEqual(lines(result.diagnostics), ["README.md:3:5: error: anchor '#install' not found in setup.md"])
        XCTAssertTrue(page(result, "index.html").contains("<a href=\"setup.html\">setup</a>"), page(result, "index.html"))
    }

    // MARK: GitBook constructs

    func testEscapedBracketsAreDeliberateNotAnUnparsedLink() {
        let (html, diagnostics) = fragment("Write \\[text]\\(url) or \\[x](y), and [a real](link).\n\nBut [a](b c) is broken.\n")
        XCTAssertEqual(html, "<p>Write [text](url) or [x](y), and <a href=\"link\">a real</a>.</p>\n<p>But [a](b c) is broken.</p>\n")
        XCTAssertEqual(lines(diagnostics), ["page.md:3:1: error: this link is not valid markdown and would show as raw text"])
    }

    func testAMentionShowsItsTargetPagesTitle() throws {
        let tree = try TempTree(["README.md": "# Home\n\nSee <a data-mention href=\"guide/setup.md\">guide/setup.md</a> and <a data-mention href=\"guide/setup.md#step-2\">setup.md#step-2</a>.\n",
                                 "guide/setup.md": "# Set up Ünïcödé 😀\n\n## Step 2\n"])
        let result = tree.build()
        XCTAssertEqual(lines(result.diagnostics), [])
        XCTAssertTrue(page(result, "index.html").contains(
            "<p>See <a data-mention href=\"guide/setup.html\">Set up Ünïcödé 😀</a> and <a data-mention href=\"guide/setup.html#step-2\">Set up Ünïcödé 😀</a>.</p>"),
            page(result, "index.html"))
    }

    func testAMarkdownMentionShowsItsTargetPagesTitleWithoutATooltip() throws {
        let tree = try TempTree(["README.md": "# Home\n\nSee [incidents.md](incidents.md \"mention\") and [plain](incidents.md \"A title\").\n",
                                 "other.md": "# Other\n\nSee [incidents.md](incidents.md 'mention').\n",
                                 "incidents.md": "# Incidents 日本\n"])
        let result = tree.build()
        XCTAssertEqual(lines(result.diagnostics), [])
        XCTAssertTrue(page(result, "index.html").contains(
            "<p>See <a href=\"incidents.html\">Incidents 日本</a> and <a href=\"incidents.html\" title=\"A title\">plain</a>.</p>"),
            page(result, "index.html"))
        XCTAssertTrue(page(result, "other.html").contains("<p>See <a href=\"incidents.html\">Incidents 日本</a>.</p>"), page(result, "other.html"))
    }

    /// GitBook exports link to an expandable block by its summary's slug (seen in LawnchairLauncher/docs).
    func testAnExpandableBlockHasAnAnchorFromItsSummary() throws {
        let tree = try TempTree([
            "README.md": "# Home\n\nSee [this](faq.md#what-does-tint-do) and [that](faq.md#what-does-tint-do-1).\n",
            "faq.md": "# FAQ\n\n<details>\n\n<summary>What does <strong>Tint</strong> do?</summary>\n\nText.\n\n</details>\n\n## What does Tint do?\n",
        ])
        let result = tree.build()
        XCTAssertEqual(lines(result.diagnostics), [])
        let faq = page(result, "faq.html")
        XCTAssertTrue(faq.contains("<summary id=\"what-does-tint-do\">What does <strong>Tint</strong> do?</summary>"), faq)
        XCTAssertTrue(faq.contains("<h2 id=\"what-does-tint-do-1\">"), faq)
    }
}
