import Foundation
import XCTest
@testable import Runsmith

final class LoadTests: XCTestCase {
    func testRelativePathArithmetic() {
        XCTAssertEqual(RelativePath.resolve("../b/c.md", from: "a/x"), "a/b/c.md")
        XCTAssertEqual(RelativePath.resolve("/root.md", from: "a/b"), "root.md")
        XCTAssertEqual(RelativePath.resolve("./c.md", from: ""), "c.md")
        XCTAssertNil(RelativePath.resolve("../../etc/passwd", from: "a"))
        XCTAssertEqual(RelativePath.relative(from: "a/b/page.html", to: "a/c/other.html"), "../c/other.html")
        XCTAssertEqual(RelativePath.relative(from: "index.html", to: "a/b.html"), "a/b.html")
        XCTAssertEqual(RelativePath.relative(from: "a/page.html", to: "a/page.html"), "page.html")
        XCTAssertEqual(Routes.output(for: "guide/README.md"), "guide/index.html")
        XCTAssertEqual(Routes.output(for: "guide/setup.md"), "guide/setup.html")
        XCTAssertEqual(Routes.published(for: "guide/README.md"), "guide")
        XCTAssertEqual(Routes.published(for: "guide/setup.mdx"), "guide/setup")
    }

    func testContentTreeListsFilesAndRefusesEscapingSymlinks() throws {
        let tree = try TempTree(["a.md": "# A\n", "sub/b.md": "# B\n", ".git/config": "x", "node_modules/x/y.md": "z"])
        try FileManager.default.createSymbolicLink(atPath: tree.root.appendingPathComponent("out.md").path, withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(atPath: tree.root.appendingPathComponent("in.md").path, withDestinationPath: "a.md")
        let content = try ContentTree(root: tree.root)
        XCTAssertEqual(content.files, ["a.md", "in.md", "sub/b.md"])
        XCTAssertEqual(content.escapingLinks, ["out.md"])
        XCTAssertThrowsError(try content.read("out.md"))
        XCTAssertThrowsError(try content.read("../etc/hostname"))
        XCTAssertEqual(try content.read("in.md"), Array("# A\n".utf8))
    }

    /// `FileBytes` reads what Foundation reads, at every size around its buffers' (empty, one byte, 4,096
    /// ± 1, a megabyte and a bit, non-ASCII bytes), and fails as Foundation fails: a missing file, a
    /// folder, a file it may not read.
    func testFileBytesReadsWhatFoundationReads() throws {
        let tree = try TempTree([:])
        var names: [String] = []
        for size in [0, 1, 4_095, 4_096, 4_097, 1_048_583] {
            names.append("f\(size).md")
            // Cut anywhere, through a character too: the bytes are read as they are.
            try tree.write(names.last!, Data(String(repeating: "é東😀x\u{202F}\n", count: size / 4 + 1).utf8.prefix(size)))
        }
        for name in names {
            let path = tree.root.appendingPathComponent(name).path
            XCTAssertEqual(try FileBytes.read(path), [UInt8](try Data(contentsOf: URL(fileURLWithPath: path))), name)
        }
        try FileManager.default.createDirectory(at: tree.root.appendingPathComponent("folder"), withIntermediateDirectories: true)
        try tree.write("locked.md", Data("secret".utf8))
        chmod(tree.root.appendingPathComponent("locked.md").path, 0)
        // Root reads a file whatever its mode: there, the locked file is read like any other.
        for name in ["missing.md", "folder"] + (getuid() == 0 ? [] : ["locked.md"]) {
            let path = tree.root.appendingPathComponent(name).path
            var ours: Error?, theirs: Error?
            XCTAssertThrowsError(try FileBytes.read(path)) { ours = $0 }
            XCTAssertThrowsError(try Data(contentsOf: URL(fileURLWithPath: path))) { theirs = $0 }
            XCTAssertEqual((ours as? CocoaError)?.code, (theirs as? CocoaError)?.code, name)
        }
    }

    func testSiteConfigDecodesEveryKeyAndRejectsUnknownOnes() {
        let (config, diagnostics) = SiteConfig.decode("""
        title: Docs
        flavor: gitbook
        site_url: https://docs.example.com/
        slug_preset: github
        spaces:
          abc: https://x.example.com
          def: other-space/
        severity:
          missing-anchor: warning
          unknown-space: off
        """)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(config.title, "Docs")
        XCTAssertEqual(config.flavor, .gitbook)
        XCTAssertEqual(config.siteURL, "https://docs.example.com")
        XCTAssertEqual(config.slugPreset, .github)
        XCTAssertEqual(config.spaces, ["abc": "https://x.example.com", "def": "other-space/"])
        XCTAssertEqual(config.severity[.missingAnchor], .some(.warning))
        XCTAssertEqual(config.severity[.unknownSpace], .some(nil))

        let bad = SiteConfig.decode("flavor: hugo\nslug: x\nsite_url: ftp://x\nedit_url: https://github.com/o/r/edit/main/\n").1
        XCTAssertEqual(lines(bad), [
            "runsmith.yml:1:1: error: flavor must be one of: gitbook, docusaurus",
            "runsmith.yml:2:1: error: unknown key 'slug' in runsmith.yml",
            "runsmith.yml:3:1: error: site_url must be an http(s) URL",
            "runsmith.yml:4:1: error: edit_url must be an http(s) URL with {path} where the page's file goes",
        ])
        XCTAssertEqual(lines(SiteConfig.decode("flavor: [gitbook\n").1).first?.hasPrefix("runsmith.yml:2:1: error: invalid YAML"), true)
    }

    func testLimitsAreReadFromTheConfigAndNamedWhenReached() throws {
        let (config, problems) = SiteConfig.decode("limits:\n  includes: 3\n  include_depth: 2\n  expanded_bytes: 1000\n")
        XCTAssertEqual(problems, [])
        XCTAssertEqual([config.limits.maxIncludes, config.limits.maxIncludeDepth, config.limits.maxExpandedBytes], [3, 2, 1000])
        XCTAssertEqual(lines(SiteConfig.decode("limits:\n  include: 3\n  includes: -1\n").1), [
            "runsmith.yml:2:3: error: limits: unknown limit 'include'",
            "runsmith.yml:3:13: error: limits: includes must be a whole number above 0",
        ])
        let tree = try TempTree(["runsmith.yml": "limits:\n  includes: 3\n", "README.md": "# Home\n\n"
            + String(repeating: "{% include \"part.md\" %}\n\n", count: 4), "part.md": "Part.\n"])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), ["README.md:9:1: error: page expands more than the limit of 3 includes and partials"])
        XCTAssertEqual(result.diagnostics.first?.note, "raise `limits: includes:` in runsmith.yml, or include a shared file once rather than in every include")
    }

    func testGitBookConfig() {
        let (config, diagnostics) = GitBookConfig.decode("root: ./docs/\nstructure:\n  readme: intro.md\n  summary: nav.md\nredirects:\n  old: new.md\n")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(config.root, "docs")
        XCTAssertEqual(config.readme, "intro.md")
        XCTAssertEqual(config.summary, "nav.md")
        XCTAssertEqual(config.redirects.map { "\($0.from)→\($0.to)" }, ["old→new.md"])
        XCTAssertEqual(lines(GitBookConfig.decode("structure:\n  readmee: x\n").1), ["\(GitBookConfig.fileName):2:3: error: unknown key 'readmee' in structure"])
    }

    func testSummaryParsesGroupsNestingEscapesAndTooltips() {
        let text = """
        # Table of contents

        * [Intro](README.md)
          * [A \\& B](a.md "Tip")

        ## Guides

        * [Guide](guide/)
        * [External](https://example.com)
        * Label only
          * [Nested](b.md)
        """
        let files: Set<String> = ["README.md", "a.md", "guide/README.md", "b.md"]
        let (summary, diagnostics) = Summary.parse(Array(text.utf8), path: "SUMMARY.md") { link in
            files.contains(link) ? link : (files.contains(link + "README.md") ? link + "README.md" : nil)
        }
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(summary.groups.map(\.title), [nil, "Guides"])
        XCTAssertEqual(summary.groups[0].entries[0].children[0].title, "A & B")
        XCTAssertEqual(summary.groups[0].entries[0].children[0].tooltip, "Tip")
        XCTAssertEqual(summary.groups[1].entries.map(\.title), ["Guide", "External", "Label only"])
        XCTAssertEqual(summary.groups[1].entries[1].url, "https://example.com")
        XCTAssertEqual(summary.pages, ["README.md", "a.md", "guide/README.md", "b.md"])
    }

    func testFlavorDetection() throws {
        func detect(_ files: [String: String]) throws -> Flavor {
            let tree = try TempTree(files)
            return FlavorDetector.detect(try ContentTree(root: tree.root))
        }
        XCTAssertEqual(try detect(["SUMMARY.md": "", "a.md": ""]), .gitbook)
        XCTAssertEqual(try detect(["docs/a.mdx": ""]), .docusaurus)
        XCTAssertEqual(try detect(["docusaurus.config.ts": "", "a.md": ""]), .docusaurus)
        XCTAssertEqual(try detect([".gitbook/assets/x.png": "", "a.mdx": ""]), .gitbook)
    }

    func testParseKeepsByteColumnsAndExtensionNodes() {
        let doc = MarkdownDocument(bytes: Array("café *x*\n\n| a |\n|---|\n| ~~b~~ |\n\n- [x] done\n".utf8))
        let nodes = doc.root.descendants()
        let emphasis = nodes.first { $0.kind == .emphasis }!
        XCTAssertEqual([emphasis.startLine, emphasis.startColumn], [1, 7], "SOURCEPOS columns are bytes")
        XCTAssertTrue(nodes.contains { $0.kind == .table })
        XCTAssertTrue(nodes.contains { $0.kind == .strikethrough })
        XCTAssertTrue(nodes.contains { $0.isTaskItem })
    }
}
