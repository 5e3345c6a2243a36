import XCTest
@testable import Runsmith

/// tenants/schema.yml, tenants/<id>.yml and runbooks/<id>.yml: typed, closed, every problem located.
final class TenantFileTests: XCTestCase {
    static let schemaText = """
    variables:
      ado_org: { type: string, required: true, description: Azure DevOps organization }
      deployment: { type: enum, values: [services, server], default: services }
      seats: { type: int, default: 10 }
      portal: { type: url }
      sso: { type: bool, default: false }
      projects: { type: list, of: string }
      pat: { type: string, secret: true }
    """

    var schema: TenantSchema { TenantSchema.decode(Self.schemaText).0 }

    func testSchemaDecodesEveryType() {
        let (schema, diagnostics) = TenantSchema.decode(Self.schemaText)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(schema.variables["deployment"]?.type, .choice(["services", "server"]))
        XCTAssertEqual(schema.variables["deployment"]?.defaultValue, .string("services"))
        XCTAssertEqual(schema.variables["seats"]?.defaultValue, .number(10))
        XCTAssertEqual(schema.variables["projects"]?.type, .list(.string))
        XCTAssertEqual(schema.variables["projects"]?.defaultValue, .list([]))
        XCTAssertEqual(schema.variables["pat"]?.secret, true)
        XCTAssertEqual(schema.variables["ado_org"]?.required, true)
    }

    func testSchemaMistakesAreLocated() {
        let (_, diagnostics) = TenantSchema.decode("""
        variables:
          a: { type: text }
          b: { type: enum }
          c: { type: int, default: many }
          d: { type: string, requird: true }
          e: { type: string, required: true, default: x }
        """)
        XCTAssertEqual(lines(diagnostics), [
            "tenants/schema.yml:2:8: error: unknown type 'text' (string, bool, int, url, enum, list)",
            "tenants/schema.yml:3:8: error: enum variable 'b' needs `values:`, a list of its allowed values",
            "tenants/schema.yml:4:19: error: default of 'c': expected a whole number, found 'many'",
            "tenants/schema.yml:5:22: error: unknown key 'requird' in variable 'd'",
            "tenants/schema.yml:6:3: error: variable 'e' is required and has a default: choose one",
        ])
    }

    func testTenantValuesAreCheckedAgainstTheSchema() {
        let (tenant, diagnostics) = Tenant.decode("""
        id: contoso
        name: Contoso Ltd
        vars:
          ado_org: contoso-eng
          deployment: server
          portal: https://ado.contoso.example
          projects: [web, api]
        """, path: "tenants/contoso.yml", schema: schema)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(tenant?.values["deployment"], .string("server"))
        XCTAssertEqual(tenant?.values["seats"], .number(10), "the default fills in")
        XCTAssertEqual(tenant?.values["projects"], .list([.string("web"), .string("api")]))
        XCTAssertEqual(tenant?.value(of: ["tenant", "name"]), .string("Contoso Ltd"))
        XCTAssertEqual(tenant?.value(of: ["vars", "ado_org"]), .string("contoso-eng"))
    }

    func testTenantMistakesAreLocated() {
        let (tenant, diagnostics) = Tenant.decode("""
        id: fabrikam
        name: Fabrikam
        vars:
          deployment: cloud
          seats: lots
          portal: ftp://x
          colour: blue
        """, path: "tenants/fabrikam.yml", schema: schema)
        XCTAssertNil(tenant)
        XCTAssertEqual(lines(diagnostics), [
            "tenants/fabrikam.yml:3:1: error: tenant 'fabrikam' does not set required variable 'ado_org'",
            "tenants/fabrikam.yml:4:15: error: 'deployment' is enum (services, server): 'cloud' is not one of: services, server",
            "tenants/fabrikam.yml:5:10: error: 'seats' is int: expected a whole number, found 'lots'",
            "tenants/fabrikam.yml:6:11: error: 'portal' is url: expected an http(s) URL, found 'ftp://x'",
            "tenants/fabrikam.yml:7:3: error: tenant sets 'colour', which tenants/schema.yml does not declare",
        ])
        XCTAssertEqual(lines(Tenant.decode("id: other\nvars: { ado_org: x }\n", path: "tenants/acme.yml", schema: schema).1),
                       ["tenants/acme.yml:1:5: error: id 'other' must match the file name 'acme'"])
    }

