import Foundation
import XCTest
@testable import Runsmith

/// `runsmith serve` rebuilds only what a change touches. Each test edits a file, counts the pages and
/// runbooks the update built again, and checks the update's output against a full build of the same files.
final class IncrementalBuildTests: XCTestCase {
    /// Five pages: `a` and `b` include `_shared.md`, `a` links to `#setup` in `c`, `e` shows an image;
    /// two tenants with one runbook whose step is `c`.
    private func site() throws -> (TempTree, IncrementalBuild) {
        let tree = try TempTree([
            "SUMMARY.md": "# Contents\n\n* [Home](README.md)\n* [A](a.md)\n* [B](b.md)\n* [C](c.md)\n* [D](d.md)\n* [E](e.md)\n",
            "README.md": "# Home\n\nWelcome.\n",
            "a.md": "# A\n\n{% include \"_shared.md\" %}\n\nSee [setup](c.md#setup).\n",
            "b.md": "# B\n\n{% include \"_shared.md\" %}\n",
            "c.md": "# C\n\n## Setup\n\nDo it.\n",
            "d.md": "# D\n\nPlain.\n",
            "e.md": "# E\n\n![diagram](diagram.png)\n",
            "_shared.md": "Shared words.\n",
            "tenants/schema.yml": "variables:\n  org: { type: string, required: true }\n",
            "tenants/acme.yml": "id: acme\nname: Acme\nvars: { org: acme-org }\n",
            "tenants/beta.yml": "id: beta\nname: Beta\nvars: { org: beta-org }\n",
            "runbooks/setup.yml": "title: Set up {{ vars.org }}\nsections:\n  - page: c.md\n    step: true\n",
        ])
        try tree.write("diagram.png", Data([1, 2, 3]))
        let build = IncrementalBuild(options: .init(root: tree.root, output: nil))
        let first = build.update()
        XCTAssertEqual(lines(first.diagnostics), [])
        XCTAssertEqual(first.rebuiltPages.count, 6)
        XCTAssertEqual(first.rebuiltRunbooks, ["acme/setup", "beta/setup"])
        return (tree, build)
    }

    /// Writes `text` to `path`, updates, and checks the result is what a full build of the same files gives.
    private func edit(_ tree: TempTree, _ build: IncrementalBuild, _ path: String, _ text: String,
                      file: StaticString = #filePath, line: UInt = #line) throws -> SiteBuilder.Result {
        try tree.write(path, Data(text.utf8))
        let result = build.update(changed: [path])
        let full = tree.check()
        XCTAssertEqual(lines(result.diagnostics), lines(full.diagnostics), file: file, line: line)
        XCTAssertEqual(result.files.keys.sorted(), full.files.keys.sorted(), file: file, line: line)
        for (route, bytes) in full.files where result.files[route] != bytes {
            XCTFail("\(route) differs from a full build:\n\(String(decoding: result.files[route] ?? [], as: UTF8.self))", file: file, line: line)
        }
        XCTAssertEqual(result.copies, full.copies, file: file, line: line)
        return result
    }

    private func text(_ result: SiteBuilder.Result, _ route: String) -> String {
        String(decoding: result.files[route] ?? [], as: UTF8.self)
    }

    func testEditingAPlainPageRebuildsThatPageAlone() throws {
        let (tree, build) = try site()
        let result = try edit(tree, build, "d.md", "# D\n\nPlain, and changed.\n")
        XCTAssertEqual(result.rebuiltPages, ["d.md"])
        XCTAssertEqual(result.rebuiltRunbooks, [])
        XCTAssertTrue(text(result, "d.html").contains("Plain, and changed."))
    }

    func testEditingAnIncludeRebuildsItsIncluders() throws {
        let (tree, build) = try site()
        let result = try edit(tree, build, "_shared.md", "Shared words, reworded.\n")
        XCTAssertEqual(result.rebuiltPages, ["a.md", "b.md"])
        XCTAssertTrue(text(result, "b.html").contains("Shared words, reworded."))
    }

    func testRenamingAHeadingRebuildsThePagesLinkingToIt() throws {
        let (tree, build) = try site()
        let result = try edit(tree, build, "c.md", "# C\n\n## Install\n\nDo it.\n")
        // c changed its anchors: a's link to #setup is now broken; the runbook with c as a step is rebuilt.
        XCTAssertEqual(result.rebuiltPages, ["a.md", "c.md"])
        XCTAssertEqual(lines(result.diagnostics), ["a.md:5:5: error: anchor '#setup' not found in c.md"])
        XCTAssertEqual(result.rebuiltRunbooks, ["acme/setup", "beta/setup"])
        // And back: the error goes away again.
        let fixed = try edit(tree, build, "c.md", "# C\n\n## Setup\n\nDo it.\n")
        XCTAssertEqual(lines(fixed.diagnostics), [])
    }

    func testANewTitleRebuildsTheNeighboursPagersAndTheLinkingPages() throws {
        let (tree, build) = try site()
        let before = try XCTUnwrap(build.update(changed: []).files["_runsmith/sidebar.js"])
        let result = try edit(tree, build, "c.md", "# C, renamed\n\n## Setup\n\nDo it.\n")
        // b and d show c in their pager; a links to c. The sidebar keeps SUMMARY.md's label.
        XCTAssertEqual(result.rebuiltPages, ["a.md", "b.md", "c.md", "d.md"])
        XCTAssertEqual(result.files["_runsmith/sidebar.js"], before)
        XCTAssertTrue(text(result, "d.html").contains("C, renamed</a>"))
    }

