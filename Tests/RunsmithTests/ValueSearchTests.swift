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
}
