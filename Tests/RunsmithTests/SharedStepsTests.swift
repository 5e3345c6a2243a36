import Foundation
import XCTest
@testable import Runsmith

/// Runbook steps no tenant can reach are compiled once and shared by every tenant's runbook
/// (`SharedSteps`). Each build here is compared with the same build compiling every tenant's steps
/// itself: every file and every problem must be the same.
final class SharedStepsTests: XCTestCase {
    private func bothWays(_ root: URL) -> (shared: SiteBuilder.Result, own: SiteBuilder.Result) {
        RunsmithTests.bothWays(root) { $0.sharesSteps = false }
    }

    private func assertSame(_ shared: SiteBuilder.Result, _ own: SiteBuilder.Result, file: StaticString = #filePath, line: UInt = #line) {
        assertSameBuild(shared, own, how: "when steps are shared", file: file, line: line)
    }

    func testTheExampleDocsRunbooksAreTheSame() {
        let (shared, own) = bothWays(repositoryRoot.appendingPathComponent("content"))
        XCTAssertTrue(shared.files.keys.contains { $0.hasSuffix("/runbook.json") })
        assertSame(shared, own)
    }

    /// Every way a tenant can reach a step: a value on the page, in an include, in its frontmatter, in a
    /// section's title; a condition on the page; a plan that numbers the steps differently; a link to an
    /// anchor one tenant's version of a page does not have.
    func testEveryWayATenantReachesAStepKeepsItsOwn() throws {
        let tree = try TempTree([
            "SUMMARY.md": "# Contents\n\n* [Home](README.md)\n* [Plain](plain.md)\n* [Valued](valued.md)\n* [Included](included.md)\n"
                + "* [Fronted](fronted.md)\n* [Gated](gated.md)\n* [Linking](linking.md)\n* [Target](target.md)\n* [Onward](onward.md)\n",
            "README.md": "# Home\n",
            "plain.md": "# Plain\n\nRun `setup` and tick it off.\n\n## Check\n\nIt works.\n",
            "valued.md": "# Valued\n\nSign in to {{ vars.org }}.\n",
            "_org.md": "Your organisation is {{ vars.org }}.\n",
            "included.md": "# Included\n\n{% include \"_org.md\" %}\n",
            "fronted.md": "---\ndescription: For {{ vars.org }}\n---\n\n# Fronted\n\nText.\n",
            "gated.md": "# Gated\n\n{% if vars.tier == \"gold\" %}\nGold only.\n{% else %}\nEveryone else.\n{% endif %}\n",
            "linking.md": "# Linking\n\nSee [the gold part](target.md#gold-part) and [plain](plain.md#check).\n",
            "onward.md": "# Onward\n\nThen [check](plain.md#check).\n",
            "target.md": "# Target\n\n{% if vars.tier == \"gold\" %}\n## Gold part\n\nShiny.\n{% endif %}\n\n## Always\n\nText.\n",
            "runsmith.yml": "site_url: https://docs.example.com\n",
            "tenants/schema.yml": "variables:\n  org: { type: string, required: true }\n"
                + "  tier: { type: enum, values: [gold, silver], default: silver }\n",
            "tenants/alpha.yml": "id: alpha\nname: Alpha\nvars:\n  org: alpha-corp\n  tier: gold\n",
            "tenants/beta.yml": "id: beta\nname: Beta\nvars:\n  org: beta-corp\n  tier: silver\n",
            "tenants/gamma.yml": "id: gamma\nname: Gamma\nvars:\n  org: gamma-corp\n  tier: gold\n",
            "runbooks/setup.yml": """
            title: Set up {{ vars.org }}
            sections:
              - page: valued.md
              - page: plain.md
                step: true
              - page: plain.md
                section: check
                title: Check {{ vars.org }}
              - page: included.md
              - page: fronted.md
              - page: gated.md
              - page: linking.md
              - page: target.md
                section: always

            """,
            // Plans that differ: beta's has no first step, so the shared steps after it are numbered for beta.
            "runbooks/extra.yml": """
            title: Extra
            sections:
              - page: valued.md
                when: vars.tier == "gold"
              - page: plain.md
                step: true
              - page: linking.md

            """,
            // The same first step for both, whose link to a later step points at that step's number in
            // each tenant's plan: 3 for alpha, 2 for beta.
            "runbooks/later.yml": """
            title: Later
            sections:
              - page: onward.md
              - page: valued.md
                when: vars.tier == "gold"
              - page: plain.md

            """,
        ])
        let (shared, own) = bothWays(tree.root)
        assertSame(shared, own)
        let alpha = String(decoding: try XCTUnwrap(shared.files["_tenants/alpha/setup/index.html"]), as: UTF8.self)
        let beta = String(decoding: try XCTUnwrap(shared.files["_tenants/beta/setup/index.html"]), as: UTF8.self)
        XCTAssertTrue(alpha.contains("Your organisation is alpha-corp."), alpha)
        XCTAssertTrue(beta.contains("Your organisation is beta-corp."), beta)
        XCTAssertFalse(beta.contains("alpha-corp"))
        XCTAssertTrue(alpha.contains("Check alpha-corp"))
        XCTAssertTrue(alpha.contains("Gold only.") && beta.contains("Everyone else."))
        let alphaExtra = String(decoding: try XCTUnwrap(shared.files["_tenants/alpha/extra/index.html"]), as: UTF8.self)
        let betaExtra = String(decoding: try XCTUnwrap(shared.files["_tenants/beta/extra/index.html"]), as: UTF8.self)
        XCTAssertEqual(alphaExtra.components(separatedBy: "class=\"rs-runbook-step\"").count,
                       betaExtra.components(separatedBy: "class=\"rs-runbook-step\"").count + 1)
        let alphaLater = String(decoding: try XCTUnwrap(shared.files["_tenants/alpha/later/index.html"]), as: UTF8.self)
        let betaLater = String(decoding: try XCTUnwrap(shared.files["_tenants/beta/later/index.html"]), as: UTF8.self)
        XCTAssertTrue(alphaLater.contains("href=\"#s3-check\""), alphaLater)
        XCTAssertTrue(betaLater.contains("href=\"#s2-check\""), betaLater)
        XCTAssertTrue(shared.diagnostics.contains { $0.message.contains("which tenant beta does not get") }, lines(shared.diagnostics).joined(separator: "\n"))
        XCTAssertFalse(shared.diagnostics.contains { $0.message.contains("which tenant alpha does not get") })
    }

