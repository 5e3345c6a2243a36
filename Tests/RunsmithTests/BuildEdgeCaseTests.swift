import Foundation
import XCTest
@testable import Runsmith

/// Edge cases found by running the tool on odd trees; each was a bug once.
final class BuildEdgeCaseTests: XCTestCase {
    private func page(_ result: SiteBuilder.Result, _ route: String) -> String {
        String(decoding: result.files[route] ?? [], as: UTF8.self)
    }

    func testFilesWithoutAnExtensionAreCopied() throws {
        let tree = try TempTree(["README.md": "# A\n\n[licence](files/LICENSE) and [env](files/.env)\n", "files/LICENSE": "MIT\n", "files/.env": "X=1\n"])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [])
        XCTAssertTrue(page(result, "index.html").contains("href=\"_assets/license-\(ContentHash.hex(Array("MIT\n".utf8)))\""))
        XCTAssertTrue(page(result, "index.html").contains("href=\"_assets/env-\(ContentHash.hex(Array("X=1\n".utf8)))\""))
    }

    func testOutputThatWouldDestroySourcesOrForeignFilesIsRefused() throws {
        let tree = try TempTree(["docs/README.md": "# A\n", "notes.txt": "keep me"])
        let docs = tree.root.appendingPathComponent("docs")
        for out in [tree.root, docs] {
            let result = SiteBuilder(options: .init(root: docs, output: out)).run()
            XCTAssertEqual(result.diagnostics.map(\.code), [.unsafeOutput], out.path)
            XCTAssertFalse(result.written)
        }
        let foreign = tree.root.appendingPathComponent("foreign")
        try FileManager.default.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: foreign.appendingPathComponent("thesis.tex"))
        XCTAssertEqual(SiteBuilder(options: .init(root: docs, output: foreign)).run().diagnostics.map(\.code), [.unsafeOutput])
        XCTAssertTrue(FileManager.default.fileExists(atPath: foreign.appendingPathComponent("thesis.tex").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: tree.root.appendingPathComponent("notes.txt").path))
        XCTAssertTrue(FileManager.default.fileExists(atPath: docs.appendingPathComponent("README.md").path))
        // A file named like the marker does not make a folder replaceable.
        let fake = tree.root.appendingPathComponent("fake")
        try FileManager.default.createDirectory(at: fake, withIntermediateDirectories: true)
        try Data().write(to: fake.appendingPathComponent(OutputWriter.marker))
        try Data("mine".utf8).write(to: fake.appendingPathComponent("precious.txt"))
        XCTAssertEqual(SiteBuilder(options: .init(root: docs, output: fake)).run().diagnostics.map(\.code), [.unsafeOutput])
        // An earlier Runsmith output (it has _runsmith/) is replaced.
        XCTAssertTrue(SiteBuilder(options: .init(root: docs, output: tree.output)).run().written)
        XCTAssertTrue(SiteBuilder(options: .init(root: docs, output: tree.output)).run().written)
    }

    func testACustomReadmeIsTheHomePage() throws {
        let tree = try TempTree([".gitbook.yaml": "structure:\n  readme: intro.md\n  summary: toc.md\n",
                                 "toc.md": "* [Intro](intro.md)\n* [Gone](gone.md)\n", "intro.md": "# Intro\n"])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), ["toc.md:2:3: error: toc.md links to 'gone.md', which does not exist"])
        XCTAssertTrue(page(result, "index.html").contains("<h1 id=\"intro\">Intro</h1>"))
        XCTAssertNil(result.files["intro.html"])
    }

    func testDiagnosticsUnderAGitBookRootKeepTheirFolder() throws {
        let tree = try TempTree([".gitbook.yaml": "root: ./docs/\nredirects:\n  old: nothing.md\n",
                                 "docs/README.md": "# Home\n\n[x](missing.md)\n"])
        XCTAssertEqual(lines(tree.check().diagnostics), [
            ".gitbook.yaml:3:3: error: redirect target 'nothing.md' is not a page of this build",
            "docs/README.md:3:1: error: link target 'missing.md' not found",
        ])
        let escaping = try TempTree([".gitbook.yaml": "root: ../\n", "README.md": "# A\n"])
        XCTAssertEqual(lines(escaping.check().diagnostics), [".gitbook.yaml:1:1: error: .gitbook.yaml root must be a folder inside the repository"])
    }

    func testTemplateErrorsPointIntoTheProjectTemplate() throws {
        let tree = try TempTree(["README.md": "# A\n", "templates/toc.mustache": "ok\n{{#toc}}never closed\n"])
        let result = tree.check()
        XCTAssertEqual(result.diagnostics.map(\.code), [.invalidTemplate])
        XCTAssertEqual(result.diagnostics.first?.location?.path, "templates/toc.mustache")
        XCTAssertEqual(result.diagnostics.first?.message, "template toc.mustache does not parse: expected section end")
    }

    func testQueryStringsAndFolderMappedSpacesStayLocal() throws {
        let tree = try TempTree([
            "runsmith.yml": "spaces:\n  LOCAL: guide/\n",
            "README.md": "# A\n\n[q](guide/install.md?tab=cli#steps) [space](https://app.gitbook.com/s/LOCAL/install#steps)\n",
            "guide/install.md": "# Install\n\n## Steps\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [])
        XCTAssertTrue(page(result, "index.html").contains(##"<a href="guide/install.html?tab=cli#steps">q</a> <a href="guide/install.html#steps">space</a>"##))
    }

    func testLongAssetNamesAreCutCleanly() {
        let name = AssetCatalog.hashedName(String(repeating: "a", count: 59) + " b.txt", bytes: [1])
        XCTAssertEqual(name, "_assets/\(String(repeating: "a", count: 59))-\(ContentHash.hex([1])).txt")
    }

    func testFolderMappedSpaceErrorsNameTheSpace() throws {
        let tree = try TempTree(["runsmith.yml": "spaces:\n  G: guide/\n", "README.md": "# A\n\n[x](https://app.gitbook.com/s/G/nope)\n", "guide/a.md": "# A\n"])
        XCTAssertEqual(lines(tree.check().diagnostics), ["README.md:3:1: error: link target '/guide/nope' not found (GitBook space 'G' is mapped to guide/)"])
    }

    func testLinksToUnreadablePagesSaySo() throws {
        let tree = try TempTree(["SUMMARY.md": "* [Home](README.md)\n* [Bin](bin.md)\n", "README.md": "# Home\n\n[bin](bin.md)\n"])
        try tree.write("bin.md", Data([0x23, 0x00]))
        XCTAssertEqual(lines(tree.check().diagnostics), [
            "README.md:3:1: error: 'bin.md' links to a page that could not be read (see its own error)",
            "bin.md:1:2: error: file looks binary (NUL byte at byte offset 1), not markdown",
        ])
    }

    func testTemplateErrorPositionsStayInsideTheText() throws {
        let tree = try TempTree(["README.md": "# A\n", "templates/toc.mustache": "{{#nav}}\n"])
        let location = tree.check().diagnostics.first?.location
        // At the section never closed, not past the end where the parser stopped.
        XCTAssertEqual(location, SourceLocation(path: "templates/toc.mustache", line: 1, column: 1))
    }

    func testMissingAttachmentIsNamedAsAFile() throws {
        let tree = try TempTree(["README.md": "# A\n\n{% file src=\"missing.zip\" %}\n"])
        XCTAssertEqual(lines(tree.check().diagnostics), ["README.md:3:1: error: file 'missing.zip' not found"])
    }

    func testHidingTheTitleKeepsTheLead() throws {
        let tree = try TempTree(["README.md": "---\ndescription: Lead text.\nlayout:\n  title:\n    visible: false\n---\n# Hidden title\n\nBody.\n"])
        let html = page(tree.check(), "index.html")
        XCTAssertFalse(html.contains("<h1"))
        XCTAssertTrue(html.contains("<p class=\"rs-lead\">Lead text.</p>"))
    }

    func testUnreadablePagesAreReportedNotWritten() throws {
        let tree = try TempTree(["README.md": "# Home\n\n[bin](bin.md)\n", "bad-yaml.md": "---\ntitle: [\n---\n# X\n"])
        try tree.write("bin.md", Data([0x23, 0x20, 0x00, 0x01]))
        let result = tree.check()
        XCTAssertEqual(result.diagnostics.map(\.code), [.brokenLink, .invalidYaml, .binaryFile])
        XCTAssertEqual(result.pageCount, 1)
        XCTAssertNil(result.files["bin.html"])
        XCTAssertFalse(page(result, "index.html").contains("bin.html"), "no sidebar or body link to a page that was not written")
    }
}
