import XCTest
@testable import Runsmith

/// `{% if %}` decided per tenant before parsing: what a tenant does not get never reaches the output.
final class ConditionalTests: XCTestCase {
    func context(deployment: String, sso: Bool = false) -> TenantContext {
        let schema = TenantSchema.decode("""
        variables:
          deployment: { type: enum, values: [services, server], default: services }
          sso: { type: bool, default: false }
        """).0
        return TenantContext(tenant: Tenant(id: "t1", name: "T1", values: ["deployment": .string(deployment), "sso": .bool(sso)],
                                            path: "tenants/t1.yml"),
                             schema: schema, claims: ["edition": "deployment"])
    }

    let page = """
    # Connect

    {% if vars.deployment == "server" %}
    Install the broker on **your server**.

    {% hint style="warning" %}
    Server only.
    {% endhint %}
    {% elsif vars.sso %}
    Sign in with SSO.
    {% else %}
    Nothing to install.
    {% endif %}

    {% unless vars.deployment == "server" %}
    Cloud-only note.
    {% endunless %}

    {% if visitor.claims.unsigned.edition == "server" %}
    Adaptive content for server.
    {% endif %}

    """

    func testOnlyTheTenantsBranchIsRendered() {
        let (server, d1) = fragment(page, tenant: context(deployment: "server"))
        XCTAssertEqual(d1, [])
        XCTAssertEqual(server, """
        <h1 id="connect">Connect<a class="rs-anchor" href="#connect" aria-label="Link to this section"></a></h1>
        <p>Install the broker on <strong>your server</strong>.</p>
        <aside class="rs-hint rs-hint-warning" role="note" aria-label="Warning">
        <p>Server only.</p>
        </aside>
        <p>Adaptive content for server.</p>

        """)
        let (cloud, _) = fragment(page, tenant: context(deployment: "services"))
        XCTAssertTrue(cloud.contains("<p>Nothing to install.</p>\n<p>Cloud-only note.</p>"), cloud)
        XCTAssertFalse(cloud.contains("server"), "nothing of the server branch, not even in attributes")
        XCTAssertTrue(fragment(page, tenant: context(deployment: "services", sso: true)).0.contains("<p>Sign in with SSO.</p>\n<p>Cloud-only note.</p>"))
    }

    func testNestedConditionsAndCodeFences() {
        let text = """
        {% if vars.sso %}
        {% if vars.deployment == "server" %}
        A
        {% else %}
        B
        {% endif %}
        ```
        {% endif %}
        ```
        {% endif %}
        C

        """
        XCTAssertEqual(fragment(text, tenant: context(deployment: "server", sso: true)).0,
                       "<p>A</p>\n<pre><code>{% endif %}\n</code></pre>\n<p>C</p>\n")
        XCTAssertEqual(fragment(text, tenant: context(deployment: "server", sso: false)).0, "<p>C</p>\n")
    }

    func testUndeclaredNamesAndBadConditionsAreErrors() {
        XCTAssertEqual(lines(fragment("{% if vars.regoin == \"eu\" %}\nx\n{% endif %}\n", tenant: context(deployment: "server")).1),
                       ["page.md:1:7: error: condition uses 'vars.regoin', which tenants/schema.yml does not declare"])
        XCTAssertEqual(lines(fragment("{% if vars.sso and %}\nx\n{% endif %}\n", tenant: context(deployment: "server")).1),
                       ["page.md:1:16: error: expected an expression after 'and'"])
        XCTAssertEqual(lines(fragment("{% if vars.sso %}\nx\n", tenant: context(deployment: "server")).1),
                       ["page.md:1:1: error: '{% if %}' is never closed (expected '{% endif %}')"])
        XCTAssertEqual(lines(fragment("x\n{% endif %}\n", tenant: context(deployment: "server")).1),
                       ["page.md:2:1: error: '{% endif %}' without an open '{% if %}'"])
    }

    func testTheDocsSiteKeepsEveryBranchButChecksItsNames() throws {
        let tree = try TempTree([
            "tenants/schema.yml": "variables:\n  deployment: { type: enum, values: [services, server], default: services }\n",
            "tenants/acme.yml": "id: acme\nname: Acme\nvars:\n  deployment: server\n",
            "README.md": "# Home\n\n{% if vars.deployment == \"server\" %}\nServer\n{% elsif vars.regoin %}\nOther\n{% endif %}\n\nFor {{ tenant.name }} on {{ vars.deployment }}; {{ .Helm }} stays.\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), ["README.md:5:10: error: condition uses 'vars.regoin', which tenants/schema.yml does not declare"])
        let html = String(decoding: result.files["index.html"]!, as: UTF8.self)
        XCTAssertTrue(html.contains("<p>Server</p>") && html.contains("<p>Other</p>"), "without a tenant every branch is shown, labelled")
        XCTAssertTrue(html.contains("<p>For ‹tenant.name› on ‹vars.deployment›; {{ .Helm }} stays.</p>"), html)
    }

    /// A GitBook claim mapped onto a variable (`claims:` in runsmith.yml) is that variable for the docs
    /// site's check too, not only for a tenant's runbook: the docs build once reported it as undeclared.
    func testAClaimMappedInTheConfigIsCheckedAsItsVariableWithoutATenant() throws {
        let tree = try TempTree([
            "runsmith.yml": "claims:\n  edition: deployment\n",
            "tenants/schema.yml": "variables:\n  deployment: { type: enum, values: [services, server], default: services }\n",
            "tenants/acme.yml": "id: acme\nname: Acme\nvars:\n  deployment: server\n",
            "_server.md": "{% if visitor.claims.unsigned.edition == \"server\" %}\nServer only.\n{% endif %}\n",
            "README.md": "# Home\n\n{% include \"_server.md\" %}\n\n{% if visitor.claims.unsigned.plan == \"pro\" %}\nPro.\n{% endif %}\n",
        ])
        let result = tree.check()
        // The mapped claim is declared; an unmapped one still means `vars.plan`, which the schema lacks.
        XCTAssertEqual(lines(result.diagnostics),
                       ["README.md:5:7: error: condition uses 'visitor.claims.unsigned.plan', which tenants/schema.yml does not declare"])
        let html = String(decoding: try XCTUnwrap(result.files["index.html"]), as: UTF8.self)
        XCTAssertTrue(html.contains("<p>Server only.</p>"), html)
    }

    func testConditionSyntaxIsCheckedWithoutATenantToo() {
        XCTAssertEqual(lines(fragment("{% if %}\nx\n{% endif %}\n\n{% if a == %}\ny\n{% endif %}\n").1), [
            "page.md:1:7: error: '{% if %}' needs a condition",
            "page.md:5:9: error: expected an expression after '=='",
        ])
    }
}
