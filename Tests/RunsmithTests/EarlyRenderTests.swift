import Foundation
import XCTest
@testable import Runsmith

/// Pages are rendered as soon as they are parsed, their links resolved against a provisional index,
/// so that no page's cmark tree outlives its parse (`EarlyPage`). These builds compare that with
/// rendering every page after the real index is made: the output and the problems must not differ.
final class EarlyRenderTests: XCTestCase {
    private func bothWays(_ root: URL) -> (early: SiteBuilder.Result, late: SiteBuilder.Result) {
        let early = IncrementalBuild(options: .init(root: root, output: nil)).update()
        let late = IncrementalBuild(options: .init(root: root, output: nil))
        late.rendersEarly = false
        return (early, late.update())
    }

    private func assertSame(_ early: SiteBuilder.Result, _ late: SiteBuilder.Result, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(lines(early.diagnostics), lines(late.diagnostics), file: file, line: line)
        XCTAssertEqual(Set(early.files.keys), Set(late.files.keys), file: file, line: line)
        for (route, bytes) in late.files where early.files[route] != bytes {
            XCTFail("\(route) differs when rendered early", file: file, line: line)
        }
        XCTAssertEqual(early.copies, late.copies, file: file, line: line)
    }

    func testOnlyAPageWithABrokenLinkIsParsedTwiceAndItsProblemIsTheSame() throws {
        let tree = try TempTree([
            "SUMMARY.md": "# Contents\n\n* [Home](README.md)\n* [A](a.md)\n* [B](b.md)\n* [C](c.md)\n* [D](d.md)\n* [E](e.md)\n* [F](f.md)\n",
            "README.md": "# Home\n\nWelcome.\n",
            "a.md": "# A\n\nSee [setup](c.md#setup) and [home](README.md).\n",
            "b.md": "# B\n\nText.\n\nSee [nowhere](c.md#nowhere).\n",
            "c.md": "# C\n\n## Setup\n\nDo it.\n",
            "d.md": "# D\n\n{% content-ref url=\"c.md\" %}\n[c.md](c.md)\n{% endcontent-ref %}\n",
            "e.md": "# E\n\n![diagram](diagram.png) and [a broken page](f.md).\n",
            "diagram.png": "png",
            "f.md": "---\ntitle: [unclosed\n---\n# F\n",
        ])
        let (early, late) = bothWays(tree.root)
        XCTAssertEqual(early.parsedTwice, ["b.md", "e.md"], "the missing anchor and the link to a page that failed: \(lines(early.diagnostics))")
        XCTAssertTrue(lines(early.diagnostics).contains { $0.hasPrefix("b.md:5:5: error: anchor '#nowhere' not found in c.md") },
                      lines(early.diagnostics).joined(separator: "\n"))
        assertSame(early, late)
        XCTAssertTrue(String(decoding: early.files["a.html"] ?? [], as: UTF8.self).contains("href=\"c.html#setup\""))
        XCTAssertTrue(String(decoding: early.files["d.html"] ?? [], as: UTF8.self).contains("<span class=\"rs-card-title\">C</span>"),
                      "a content-ref card shows its target's title, known only after the parse")
    }

    func testTheExampleAndTheCorpusRenderTheSameEarlyAndLate() throws {
        var roots = [repositoryRoot.appendingPathComponent("content")]
        for fixture in [CorpusTests.fixture, CorpusTests.ory] where FileManager.default.fileExists(atPath: fixture.path) { roots.append(fixture) }
        for root in roots {
            let (early, late) = bothWays(root)
            XCTAssertGreaterThan(early.pageCount, 5, root.path)
            assertSame(early, late)
        }
    }
}
