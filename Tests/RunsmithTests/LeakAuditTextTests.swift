import XCTest
@testable import Runsmith

/// The leak audit reads text as bytes where it can (`LeakAudit.plain`, `text(ofHTML:)`): the result is
/// what reading it scalar by scalar gives, whitespace per Unicode's own property, in every script.
final class LeakAuditTextTests: XCTestCase {
    /// The scalar-by-scalar reading, as the audit did it before.
    private func plainByScalars(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var space = false
        for scalar in text.unicodeScalars {
            if scalar.properties.isWhitespace {
                space = !out.isEmpty
            } else {
                if space { out.append(" "); space = false }
                out.append(scalar)
            }
        }
        return String(out)
    }

    private let samples = [
        "", " ", "plain words", "  lead and trail \n", "tabs\tand\u{0B}vertical\u{0C}feeds\r\n",
        "narrow\u{202F}no-break\u{00A0}space", "ideographic\u{3000}東京\u{3000}大阪", "line\u{2028}para\u{2029}end",
        "next\u{0085}line", "emoji 😀 👍🏽 flags 🇫🇷", "café\u{301} é", "zero\u{200B}width is no space",
        "<p>Tom &amp; Jerry&#39;s <b>bold</b> &lt;tag&gt;</p>\n<ul><li>one</li><li>两</li></ul>",
    ]

    func testPlainIsWhatScalarByScalarGives() {
        for text in samples { XCTAssertEqual(LeakAudit.plain(text), plainByScalars(text), text.debugDescription) }
    }

    func testTextOfHTMLDropsTagsAndDecodesEntities() {
        XCTAssertEqual(LeakAudit.plain(LeakAudit.text(ofHTML: samples.last!)), "Tom & Jerry's bold <tag> one 两")
        XCTAssertEqual(LeakAudit.text(ofHTML: "a<br>b"), "a b")
        XCTAssertEqual(LeakAudit.text(ofHTML: "東京<i>\u{202F}x</i>"), "東京 \u{202F}x ")
    }
}