    /// A page with conditions is shared by the tenants that decide its conditions alike: here alpha and
    /// gamma (gold). Beta's branch reads the same, but from other lines: its step says where it came from.
    func testTenantsWhoGetTheSameVersionOfAPageShareItsStep() throws {
        let tree = try TempTree([
            "SUMMARY.md": "# Contents\n\n* [Home](README.md)\n* [Branches](branches.md)\n",
            "README.md": "# Home\n",
            "branches.md": "# Branches\n\n{% if vars.tier == \"gold\" %}\n## Same\n\n1. Words.\n{% else %}\n\n## Same\n\n1. Words.\n{% endif %}\n"
                + "\n{% if vars.tier == \"silver\" %}\nSilver only.\n{% endif %}\n",
            "tenants/schema.yml": "variables:\n  tier: { type: enum, values: [gold, silver], default: silver }\n",
            "tenants/alpha.yml": "id: alpha\nname: Alpha\nvars:\n  tier: gold\n",
            "tenants/beta.yml": "id: beta\nname: Beta\nvars:\n  tier: silver\n",
            "tenants/gamma.yml": "id: gamma\nname: Gamma\nvars:\n  tier: gold\n",
            "runbooks/setup.yml": "title: Setup\nsections:\n  - page: branches.md\n    section: same\n    step: true\n  - page: branches.md\n",
        ])
        let (shared, own) = bothWays(tree.root)
        assertSame(shared, own)
        func sources(_ tenant: String) throws -> [String] {
            let json = try XCTUnwrap(shared.files["_tenants/\(tenant)/setup/runbook.json"])
            let document = try JSONDecoder().decode(RunbookDocument.self, from: Data(json))
            return document.steps.map(\.source)
        }
        XCTAssertEqual(try sources("alpha"), ["branches.md:4:1", "branches.md:1:1"])
        XCTAssertEqual(try sources("gamma"), try sources("alpha"))
        XCTAssertEqual(try sources("beta"), ["branches.md:9:1", "branches.md:1:1"])
        let beta = String(decoding: try XCTUnwrap(shared.files["_tenants/beta/setup/index.html"]), as: UTF8.self)
        let gamma = String(decoding: try XCTUnwrap(shared.files["_tenants/gamma/setup/index.html"]), as: UTF8.self)
        XCTAssertTrue(beta.contains("Silver only."), beta)
        XCTAssertFalse(gamma.contains("Silver only."), gamma)
    }

