import Foundation
import XCTest
@testable import Runsmith

/// runsmith.yml's `logo:`, `links:` and `repository:`: checked where they are written, shown on every
/// page, the logo travelling with the theme into tenant folders, the repository kept off tenants' pages.
final class SiteHeaderTests: XCTestCase {
    static let config = """
        title: Café Docs
        logo: brand/mark.svg
        links:
          - title: Statut & <état> ✓
            url: https://status.example.com/?a=1&b=2
        repository: https://github.com/acme/docs/

        """

    func testEachBadValueIsAnErrorWhereItIsWritten() {
        let (_, problems) = SiteConfig.decode("""
            logo: ../outside.svg
            links:
              - title: Status
                url: javascript:alert(1)
              - title: Extra
                url: https://x.example
                target: _blank
              - just text
            repository: git@github.com:acme/docs.git

            """)
        XCTAssertEqual(lines(problems), [
            "runsmith.yml:1:1: error: logo must be an image file inside the docs root (gif, jpeg, jpg, png, svg, webp)",
            "runsmith.yml:3:5: error: links: 'Status' must have an http(s) URL",
            "runsmith.yml:5:5: error: links: each link is `title:` and `url:`, nothing else",
            "runsmith.yml:8:5: error: links: each link is `title:` and `url:`, nothing else",
            "runsmith.yml:9:1: error: repository must be an http(s) URL",
        ])
        XCTAssertEqual(SiteConfig.decode("logo: brand/mark.txt\n").1.map(\.code), [.invalidConfig])
    }

    func testTheRepositoryIsNamedByItsHost() {
        func name(_ url: String) -> String? { var h = HeaderConfig(); h.repository = url; return h.repositoryName }
        XCTAssertEqual(name("https://github.com/a/b"), "GitHub")
        XCTAssertEqual(name("https://gitlab.example.org/a/b"), "GitLab")
        XCTAssertEqual(name("https://bitbucket.org/a/b"), "Bitbucket")
        XCTAssertEqual(name("https://dev.azure.com/org/p/_git/r"), "Azure Repos")
        XCTAssertEqual(name("https://git.example.com/docs"), "Repository")
        XCTAssertEqual(name("https://notgithub.com/docs"), "Repository")
    }

    func testEveryPageShowsTheHeaderAndTenantsGetTheLogoButNotTheRepository() throws {
        var files = oneStepRunbook(steps: "Do it.\n")
        files["runsmith.yml"] = Self.config
        let tree = try TempTree(files)
        try tree.write("brand/mark.svg", Data("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8))
        let result = tree.check()
        XCTAssertFalse(result.hasErrors, lines(result.diagnostics).joined(separator: "\n"))
        let docs = String(decoding: try XCTUnwrap(result.files["index.html"]), as: UTF8.self)
        XCTAssertTrue(docs.contains("<a class=\"rs-site-title\" href=\"index.html\"><img class=\"rs-logo\" src=\"_runsmith/logo.svg\" alt=\"\" height=\"28\">Café Docs</a>"), docs)
        XCTAssertTrue(docs.contains("<li><a href=\"https://status.example.com/?a=1&amp;b=2\">Statut &amp; &lt;état&gt; ✓</a></li>"), docs)
        XCTAssertTrue(docs.contains("<a class=\"rs-repo\" href=\"https://github.com/acme/docs\"><span>GitHub</span></a>"), docs)
        XCTAssertEqual(result.files["_runsmith/logo.svg"], Array("<svg xmlns='http://www.w3.org/2000/svg'/>".utf8))
        XCTAssertNotNil(result.files["_tenants/acme/_runsmith/logo.svg"], "a tenant folder stands alone")
        for page in ["_tenants/acme/index.html", "_tenants/acme/r/index.html", "_tenants/acme/r/checklist.html"] {
            let html = String(decoding: try XCTUnwrap(result.files[page], page), as: UTF8.self)
            XCTAssertTrue(html.contains("src=\"") && html.contains("_runsmith/logo.svg\""), page)
            XCTAssertTrue(html.contains("Statut &amp; &lt;état&gt; ✓"), page)
            XCTAssertFalse(html.contains("github.com/acme"), "\(page): the docs' repository is not for customers")
        }
    }

    func testAMissingLogoIsAnErrorAtItsLine() throws {
        let tree = try TempTree(["runsmith.yml": "title: T\nlogo: brand/none.png\n", "README.md": "# Home\n"])
        XCTAssertEqual(lines(tree.check().diagnostics), ["runsmith.yml:2:7: error: logo 'brand/none.png' does not exist"])
    }
}
