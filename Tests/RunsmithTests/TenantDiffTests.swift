import Foundation
import XCTest
@testable import Runsmith

/// `runsmith diff A B`: what differs between two tenants' runbooks and docs, down to the branch, the
/// value and the line; and the unified diff it prints, checked by `patch`, which must turn one text
/// into the other with it.
final class TenantDiffTests: XCTestCase {
    private static let files = [
        "tenants/schema.yml": """
        variables:
          org: { type: string, required: true }
          server: { type: bool, default: false }
          pat: { type: string, secret: true }
        """,
        "tenants/cafe.yml": "id: cafe\nname: Café 東京\nvars: { org: café-org 🚀, pat: s3cr3t-cafe }\n",
        "tenants/depot.yml": "id: depot\nname: Depot\nvars: { org: depot-org, server: true, pat: s3cr3t-depot }\n",
        "README.md": "# Home\n",
        "setup.md": """
        # Setup

        ## Connect

        Sign in to `{{ vars.org }}` with {{ vars.pat }}.

        {% if vars.server %}
        Open the server console.
        {% else %}
        Open the cloud console.
        {% endif %}

        ## Same

        Nothing here depends on the tenant.

        {% if vars.server %}
        ## Server only

        Patch the server.
        {% endif %}
        """,
        "runbooks/r.yml": """
        title: R
        sections:
          - page: setup.md
            section: connect
          - page: setup.md
            section: same
          - page: setup.md
            section: server-only
            when: vars.server
        """,
    ]

    private func compare(_ a: String, _ b: String, runbook: String? = nil) throws -> TenantComparison {
        let tree = try TempTree(Self.files)
        var problems: [Diagnostic] = []
        let site = try XCTUnwrap(SiteSource.load(root: tree.root, excluding: [], diagnostics: &problems))
        XCTAssertEqual(lines(problems), [])
        return try TenantDiff.compare(site, a, b, runbook: runbook).get()
    }

    func testAStepBothGetShowsItsBranchItsValuesAndItsLines() throws {
        let comparison = try compare("cafe", "depot")
        let runbook = try XCTUnwrap(comparison.runbooks.first)
        XCTAssertEqual(runbook.gets, .both)
        // Section 2 reads the same for both: not listed. Section 3 is only depot's.
        XCTAssertEqual(runbook.steps.map(\.section), [1, 3])
        XCTAssertEqual(runbook.steps[1].gets, .b)
        XCTAssertNil(runbook.steps[1].content)
        let content = try XCTUnwrap(runbook.steps[0].content)
        XCTAssertEqual(content.branches, [.init(at: "setup.md:7:1", tag: "{% if vars.server %}", a: false, b: true)])
        // The secret is its placeholder for both, so it does not differ; the org does.
        XCTAssertEqual(content.values, [.init(reference: "vars.org", a: "café-org 🚀", b: "depot-org")])
        XCTAssertEqual(content.diff, [
            "--- cafe/setup.md", "+++ depot/setup.md", "@@ -1,3 +1,3 @@",
            "-Sign in to café-org 🚀 with ‹secret: pat›.", "+Sign in to depot-org with ‹secret: pat›.", " ",
            "-Open the cloud console.", "+Open the server console.",
        ])
    }

    func testTheDocsPageDiffersAndNoSecretIsEverShown() throws {
        let comparison = try compare("cafe", "depot")
        XCTAssertEqual(comparison.pages.map(\.page), ["setup.md"])
        let page = comparison.pages[0].content
        // The whole page: both conditions (the second decides a section only depot gets).
        XCTAssertEqual(page.branches.map(\.at), ["setup.md:7:1", "setup.md:17:1"])
        XCTAssertTrue(page.diff.contains("+Patch the server."), page.diff.joined(separator: "\n"))
        let json = String(decoding: try JSONEncoder().encode(comparison), as: UTF8.self)
        let text = comparison.text
        for output in [json, text] {
            XCTAssertFalse(output.contains("s3cr3t"), "a secret value is shown")
        }
        XCTAssertTrue(text.contains("‹secret: pat›"))
        XCTAssertEqual(try JSONDecoder().decode(TenantComparison.self, from: Data(json.utf8)), comparison)
    }

