import Foundation
import XCTest
@testable import Runsmith

/// Docusaurus trees: routes, sidebar, links and images, built as a whole.
final class DocusaurusSiteTests: XCTestCase {
    private func page(_ result: SiteBuilder.Result, _ route: String) -> String {
        String(decoding: result.files[route] ?? [], as: UTF8.self)
    }

    func testNumberPrefixesIdsAndSlugsDecideRoutes() {
        XCTAssertEqual(DocusaurusRoutes.stripNumberPrefix("10_config-with-cli"), "config-with-cli")
        XCTAssertEqual(DocusaurusRoutes.stripNumberPrefix("01-intro"), "intro")
        XCTAssertEqual(DocusaurusRoutes.stripNumberPrefix("2024report"), "2024report")
        var fm = Frontmatter()
        XCTAssertEqual(DocusaurusRoutes.published(for: "05_guides/10_config-with-cli.mdx", frontmatter: fm), "guides/config-with-cli")
        fm.id = "cli"
        XCTAssertEqual(DocusaurusRoutes.published(for: "05_guides/10_config-with-cli.mdx", frontmatter: fm), "guides/cli")
        fm.slug = "setup"
        XCTAssertEqual(DocusaurusRoutes.published(for: "05_guides/10_config-with-cli.mdx", frontmatter: fm), "guides/setup")
        fm.slug = "/elsewhere/setup"
        XCTAssertEqual(DocusaurusRoutes.published(for: "05_guides/10_config-with-cli.mdx", frontmatter: fm), "elsewhere/setup")
        XCTAssertEqual(DocusaurusRoutes.published(for: "guides/index.md", frontmatter: Frontmatter()), "guides")
    }

