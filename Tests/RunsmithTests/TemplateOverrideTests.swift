import Foundation
import XCTest
@testable import Runsmith

/// A project's `templates/` folder replaces the runbook, checklist, runbooks index and category index
/// templates as it replaces the layout; the layout still goes around each of them. Tenant, runbook and
/// page text reach each page escaped exactly once.
final class TemplateOverrideTests: XCTestCase {
    static let text = PageTemplateTests.text
    static let escaped = PageTemplateTests.escaped
    /// The text inside a YAML double-quoted string. By scalars: `"` with a combining mark is one `Character`.
    static let yaml = String(String.UnicodeScalarView(PageTemplateTests.text.unicodeScalars.flatMap { $0 == "\"" ? ["\\", "\""] : [$0] }))

    /// One tenant, one runbook of two steps (the first with items), and the project templates given.
    private func runbookSite(_ templates: [String: String]) throws -> SiteBuilder.Result {
        let t = Self.yaml
        var files = [
            "runsmith.yml": "title: \"Site \(t)\"\n",
            "tenants/schema.yml": "variables:\n  org: { type: string, required: true }\n",
            "tenants/alpha.yml": "id: alpha\nname: \"\(t)\"\nvars: { org: a-org }\n",
            "README.md": "# Home\n",
            // `&lt;` is markdown for `<`: the item's text holds `<`, escaped once on the page.
            "steps.md": "# Steps\n\n1. Open Café & 東京 🚀 1\u{202F}000 &lt;b> \"q\"\n2. Save\n\n## Check\n\nLooks right.\n",
            "runbooks/r.yml": """
            title: "R \(t)"
            intro: "Intro \(t)"
            outro: "Outro \(t)"
            sections:
              - page: steps.md
                step: true
                owner: "Own \(t)"
                estimate: 1h15m
                verify: "Ver \(t)"
              - page: steps.md
                section: check
                title: "Check \(t)"

            """,
        ]
        for (name, text) in templates { files["templates/\(name).mustache"] = text }
        let result = try TempTree(files).check()
        XCTAssertEqual(lines(result.diagnostics), [])
        return result
    }

    private func file(_ result: SiteBuilder.Result, _ path: String) throws -> String {
        String(decoding: try XCTUnwrap(result.files[path], path), as: UTF8.self)
    }

    func testTheBuiltInRunbookPagesEscapeTextOnce() throws {
        let result = try runbookSite([:])
        let e = Self.escaped
        let runbook = try file(result, "_tenants/alpha/r/index.html")
        XCTAssertTrue(runbook.contains("<title>R \(e) · \(e)</title>"), runbook)
        XCTAssertTrue(runbook.contains("<p class=\"rs-lead\">Intro \(e) Estimated time: 1 h 15 min.</p>"), runbook)
        XCTAssertTrue(runbook.contains("<dl class=\"rs-step-meta\"><dt>Owner</dt><dd>Own \(e)</dd><dt>Estimate</dt><dd>1 h 15 min</dd><dt>Verify</dt><dd>Ver \(e)</dd></dl>"), runbook)
        XCTAssertTrue(runbook.contains("<h2><span class=\"rs-step-number\">2.</span> Check \(e)</h2>"), runbook)
        XCTAssertTrue(runbook.contains("<p>Outro \(e)</p>\n<p class=\"rs-provenance\">Tenant alpha · runbook r, version "), runbook)
        let checklist = try file(result, "_tenants/alpha/r/checklist.html")
        let item = "Open Café &amp; 東京 🚀 1\u{202F}000 &lt;b&gt; &quot;q&quot;"
        XCTAssertTrue(checklist.contains("data-text=\"\(item)\"><td><input type=\"checkbox\""), checklist)
        XCTAssertTrue(checklist.contains("<span class=\"rs-item-number\">1.1</span> \(item)</label> <a class=\"rs-step-link\""), checklist)
        XCTAssertTrue(checklist.contains("</a><div class=\"rs-step-facts\">Owner: Own \(e) · Estimate: 1 h 15 min</div><div class=\"rs-verify\">Verify: Ver \(e)</div></td>"), checklist)
        let index = try file(result, "_tenants/index.html")
        XCTAssertTrue(index.contains("<title>Runbooks · Site \(e)</title>"), index)
        XCTAssertTrue(index.contains("<tr><td><a href=\"alpha/index.html\">\(e)</a></td><td><a href=\"alpha/r/index.html\">R \(e)</a></td>"), index)
        for page in [runbook, checklist, index] {
            XCTAssertFalse(page.contains("&amp;amp;") || page.contains("&amp;lt;") || page.contains("&amp;quot;"), "escaped twice")
            XCTAssertFalse(page.contains("\"\u{301}") || page.contains("<b>"), "not escaped")
        }
    }

    func testAProjectRunbookTemplateReplacesTheSteps() throws {
        let result = try runbookSite(["runbook": "<ol class=\"my-steps\">{{#steps}}<li id=\"step-{{number}}\">{{title}}{{#owner}} ({{owner}}){{/owner}}</li>{{/steps}}</ol>\n"])
        let runbook = try file(result, "_tenants/alpha/r/index.html")
        XCTAssertTrue(runbook.contains("<ol class=\"my-steps\"><li id=\"step-1\">Steps (Own \(Self.escaped))</li><li id=\"step-2\">Check \(Self.escaped)</li></ol>\n"), runbook)
        XCTAssertFalse(runbook.contains("rs-runbook-step"))
        XCTAssertTrue(runbook.contains("<p class=\"rs-lead\">Intro "), "the built-in layout is still around it")
    }