    func testTheReadableFormNamesEachDifference() throws {
        let text = try compare("cafe", "depot", runbook: "r").text
        XCTAssertEqual(text, """
        Comparing cafe (Café 東京) with depot (Depot)

        runbook r: both get it
          section 1, setup.md#connect: reads differently
            {% if vars.server %} at setup.md:7:1: holds for depot, not for cafe
            {{ vars.org }}: cafe "café-org 🚀", depot "depot-org"
            --- cafe/setup.md
            +++ depot/setup.md
            @@ -1,3 +1,3 @@
            -Sign in to café-org 🚀 with ‹secret: pat›.
            +Sign in to depot-org with ‹secret: pat›.
             \("")
            -Open the cloud console.
            +Open the server console.
          section 3, setup.md#server-only: only depot gets it

        """)
    }

    func testTheSameTenantTwiceDiffersInNothing() throws {
        let comparison = try compare("cafe", "cafe")
        XCTAssertEqual(comparison.runbooks.map(\.steps.count), [0])
        XCTAssertEqual(comparison.pages, [])
        XCTAssertTrue(comparison.text.contains("runbook r: both get it, and read it the same"))
    }

    func testUnknownTenantsAndRunbooksAreErrors() throws {
        let tree = try TempTree(Self.files)
        var problems: [Diagnostic] = []
        let site = try XCTUnwrap(SiteSource.load(root: tree.root, excluding: [], diagnostics: &problems))
        XCTAssertThrowsError(try TenantDiff.compare(site, "cafe", "ghost").get())
        XCTAssertThrowsError(try TenantDiff.compare(site, "cafe", "depot", runbook: "nope").get())
    }

    /// `patch` applies the unified diff to the old text and must get the new one, for many random pairs.
    func testPatchTurnsTheOldTextIntoTheNewWithTheDiff() throws {
        var random = SystemRandomNumberGenerator()
        let words = ["a", "b", "c", "d", "é", "東京", ""]
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for round in 0..<40 {
            let old = (0..<Int.random(in: 0...30, using: &random)).map { _ in words.randomElement(using: &random)! }
            var new = old
            for _ in 0..<Int.random(in: 1...6, using: &random) {
                switch Int.random(in: 0...2, using: &random) {
                case 0 where !new.isEmpty: new.remove(at: Int.random(in: 0..<new.count, using: &random))
                case 1 where !new.isEmpty: new[Int.random(in: 0..<new.count, using: &random)] = "x\(round)"
                default: new.insert("n\(round)", at: Int.random(in: 0...new.count, using: &random))
                }
            }
            let (oldText, newText) = (old.map { $0 + "\n" }.joined(), new.map { $0 + "\n" }.joined())
            let diff = UnifiedDiff.lines(from: oldText, to: newText, oldName: "a/f", newName: "b/f")
            XCTAssertEqual(diff.isEmpty, old == new)
            guard !diff.isEmpty else { continue }
            let file = folder.appendingPathComponent("f")
            try Data(oldText.utf8).write(to: file)
            let patch = Process()
            patch.executableURL = URL(fileURLWithPath: "/usr/bin/patch")
            patch.arguments = ["--quiet", "--force", file.path]
            let input = Pipe()
            patch.standardInput = input
            try patch.run()
            input.fileHandleForWriting.write(Data((diff.joined(separator: "\n") + "\n").utf8))
            try input.fileHandleForWriting.close()
            patch.waitUntilExit()
            XCTAssertEqual(patch.terminationStatus, 0, diff.joined(separator: "\n"))
            XCTAssertEqual(try String(contentsOf: file, encoding: .utf8), newText, diff.joined(separator: "\n"))
        }
    }
}
