import Foundation
import XCTest
@testable import Runsmith

/// The files a static host and search engines look for: `404.html` (always; the docs' own when they
/// have one) and, with `site_url`, `sitemap.xml`.
final class SiteFilesTests: XCTestCase {
    private func build(_ files: [String: String]) throws -> SiteBuilder.Result {
        let tree = try TempTree(files)
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [])
        return result
    }

    private func text(_ result: SiteBuilder.Result, _ path: String) -> String { String(decoding: result.files[path] ?? [], as: UTF8.self) }

    func testTheSitemapListsTheSidebarsPagesOnSiteURL() throws {
        let result = try build([
            "runsmith.yml": "site_url: https://docs.example.com/\n",
            "SUMMARY.md": "# Summary\n\n* [Home](README.md)\n* [Café & tea](guides/café.md)\n* [Secret](secret.md)\n",
            "README.md": "# Home\n", "guides/café.md": "# Café\n", "secret.md": "---\nhidden: true\n---\n# Secret\n",
        ])
        XCTAssertEqual(text(result, "sitemap.xml"), """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
        <url><loc>https://docs.example.com/</loc></url>
        <url><loc>https://docs.example.com/guides/caf%C3%A9</loc></url>
        </urlset>

        """)
        // The 404 page can be shown at any depth: with site_url its links are absolute.
        let missing = text(result, "404.html")
        XCTAssertTrue(missing.contains("<title>Page not found · Home</title>"), missing)
        XCTAssertTrue(missing.contains(#"<link rel="stylesheet" href="https://docs.example.com/_runsmith/runsmith.css">"#), missing)
        XCTAssertTrue(missing.contains(#"<a href="https://docs.example.com/">Go to the home page</a>"#), missing)
        XCTAssertTrue(missing.contains(#"<meta name="robots" content="noindex">"#))
    }

    func testWithoutSiteURLThereIsNoSitemapAndThe404LinksFromTheRoot() throws {
        let result = try build(["README.md": "# Home\n", "a.md": "# A\n"])
        XCTAssertNil(result.files["sitemap.xml"])
        XCTAssertTrue(text(result, "404.html").contains(#"<a href="index.html">Go to the home page</a>"#))
    }

    func testEachPageLinksItsSourceForEditing() throws {
        let result = try build([
            "runsmith.yml": "edit_url: https://github.com/acme/docs/edit/main/content/{path}\n",
            "README.md": "# Home\n", "guides/café setup.md": "# Café\n",
        ])
        XCTAssertTrue(text(result, "guides/café setup.html").contains(
            #"<p class="rs-edit"><a href="https://github.com/acme/docs/edit/main/content/guides/caf%C3%A9%20setup.md">Edit this page</a></p>"#))
        XCTAssertTrue(text(result, "index.html").contains("content/README.md\">Edit this page</a>"))
        XCTAssertFalse(text(try build(["README.md": "# Home\n"]), "index.html").contains("rs-edit"), "no edit_url, no link")
    }

    func testTheDocsOwn404PageIsKept() throws {
        let result = try build(["README.md": "# Home\n", "404.md": "# Lost?\n\nOur own words.\n"])
        XCTAssertTrue(text(result, "404.html").contains("Our own words."))
    }
}