    func testSeedShapedPageRendersAsTheWriterMeant() throws {
        let tree = try TempTree([
            "docusaurus.config.js": "module.exports = {}\n",
            "docs/getting-started.md": """
            ---
            sidebar_position: 2
            ---

            # Getting started

            <figure>

            ![Architecture](./static/arch.png)

            <figcaption>How the parts fit.</figcaption>
            </figure>

            Next, read [the setup guide](./setup.md) and [its options](./setup.md#options).

            """,
            "docs/setup.md": "---\nsidebar_position: 1\ntitle: Setup\n---\n\n## Options\n",
        ])
        try tree.write("docs/static/arch.png", Data([1, 2, 3]))
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [])
        let html = page(result, "docs/getting-started.html")
        XCTAssertTrue(html.contains("""
        <figure>
        <p><img src="static/arch-\(ContentHash.hex([1, 2, 3])).png" alt="Architecture" /></p>
        <figcaption>How the parts fit.</figcaption>
        </figure>
        """.replacingOccurrences(of: "static/arch", with: "../_assets/arch")), html)
        XCTAssertTrue(html.contains(#"<a href="setup.html">the setup guide</a> and <a href="setup.html#options">its options</a>"#), html)
        // sidebar_position puts Setup first although its name sorts last.
        XCTAssertTrue(html.contains(#"<a class="rs-prev" rel="prev" href="setup.html"><span class="rs-pager-label">Previous</span> Setup</a>"#), html)
    }

    func testRouteLinksDocIdsCategoriesAndPagination() throws {
        let tree = try TempTree([
            "docs/10_intro.mdx": "---\nid: intro\ntitle: Intro\npagination_next: null\n---\n\nSee [data](./guides/data-mapping), [by route](/docs/guides/cli#flags), [slugged](./guides/sizing) and ![logo](/img/logo.png).\n\n[file from the docs root](/20_guides/30_size.mdx)\n",
            "docs/20_guides/_category_.json": #"{"label": "How-to guides", "position": 1, "link": {"type": "generated-index"}}"#,
            "docs/20_guides/20_data-mapping.mdx": "---\nsidebar_label: Mapping\nsidebar_position: 2.5\n---\n# Data mapping\n",
            "docs/20_guides/10_cli.mdx": "---\nsidebar_position: 3\nhide_title: true\nhide_table_of_contents: true\n---\n# CLI\n\n## Flags\n\n## More\n",
            "docs/20_guides/30_size.mdx": "---\nslug: sizing\npagination_prev: intro\n---\n# Sizing\n\n![shot](_static/shot.png)\n",
            "sidebars.js": "module.exports = {}\n",
        ])
        try tree.write("static/img/logo.png", Data([9]))
        try tree.write("docs/20_guides/_static/shot.png", Data([8]))
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), ["sidebars.js:1:1: warning: sidebars.js is JavaScript, which Runsmith does not run: the sidebar follows the folders"])
        XCTAssertEqual(result.files.keys.filter { $0.hasSuffix(".html") && !$0.hasPrefix("_runsmith/") }.sorted(),
                       ["404.html", "docs/guides/cli.html", "docs/guides/data-mapping.html", "docs/guides/index.html", "docs/guides/sizing.html",
                        "docs/intro.html", "index.html"])
        let intro = page(result, "docs/intro.html")
        XCTAssertTrue(intro.contains(#"<a href="guides/data-mapping.html">data</a>, <a href="guides/cli.html#flags">by route</a>, <a href="guides/sizing.html">slugged</a>"#), intro)
        XCTAssertTrue(intro.contains("<img src=\"../_assets/logo-\(ContentHash.hex([9])).png\" alt=\"logo\" />"), intro)
        XCTAssertFalse(intro.contains("rs-next"), "pagination_next: null")
        XCTAssertTrue(intro.contains(#"<a href="guides/sizing.html">file from the docs root</a>"#), intro)
        // The category names and positions the folder; sidebar_position orders inside it.
        let sidebar = try sidebarList(result)
        XCTAssertTrue(sidebar.contains(#"<a href="docs/guides/index.html">How-to guides</a>"#), sidebar)
        let mapping = try XCTUnwrap(sidebar.range(of: ">Mapping</a>")).lowerBound, cli = try XCTUnwrap(sidebar.range(of: ">CLI</a>")).lowerBound
        XCTAssertLessThan(mapping, cli)
        // The category's generated index lists its items as cards, in sidebar order.
        let category = page(result, "docs/guides/index.html")
        XCTAssertTrue(category.contains("<h1>How-to guides</h1>"), category)
        let cards = category.components(separatedBy: "rs-card-link\" href=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        XCTAssertEqual(cards, ["data-mapping.html", "cli.html", "sizing.html"])
        // No README at the root: index.html forwards to the first page in reading order.
        XCTAssertTrue(page(result, "index.html").contains(#"<meta http-equiv="refresh" content="0; url=docs/guides/index.html">"#), page(result, "index.html"))
        let sizing = page(result, "docs/guides/sizing.html")
        XCTAssertTrue(sizing.contains(#"<a class="rs-prev" rel="prev" href="../intro.html"><span class="rs-pager-label">Previous</span> Intro</a>"#), sizing)
        XCTAssertTrue(sizing.contains("<img src=\"../../_assets/shot-\(ContentHash.hex([8])).png\" alt=\"shot\" />"), sizing)
        let cliPage = page(result, "docs/guides/cli.html")
        XCTAssertFalse(cliPage.contains("<h1"), "hide_title")
        XCTAssertFalse(cliPage.contains("rs-toc-list"), "hide_table_of_contents")
    }

    func testACategoryLinkedToADocOpensIt() throws {
        let tree = try TempTree([
            "docs/intro.mdx": "# Intro\n",
            "docs/guides/_category_.json": #"{"label": "Guides", "link": {"type": "doc", "id": "guides-home"}}"#,
            "docs/guides/overview.mdx": "---\nid: guides-home\n---\n# Guides overview\n",
        ])
        let sidebar = try sidebarList(tree.check())
        XCTAssertTrue(sidebar.contains(#"<a href="docs/guides/guides-home.html">Guides</a>"#), sidebar)
    }

    func testBrokenRouteLinksAndAnchorsAreLocated() throws {
        let tree = try TempTree([
            "docs/a.mdx": "# A\n\n[gone](./nowhere) and [anchor](./b#missing)\n",
            "docs/b.mdx": "# B\n\n## Sign in with GitHub!\n\n## Sign in with GitHub!\n\n[dup](#sign-in-with-github-1)\n",
        ])
        XCTAssertEqual(lines(tree.check().diagnostics), [
            "docs/a.mdx:3:1: error: link target './nowhere' not found",
            "docs/a.mdx:3:23: error: anchor '#missing' not found in docs/b.mdx",
        ])
    }

    /// Docusaurus: frontmatter `title` names the page (`<title>`, sidebar, pager); the page shows its `# heading`.
    func testFrontmatterTitleNamesThePageWhileItShowsItsHeading() throws {
        let tree = try TempTree([
            "docusaurus.config.js": "module.exports = {}\n",
            "docs/intro.md": "# Intro\n\nSee [the schema page](schema.md).\n",
            "docs/schema.md": "---\ntitle: How to get a schema\n---\n\n# GraphQL\n\nText.\n",
        ])
        let result = tree.build()
        XCTAssertEqual(lines(result.diagnostics), [])
        let schema = page(result, "docs/schema.html")
        XCTAssertTrue(schema.contains("<title>How to get a schema · "), schema)
        XCTAssertTrue(schema.contains(">GraphQL</h1>"), schema)
        let sidebar = try sidebarList(result)
        XCTAssertTrue(sidebar.contains(">How to get a schema<"), sidebar)
    }
}
