import Foundation
import XCTest
@testable import Runsmith

final class SiteBuildTests: XCTestCase {
    private func page(_ result: SiteBuilder.Result, _ route: String) -> String {
        String(decoding: result.files[route] ?? [], as: UTF8.self)
    }

    func testLinksResolveToRelativeOutputURLs() throws {
        let tree = try TempTree([
            "runsmith.yml": "site_url: https://docs.example.com\nspaces:\n  SPACE1: https://other.example.com/api\n",
            "SUMMARY.md": "# Table of contents\n\n* [Home](README.md)\n* [Guide](guide/README.md)\n  * [Setup](guide/setup.md)\n",
            "README.md": "# Home\n\nSee [setup](guide/setup.md#install-it), [guide](guide/), [bare](guide/setup),\n"
                + "[root](/guide/setup.md), [old](old/page.md), [api](https://app.gitbook.com/s/SPACE1/pets#list),\n"
                + "[self](#home) and [ext](https://example.org).\n",
            "guide/README.md": "# Guide\n\nBack [home](../README.md).\n",
            "guide/setup.md": "# Setup\n\n## Install it\n\nSee [guide](./README.md#guide).\n",
            "old/page.md": "# Old\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [])
        let home = page(result, "index.html")
        XCTAssertTrue(home.contains(#"<a href="guide/setup.html#install-it">setup</a>"#), home)
        XCTAssertTrue(home.contains(#"<a href="guide/index.html">guide</a>"#))
        XCTAssertTrue(home.contains(#"<a href="guide/setup.html">bare</a>"#))
        XCTAssertTrue(home.contains(#"<a href="guide/setup.html">root</a>"#))
        XCTAssertTrue(home.contains(#"<a href="https://docs.example.com/old/page">old</a>"#), "page not in SUMMARY goes to site_url")
        XCTAssertTrue(home.contains(#"<a href="https://other.example.com/api/pets#list">api</a>"#))
        XCTAssertTrue(home.contains(##"<a href="#home">self</a>"##))
        XCTAssertTrue(page(result, "guide/setup.html").contains(#"<a href="index.html#guide">guide</a>"#))
        XCTAssertTrue(page(result, "guide/index.html").contains(#"<a href="../index.html">home</a>"#))
    }

    func testBrokenLinksAnchorsAndImagesAreLocatedErrors() throws {
        let tree = try TempTree([
            "README.md": "# Home\n\nA [gone](missing.md) and [bad anchor](other.md#nope).\n\n![pic](img/none.png)\n\n"
                + "[escape](../../../../etc/passwd) [lost](broken-reference) [space](https://app.gitbook.com/s/XYZ/a)\n",
            "other.md": "# Other\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [
            "README.md:3:3: error: link target 'missing.md' not found",
            "README.md:3:26: error: anchor '#nope' not found in other.md",
            "README.md:5:1: error: image 'img/none.png' not found",
            "README.md:7:1: error: '../../../../etc/passwd' leaves the content root",
            "README.md:7:34: error: GitBook marked this link as 'broken-reference': its target was deleted or moved",
            "README.md:7:59: warning: link into GitBook space 'XYZ', which runsmith.yml does not map (spaces:)",
        ])
        XCTAssertTrue(result.hasErrors)
    }

    func testImagesAreCopiedUnderContentHashNamesIncludingFromIncludesAndRawHTML() throws {
        let tree = try TempTree([
            "docs/page.md": "# Page\n\n{% include \"../.gitbook/includes/shot.md\" %}\n\n"
                + "<figure><img src=\"../.gitbook/assets/image (308).png\" alt=\"\"><figcaption><p>Cap</p></figcaption></figure>\n\n"
                + "![spaced](<../.gitbook/assets/image (308).png>)\n\n"
                + "<picture><source srcset=\"../.gitbook/assets/image (308).png 2x\" media=\"(prefers-color-scheme: dark)\"><img src=\"https://cdn.example.com/x.png\" alt=\"Logo\"></picture>\n\n"
                + "<a href=\"../README.md\" class=\"button primary\">Home</a>\n\n{% file src=\"../.gitbook/assets/sample.yml\" %}\nA sample\n{% endfile %}\n",
            ".gitbook/includes/shot.md": "---\ntitle: Shot\n---\n![from include](<../assets/image (308).png>)\n",
            "README.md": "# Home\n",
        ])
        try tree.write(".gitbook/assets/image (308).png", Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]))
        try tree.write(".gitbook/assets/sample.yml", Data("a: 1\n".utf8))
        let out = tree.output
        let result = tree.build()
        XCTAssertEqual(lines(result.diagnostics), [])
        let html = page(result, "docs/page.html")
        let asset = "_assets/image-308-\(ContentHash.hex([0x89, 0x50, 0x4E, 0x47, 1, 2, 3])).png"
        XCTAssertEqual(html.components(separatedBy: "src=\"../\(asset)\"").count - 1, 3, html)
        XCTAssertTrue(html.contains("<source srcset=\"../\(asset) 2x\" media=\"(prefers-color-scheme: dark)\"><img src=\"https://cdn.example.com/x.png\" alt=\"Logo\">"), html)
        XCTAssertTrue(html.contains("<a href=\"../index.html\" class=\"button primary\">Home</a>"), html)
        XCTAssertTrue(html.contains("<a class=\"rs-file-link\" href=\"../_assets/sample-\(ContentHash.hex(Array("a: 1\n".utf8))).yml\" download=\"sample.yml\">sample.yml</a>"), html)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent(asset).path))
        XCTAssertEqual(result.assetCount, 2)
    }

    func testProblemsInsideIncludesCarryTheIncludeChain() throws {
        let tree = try TempTree([
            "README.md": "# Home\n\n{% include \".gitbook/includes/a.md\" %}\n",
            ".gitbook/includes/a.md": "---\ntitle: A\n---\nText\n\n{% include \"b.md\" %}\n",
            ".gitbook/includes/b.md": "See [gone](../../nowhere.md).\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [".gitbook/includes/b.md:1:5: error: link target '../../nowhere.md' not found"])
        XCTAssertEqual(result.diagnostics.first?.includeChain, [SourceLocation(path: "README.md", line: 3, column: 1),
                                                                SourceLocation(path: ".gitbook/includes/a.md", line: 6, column: 1)])
    }

    func testCrossSpaceIncludeThroughAFolderMapping() throws {
        let tree = try TempTree([
            "runsmith.yml": "spaces:\n  SHARED: shared/\n",
            "README.md": "# Home\n\n{% include \"https://app.gitbook.com/s/SHARED/snippets/note.md\" %}\n\n{% include \"https://app.gitbook.com/s/OTHER/x.md\" %}\n",
            "shared/snippets/note.md": "Shared text.\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), ["README.md:5:1: error: include from GitBook space 'OTHER' which runsmith.yml does not map"])
        XCTAssertTrue(String(decoding: result.files["index.html"]!, as: UTF8.self).contains("<p>Shared text.</p>"))
    }

    func testContentRefBecomesACardWithTheTargetTitle() throws {
        let tree = try TempTree([
            "README.md": "# Home\n\n{% content-ref url=\"guide.md\" %}\n[guide.md](guide.md)\n{% endcontent-ref %}\n",
            "guide.md": "---\ndescription: How to set it up.\n---\n# The Guide\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [])
        XCTAssertTrue(page(result, "index.html").contains("""
        <p class="rs-content-ref"><a class="rs-card" href="guide.html"><span class="rs-card-title">The Guide</span><span class="rs-card-description">How to set it up.</span></a></p>
        """), page(result, "index.html"))
    }

    func testSummaryDrivesNavigationOrderAndGroups() throws {
        let tree = try TempTree([
            "SUMMARY.md": "# Table of contents\n\n* [Welcome](README.md)\n\n## Guides\n\n* [Set \\& go](a.md \"Tooltip\")\n  * [Nested](b.md)\n* [Missing](nope.md)\n",
            "README.md": "# Welcome\n", "a.md": "# A\n", "b.md": "---\nhidden: true\n---\n# B\n", "unlisted.md": "# U\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), ["SUMMARY.md:9:3: error: SUMMARY.md links to 'nope.md', which does not exist"])
        XCTAssertEqual(result.pageCount, 3, "unlisted.md is not built")
        let a = page(result, "a.html")
        XCTAssertTrue(a.contains(#"<nav class="rs-sidebar" id="rs-sidebar" aria-label="Site" data-root="" data-route="a.html">"#), a)
        let sidebar = try sidebarList(result)
        XCTAssertTrue(sidebar.contains(#"<p class="rs-nav-group-title">Guides</p>"#), sidebar)
        XCTAssertTrue(sidebar.contains(#"<a href="a.html" title="Tooltip">Set &amp; go</a>"#), sidebar)
        XCTAssertFalse(sidebar.contains(">B</a>"), "hidden page stays out of the sidebar")
        XCTAssertFalse(a.contains("Set &amp; go"), "the sidebar is not copied into each page")
        XCTAssertTrue(page(result, "_runsmith/sidebar.html").contains(#"<a href="../a.html" title="Tooltip">Set &amp; go</a>"#))
        XCTAssertTrue(a.contains(#"<a class="rs-prev" rel="prev" href="index.html"><span class="rs-pager-label">Previous</span> Welcome</a>"#))
        XCTAssertNotNil(result.files["b.html"], "hidden page is still built")
    }

    func testFrontmatterTitleAndDescriptionArePlaced() throws {
        let tree = try TempTree(["README.md": "---\ndescription: The lead.\nlayout:\n  tableOfContents:\n    visible: false\n---\n# Home Title\n\n## One\n\n## Two\n"])
        let html = page(tree.check(), "index.html")
        XCTAssertTrue(html.contains("<h1 id=\"home-title\">Home Title</h1>\n<p class=\"rs-lead\">The lead.</p>"), html)
        XCTAssertTrue(html.contains("<title>Home Title · Home Title</title>"))
        XCTAssertFalse(html.contains("rs-toc-list"), "layout.tableOfContents.visible: false hides the TOC")
    }

    func testDuplicateRouteAndEscapingSymlink() throws {
        let tree = try TempTree(["guide/README.md": "# A\n", "guide/index.md": "# B\n", "README.md": "# Home\n\n[x](secret.md)\n"])
        try FileManager.default.createSymbolicLink(atPath: tree.root.appendingPathComponent("secret.md").path, withDestinationPath: "/etc/hostname")
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [
            "README.md:3:1: error: '[x](secret.md)' is a symlink pointing outside the content root".replacingOccurrences(of: "[x](secret.md)", with: "secret.md"),
            "guide/index.md:1:1: error: 'guide/index.md' and 'guide/README.md' would both be written to guide/index.html",
        ])
    }

    func testConfigUnknownKeyIsAnErrorAtItsLine() throws {
        let tree = try TempTree(["runsmith.yml": "flavor: gitbook\nsite_ulr: https://x\n", "README.md": "# A\n"])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), ["runsmith.yml:2:1: error: unknown key 'site_ulr' in runsmith.yml"])
        XCTAssertEqual(result.pageCount, 0)
    }

    func testSeverityOverrides() throws {
        let tree = try TempTree(["runsmith.yml": "severity:\n  missing-anchor: warning\n  integration-dropped: off\n",
                                 "README.md": "# A\n\n[x](#nope)\n\n{% @marketo/form formId=\"1\" %}\n"])
        XCTAssertEqual(lines(tree.check().diagnostics), ["README.md:3:1: warning: anchor '#nope' not found in README.md"])
    }

    func testRedirectsAndGitBookRoot() throws {
        let tree = try TempTree([
            ".gitbook.yaml": "root: ./docs/\nstructure:\n  readme: README.md\n  summary: SUMMARY.md\nredirects:\n  old/place: guide.md\n",
            "docs/SUMMARY.md": "* [Home](README.md)\n* [Guide](guide.md)\n",
            "docs/README.md": "# Home\n", "docs/guide.md": "# Guide\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [])
        XCTAssertTrue(page(result, "old/place/index.html").contains(#"<meta http-equiv="refresh" content="0; url=../../guide.html">"#))
    }

    func testErrorsStillWriteTheSiteAndOutputIsReplacedWhole() throws {
        let tree = try TempTree(["README.md": "# Home\n\n[broken](nope.md)\n"])
        let out = tree.output
        try FileManager.default.createDirectory(at: out.appendingPathComponent(OutputWriter.marker), withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: out.appendingPathComponent("stale.html"))
        let result = tree.build()
        XCTAssertTrue(result.hasErrors)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("index.html").path))
        XCTAssertFalse(FileManager.default.fileExists(atPath: out.appendingPathComponent("stale.html").path))
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
            .filter { $0.contains(out.lastPathComponent + ".runsmith-") }
        XCTAssertEqual(leftovers, [])
    }

    func testAFailedWriteLeavesThePreviousOutputUntouched() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-out-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        try OutputWriter(destination: out).write(files: ["index.html": Array("v1".utf8)], copies: [:])
        // `a` as a file and as a folder cannot both exist: the second write fails half-way.
        XCTAssertThrowsError(try OutputWriter(destination: out).write(files: ["index.html": Array("v2".utf8), "a": [1], "a/b.html": [2]], copies: [:]))
        XCTAssertEqual(try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8), "v1")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted(), ["_runsmith", "index.html"])
    }
}