    func testRunbookDecodesSectionsAndConditions() {
        let (runbook, diagnostics) = Runbook.decode("""
        title: "Connect {{ tenant.name }}"
        when: vars.deployment == "server"
        sections:
          - page: integrations/azure-devops/pat-scopes.md
            section: required-scopes
            step: true
            owner: Platform admin
            estimate: 1h30m
            verify: The token lists the scopes.
          - page: integrations/azure-devops/azure-devops-server.md
            when: vars.sso and vars.seats > 5
        """, path: "runbooks/ado.yml")
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(runbook?.sections.count, 2)
        XCTAssertEqual(runbook?.sections[0].estimate, 90)
        XCTAssertEqual(runbook?.sections[0].step, true)
        XCTAssertEqual(runbook?.when?.names, [["vars", "deployment"]])
        XCTAssertEqual(runbook?.sections[1].when?.names, [["vars", "sso"], ["vars", "seats"]])
        XCTAssertEqual(Runbook.minutes("15m"), 15)
        XCTAssertEqual(Runbook.minutes("2h 15m"), 135)
        XCTAssertNil(Runbook.minutes("soon"))
    }

    func testRunbookMistakesAreLocated() {
        let (_, diagnostics) = Runbook.decode("""
        title: T
        sections:
          - page: a.md
            estimate: soon
            stp: true
          - section: x
          - page: b.md
            when: vars.a ==
        """, path: "runbooks/r.yml")
        XCTAssertEqual(lines(diagnostics), [
            "runbooks/r.yml:4:5: error: estimate 'soon' is not a duration like 15m, 1h or 1h30m",
            "runbooks/r.yml:5:5: error: unknown key 'stp' in section",
            "runbooks/r.yml:6:5: error: each section needs `page:`",
            "runbooks/r.yml:8:18: error: expected an expression after '=='",
        ])
    }

    func testUndeclaredNamesInConditionsAreErrors() throws {
        var set = TenantSet()
        set.schema = schema
        let condition = try ConditionParser.parse(#"vars.deployment == "server" and vars.regoin == "eu" or tenant.plan"#)
        XCTAssertEqual(lines(set.undeclared(in: condition, at: SourceLocation(path: "a.md", line: 3))), [
            "a.md:3:1: error: condition uses 'vars.regoin', which tenants/schema.yml does not declare",
            "a.md:3:1: error: condition uses 'tenant.plan', which tenants/schema.yml does not declare",
        ])
        let claims = try ConditionParser.parse(#"visitor.claims.unsigned.edition == "server""#)
        XCTAssertEqual(set.undeclared(in: claims, at: SourceLocation(path: "a.md"), claims: ["edition": "deployment"]), [])
    }
}

/// `runsmith check` pre-flights every runbook against the site and every tenant, in one run.
final class RunbookCheckTests: XCTestCase {
    func testEveryRunbookProblemIsReportedAtOnce() throws {
        let tree = try TempTree([
            "tenants/schema.yml": "variables:\n  deployment: { type: enum, values: [services, server], default: services }\n",
            "tenants/a.yml": "id: a\nname: A\nvars: { deployment: server }\n",
            "tenants/b.yml": "id: b\nname: B\n",
            "README.md": "# Home\n\n## Setup\n",
            "runbooks/setup.yml": """
            title: Setup for {{ tenant.name }}
            when: vars.deployment == "server"
            sections:
              - page: README.md
                section: setup
              - page: missing.md
              - page: README.md
                section: nope
              - page: README.md
                when: vars.deployment > 3
              - page: README.md
                when: vars.regoin == "eu"

            """,
        ])
        XCTAssertEqual(lines(tree.check().diagnostics), [
            "runbooks/setup.yml:6:5: error: runbook 'setup' names page 'missing.md', which does not exist",
            "runbooks/setup.yml:7:5: error: page 'README.md' has no section '#nope'",
            // Once, at the `when:` itself, before any tenant is tried (issue 15).
            "runbooks/setup.yml:10:11: error: 'vars.deployment' is enum (services, server), and 3 is a number: they cannot be ordered",
            "runbooks/setup.yml:12:11: error: condition uses 'vars.regoin', which tenants/schema.yml does not declare",
        ])
    }

    func testTheExampleTenantsAndRunbooksAreValid() throws {
        let tree = try ContentTree(root: repositoryRoot.appendingPathComponent("content"))
        let (set, diagnostics) = TenantSet.load(from: tree)
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(set.tenants.map(\.id), ["contoso", "fabrikam", "northwind"])
        XCTAssertEqual(set.runbooks.map(\.id), ["azure-devops-setup", "gitlab-setup", "on-premises-broker"])
        let fabrikam = try XCTUnwrap(set.tenants.first { $0.id == "fabrikam" })
        XCTAssertEqual(try set.runbooks[2].when?.isTrue { fabrikam.value(of: $0) }, true, "fabrikam runs the broker")
        let northwind = try XCTUnwrap(set.tenants.first { $0.id == "northwind" })
        XCTAssertEqual(try set.runbooks[0].when?.isTrue { northwind.value(of: $0) }, false, "northwind uses GitLab")
        XCTAssertEqual(try set.runbooks[1].when?.isTrue { northwind.value(of: $0) }, true)
    }
}
