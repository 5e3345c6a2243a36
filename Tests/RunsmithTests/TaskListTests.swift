import Foundation
import XCTest
@testable import Runsmith

/// Task lists: each box drawn by Runsmith with a name ("Done", "Not done"), where GFM draws an unnamed
/// one; tight and loose lists alike, and an item that starts with a block.
final class TaskListTests: XCTestCase {
    private func render(_ markdown: String) -> String {
        String(decoding: FragmentRenderer.render(Array(markdown.utf8), path: "t.md", read: { _ in nil }, tenant: nil).0, as: UTF8.self)
    }

    func testBoxesAreNamedAndTicked() {
        XCTAssertEqual(render("- [ ] Café 東京\n- [x] Done *well*\n- plain\n"), """
        <ul>
        <li><input type="checkbox" class="rs-task" disabled aria-label="Not done"> Café 東京</li>
        <li><input type="checkbox" class="rs-task" disabled checked aria-label="Done"> Done <em>well</em></li>
        <li>plain</li>
        </ul>

        """)
    }

    func testALooseListKeepsTheBoxInItsParagraph() {
        XCTAssertEqual(render("- [ ] one\n\n- [x] two\n"), """
        <ul>
        <li>
        <p><input type="checkbox" class="rs-task" disabled aria-label="Not done"> one</p>
        </li>
        <li>
        <p><input type="checkbox" class="rs-task" disabled checked aria-label="Done"> two</p>
        </li>
        </ul>

        """)
        XCTAssertFalse(render("- [ ] x\n").contains("disabled=\"\""), "no unnamed GFM box is left")
    }
}
