import Foundation
import XCTest
@testable import Runsmith

/// Non-ASCII text — accents, Cyrillic, CJK, emoji and U+202F (the narrow no-break space French writes
/// before `:`) — reaches every channel byte for byte: markdown, raw HTML blocks, inline tags and their
/// attributes, image and include file names, tenant values, titles, the sidebar, the runbook JSON,
/// the checklist and the single file.
final class UnicodeChannelTests: XCTestCase {
    /// With `&` and `<`, so that a channel escaping differently from the others shows.
    static let text = "Ünïcödé Привет 日本語 😀 prêt\u{202F}: R&D 1<2"

    private func build(singleFile: Bool = false) throws -> (TempTree, SiteBuilder.Result) {
        let s = Self.text
        let tree = try TempTree([
            "SUMMARY.md": "# Table of contents\n\n* [Accueil \(s)](README.md)\n* [Guide \(s)](guide/über.md)\n",
            "README.md": """
            # Accueil \(s)

            Markdown \(s).

            <p title="\(s)">HTML block \(s)</p>

            Inline <span title="\(s)">tag \(s)</span>.

            ![\(s)](<images/café 日本.png>)

            <figure><img src="images/café 日本.png" alt="\(s)"><figcaption>\(s)</figcaption></figure>

            {% include "includes/ünï 😀.md" %}

            See [the guide](guide/über.md#etape-ri-ben) ([as older exports link it](guide/über.md#étape-日本)).

            """,
            "includes/ünï 😀.md": "Included \(s).\n",
            "guide/über.md": "# Guide \(s)\n\n## Étape 日本\n\nRun `login --org {{ vars.org }}`.\n",
            "tenants/schema.yml": "variables:\n  org: { type: string, required: true }\n",
            "tenants/acme.yml": "id: acme\nname: \"Acmé \(s)\"\nvars: { org: \"\(s)\" }\n",
            "runbooks/r.yml": """
            title: "Mise en route \(s) {{ tenant.name }}"
            sections:
              - page: guide/über.md
                step: true
                verify: "Vérifier \(s)"

            """,
        ])
        try tree.write("images/café 日本.png", Data([0x89, 0x50, 0x4E, 0x47]))
        var options = SiteBuilder.Options(root: tree.root, output: tree.output)
        options.singleFile = singleFile
        return (tree, SiteBuilder(options: options).run())
    }

    private func file(_ result: SiteBuilder.Result, _ path: String) throws -> String {
        String(decoding: try XCTUnwrap(result.files[path], path), as: UTF8.self)
    }

    func testEveryPageChannelKeepsTheText() throws {
        let escaped = HTMLText.escape(Self.text)
        let (_, result) = try build()
        XCTAssertEqual(lines(result.diagnostics), [])
        let home = try file(result, "index.html")
        XCTAssertTrue(home.contains("<title>Accueil \(escaped)"), "title")
        XCTAssertTrue(home.contains("<p>Markdown \(escaped).</p>"), "markdown")
        XCTAssertTrue(home.contains("<p title=\"\(escaped)\">HTML block \(escaped)</p>"), "raw HTML block and attribute")
        XCTAssertTrue(home.contains("Inline <span title=\"\(escaped)\">tag \(escaped)</span>."), "inline tag and attribute")
        XCTAssertTrue(home.contains("alt=\"\(escaped)\""), "image alt")
        XCTAssertTrue(home.contains("<figcaption>\(escaped)</figcaption>"), "figure caption")
        XCTAssertTrue(home.contains("<p>Included \(escaped).</p>"), "include with a non-ASCII name")
        XCTAssertEqual(result.copies.count, 1, "the image with a non-ASCII name is found and copied once")
        XCTAssertTrue(home.contains("href=\"guide/%C3%BCber.html#etape-ri-ben\""), "link to a non-ASCII file and its heading: \(home)")
        let sidebar = try sidebarList(result)
        XCTAssertTrue(sidebar.contains("Guide \(escaped)"), sidebar)
        XCTAssertTrue(sidebar.contains("Accueil \(escaped)"), sidebar)
        XCTAssertFalse(home.contains("Ã"), "no UTF-8 read as Latin-1 anywhere")
    }

    func testEveryRunbookChannelKeepsTheTenantsText() throws {
        let escaped = HTMLText.escape(Self.text)
        let (_, result) = try build()
        let page = try file(result, "_tenants/acme/r/index.html")
        XCTAssertTrue(page.contains("<title>Mise en route \(escaped) Acmé \(escaped)"), page)
        XCTAssertTrue(page.contains("<code>login --org \(escaped)</code>"), "tenant value in code")
        XCTAssertTrue(page.contains("Vérifier \(escaped)"), "verify")
        let checklist = try file(result, "_tenants/acme/r/checklist.html")
        XCTAssertTrue(checklist.contains("Vérifier \(escaped)"), checklist)
        XCTAssertTrue(checklist.contains("Mise en route \(escaped) Acmé \(escaped)"), checklist)
        let json = try XCTUnwrap(JSONSerialization.jsonObject(with: Data(try XCTUnwrap(result.files["_tenants/acme/r/runbook.json"]))) as? [String: Any])
        XCTAssertEqual(json["title"] as? String, "Mise en route \(Self.text) Acmé \(Self.text)")
        let steps = try XCTUnwrap(json["steps"] as? [[String: Any]])
        XCTAssertEqual(steps.first?["title"] as? String, "Guide \(Self.text)")
        XCTAssertEqual(steps.first?["verify"] as? String, "Vérifier \(Self.text)")
    }

    func testTheSingleFileKeepsTheText() throws {
        let escaped = HTMLText.escape(Self.text)
        let (_, result) = try build(singleFile: true)
        let single = try file(result, "_tenants/acme/r.html")
        XCTAssertTrue(single.contains("Mise en route \(escaped) Acmé \(escaped)"), "single file title")
        XCTAssertTrue(single.contains("<code>login --org \(escaped)</code>"), "single file tenant value")
    }
}
