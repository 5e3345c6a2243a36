import Foundation
import XCTest
@testable import Runsmith

/// Pages are compiled before the site index exists, each URL the index decides left as a slot and filled
/// once it does (`LinkSlots`, `CompiledPage.link`), so that no page's cmark tree outlives its compile and
/// none is parsed twice. These builds compare that with compiling every page again after the index is
/// made, its links resolved at once: the output and the problems must not differ.
final class LinkSlotTests: XCTestCase {
    private func bothWays(_ root: URL) -> (early: SiteBuilder.Result, late: SiteBuilder.Result) {
        RunsmithTests.bothWays(root) { $0.linksBySlots = false }
    }

    private func assertSame(_ early: SiteBuilder.Result, _ late: SiteBuilder.Result, file: StaticString = #filePath, line: UInt = #line) {
        assertSameBuild(early, late, how: "with link slots", file: file, line: line)
    }

    func testBrokenLinksCardsAndImagesComeOutAsWhenResolvedAtOnce() throws {
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
        XCTAssertTrue(lines(early.diagnostics).contains { $0.hasPrefix("b.md:5:5: error: anchor '#nowhere' not found in c.md") },
                      lines(early.diagnostics).joined(separator: "\n"))
        assertSame(early, late)
        XCTAssertTrue(String(decoding: early.files["a.html"] ?? [], as: UTF8.self).contains("href=\"c.html#setup\""))
        XCTAssertTrue(String(decoding: early.files["d.html"] ?? [], as: UTF8.self).contains("<span class=\"rs-card-title\">C</span>"),
                      "a content-ref card shows its target's title, known only after the parse")
    }

    func testMentionsCardsAndURLsThatNeedEscapingFillTheirSlotsAsCmarkWouldWriteThem() throws {
        let tree = try TempTree([
            "SUMMARY.md": "# Contents\n\n* [Home](README.md)\n* [Set up & run](setup.md)\n* [Café ☕](café.md)\n",
            "README.md": """
            # Home

            See [setup](setup.md "mention") and <a data-mention href="café.md">café.md</a> and [gone](nowhere.md "mention").

            Odd URLs: [query](setup.md?a=1&b='x'#run), [space](<café.md#le-menu>), [file](<icon (1).png>), [encoded](caf%C3%A9.md), [image link ![icon](icon%20(1).png)](setup.md "mention").

            <p><a href="setup.md#run">raw</a> <img src="icon (1).png" srcset="icon (1).png 1x, icon (1).png 2x"></p>

            {% content-ref url="café.md" %}
            [café.md](café.md)
            {% endcontent-ref %}

            {% content-ref url="nowhere.md" %}
            [nowhere.md](nowhere.md)
            {% endcontent-ref %}

            Slot marks written by the page itself: &#xFDD0;0&#xFDD1; and [x](%EF%B7%900%EF%B7%91) &#xFDD2;0&#xFDD3;text&#xFDD4;.
            """,
            "setup.md": "---\ndescription: How to set up <b>&</b> run\n---\n# Set up & run \"now\"\n\n## Run\n\nGo.\n",
            "café.md": "# Café ☕ 東京 &lt;x&gt;\n\n## Le menu\n\nText.\n",
            "icon (1).png": "png",
        ])
        let (early, late) = bothWays(tree.root)
        assertSame(early, late)
        let home = String(decoding: early.files["index.html"] ?? [], as: UTF8.self)
        XCTAssertTrue(home.contains("<a href=\"setup.html?a=1&amp;b=&#x27;x&#x27;#run\">query</a>, <a href=\"caf%C3%A9.html#le-menu\">space</a>, "
                                    + "<a href=\"_assets/icon-1-779e6f195651.png\">file</a>, <a href=\"caf%C3%A9.html\">encoded</a>"), home)
        XCTAssertTrue(home.contains("<a href=\"setup.html\">Set up &amp; run &quot;now&quot;</a>"), home)
        XCTAssertTrue(home.contains("<a data-mention href=\"caf%C3%A9.html\">Café ☕ 東京 &lt;x&gt;</a>"), home)
        XCTAssertTrue(home.contains("<a href=\"nowhere.md\">gone</a>"), "a mention of a missing page keeps its text: \(home)")
        XCTAssertTrue(home.contains("<span class=\"rs-card-title\">Café ☕ 東京 &lt;x&gt;</span>"), home)
        XCTAssertTrue(home.contains("<span class=\"rs-card-title\">nowhere.md</span>"), home)
        let written = String(decoding: LinkSlots.linkOpen + Array("0".utf8) + LinkSlots.linkClose, as: UTF8.self)
        XCTAssertTrue(home.contains("Slot marks written by the page itself: \(written) and <a href=\"%EF%B7%900%EF%B7%91\">x</a>"),
                      "marks without the page's key are the page's own text: \(home)")
        XCTAssertEqual(lines(early.diagnostics).filter { $0.contains("nowhere.md") }.count, 2, lines(early.diagnostics).joined(separator: "\n"))
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
