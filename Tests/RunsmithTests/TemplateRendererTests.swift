import Foundation
import XCTest
@testable import Runsmith

/// `TemplateRenderer` renders the templates as swift-mustache does: whole builds made with each are
/// compared file by file (every page kind, runbook, checklist, tenant home and overview, the sidebar,
/// redirects), then the parser's own rules are checked on small templates.
final class TemplateRendererTests: XCTestCase {
    private func bothWays(_ root: URL) -> (ours: SiteBuilder.Result, reference: SiteBuilder.Result) {
        RunsmithTests.bothWays(root) { $0.rendersByReference = true }
    }

    func testTheExampleDocsRenderAsWithSwiftMustache() {
        let (ours, reference) = bothWays(repositoryRoot.appendingPathComponent("content"))
        XCTAssertTrue(ours.files.keys.contains { $0.hasSuffix("checklist.html") })
        assertSameBuild(ours, reference, how: "from swift-mustache")
    }

    func testTheFixturesRenderAsWithSwiftMustache() throws {
        let fixtures = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
        for tree in ["gitbook-mariadb/server", "docusaurus-ory"] {
            let root = fixtures.appendingPathComponent(tree)
            guard FileManager.default.fileExists(atPath: root.path) else { continue }
            let (ours, reference) = bothWays(root)
            assertSameBuild(ours, reference, how: "from swift-mustache in \(tree)")
        }
    }

    /// A project's own templates: comments, a partial indented on its own line, dotted names, `.`,
    /// `{{&name}}`, delimiters changed and set back, inverted sections, and values that need escaping.
    func testAProjectsOwnTemplatesRenderAsWithSwiftMustache() throws {
        let tree = try TempTree([
            "README.md": "---\ndescription: \"Tom & Jerry's <guide>\"\n---\n\n# Home \"quoted\"\n\n## One\n\n## Two\n",
            "guide.md": "# Guide\n",
            "templates/toc.mustache": "{{! the page's outline }}\n<ol>\n  {{#toc}}\n  <li class=\"{{#sub}}sub{{/sub}}\">{{text}}</li>\n  {{/toc}}\n</ol>\n",
            "templates/page.mustache": "<article>\n  {{> pageheader}}\n{{{body}}}\n{{=<% %>=}}<p><%title%></p><%={{ }}=%>\n{{^icon}}no icon{{/icon}}\n</article>\n",
            "templates/pageheader.mustache": "<header>\n<h1>{{title}}</h1>\n<p>{{&description}}|{{header.repository}}|{{#header.links}}{{.}}{{/header.links}}</p>\n</header>\n",
        ])
        let (ours, reference) = bothWays(tree.root)
        assertSameBuild(ours, reference, how: "from swift-mustache")
        let home = String(decoding: try XCTUnwrap(ours.files["index.html"]), as: UTF8.self)
        XCTAssertTrue(home.contains("  <header>\n  <h1>Home &quot;quoted&quot;</h1>\n"), home)
        XCTAssertTrue(home.contains("<p>Home &quot;quoted&quot;</p>"), home)
    }

    func testWhatDoesNotParseSaysWhereItStopped() {
        for (text, message, line) in [("ok\n{{#toc}}never closed\n", "expected section end", 2),
                                      ("{{#a}}{{/b}}", "expected section end", 1),
                                      ("x\n{{/a}}", "unexpected section end", 2),
                                      ("{{name", "unfinished tag", 1),
                                      ("{{$block}}{{/block}}", "'$block' is not a name (template inheritance and transforms are not read)", 1),
                                      ("{{ upper(name) }}", "'upper(name)' is not a name (template inheritance and transforms are not read)", 1)] {
            XCTAssertThrowsError(try TemplateSyntax.parse(text), text) { error in
                let error = error as? TemplateSyntaxError
                XCTAssertEqual(error?.message, message, text)
                XCTAssertEqual(error?.line, line, text)
            }
        }
    }
}