    func testANewSidebarLabelRebuildsTheSidebar() throws {
        let tree = try TempTree(["docs/a.md": "# A\n", "docs/b.md": "---\nsidebar_label: Bee\n---\n# B\n", "docs/c.md": "# C\n"])
        let build = IncrementalBuild(options: .init(root: tree.root, output: nil))
        let before = try sidebarList(build.update())
        XCTAssertTrue(before.contains(">Bee</a>"), before)
        let result = try edit(tree, build, "docs/b.md", "---\nsidebar_label: Bees\n---\n# B\n")
        XCTAssertTrue(try sidebarList(result).contains(">Bees</a>"))
        // Only b's own page and its neighbours' pagers, which show the title, not the label.
        XCTAssertEqual(result.rebuiltPages, ["docs/b.md"])
    }

    func testEditingATenantRebuildsOnlyItsRunbooks() throws {
        let (tree, build) = try site()
        let result = try edit(tree, build, "tenants/beta.yml", "id: beta\nname: Beta\nvars: { org: beta-renamed }\n")
        XCTAssertEqual(result.rebuiltPages, [])
        XCTAssertEqual(result.rebuiltRunbooks, ["beta/setup"])
        XCTAssertTrue(text(result, "_tenants/beta/setup/index.html").contains("Set up beta-renamed"))
    }

    func testABrokenTenantFileIsReportedAndItsFixClearsIt() throws {
        let (tree, build) = try site()
        let broken = try edit(tree, build, "tenants/beta.yml", "id: beta\nname: Beta\nvars: { org: 42, extra: x }\n")
        XCTAssertTrue(broken.hasErrors)
        let fixed = try edit(tree, build, "tenants/beta.yml", "id: beta\nname: Beta\nvars: { org: beta-org }\n")
        XCTAssertEqual(lines(fixed.diagnostics), [])
    }

    func testEditingAnImageRebuildsThePagesShowingIt() throws {
        let (tree, build) = try site()
        try tree.write("diagram.png", Data([4, 5, 6, 7]))
        let result = build.update(changed: ["diagram.png"])
        XCTAssertEqual(result.rebuiltPages, ["e.md"])
        let name = AssetCatalog.hashedName("diagram.png", bytes: [4, 5, 6, 7])
        XCTAssertTrue(text(result, "e.html").contains(name), text(result, "e.html"))
        XCTAssertEqual(Array(result.copies.keys), [name])
    }

    func testAddingAFileOrEditingTheSummaryBuildsEverything() throws {
        let (tree, build) = try site()
        let added = try edit(tree, build, "f.md", "# F\n")
        XCTAssertEqual(added.rebuiltPages.count, 6, "f.md is not in SUMMARY.md, but the site may link to it")
        let summary = try edit(tree, build, "SUMMARY.md", "# Contents\n\n* [Home](README.md)\n* [F](f.md)\n")
        XCTAssertEqual(summary.rebuiltPages, ["README.md", "f.md"])
        XCTAssertEqual(summary.files["a.html"], nil, "a.md left the summary")
    }

    func testEditorBackupFilesAreIgnored() throws {
        let (tree, build) = try site()
        try tree.write("d.md~", Data("old".utf8))
        try tree.write(".git/index", Data("x".utf8))
        let result = build.update(changed: ["d.md~", ".git/index"])
        XCTAssertEqual(result.rebuiltPages, [])
        XCTAssertEqual(result.rebuiltRunbooks, [])
    }

    /// A value the docs show is ordinary text, not a leak; once the docs stop showing it, a runbook that
    /// shows another tenant's value is a leak again, in an update as in a full build.
    func testTheLeakAuditFollowsWhatTheDocsShow() throws {
        let (tree, build) = try site()
        _ = try edit(tree, build, "README.md", "# Home\n\nExamples use beta-org.\n")
        let quiet = try edit(tree, build, "runbooks/setup.yml", "title: Set up {{ vars.org }}\nintro: As beta-org did.\nsections:\n  - page: c.md\n    step: true\n")
        XCTAssertFalse(quiet.hasErrors, "beta-org is in the shared docs")
        let leak = try edit(tree, build, "README.md", "# Home\n\nWelcome.\n")
        XCTAssertTrue(lines(leak.diagnostics).contains { $0.contains("contains 'beta-org', a value of tenant 'beta'") }, "\(lines(leak.diagnostics))")
        XCTAssertNil(leak.files["_tenants/acme/setup/index.html"])
    }

    /// A page that stops parsing loses its output and its images; fixed, it gets them back.
    func testAPageThatFailsAndIsFixed() throws {
        let (tree, build) = try site()
        let broken = try edit(tree, build, "e.md", "---\ntitle: [unclosed\n---\n# E\n\n![diagram](diagram.png)\n")
        XCTAssertTrue(broken.hasErrors)
        XCTAssertNil(broken.files["e.html"])
        XCTAssertEqual(broken.copies, [:])
        let fixed = try edit(tree, build, "e.md", "# E\n\n![diagram](diagram.png)\n")
        XCTAssertEqual(lines(fixed.diagnostics), [])
        XCTAssertEqual(fixed.copies.count, 1)
    }
}
