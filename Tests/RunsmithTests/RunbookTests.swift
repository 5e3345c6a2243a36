import Foundation
import XCTest
@testable import Runsmith

/// Runbooks assembled per tenant, and the guarantee that no tenant's output holds another's data.
final class RunbookTests: XCTestCase {
    static let schema = """
    variables:
      org: { type: string, required: true }
      server: { type: bool, default: false }
      pat: { type: string, secret: true }

    """

    func testRunbookAssemblyPerTenant() throws {
        let tree = try TempTree([
            "tenants/schema.yml": Self.schema,
            "tenants/alpha.yml": "id: alpha\nname: Alpha Corp\nvars: { org: alpha-org, server: true, pat: alpha-secret-token }\n",
            "tenants/beta.yml": "id: beta\nname: Beta Inc\nvars: { org: beta-org }\n",
            "README.md": "# Home\n",
            "setup.md": """
            # Setup

            ## Create the token

            Run `tollgate login --org {{ vars.org }}` with {{ vars.pat }}.

            ### Scopes

            See [below](#check-it).

            ## Check it

            {% if vars.server %}
            Server check.
            {% endif %}

            ## Unrelated

            """,
            "runbooks/onboard.yml": """
            title: "Onboard {{ tenant.name }}"
            sections:
              - page: setup.md
                section: create-the-token
                step: true
                owner: Admin
                estimate: 15m
              - page: setup.md
                section: check-it
                when: vars.server
                title: Verify the server
            """,
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [])
        let alpha = String(decoding: result.files["_tenants/alpha/onboard/index.html"]!, as: UTF8.self)
        XCTAssertTrue(alpha.contains("<title>Onboard Alpha Corp · Alpha Corp</title>"), alpha)
        XCTAssertTrue(alpha.contains("""
        <h2><span class="rs-step-number">1.</span> Create the token</h2>
        <dl class="rs-step-meta"><dt>Owner</dt><dd>Admin</dd><dt>Estimate</dt><dd>15 min</dd></dl>
        <p>Run <code>tollgate login --org alpha-org</code> with ‹secret: pat›.</p>
        <h3 id="s1-scopes">Scopes<a class="rs-anchor" href="#s1-scopes" aria-label="Link to this section"></a></h3>
        """), alpha)
        XCTAssertTrue(alpha.contains("<h2><span class=\"rs-step-number\">2.</span> Verify the server</h2>\n<p>Server check.</p>\n</section>"), alpha)
        XCTAssertFalse(alpha.contains("Unrelated"), "a section ends at the next heading of its level")
        XCTAssertFalse(alpha.contains("alpha-secret-token"))
        let beta = String(decoding: result.files["_tenants/beta/onboard/index.html"]!, as: UTF8.self)
        XCTAssertFalse(beta.contains("Verify the server"), "beta does not run a server")
        XCTAssertFalse(beta.contains("alpha"))
        // Step ids come from runbook, section and text, not from the position: the same in both tenants.
        let a = try JSONSerialization.jsonObject(with: Data(result.files["_tenants/alpha/onboard/runbook.json"]!)) as! [String: Any]
        let b = try JSONSerialization.jsonObject(with: Data(result.files["_tenants/beta/onboard/runbook.json"]!)) as! [String: Any]
        let aSteps = a["steps"] as! [[String: Any]], bSteps = b["steps"] as! [[String: Any]]
        XCTAssertEqual(aSteps.count, 2)
        XCTAssertEqual(bSteps.count, 1)
        XCTAssertEqual(aSteps[0]["id"] as? String, bSteps[0]["id"] as? String)
        XCTAssertEqual(aSteps[0]["estimateMinutes"] as? Int, 15)
        XCTAssertEqual(aSteps[0]["source"] as? String, "setup.md:3:1", "where the step's content is written")
        XCTAssertEqual(aSteps[0]["definedAt"] as? String, "runbooks/onboard.yml:3:5")
        XCTAssertTrue(String(decoding: result.files["_tenants/index.html"]!, as: UTF8.self).contains(#"<a href="alpha/onboard/index.html">Onboard Alpha Corp</a>"#))
    }

    func testChecklistItemsAndStableIds() throws {
        func build(_ sections: String) throws -> String {
            let tree = try TempTree([
                "tenants/schema.yml": Self.schema,
                "tenants/alpha.yml": "id: alpha\nname: Alpha\nvars: { org: a-org }\n",
                "README.md": "# Home\n",
                "scopes.md": "# Scopes\n\n- [ ] Code (Read)\n- [ ] Build (Read & execute)\n\nNotes:\n\n- not an item\n",
                "steps.md": "# Steps\n\n1. Open settings\n2. Paste the token\n",
                "about.md": "# About\n\nBackground only.\n",
                "runbooks/r.yml": "title: R\nsections:\n" + sections,
            ])
            let result = tree.check()
            XCTAssertEqual(lines(result.diagnostics), [])
            return String(decoding: result.files["_tenants/alpha/r/checklist.html"]!, as: UTF8.self)
        }
        let scopes = "  - page: scopes.md\n    step: true\n    owner: Admin\n    verify: Both scopes listed.\n"
        let steps = "  - page: steps.md\n    step: true\n"
        let about = "  - page: about.md\n"
        let html = try build(scopes + steps + about)
        let texts = html.components(separatedBy: "data-text=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        XCTAssertEqual(texts, ["Code (Read)", "Build (Read &amp; execute)", "Open settings", "Paste the token"])
        // The step's check and owner once, on the step's own row, above its items.
        XCTAssertTrue(html.contains("</a><div class=\"rs-step-facts\">Owner: Admin</div><div class=\"rs-verify\">Verify: Both scopes listed.</div></td><td>Admin</td>"), html)
        XCTAssertEqual(html.components(separatedBy: "Verify: Both scopes listed.").count, 2, html)
        XCTAssertTrue(html.contains("<span class=\"rs-item-number\">1.1</span> Code (Read)</label> <a class=\"rs-step-link\" href=\"index.html#step-1\""), html)
        XCTAssertTrue(html.contains("data-storage-key=\"runsmith:alpha:r\""))
        XCTAssertTrue(html.contains("<th>Name</th><th>Date</th><th>Initials</th>"), "a sign-off sheet when printed")
        // Reordering sections keeps every item's id.
        let ids = { (page: String) in page.components(separatedBy: "data-id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) } }
        XCTAssertEqual(Set(ids(html)), Set(ids(try build(about + steps + scopes))))
        XCTAssertEqual(Set(ids(html)).count, 4)
    }

    func testSingleFileIsSelfContained() throws {
        let tree = try TempTree([
            "runsmith.yml": "site_url: https://docs.example.com\n",
            "tenants/schema.yml": Self.schema,
            "tenants/alpha.yml": "id: alpha\nname: Alpha\nvars: { org: a-org }\n",
            "README.md": "# Home\n",
            "guide.md": "# Guide\n\n![Diagram](img/d.png)\n\nSee [home](README.md#home) and [below](#more).\n\n## More\n",
            "runbooks/r.yml": "title: R\nsections:\n  - page: guide.md\n",
        ])
        try tree.write("img/d.png", Data([0x89, 0x50, 0x4E, 0x47]))
        var options = SiteBuilder.Options(root: tree.root, output: tree.output)
        options.singleFile = true
        let result = SiteBuilder(options: options).run()
        XCTAssertEqual(lines(result.diagnostics), [])
        let html = String(decoding: try XCTUnwrap(result.files["_tenants/alpha/r.html"]), as: UTF8.self)
        XCTAssertTrue(html.contains("<img src=\"data:image/png;base64,\(Data([0x89, 0x50, 0x4E, 0x47]).base64EncodedString())\" alt=\"Diagram\" />"), html)
        XCTAssertTrue(html.contains("href=\"data:text/css;base64,"))
        XCTAssertTrue(html.contains("src=\"data:text/javascript;base64,"))
        XCTAssertTrue(html.contains(##"<a href="https://docs.example.com/#home">home</a> and <a href="#s1-more">below</a>"##), html)
        XCTAssertNil(html.range(of: #"(src|href)="\.\./"#, options: .regularExpression), "nothing points at a file beside it")
    }

    func testProvenanceIsReproducible() throws {
        let tree = try TempTree(["README.md": "# Home\n"])
        let none = Provenance.current(root: tree.root, environment: [:])
        XCTAssertNil(none.commit, "not a git work tree")
        XCTAssertNil(none.buildTime, "no clock unless SOURCE_DATE_EPOCH says so")
        let dated = Provenance.current(root: tree.root, environment: ["SOURCE_DATE_EPOCH": "1700000000"])
        XCTAssertEqual(dated.line(tenant: "t", runbook: "r", version: "v1"), "Tenant t · runbook r, version v1 · Runsmith 0.1.0 · built 2023-11-14T22:13:20Z")
        let repo = Provenance.current(root: repositoryRoot, environment: [:])
        XCTAssertEqual(repo.commit?.count, 12, "the repository itself is in git")
    }

    func testLinksBetweenStepsStayInTheRunbookAndStepperStepsAreItems() throws {
        let tree = try TempTree([
            "tenants/schema.yml": Self.schema,
            "tenants/alpha.yml": "id: alpha\nname: Alpha\nvars: { org: a-org }\n",
            "README.md": "# Home\n",
            "a.md": "# A\n\nFirst do [B](b.md), then [its check](b.md#check) and [C](c.md#setup).\n",
            "b.md": "# B\n\n{% stepper %}\n{% step %}\n### Open settings\n{% endstep %}\n{% step %}\n### Save\n{% endstep %}\n{% endstepper %}\n\n## Check\n",
            "c.md": "# C\n\n## Setup\n\nText.\n",
            "runbooks/r.yml": "title: R\nsections:\n  - page: a.md\n  - page: b.md\n    step: true\n  - page: c.md\n    section: setup\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [])
        let page = String(decoding: result.files["_tenants/alpha/r/index.html"]!, as: UTF8.self)
        XCTAssertTrue(page.contains(##"First do <a href="#step-2">B</a>, then <a href="#s2-check">its check</a> and <a href="#step-3">C</a>."##), page)
        let checklist = String(decoding: result.files["_tenants/alpha/r/checklist.html"]!, as: UTF8.self)
        let texts = checklist.components(separatedBy: "data-text=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        XCTAssertEqual(texts, ["Open settings", "Save"])
    }

    /// A section cut out of a page keeps its HTML balanced on its own: a `<details>` that the page
    /// closes only in the next section would otherwise swallow the runbook's later steps.
    func testAStepsRawHTMLIsClosedWithinTheStep() throws {
        let tree = try TempTree([
            "tenants/schema.yml": Self.schema,
            "tenants/alpha.yml": "id: alpha\nname: Alpha\nvars: { org: a-org }\n",
            "README.md": "# Home\n",
            "a.md": "# A\n\n## One\n\n<details>\n\n<summary>More</summary>\n\nHidden.\n\n## Two\n\nText.\n\n</details>\n",
            "runbooks/r.yml": "title: R\nsections:\n  - page: a.md\n    section: one\n  - page: a.md\n    section: two\n",
        ])
        let result = tree.check()
        let page = String(decoding: try XCTUnwrap(result.files["_tenants/alpha/r/index.html"]), as: UTF8.self)
        let one = try XCTUnwrap(page.range(of: "Hidden."))
        let two = try XCTUnwrap(page.range(of: "Text."))
        let between = page[one.upperBound..<two.lowerBound]
        XCTAssertTrue(between.contains("</details>"), "step 1 closes its details before step 2: \(between)")
        XCTAssertFalse(page[two.upperBound...].contains("</details>"), "step 2 has no stray closer")
        XCTAssertTrue(lines(result.diagnostics).contains { $0.hasPrefix("a.md:5:1: warning: <details> is never closed") }, "\(lines(result.diagnostics))")
        XCTAssertTrue(lines(result.diagnostics).contains { $0.hasPrefix("a.md:15:1: warning: </details> closes nothing") }, "\(lines(result.diagnostics))")
    }

    func testRepeatedStepsAreErrorsAndRepeatedItemsStayDistinct() throws {
        let tree = try TempTree([
            "tenants/schema.yml": Self.schema,
            "tenants/alpha.yml": "id: alpha\nname: Alpha\nvars: { org: a-org }\n",
            "README.md": "# Home\n",
            "a.md": "# A\n\n- [ ] Save\n- [ ] Check\n- [ ] Save\n",
            "runbooks/r.yml": "title: R\nsections:\n  - page: a.md\n    step: true\n    estimate: 5m\n  - page: a.md\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics),
                       ["runbooks/r.yml:6:5: error: step 2 repeats step 1 (same page, section and title): give it its own `title:`"])
        let checklist = String(decoding: result.files["_tenants/alpha/r/checklist.html"]!, as: UTF8.self)
        let ids = checklist.components(separatedBy: "data-id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
        XCTAssertEqual(ids.count, 3)
        XCTAssertEqual(Set(ids).count, 3, "the two 'Save' items keep separate ticks")
        XCTAssertTrue(checklist.contains("<p class=\"rs-lead\">Estimated time: 5 min.</p>"), checklist)
    }

    func testALinkToContentTheTenantDoesNotGetIsAnError() throws {
        let tree = try TempTree([
            "tenants/schema.yml": Self.schema,
            "tenants/alpha.yml": "id: alpha\nname: Alpha\nvars: { org: a-org, server: true }\n",
            "tenants/beta.yml": "id: beta\nname: Beta\nvars: { org: b-org }\n",
            "README.md": "# Home\n",
            "guide.md": "# Guide\n\nRead [the server notes](ref.md#server-notes).\n",
            "ref.md": "# Ref\n\n{% if vars.server %}\n## Server notes\n\nOnly for servers.\n{% endif %}\n",
            "runbooks/r.yml": "title: R\nsections:\n  - page: guide.md\n",
            "runsmith.yml": "site_url: https://docs.example.com\n",
        ])
        XCTAssertEqual(lines(tree.check().diagnostics),
                       ["guide.md:3:6: error: links to '#server-notes' of ref.md, which tenant beta does not get"])
    }

    /// A tenant's folder holds its runbooks, not the docs: a link to a docs page goes to `site_url`, and
    /// without one it is an error rather than a link that leads nowhere once the folder is handed over.
    func testALinkToTheDocsNeedsSiteURL() throws {
        let tree = try TempTree([
            "tenants/schema.yml": Self.schema,
            "tenants/alpha.yml": "id: alpha\nname: Alpha\nvars: { org: a-org }\n",
            "README.md": "# Home\n",
            "guide.md": "# Guide\n\nRead [the reference](ref.md#notes).\n",
            "ref.md": "# Ref\n\n## Notes\n\nText.\n",
            "runbooks/r.yml": "title: R\nsections:\n  - page: guide.md\n",
        ])
        XCTAssertEqual(lines(tree.check().diagnostics), [
            "guide.md:3:6: error: '../ref.html#notes' is the docs page ref.md, which a tenant's folder does not hold, and runsmith.yml has no site_url to link to",
        ])
        try tree.write("runsmith.yml", Data("site_url: https://docs.example.com\n".utf8))
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [])
        XCTAssertTrue(String(decoding: result.files["_tenants/alpha/r/index.html"] ?? [], as: UTF8.self)
            .contains("<a href=\"https://docs.example.com/ref#notes\">the reference</a>"))
    }

    func testContentWithheldFromATenantCannotReachItAnotherWay() throws {
        let tree = try TempTree([
            "tenants/schema.yml": Self.schema,
            "tenants/alpha.yml": "id: alpha\nname: Alpha\nvars: { org: a-org, server: true }\n",
            "tenants/beta.yml": "id: beta\nname: Beta\nvars: { org: b-org }\n",
            "README.md": "# Home\n",
            "ref.md": "# Ref\n\n{% if vars.server %}\nFlush the broker cache before **every** upgrade.\n{% endif %}\n",
            // The same sentence pasted into the intro every tenant gets.
            "runbooks/r.yml": "title: R\nintro: Flush the broker cache before every upgrade.\nsections:\n  - page: ref.md\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics),
                       ["tenants/beta.yml:1:1: error: _tenants/beta/r/index.html shows \"Flush the broker cache before every upgrade.\", which tenant beta's conditions withhold"])
        XCTAssertNil(result.files["_tenants/beta/r/index.html"])
        XCTAssertNil(result.files["_tenants/beta/r/checklist.html"], "nothing of beta is written")
        XCTAssertNotNil(result.files["_tenants/alpha/r/index.html"], "alpha gets that content anyway")
        XCTAssertFalse(String(decoding: result.files["_tenants/index.html"]!, as: UTF8.self).contains("beta/r/"), "the index lists only what was written")
    }

    func testTheLeakAuditStopsATenantsOutput() throws {
        let tree = try TempTree([
            "tenants/schema.yml": Self.schema,
            "tenants/alpha.yml": "id: alpha\nname: Alpha Corp\nvars: { org: alpha-org }\n",
            "tenants/beta.yml": "id: beta\nname: Beta Inc\nvars: { org: beta-org }\n",
            "README.md": "# Home\n",
            "page.md": "# Page\n\nText.\n",
            // A writer pasted one customer's organization into a runbook every tenant gets.
            "runbooks/r.yml": "title: R\nintro: Same set-up as beta-org.\nsections:\n  - page: page.md\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), ["tenants/alpha.yml:1:1: error: _tenants/alpha/r/index.html contains 'beta-org', a value of tenant 'beta'"])
        XCTAssertNil(result.files["_tenants/alpha/r/index.html"], "nothing of alpha is written")
        XCTAssertNil(result.files["_tenants/alpha/r/runbook.json"])
        XCTAssertNotNil(result.files["_tenants/beta/r/index.html"])
    }
}
