import XCTest
@testable import Runsmith

/// Tenant values go into cmark's tree, escaped for where they land; never into the source text.
final class VariableSubstitutionTests: XCTestCase {
    func context(_ vars: [String: ConditionValue], name: String = "Contoso <Ltd>") -> TenantContext {
        let schema = TenantSchema.decode("""
        variables:
          ado_org: { type: string, required: true }
          note: { type: string, default: "" }
          region: { type: string }
          pat: { type: string, secret: true }
          projects: { type: list, of: string }
        """).0
        var values: [String: ConditionValue] = ["note": .string(""), "region": .null, "pat": .string("s3cr3t"), "projects": .list([])]
        values.merge(vars) { _, new in new }
        return TenantContext(tenant: Tenant(id: "contoso", name: name, values: values, path: "tenants/contoso.yml"), schema: schema)
    }

    func testValuesInEveryKindOfNode() {
        let ctx = context(["ado_org": .string("contoso_eng & <b>")])
        let (html, diagnostics) = fragment("""
        Org **{{ vars.ado_org }}** for {{ tenant.name }} ({{ tenant.id | upcase }}).

        Run `az devops configure --org {{ vars.ado_org }}`.

        ```bash
        export ORG="{{ vars.ado_org | downcase }}"
        ```

        [Open](https://dev.azure.com/{{vars.ado_org|urlencode}}/_settings) and [same](<https://dev.azure.com/{{ vars.ado_org }}>)

        <a href="https://x.example/{{ vars.ado_org }}" title="{{ tenant.name }}">raw</a>

        """, tenant: ctx)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(html, """
        <p>Org <strong>contoso_eng &amp; &lt;b&gt;</strong> for Contoso &lt;Ltd&gt; (CONTOSO).</p>
        <p>Run <code>az devops configure --org contoso_eng &amp; &lt;b&gt;</code>.</p>
        <pre><code class="language-bash">export ORG=&quot;contoso_eng &amp; &lt;b&gt;&quot;
        </code></pre>
        <p><a href="https://dev.azure.com/contoso_eng%20%26%20%3Cb%3E/_settings">Open</a> and <a href="https://dev.azure.com/contoso_eng%20&amp;%20%3Cb%3E">same</a></p>
        <p><a href="https://x.example/contoso_eng &amp; &lt;b&gt;" title="Contoso &lt;Ltd&gt;">raw</a></p>

        """)
    }

    func testMarkdownInAValueStaysText() {
        let (html, _) = fragment("Hello {{ vars.ado_org }}\n", tenant: context(["ado_org": .string("**bold** [x](javascript:alert(1)) <script>")]))
        XCTAssertEqual(html, "<p>Hello **bold** [x](javascript:alert(1)) &lt;script&gt;</p>\n")
    }

    func testOtherTemplatesAndRawAreLeftAlone() {
        let (html, diagnostics) = fragment("""
        ```yaml
        image: {{ .Values.image }}:{{ vars.ado_org }}
        ```

        Handlebars {{name}} stays.

        {% raw %}
        Write {{ vars.ado_org }} in a page.
        {% endraw %}

        """, tenant: context(["ado_org": .string("org1")]))
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(html, """
        <pre><code class="language-yaml">image: {{ .Values.image }}:org1
        </code></pre>
        <p>Handlebars {{name}} stays.</p>
        <p>Write {{ vars.ado_org }} in a page.</p>

        """)
    }

    func testSecretsNeverReachTheOutput() {
        let (html, _) = fragment("Token: {{ vars.pat }}\n\n```\nexport PAT={{ vars.pat }}\n```\n", tenant: context(["ado_org": .string("x")]))
        XCTAssertFalse(html.contains("s3cr3t"))
        XCTAssertEqual(html, "<p>Token: ‹secret: pat›</p>\n<pre><code>export PAT=‹secret: pat›\n</code></pre>\n")
    }

    func testFiltersDefaultsAndProblems() {
        let ctx = context(["ado_org": .string("x")])
        XCTAssertEqual(fragment("{{ vars.note | default: \"none\" }} / {{ vars.region | default: 'eu' }}\n", tenant: ctx).0,
                       "<p>none / eu</p>\n")
        XCTAssertEqual(lines(fragment("A {{ vars.regoin }} B {{ vars.region }} C {{ vars.ado_org | shout }}\n", tenant: ctx).1), [
            "page.md:1:3: error: 'vars.regoin' is not a declared variable (tenants/schema.yml); did you mean 'vars.region'?",
            "page.md:1:23: error: tenant 'contoso' has no value for 'vars.region' (add `| default: \"…\"`)",
            "page.md:1:43: error: unknown filter 'shout' (upcase, downcase, urlencode, default: \"…\")",
        ])
    }
}
