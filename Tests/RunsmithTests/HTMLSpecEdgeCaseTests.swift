import XCTest
@testable import Runsmith

/// The raw HTML edge cases of the CommonMark spec (0.31.2 numbering) through the sanitizer. What
/// CommonMark takes for text stays cmark's escaped text; what it takes for a processing instruction,
/// declaration or CDATA section goes whole, with one warning where it starts (a browser would end it
/// at its first `>` and show the rest); a tag an HTML block ends inside is shown as text.
final class HTMLSpecEdgeCaseTests: XCTestCase {
    private func render(_ markdown: String) -> (html: String, warnings: [String]) {
        let (html, diagnostics) = fragment(markdown)
        return (html, lines(diagnostics))
    }

    private static let shownAsText = "has no closing '>' in this HTML block: it is shown as text (as HTML it would swallow what follows)"

    /// Examples 156 and 158: HTML blocks whose first tag never ends. libxml2 took the next line for
    /// attributes and dropped it; a browser would take in the page after it.
    func testATagTheBlockEndsInsideIsShownAsText() {
        var (html, warnings) = render("<div id=\"foo\"\n*hi*\n")
        XCTAssertEqual(html, "&lt;div id=\"foo\"\n*hi*\n")
        XCTAssertEqual(warnings, ["page.md:1:1: warning: tag <div " + Self.shownAsText])

        (html, warnings) = render("<div *???-&&&-<---\n*foo*\n")
        XCTAssertEqual(html, "&lt;div *???-&amp;&amp;&amp;-&lt;---\n*foo*\n")
        XCTAssertEqual(warnings, ["page.md:1:1: warning: tag <div " + Self.shownAsText])

        // What follows the block is untouched, and what stands before the broken tag is HTML as usual.
        (html, warnings) = render("<div id=\"foo\"\n*hi*\n\nNext.\n\n<div>\n<span>a</span> and x<b\n")
        XCTAssertEqual(html, "&lt;div id=\"foo\"\n*hi*\n<p>Next.</p>\n<div>\n<span>a</span> and x&lt;b\n</div>\n")
        XCTAssertEqual(warnings, [
            "page.md:1:1: warning: tag <div " + Self.shownAsText,
            "page.md:6:1: warning: <div> is never closed: it is closed at the end of the page",
            "page.md:7:21: warning: tag <b " + Self.shownAsText,
        ])
    }

    /// Examples 180–182: removed whole; before, `<?php … echo '>` was dropped and `';\n\n?>` shown.
    func testProcessingInstructionsDeclarationsAndCDATABlocksAreRemovedWhole() {
        var (html, warnings) = render("<?php\n\n  echo '>';\n\n?>\nokay\n")
        XCTAssertEqual(html, "<p>okay</p>\n")
        XCTAssertEqual(warnings, ["page.md:1:1: warning: processing instruction <?php … ?> is removed: it is not page text"])

        (html, warnings) = render("<!DOCTYPE html>\n")
        XCTAssertEqual(html, "")
        XCTAssertEqual(warnings, ["page.md:1:1: warning: declaration <!DOCTYPE …> is removed: it is not page text"])

        (html, warnings) = render("<![CDATA[\nfunction matchwo(a,b)\n{\n  if (a < b && a < 0) then {\n    return 1;\n\n  } else {\n\n    return 0;\n  }\n}\n]]>\nokay\n")
        XCTAssertEqual(html, "<p>okay</p>\n")
        XCTAssertEqual(warnings, ["page.md:1:1: warning: CDATA section <![CDATA[ … ]]> is removed: it is not page text"])
    }

    /// Examples 627–629, inline: the same, at the column where each starts.
    func testInlineProcessingInstructionsDeclarationsAndCDATAAreRemovedWhole() {
        let cases = [
            ("foo <?php echo $a; ?>\n", "processing instruction <?php … ?>"),
            ("foo <!ELEMENT br EMPTY>\n", "declaration <!ELEMENT …>"),
            ("foo <![CDATA[>&<]]>\n", "CDATA section <![CDATA[ … ]]>"),
        ]
        for (markdown, what) in cases {
            let (html, warnings) = render(markdown)
            XCTAssertEqual(html, "<p>foo </p>\n", markdown)
            XCTAssertEqual(warnings, ["page.md:1:5: warning: \(what) is removed: it is not page text"], markdown)
        }
        // Inside a block, with the block's elements closed across the cut.
        let (html, warnings) = render("<div>\n<p>a <?php x ?> b</p>\n</div>\n")
        XCTAssertEqual(html, "<div>\n<p>a  b</p>\n</div>\n")
        XCTAssertEqual(warnings, ["page.md:2:6: warning: processing instruction <?php … ?> is removed: it is not page text"])
    }

