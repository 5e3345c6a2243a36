import Foundation
import XCTest
@testable import Runsmith

/// Builds the real, unmodified GitBook export in ../shared/fixtures/gitbook-mariadb/server.
/// The tree is a 21-page subset of a larger space, so its links to left-out pages are genuinely broken.
final class CorpusTests: XCTestCase {
    static let fixture = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/gitbook-mariadb/server")
    static let expected = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus/gitbook-mariadb.diagnostics")

    private func fixtureOrSkip() throws -> URL {
        guard FileManager.default.fileExists(atPath: Self.fixture.path) else {
            print("SKIP corpus test: \(Self.fixture.path) not found (the shared fixtures sit beside the repository)")
            throw XCTSkip("shared fixtures not present")
        }
        return Self.fixture
    }

    func testMariaDBGitBookTreeBuilds() throws {
        let root = try fixtureOrSkip()
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-corpus-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = SiteBuilder(options: .init(root: root, output: out)).run()

        XCTAssertTrue(result.hasErrors, "links to pages outside the subset are errors: the build exits 1")
        XCTAssertEqual(result.pageCount, 21)
        XCTAssertEqual(result.assetCount, 9, "all nine PNGs are referenced and copied")

        // The exact diagnostics, reviewed once by hand; each broken link is re-checked against the tree below.
        let actual = result.diagnostics.map { d in
            "\(d.location.map { "\($0)" } ?? ""): \(d.severity.rawValue): \(d.code): \(d.message)"
        }
        let expected = try String(contentsOf: Self.expected, encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(actual, expected)

        // Independent of the resolver: every "not found" target really is absent from the fixture.
        for d in result.diagnostics where d.code == .brokenLink {
            guard let loc = d.location, let quoted = d.message.split(separator: "'").dropFirst().first else { continue }
            let target = String(quoted.split(separator: "#").first ?? quoted)
            let base = loc.path == "SUMMARY.md" ? "" : RelativePath.directory(of: loc.path)
            guard let path = RelativePath.resolve(target, from: base) else { continue }
            for candidate in [path, path + "/README.md", path + ".md"] {
                XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent(candidate).path) && !candidate.hasSuffix("/"),
                               "\(candidate) exists, yet \(loc) reports it broken")
            }
        }
        // Missing anchors point at text that is not a heading in the target page.
        for d in result.diagnostics where d.code == .missingAnchor {
            let parts = d.message.split(separator: " ")
            let anchor = String(parts[1].dropFirst(2).dropLast())
            let file = String(parts.last!)
            let text = try String(contentsOf: root.appendingPathComponent(file), encoding: .utf8)
            let headings = text.split(separator: "\n").filter { $0.hasPrefix("#") }
            XCTAssertFalse(headings.contains { $0.contains(anchor) }, "\(anchor) is a heading of \(file)")
        }