    func testAProjectChecklistTemplateReplacesTheSheet() throws {
        let result = try runbookSite(["checklist": "<ul class=\"my-list\" data-count=\"{{itemCount}}\">{{#steps}}{{#items}}<li>{{number}} {{text}}</li>{{/items}}{{/steps}}</ul>\n"])
        let checklist = try file(result, "_tenants/alpha/r/checklist.html")
        XCTAssertTrue(checklist.contains("<ul class=\"my-list\" data-count=\"2\"><li>1.1 Open Café &amp; 東京 🚀 1\u{202F}000 &lt;b&gt; &quot;q&quot;</li><li>1.2 Save</li></ul>"), checklist)
        XCTAssertFalse(checklist.contains("rs-signoff"))
    }

    func testAProjectProvenancePartialShowsOnBothRunbookPages() throws {
        let result = try runbookSite(["provenance": "<footer class=\"my-provenance\">{{provenance}}</footer>\n"])
        for path in ["_tenants/alpha/r/index.html", "_tenants/alpha/r/checklist.html"] {
            let page = try file(result, path)
            XCTAssertTrue(page.contains("<footer class=\"my-provenance\">Tenant alpha · runbook r, version "), page)
            XCTAssertFalse(page.contains("rs-provenance"), path)
        }
    }

    func testAProjectRunbooksIndexTemplateReplacesTheTable() throws {
        let result = try runbookSite(["runbooks-index": "<ul>{{#rows}}<li><a href=\"{{checklistURL}}\">{{tenantName}}: {{runbookTitle}}</a></li>{{/rows}}</ul>\n"])
        let index = try file(result, "_tenants/index.html")
        XCTAssertTrue(index.contains("<ul><li><a href=\"alpha/r/checklist.html\">\(Self.escaped): R \(Self.escaped)</a></li></ul>"), index)
        XCTAssertFalse(index.contains("<table>"))
    }

    func testAProjectLayoutGoesAroundEveryPageKind() throws {
        let result = try runbookSite(["layout": "<main data-source=\"{{source}}\">{{title}}|{{{body}}}</main>\n"])
        XCTAssertTrue(try file(result, "_tenants/alpha/r/index.html").hasPrefix("<main data-source=\"runbooks/r.yml\">R \(Self.escaped)|<p class=\"rs-runbook-nav\">"))
        XCTAssertTrue(try file(result, "_tenants/alpha/r/checklist.html").hasPrefix("<main data-source=\"runbooks/r.yml\">Checklist: R \(Self.escaped)|<p class=\"rs-runbook-nav\">"))
        XCTAssertTrue(try file(result, "_tenants/index.html").hasPrefix("<main data-source=\"runbooks/\">Runbooks|<table>"))
        XCTAssertTrue(try file(result, "steps.html").hasPrefix("<main data-source=\"steps.md\">Steps|"))
    }

    /// A Docusaurus category with a generated index; its items' titles and descriptions carry the text.
    private func categorySite(_ templates: [String: String]) throws -> SiteBuilder.Result {
        let t = Self.yaml
        var files = [
            "docusaurus.config.js": "module.exports = {}\n",
            "docs/intro.md": "# Intro\n",
            "docs/guides/_category_.json": #"{"label": "Guides", "link": {"type": "generated-index", "description": "All the guides."}}"#,
            "docs/guides/a.md": "---\ndescription: \"Desc \(t)\"\nsidebar_label: \"Label \(t)\"\n---\n# A\n",
            "docs/guides/b.md": "# B\n",
        ]
        for (name, text) in templates { files["templates/\(name).mustache"] = text }
        let result = try TempTree(files).check()
        XCTAssertEqual(lines(result.diagnostics), [])
        return result
    }

    func testTheBuiltInCategoryIndexEscapesTextOnce() throws {
        let page = try file(try categorySite([:]), "docs/guides/index.html")
        let e = Self.escaped
        XCTAssertTrue(page.contains("<h1>Guides</h1>\n<p class=\"rs-lead\">All the guides.</p>"), page)
        XCTAssertTrue(page.contains("""
        <div class="rs-cards">
        <div class="rs-card rs-card-tile"><div class="rs-card-cell"><strong>Label \(e)</strong></div><div class="rs-card-cell">Desc \(e)</div>\
        <a class="rs-card-link" href="a.html" aria-label="Label \(e)"></a></div>
        <div class="rs-card rs-card-tile"><div class="rs-card-cell"><strong>B</strong></div><a class="rs-card-link" href="b.html" aria-label="B"></a></div>
        </div>
        """), page)
    }

    func testAProjectCategoryIndexTemplateReplacesTheCards() throws {
        let result = try categorySite(["category-index": "<ul class=\"my-cards\">{{#cards}}<li><a href=\"{{url}}\">{{title}}</a>{{#description}}: {{description}}{{/description}}</li>{{/cards}}</ul>\n"])
        let page = try file(result, "docs/guides/index.html")
        XCTAssertTrue(page.contains("<ul class=\"my-cards\"><li><a href=\"a.html\">Label \(Self.escaped)</a>: Desc \(Self.escaped)</li><li><a href=\"b.html\">B</a></li></ul>"), page)
        XCTAssertFalse(page.contains("rs-cards"))
    }
}
