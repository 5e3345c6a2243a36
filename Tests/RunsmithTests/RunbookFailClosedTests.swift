import Foundation
import XCTest
@testable import Runsmith

/// A runbook's own text reaches customers through its page, checklist, JSON and the index: each `{{ }}`
/// in it is filled in once, the same in every channel, and a name the schema lacks is an error at the
/// field, reported once — never a raw `{{ }}` in any file (issue 15's reproducers).
final class RunbookFailClosedTests: XCTestCase {
    static let schema = "variables:\n  org: { type: string, required: true }\n  region: { type: string }\n"

    private func build(_ runbook: String, page: String = "# Setup\n\n## Token\n\nText.\n") throws -> SiteBuilder.Result {
        let tree = try TempTree([
            "tenants/schema.yml": Self.schema,
            "tenants/alpha.yml": "id: alpha\nname: Alpha Corp\nvars: { org: alpha-org }\n",
            "tenants/beta.yml": "id: beta\nname: Beta Inc\nvars: { org: beta-org }\n",
            "README.md": "# Home\n",
            "setup.md": page,
            "runbooks/r.yml": runbook,
        ])
        return tree.check()
    }

    private func files(_ result: SiteBuilder.Result, tenant: String) -> [String] {
        ["_tenants/\(tenant)/r/index.html", "_tenants/\(tenant)/r/checklist.html", "_tenants/\(tenant)/r/runbook.json"]
            .map { String(decoding: result.files[$0] ?? [], as: UTF8.self) }
    }

    func testAnUndeclaredNameInARunbookFieldIsOneErrorAtTheField() throws {
        let result = try build("""
        title: "Connect {{ tenant.name }} to {{ vars.orgg }}"
        intro: Work for {{ tenant.nmae }}.
        sections:
          - page: setup.md
            section: token
            step: true
            owner: "{{ var.org }} admin"
            verify: The token for {{ vars.org }} works.

        """)
        XCTAssertEqual(lines(result.diagnostics), [
            "runbooks/r.yml:1:38: error: 'vars.orgg' is not a declared variable (tenants/schema.yml); did you mean 'vars.org'?",
            "runbooks/r.yml:2:17: error: 'tenant.nmae' is not a declared variable (tenants/schema.yml); did you mean 'tenant.name'?",
            "runbooks/r.yml:7:13: error: 'var.org' is in no namespace of ours: did you mean 'vars.org'?",
        ])
        for tenant in ["alpha", "beta"] {
            for text in files(result, tenant: tenant) {
                XCTAssertFalse(text.isEmpty)
                XCTAssertFalse(text.contains("{{"), "raw {{ }} in \(tenant)'s output: \(text.prefix(300))")
            }
        }
        XCTAssertTrue(files(result, tenant: "alpha")[0].contains("<title>Connect Alpha Corp to ‹vars.orgg›"))
    }

    func testVerifyOwnerAndTitleAreTheTenantsInEveryChannel() throws {
        let result = try build("""
        title: "Onboard {{ tenant.name }}"
        sections:
          - page: setup.md
            section: token
            step: true
            title: "Token for {{ vars.org }}"
            owner: "{{ tenant.name }} admin"
            verify: The token for {{ vars.org }} works.

        """)
        XCTAssertEqual(lines(result.diagnostics), [])
        let (page, checklist, json) = { (f: [String]) in (f[0], f[1], f[2]) }(files(result, tenant: "beta"))
        XCTAssertTrue(page.contains("Token for beta-org</h2>"), page)
        XCTAssertTrue(page.contains("<dt>Owner</dt><dd>Beta Inc admin</dd>"), page)
        XCTAssertTrue(page.contains("<dt>Verify</dt><dd>The token for beta-org works.</dd>"), page)
        XCTAssertTrue(checklist.contains("Verify: The token for beta-org works."), checklist)
        XCTAssertTrue(checklist.contains("<td>Beta Inc admin</td>"), checklist)
        XCTAssertTrue(checklist.contains("Token for beta-org"), checklist)
        let steps = try XCTUnwrap((try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["steps"] as? [[String: Any]])
        XCTAssertEqual(steps.first?["verify"] as? String, "The token for beta-org works.")
        XCTAssertEqual(steps.first?["owner"] as? String, "Beta Inc admin")
        XCTAssertEqual(steps.first?["title"] as? String, "Token for beta-org")
        XCTAssertFalse(String(decoding: result.files["_tenants/index.html"] ?? [], as: UTF8.self).contains("{{"))
        // The file is the documented format (docs/runbook-json.md), read back whole.
        let document = try JSONDecoder().decode(RunbookDocument.self, from: Data(json.utf8))
        XCTAssertEqual(document.schemaVersion, 1)
        XCTAssertEqual(document.title, "Onboard Beta Inc")
        XCTAssertEqual(document.steps.map(\.owner), ["Beta Inc admin"])
    }

    func testAValueOneTenantLacksIsThatTenantsErrorOnly() throws {
        let result = try build("title: \"Setup in {{ vars.region }}\"\nsections:\n  - page: setup.md\n")
        XCTAssertEqual(lines(result.diagnostics), [
            "runbooks/r.yml:1:18: error: tenant 'alpha' has no value for 'vars.region' (add `| default: \"…\"`)",
            "runbooks/r.yml:1:18: error: tenant 'beta' has no value for 'vars.region' (add `| default: \"…\"`)",
        ])
        XCTAssertTrue(files(result, tenant: "alpha")[0].contains("<title>Setup in ‹vars.region›"))
    }

    func testANamespaceTypoInAPageIsAnErrorAndHelmStaysAsWritten() throws {
        let result = try build("title: R\nsections:\n  - page: setup.md\n",
                               page: "# Setup\n\nOrg {{ var.org }}, Helm `{{ .Values.image }}`, Jekyll {{ page.title }}.\n")
        XCTAssertEqual(lines(result.diagnostics), ["setup.md:3:5: error: 'var.org' is in no namespace of ours: did you mean 'vars.org'?"])
        let html = String(decoding: result.files["setup.html"] ?? [], as: UTF8.self)
        XCTAssertTrue(html.contains("<p>Org ‹var.org›, Helm <code>{{ .Values.image }}</code>, Jekyll {{ page.title }}.</p>"), html)
    }

    /// A formula in a checklist item is read as its TeX (MathML has no text of its own).
    func testAFormulaInAChecklistItemKeepsItsTeX() throws {
        let result = try build("title: R\nsections:\n  - page: setup.md\n    section: token\n    step: true\n",
                               page: "# Setup\n\n## Token\n\n1. Set the limit to $$2^{10}$$ requests\n2. Save\n")
        XCTAssertEqual(lines(result.diagnostics), [])
        let checklist = files(result, tenant: "alpha")[1]
        XCTAssertTrue(checklist.contains("Set the limit to 2^{10} requests"), checklist)
    }
}
