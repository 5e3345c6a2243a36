import Foundation
import XCTest
@testable import Runsmith

/// Builds parse pages on all cores. cmark-gfm keeps the inline extensions' special characters in one
/// global table that each parser sets and clears around its inline pass; pages parsed side by side
/// used to lose autolinks and strikethrough now and then (seen as a page that differed between two builds).
final class ParallelParseTests: XCTestCase {
    func testPagesParsedSideBySideKeepTheirAutolinksAndStrikethrough() {
        let line = "See https://example.org/docs and www.example.com, ~~old~~ new.\n\n"
        let page = Array(String(repeating: line, count: 200).utf8)
        let counts = Parallel.map(400) { _ -> (links: Int, struck: Int) in
            let html = String(decoding: MarkdownDocument(bytes: page).renderHTML(), as: UTF8.self)
            return (html.components(separatedBy: "<a href=").count - 1, html.components(separatedBy: "<del>").count - 1)
        }
        let short = counts.filter { $0.links != 400 || $0.struck != 200 }
        XCTAssertEqual(short.count, 0, "pages that lost autolinks or strikethrough: \(short.prefix(5))")
    }
}