    /// Examples 618–622 and 624 are not tags to CommonMark: cmark's text, escaped, and no warning.
    func testWhatCommonMarkReadsAsTextStaysText() {
        let cases = [
            ("<33> <__>\n", "<p>&lt;33&gt; &lt;__&gt;</p>\n"),
            ("<a h*#ref=\"hi\">\n", "<p>&lt;a h*#ref=&quot;hi&quot;&gt;</p>\n"),
            ("<a href=\"hi'> <a href=hi'>\n", "<p>&lt;a href=&quot;hi'&gt; &lt;a href=hi'&gt;</p>\n"),
            ("< a><\nfoo><bar/ >\n<foo bar=baz\nbim!bop />\n", "<p>&lt; a&gt;&lt;\nfoo&gt;&lt;bar/ &gt;\n&lt;foo bar=baz\nbim!bop /&gt;</p>\n"),
            ("<a href='bar'title=title>\n", "<p>&lt;a href='bar'title=title&gt;</p>\n"),
            ("</a href=\"foo\">\n", "<p>&lt;/a href=&quot;foo&quot;&gt;</p>\n"),
        ]
        for (markdown, expected) in cases {
            let (html, warnings) = render(markdown)
            XCTAssertEqual(html, expected, markdown)
            XCTAssertEqual(warnings, [], markdown)
        }
    }

    /// Example 615: two tags to CommonMark. `<a  />` is read as opened and closed (an open `<a>` would
    /// make the rest of the paragraph a link); `<b2>` is not an allowed tag.
    func testWellFormedTagsOverLinesAreReadAsTags() {
        let (html, warnings) = render("<a  /><b2\ndata=\"foo\" >\n")
        XCTAssertEqual(html, "<p><a></a></p>\n")
        XCTAssertEqual(warnings, ["page.md:1:7: warning: <b2> is not an allowed HTML tag: it is left out, its content kept"])
    }

    /// A `?>` in a script, or a `<?` in a comment, is not an instruction: nothing extra is reported.
    func testInstructionsInsideScriptsAndCommentsAreNotCutOut() {
        let (html, warnings) = render("<script>var s = \"<?php echo 1 ?>\";</script>\n\n<!-- <?php x ?> <div -->\n\nAfter.\n")
        XCTAssertEqual(html, "<p>After.</p>\n")
        XCTAssertEqual(warnings, ["page.md:1:1: warning: <script> is removed with its content: scripts, styles, frames, plugins and forms never reach readers"])
    }

    /// The cut, at the event level: offsets stay the piece's own (libxml2 reports a start tag at its
    /// `>`, an end tag past it), a quoted `>` does not end a tag.
    func testFragmentEventsAroundTheCut() {
        XCTAssertEqual(HTMLFragment.events("<b>y</b>"), [.start(name: "b", attributes: [], offset: 2), .text("y"), .end(name: "b", offset: 8)])
        XCTAssertEqual(HTMLFragment.events("<?x?><b>y</b>"), [
            .special(.processingInstruction, source: "<?x?>", offset: 0),
            .start(name: "b", attributes: [], offset: 7), .text("y"), .end(name: "b", offset: 13),
        ])
        XCTAssertEqual(HTMLFragment.events("<div title=\"a>b\"\nc"), [.unterminatedTag(source: "<div title=\"a>b\"\nc", offset: 0)])
        XCTAssertEqual(HTMLFragment.events("a<b"), [.text("a"), .unterminatedTag(source: "<b", offset: 1)])
        XCTAssertEqual(HTMLFragment.events("<!DOCTYPE html><!-- <?x?> -->"), [.special(.declaration, source: "<!DOCTYPE html>", offset: 0)])
    }
}
