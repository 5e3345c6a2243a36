import Foundation
import XCTest
@testable import Runsmith

/// Docusaurus' link rules (docs/docusaurus.md, "How links resolve"): where a `.md` link's file is looked
/// up, which doc is a folder's index, and routes under `/docs/next/`.
final class DocusaurusLinkTests: XCTestCase {
    private func page(_ result: SiteBuilder.Result, _ route: String) -> String {
        String(decoding: result.files[route] ?? [], as: UTF8.self)
    }

    private func pages(_ result: SiteBuilder.Result) -> [String] {
        result.files.keys.filter { $0.hasSuffix(".html") && !$0.hasPrefix("_runsmith/") }.sorted()
    }

    func testABareLinkIsLookedUpNextToTheFileThenInTheDocsFolder() throws {
        let tree = try TempTree([
            "docusaurus.config.js": "module.exports = {}\n",
            "docs/guides/setup.md": "# Setup\n\n## Options\n",
            "docs/sibling.md": "# Root sibling\n",
            "docs/other/sibling.md": "# Near sibling\n",
            "docs/other/page.md": """
            # Page

            [bare](guides/setup.md), [up](../guides/setup.md) and [near](sibling.md).

            [dot](./guides/setup.md) [dot-dot](../other/guides/setup.md)

            """,
        ])
        let result = tree.check()
        // `./` and `../` never leave the file's folder, even when the docs folder has the file.
        XCTAssertEqual(lines(result.diagnostics), [
            "docs/other/page.md:5:1: error: link target './guides/setup.md' not found ('./' and '../' links are looked up only next to the file; docs/guides/setup.md is reached as '/guides/setup.md')",
            "docs/other/page.md:5:26: error: link target '../other/guides/setup.md' not found",
        ])
        // Next to the file first (3.9+): `sibling.md` is docs/other/sibling.md, not docs/sibling.md.
        XCTAssertTrue(page(result, "docs/other/page.html").contains(
            #"<a href="../guides/setup.html">bare</a>, <a href="../guides/setup.html">up</a> and <a href="sibling.html">near</a>."#),
                      page(result, "docs/other/page.html"))
    }

    /// The same links from the site folder (`docs/` inside) and from the docs folder itself.
    func testRootAbsoluteAndSiteLinksFromEitherRoot() throws {
        for docs in ["docs/", ""] {
            var files = [
                docs + "guides/setup.md": "# Setup\n",
                docs + "other/page.md": """
                # Page

                [content](/guides/setup.md) [site](/docs/guides/setup.md) [alias](@site/docs/guides/setup.md)

                [gone](/guides/gone.md)

                """,
            ]
            files[docs.isEmpty ? "runsmith.yml" : "docusaurus.config.js"] = docs.isEmpty ? "flavor: docusaurus\n" : "module.exports = {}\n"
            let result = try TempTree(files).check()
            XCTAssertEqual(lines(result.diagnostics), ["\(docs)other/page.md:5:1: error: link target '/guides/gone.md' not found"], docs)
            XCTAssertTrue(page(result, docs + "other/page.html").contains(
                #"<a href="../guides/setup.html">content</a> <a href="../guides/setup.html">site</a> <a href="../guides/setup.html">alias</a>"#),
                          page(result, docs + "other/page.html"))
        }
    }

    func testQueryAndFragmentAreKeptAndTheAnchorChecked() throws {
        let tree = try TempTree([
            "docs/guides/setup.mdx": "# Setup\n\n## Options\n",
            "docs/intro.mdx": "# Intro\n\n[opts](guides/setup.mdx?tab=cli#options) [bad](/guides/setup.mdx?tab=cli#nope)\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), ["docs/intro.mdx:3:42: error: anchor '#nope' not found in docs/guides/setup.mdx"])
        XCTAssertTrue(page(result, "docs/intro.html").contains(
            #"<a href="guides/setup.html?tab=cli#options">opts</a> <a href="guides/setup.html?tab=cli">bad</a>"#), page(result, "docs/intro.html"))
    }

    func testVersionedSitesPublishTheDocsFolderUnderNext() throws {
        let links = "# Intro\n\n[next](/docs/next/guides/setup#options) [home](/docs/next/) [old](/docs/1.0/guides/setup)\n"
        let versioned = try TempTree([
            "versions.json": #"["1.0"]"#,
            "docs/guides/setup.mdx": "# Setup\n\n## Options\n",
            "docs/intro.mdx": links,
            "docs/index.mdx": "# Home\n",
        ])
        let result = versioned.check()
        // Released versions live in versioned_docs/, which is not built.
        XCTAssertEqual(lines(result.diagnostics), ["docs/intro.mdx:3:61: error: link target '/docs/1.0/guides/setup' not found"])
        XCTAssertTrue(page(result, "docs/intro.html").contains(#"<a href="guides/setup.html#options">next</a> <a href="index.html">home</a>"#),
                      page(result, "docs/intro.html"))
        // Without versions.json there is no `next`.
        let plain = try TempTree(["docs/guides/setup.mdx": "# Setup\n\n## Options\n", "docs/intro.mdx": links, "docs/index.mdx": "# Home\n"])
        XCTAssertEqual(lines(plain.check().diagnostics), [
            "docs/intro.mdx:3:1: error: link target '/docs/next/guides/setup#options' not found",
            "docs/intro.mdx:3:41: error: link target '/docs/next/' not found",
            "docs/intro.mdx:3:61: error: link target '/docs/1.0/guides/setup' not found",
        ])
    }

    func testAFolderIndexIsIndexReadmeOrTheFolderName() throws {
        let tree = try TempTree([
            "docusaurus.config.js": "module.exports = {}\n",
            "docs/01_intro.md": "# Intro\n\n[tools](./tools/) [api](api) [releases](releases/releases.md) [setup](05_setup/setup.md)\n",
            "docs/releases/releases.md": "# Releases\n\n[here](./)\n",
            "docs/releases/v1.md": "# v1\n\n[a](./) [b](../releases/) [c](../releases) [d](./releases.md)\n",
            "docs/guides/index.md": "---\nid: guides-home\n---\n# Guides\n",
            "docs/tools/README.md": "# Tools\n",
            "docs/api/API.md": "# API\n",
            // Names are compared as written: `05_setup` is not `setup`.
            "docs/05_setup/setup.md": "# Setup\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [])
        XCTAssertEqual(pages(result), ["404.html", "docs/api/index.html", "docs/guides/index.html", "docs/intro.html", "docs/releases/index.html",
                                       "docs/releases/v1.html", "docs/setup/setup.html", "docs/tools/index.html", "index.html"])
        XCTAssertTrue(page(result, "docs/intro.html").contains(
            #"<a href="tools/index.html">tools</a> <a href="api/index.html">api</a> <a href="releases/index.html">releases</a> <a href="setup/setup.html">setup</a>"#),
                      page(result, "docs/intro.html"))
        XCTAssertTrue(page(result, "docs/releases/v1.html").contains(
            #"<a href="index.html">a</a> <a href="index.html">b</a> <a href="index.html">c</a> <a href="index.html">d</a>"#),
                      page(result, "docs/releases/v1.html"))
        XCTAssertTrue(page(result, "docs/releases/index.html").contains(#"<a href="index.html">here</a>"#), page(result, "docs/releases/index.html"))
        // The sidebar opens the folder with its index doc.
        let sidebar = try sidebarList(result)
        XCTAssertTrue(sidebar.contains(#"<a href="docs/releases/index.html">Releases</a>"#), sidebar)
    }

    func testNumberPrefixesFollowDocusaurus() {
        let cases = [
            "01_intro": "intro", "01-intro": "intro", "1.intro": "intro", "003 - my doc": "my doc", "01_-_x": "x",
            "2024-report": "report", "01 intro": "01 intro", "2021-11-report": "2021-11-report", "7.0-notes": "7.0-notes",
            "10_": "10_", "01- -x": "01- -x", "intro": "intro",
        ]
        for (name, stripped) in cases { XCTAssertEqual(DocusaurusRoutes.stripNumberPrefix(name), stripped, name) }
    }

    func testGitBookPagesKeepTheirOwnRules() throws {
        let tree = try TempTree([
            "SUMMARY.md": "# Summary\n\n* [Page](other/page.md)\n* [Setup](guides/setup.md)\n",
            "README.md": "# Home\n",
            "guides/setup.md": "# Setup\n",
            "other/page.md": "# Page\n\n[bare](guides/setup.md)\n",
        ])
        XCTAssertEqual(lines(tree.check().diagnostics), ["other/page.md:3:1: error: link target 'guides/setup.md' not found"])
    }

    /// A docs-only site (`routeBasePath: '/'`, seen in Escape-Technologies/docs) serves docs at the root:
    /// `/guides/setup` is a doc there, and a blog's own `routeBasePath` does not count.
    func testRouteBasePathFromTheConfig() throws {
        let config = """
        module.exports = {
          presets: [['classic', {
            blog: { routeBasePath: '/news' },
            docs: { routeBasePath: '/', sidebarPath: require.resolve('./sidebars.js') },
          }]],
        };

        """
        let tree = try TempTree([
            "docusaurus.config.js": config,
            "docs/01-guides/02-setup.mdx": "# Setup\n",
            "docs/01-guides/03-use.mdx": "# Use\n\nSee [setup](/guides/setup) and [gone](/guides/gone).\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), ["docs/01-guides/03-use.mdx:3:32: error: link target '/guides/gone' not found"])
        XCTAssertTrue(page(result, "docs/guides/use.html").contains("<a href=\"setup.html\">setup</a>"), page(result, "docs/guides/use.html"))
        XCTAssertEqual(DocusaurusConfig.docsRouteBase(in: config), "")
        XCTAssertEqual(DocusaurusConfig.docsRouteBase(in: "plugins: [['@docusaurus/plugin-content-docs', { routeBasePath: 'guides/' }]]"), "guides")
        XCTAssertNil(DocusaurusConfig.docsRouteBase(in: "blog: { routeBasePath: '/' }"))
    }
}
