import Foundation
import XCTest
@testable import Runsmith

/// Docusaurus' link rules (docs/docusaurus.md, "How links resolve"): where a `.md` link's file is looked
/// up, which doc is a folder's index, and routes under `/docs/next/`.
final class DocusaurusLinkTests: XCTestCase {
    func testNumberPrefixesFollowDocusaurus() {
        let cases = [
            "01_intro": "intro", "01-intro": "intro", "1.intro": "intro", "003 - my doc": "my doc", "01_-_x": "x",
            "2024-report": "report", "01 intro": "01 intro", "2021-11-report": "2021-11-report", "7.0-notes": "7.0-notes",
            "10_": "10_", "01- -x": "01- -x", "intro": "intro",
        ]
        for (name, stripped) in cases { XCTAssertEqual(DocusaurusRoutes.stripNumberPrefix(name), stripped, name) }
    }
}