        try assertNoLeftoverSyntaxAndNoBrokenImages(out)
    }

    /// Zero `{%`/`%}` outside `<code>`/`<pre>`, and every local `src` present in the output.
    func assertNoLeftoverSyntaxAndNoBrokenImages(_ out: URL, file: StaticString = #filePath, line: UInt = #line) throws {
        let enumerator = FileManager.default.enumerator(at: out, includingPropertiesForKeys: nil)!
        var pages = 0
        for case let url as URL in enumerator where url.pathExtension == "html" {
            pages += 1
            let html = try String(contentsOf: url, encoding: .utf8)
            let outsideCode = html
                .replacingOccurrences(of: "<pre[\\s\\S]*?</pre>", with: "", options: .regularExpression)
                .replacingOccurrences(of: "<code[\\s\\S]*?</code>", with: "", options: .regularExpression)
            XCTAssertFalse(outsideCode.contains("{%") || outsideCode.contains("%}"), "leftover directive in \(url.path)", file: file, line: line)
            let regex = try NSRegularExpression(pattern: ##"(?:src|srcset)="([^"#:]+)""##)
            for match in regex.matches(in: html, range: NSRange(html.startIndex..., in: html)) {
                let src = String(html[Range(match.range(at: 1), in: html)!]).split(separator: " ").first.map(String.init) ?? ""
                let target = url.deletingLastPathComponent().appendingPathComponent(src.removingPercentEncoding ?? src)
                XCTAssertTrue(FileManager.default.fileExists(atPath: target.path), "\(url.lastPathComponent): image \(src) missing", file: file, line: line)
            }
        }
        XCTAssertGreaterThan(pages, 0, file: file, line: line)
    }

    static let ory = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures/docusaurus-ory/docs")

    func testOryDocusaurusTreeBuilds() throws {
        guard FileManager.default.fileExists(atPath: Self.ory.path) else {
            print("SKIP corpus test: \(Self.ory.path) not found (the shared fixtures sit beside the repository)")
            throw XCTSkip("shared fixtures not present")
        }
        let tree = try TempTree([:])
        let result = SiteBuilder(options: .init(root: Self.ory, output: tree.output)).run()
        XCTAssertTrue(result.hasErrors, "links to pages outside the subset are errors")
        XCTAssertEqual(result.pageCount, 33, "33 pages; the two _common partials are not pages")
        XCTAssertEqual(result.assetCount, 11, "all eleven PNGs in _static/ are used")
        let actual = result.diagnostics.map { "\($0.location.map { "\($0)" } ?? ""): \($0.severity.rawValue): \($0.code): \($0.message)" }
        let expected = try String(contentsOf: Self.expected.deletingLastPathComponent().appendingPathComponent("docusaurus-ory.diagnostics"),
                                  encoding: .utf8).split(separator: "\n").map(String.init)
        XCTAssertEqual(actual, expected)
        for d in result.diagnostics where d.code == .brokenLink {
            // Every broken target lies outside the copied kratos/social-signin subset.
            XCTAssertFalse(d.message.contains("'./"), "a same-folder link is reported broken: \(d)")
        }
        try assertNoLeftoverSyntaxAndNoBrokenImages(tree.output)
        let enumerator = FileManager.default.enumerator(at: tree.output, includingPropertiesForKeys: nil)!
        for case let url as URL in enumerator where url.pathExtension == "html" {
            let text = try String(contentsOf: url, encoding: .utf8)
                .replacingOccurrences(of: "<pre[\\s\\S]*?</pre>", with: "", options: .regularExpression)
                .replacingOccurrences(of: "<code[\\s\\S]*?</code>", with: "", options: .regularExpression)
            XCTAssertNil(text.range(of: #"import \S+ from"#, options: .regularExpression), "import left in \(url.lastPathComponent)")
            for leftover in [":::", "{/*", "<Tabs", "<TabItem", "</TabItem", "<ConsoleLink", "<CodeBlock", "<Mermaid",
                             "<CodeFromRemote", "<BrowserWindow", "<JsonnetWarning", "<SocialSigninTroubleshooting", "mdx-code-block"] {
                XCTAssertFalse(text.contains(leftover), "\(leftover) left in \(url.lastPathComponent)")
            }
            XCTAssertNil(text.range(of: "</?[A-Z][A-Za-z]+[ />]", options: .regularExpression), "JSX tag left in \(url.lastPathComponent)")
        }
    }

    func testEmbeddedExampleBuildsCleanly() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-content-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = SiteBuilder(options: .init(root: repositoryRoot.appendingPathComponent("content"), output: out)).run()
        XCTAssertEqual(lines(result.diagnostics), [
            "integrations/azure-devops/troubleshooting.md:58:1: warning: GitBook integration block '@marketo/form' cannot be rendered offline; it was left out",
            "on-premises/20_install.mdx:79:30: warning: component <AdminConsoleLink> is only available inside Docusaurus: it is left out (its content, if any, is shown plainly)",
        ])
        XCTAssertFalse(result.hasErrors)
        XCTAssertGreaterThanOrEqual(result.pageCount, 10)
        try assertNoLeftoverSyntaxAndNoBrokenImages(out)
    }
}