    /// A version of a page is taken again only by a tenant that answers every question its conditions
    /// asked the same way: conditions on two variables, nested, on the tenant's id, through a claim, in an
    /// include, and a link to an anchor that only some versions of its page have.
    func testAVersionIsTakenOnlyByTenantsWhoAnswerItsQuestionsAlike() throws {
        var files = [
            "SUMMARY.md": "# Contents\n\n* [Home](README.md)\n* [Gates](gates.md)\n* [Target](target.md)\n* [Linking](linking.md)\n",
            "README.md": "# Home\n",
            "_region.md": "{% if visitor.claims.unsigned.zone == \"eu\" %}\nData stays in Europe.\n{% endif %}\n",
            "gates.md": "# Gates\n\n{% if vars.tier == \"gold\" %}\nGold.\n{% if vars.region == \"eu\" %}\nGold in the EU.\n{% endif %}\n"
                + "{% elsif vars.region == \"us\" %}\nSilver in the US.\n{% endif %}\n\n{% unless tenant.id == \"t3\" %}\nNot for t3.\n{% endunless %}\n\n"
                + "{% include \"_region.md\" %}\n",
            "linking.md": "# Linking\n\nSee [the EU part](target.md#eu-part).\n",
            "target.md": "# Target\n\n{% if vars.region == \"eu\" and vars.tier == \"gold\" %}\n## EU part\n\nText.\n{% endif %}\n",
            "runsmith.yml": "site_url: https://docs.example.com\nclaims:\n  zone: region\n",
            "tenants/schema.yml": "variables:\n  tier: { type: enum, values: [gold, silver], default: silver }\n"
                + "  region: { type: enum, values: [eu, us], default: us }\n",
            "runbooks/setup.yml": "title: Setup\nsections:\n  - page: gates.md\n  - page: target.md\n",
            "runbooks/links.yml": "title: Links\nsections:\n  - page: linking.md\n",
        ]
        let tiers = ["gold", "silver"], regions = ["eu", "us"]
        for t in 0..<8 {
            files["tenants/t\(t).yml"] = "id: t\(t)\nname: Tenant \(t)\nvars:\n  tier: \(tiers[t % 2])\n  region: \(regions[(t / 2) % 2])\n"
        }
        let tree = try TempTree(files)
        let (shared, own) = bothWays(tree.root)
        assertSame(shared, own)
        func page(_ t: Int) throws -> String {
            String(decoding: try XCTUnwrap(shared.files["_tenants/t\(t)/setup/index.html"]), as: UTF8.self)
        }
        XCTAssertTrue(try page(0).contains("Gold in the EU.") && page(0).contains("Data stays in Europe."))
        XCTAssertFalse(try page(2).contains("Gold in the EU.") || page(2).contains("Data stays in Europe."))
        XCTAssertTrue(try page(3).contains("Silver in the US.") && page(3).contains("Not for t3.") == false)
        XCTAssertTrue(try page(7).contains("Silver in the US.") && page(7).contains("Not for t3."))
        XCTAssertTrue(try page(1).contains("Data stays in Europe.") && !page(1).contains("Gold."))
        // The link to the EU part is a problem for every tenant whose version of the target lacks it.
        let withheld = shared.diagnostics.filter { $0.message.contains("links to '#eu-part'") }.map(\.message)
        XCTAssertEqual(withheld.count, 6, withheld.joined(separator: "\n"))
        XCTAssertFalse(withheld.contains { $0.contains("tenant t0 ") || $0.contains("tenant t4 ") })
    }

    func testABytesScanFindsWhereAValueCouldGo() {
        XCTAssertTrue(SharedSteps.mentionsValues(Array("a {{ vars.x }}".utf8)))
        XCTAssertTrue(SharedSteps.mentionsValues(Array("{{".utf8)))
        XCTAssertFalse(SharedSteps.mentionsValues(Array("a { { b } }".utf8)))
        XCTAssertFalse(SharedSteps.mentionsValues(Array("{".utf8)))
        XCTAssertFalse(SharedSteps.mentionsValues([UInt8]()))
    }
}
