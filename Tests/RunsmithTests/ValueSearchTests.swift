import XCTest
@testable import Runsmith

/// The leak audit's one-pass search finds every value that occurs, overlapping or nested, and no other.
final class ValueSearchTests: XCTestCase {
    func testFindsOverlappingAndNestedValues() {
        let search = ValueSearch(["he", "she", "his", "hers", "zürich-org", "", "sh"])
        XCTAssertEqual(search.matches(in: Array("ushers in zürich-org".utf8)), [0, 1, 3, 4, 6])
        XCTAssertEqual(search.matches(in: Array("nothing here? h e".utf8)), [0], "here is not hers")
        XCTAssertEqual(search.matches(in: []), [])
        XCTAssertEqual(ValueSearch([]).matches(in: Array("text".utf8)), [])
    }

    func testAgreesWithPlainSearchOnRandomText() {
        var generator = SystemRandomNumberGenerator()
        let alphabet = Array("abc ")
        for _ in 0..<200 {
            let patterns = (0..<5).map { _ in String((0..<Int.random(in: 1...4, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }) }
            let text = String((0..<60).map { _ in alphabet.randomElement(using: &generator)! })
            let expected = Set(patterns.indices.filter { text.contains(patterns[$0]) })
            XCTAssertEqual(ValueSearch(patterns).matches(in: Array(text.utf8)), expected, "\(patterns) in \(text)")
        }
    }

    /// Values of four bytes and more, as the leak audit's are: the search skips ahead where no value
    /// starts, and still finds each one at the start, the end, overlapping another, across UTF-8.
    func testSkippingAheadFindsWhatPlainSearchFinds() {
        var random = SeededRandom(seed: 7)
        let pieces = ["acme", "ac", "me-", "org", "zü", "東京", "😀", " ", "\n", "<p>", "&amp;", "x"]
        func text(_ count: Int) -> String { (0..<count).map { _ in pieces[random.next(below: pieces.count)] }.joined() }
        for round in 0..<300 {
            var patterns = (0..<(1 + random.next(below: 8))).map { _ in text(2 + random.next(below: 3)) }
            patterns = patterns.map { $0.utf8.count >= 4 ? $0 : $0 + "acme" }
            let body = text(random.next(below: 80))
            let expected = Set(patterns.indices.filter { body.utf8.count >= patterns[$0].utf8.count && Array(body.utf8).firstRange(of: Array(patterns[$0].utf8)) != nil })
            XCTAssertEqual(ValueSearch(patterns).matches(in: Array(body.utf8)), expected, "round \(round): \(patterns) in \(body.debugDescription)")
        }
        let search = ValueSearch(["acme-org", "org-東京", "東京😀"])
        XCTAssertEqual(search.matches(in: Array("acme-org-東京😀".utf8)), [0, 1, 2])
        XCTAssertEqual(search.matches(in: Array("acme-or".utf8)), [], "cut one byte short")
        XCTAssertEqual(search.matches(in: Array("東京😀".utf8)), [2], "the whole text")
        XCTAssertEqual(ValueSearch(["abc", "abcd"]).matches(in: Array("zzabc".utf8)), [0], "three-byte windows, at the end")
    }

    func testByteSearchOnStringsAndSubstrings() {
        XCTAssertTrue("Org {{ vars.org }}".includes("{{"))
        XCTAssertFalse("{ {".includes("{{"))
        XCTAssertTrue("zürich {{".dropFirst(3).includes("{{"))
        XCTAssertFalse("{".includes("{{"))
        XCTAssertTrue("ends with {{".includes("{{"))
        XCTAssertEqual(PreprocessedPage.markerIndex("  <!--rs:12-->\n"), 12)
        XCTAssertNil(PreprocessedPage.markerIndex("<!-- rs:12 -->"))
        XCTAssertNil(PreprocessedPage.markerIndex(" \n"))
    }

    /// `trimmingBlankEnds` is Foundation's `trimmingCharacters(in: .whitespaces)` for every text, blank
    /// ends of every kind (tab, no-break and narrow no-break spaces, an ideographic space) or none.
    func testTrimmingBlankEndsIsFoundationsTrimming() {
        let ends = ["", " ", "\t", "\u{00A0}", "\u{202F}", "\u{3000}", "\n", "x", "é", "東", "😀"]
        for lead in ends {
            for middle in ["", "a b", "Café\u{202F}crème", "東京", "e\u{301}", "\n"] {
                for trail in ends {
                    let text = lead + middle + trail
                    XCTAssertEqual(text.trimmingBlankEnds, text.trimmingCharacters(in: .whitespaces), text.debugDescription)
                }
            }
        }
    }
}
