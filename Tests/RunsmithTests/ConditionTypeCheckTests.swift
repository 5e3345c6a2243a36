import Foundation
import XCTest
@testable import Runsmith

/// Conditions that can never hold for any tenant are errors where they are written, reported once
/// (issue 15's reproducers): a value outside an enum, a bool compared with a string, a number with a
/// string; and a tenant's `yes` is not a bool.
final class ConditionTypeCheckTests: XCTestCase {
    static let schema = """
    variables:
      tier: { type: enum, values: [basic, premium], default: basic }
      sso: { type: bool, default: false }
      seats: { type: int, default: 1 }
      regions: { type: list, of: string, default: [] }

    """

    func testMistypedComparisonsInPagesAndRunbooksAreErrorsAtTheirCondition() throws {
        let tree = try TempTree([
            "tenants/schema.yml": Self.schema,
            "tenants/a.yml": "id: a\nname: A\nvars:\n  tier: premium\n",
            "tenants/b.yml": "id: b\nname: B\nvars:\n  seats: 30\n",
            "README.md": """
            # Home

            {% if vars.sso == "true" %}
            SSO.
            {% endif %}

            {% if vars.seats == "25" or vars.tier in ["basic", "gold"] or vars.regions contains 3 %}
            X.
            {% endif %}

            {% if vars.tier === "premium" and vars.seats >= 10 and vars.sso != false and vars.regions contains "eu" %}
            Fine.
            {% endif %}

            """,
            "runbooks/r.yml": """
            title: R
            sections:
              - page: README.md
                when: vars.tier == "premum"
              - page: README.md
                title: Two
                when: vars.seats > "3"

            """,
        ])
        XCTAssertEqual(lines(tree.check().diagnostics), [
            "README.md:3:7: error: 'vars.sso' is a bool: compare it with true, not \"true\"",
            "README.md:7:7: error: 'vars.seats' is int, and \"25\" is a string: they are never equal",
            "README.md:7:7: error: 'vars.tier' is enum (basic, premium): \"gold\" is not one of its values",
            "README.md:7:7: error: each element of 'vars.regions' is string, and 3 is a number: they are never equal",
            "runbooks/r.yml:4:11: error: 'vars.tier' is enum (basic, premium): \"premum\" is not one of its values; did you mean \"premium\"?",
            "runbooks/r.yml:7:11: error: 'vars.seats' is int, and \"3\" is a string: they cannot be ordered",
        ])
    }

    func testABoolIsTrueOrFalseOnly() throws {
        let tree = try TempTree([
            "tenants/schema.yml": Self.schema,
            "tenants/a.yml": "id: a\nname: A\nvars:\n  sso: yes\n",
            "tenants/b.yml": "id: b\nname: B\nvars:\n  sso: \"true\"\n",
            "tenants/c.yml": "id: c\nname: C\nvars:\n  sso: True\n",
            "README.md": "# Home\n",
        ])
        XCTAssertEqual(lines(tree.check().diagnostics), [
            "tenants/a.yml:4:8: error: 'sso' is bool: expected true or false, found 'yes'",
            "tenants/b.yml:4:8: error: 'sso' is bool: expected true or false, found a quoted string",
        ])
    }

    func testAConditionNoTenantCanDecideIsOneErrorNamingTheTenants() throws {
        let tree = try TempTree([
            "tenants/schema.yml": "variables:\n  zone: { type: string }\n",
            "tenants/a.yml": "id: a\nname: A\nvars: {}\n",
            "tenants/b.yml": "id: b\nname: B\nvars: {}\n",
            "tenants/c.yml": "id: c\nname: C\nvars: { zone: eu }\n",
            "README.md": "# Home\n",
            "runbooks/r.yml": "title: R\nsections:\n  - page: README.md\n    when: vars.zone < \"m\"\n",
        ])
        let problems = lines(tree.check().diagnostics)
        XCTAssertEqual(problems.count, 1, "\(problems)")
        XCTAssertTrue(problems.first?.hasPrefix("runbooks/r.yml:4:11: error: ") == true, "\(problems)")
        XCTAssertTrue(problems.first?.hasSuffix("(tenants a, b)") == true, "\(problems)")
    }
}
