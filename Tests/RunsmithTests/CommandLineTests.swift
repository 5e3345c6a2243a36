import Foundation
import XCTest
@testable import Runsmith

/// Runs the built `runsmith` binary: exit codes, streams, formats.
final class CommandLineTests: XCTestCase {
    static var binary: URL {
        // Tests run from the build folder (`.build/debug`), where the executable sits too.
        let bundle = Bundle(for: CommandLineTests.self).bundleURL
        let candidates = [bundle, bundle.deletingLastPathComponent()].map { $0.appendingPathComponent("runsmith") }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[0]
    }

    private func run(_ arguments: [String], stdin: String? = nil, in directory: URL? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = directory }
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    override func setUpWithError() throws {
        // `make test` builds the executable with the tests; a missing binary is a failure, not a skip.
        guard FileManager.default.isExecutableFile(atPath: Self.binary.path) else {
            XCTFail("runsmith binary not built at \(Self.binary.path)")
            throw CocoaError(.fileNoSuchFile)
        }
    }

    /// The public site and the tenants' folders go to two places: nothing of a tenant in `--out`, and each
    /// tenant's folder whole on its own (pages, theme, images), beside it unless `--tenants-out` says where.
    func testBuildWritesThePublicSiteAndEachTenantsFolderApart() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-outputs-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let content = repositoryRoot.appendingPathComponent("content").path
        let r = try run(["build", content, "--out", work.appendingPathComponent("site").path, "--single-file"])
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertTrue(r.err.contains("tenants → \(work.appendingPathComponent("_tenants").path)/"), r.err)
        let fm = FileManager.default
        for path in ["_tenants/index.html", "_tenants/contoso/index.html", "_tenants/contoso/azure-devops-setup/checklist.html",
                     "_tenants/contoso/azure-devops-setup.html", "_tenants/contoso/_runsmith/runsmith.css",
                     "_tenants/fabrikam/_assets/broker-connected-fc793910fa66.png"] {
            XCTAssertTrue(fm.fileExists(atPath: work.appendingPathComponent(path).path), path)
        }
        var site = ""
        for case let url as URL in fm.enumerator(at: work.appendingPathComponent("site"), includingPropertiesForKeys: nil)! {
            site += (try? String(contentsOf: url, encoding: .utf8)) ?? ""
        }
        for name in ["Contoso", "Fabrikam", "Northwind", "contoso-", "runbook.json"] { XCTAssertFalse(site.contains(name), name) }
        let same = try run(["build", content, "--out", work.appendingPathComponent("x").path, "--tenants-out", work.appendingPathComponent("x").path])
        XCTAssertEqual(same.status, 1)
        XCTAssertTrue(same.err.contains("give --tenants-out another folder"), same.err)
    }

    func testRenderIsLikeCmark() throws {
        let r = try run(["render", "-"], stdin: "# Title\n\nSome *text*.\n")
        XCTAssertEqual(r.status, 0)
        XCTAssertEqual(r.out, "<h1 id=\"title\">Title<a class=\"rs-anchor\" href=\"#title\" aria-label=\"Link to this section\"></a></h1>\n<p>Some <em>text</em>.</p>\n")
        XCTAssertEqual(r.err, "")
    }

    func testRenderResolvesIncludesUnderTheWorkingDirectory() throws {
        let tree = try TempTree(["docs/page.md": "{% include \"../inc/n.md\" %}\n", "inc/n.md": "Included.\n"])
        let r = try run(["render", "docs/page.md"], in: tree.root)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "<p>Included.</p>\n")
        let escape = try run(["render", "page.md"], in: tree.root.appendingPathComponent("docs"))
        XCTAssertEqual(escape.status, 1)
        XCTAssertTrue(escape.err.hasPrefix("page.md:1:1: error: include path '../inc/n.md' leaves the content root"), escape.err)
    }

    func testRenderAsATenant() throws {
        let tree = try TempTree([
            "tenants/schema.yml": "variables:\n  org: { type: string, required: true }\n  server: { type: bool, default: false }\n",
            "tenants/acme.yml": "id: acme\nname: Acme & Co\nvars: { org: acme-eng, server: true }\n",
            "page.md": "Org {{ vars.org }} of {{ tenant.name }}.\n\n{% if vars.server %}\nServer steps.\n{% else %}\nCloud steps.\n{% endif %}\n",
        ])
        let r = try run(["render", "--tenant", "acme", "page.md"], in: tree.root)
        XCTAssertEqual(r.status, 0, r.err)
        XCTAssertEqual(r.out, "<p>Org acme-eng of Acme &amp; Co.</p>\n<p>Server steps.</p>\n")
        let missing = try run(["render", "--tenant", "ghost", "page.md"], in: tree.root)
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.contains("no tenant 'ghost' (looked for tenants/ghost.yml)"), missing.err)
        // From anywhere, naming the docs root: the tenant and schema are read from it.
        let elsewhere = FileManager.default.temporaryDirectory
        let rooted = try run(["render", "--root", tree.root.path, "--tenant", "acme", tree.root.appendingPathComponent("page.md").path], in: elsewhere)
        XCTAssertEqual(rooted.status, 0, rooted.err)
        XCTAssertEqual(rooted.out, r.out)
        let outside = try run(["render", "--root", tree.root.appendingPathComponent("tenants").path, tree.root.appendingPathComponent("page.md").path], in: elsewhere)
        XCTAssertEqual(outside.status, 2)
        XCTAssertTrue(outside.err.contains("is not inside --root"), outside.err)
    }

    func testDiffListsWhatOneTenantGetsAndTheOtherDoesNot() throws {
        let content = repositoryRoot.appendingPathComponent("content").path
        let r = try run(["diff", "contoso", "fabrikam", "--root", content])
        XCTAssertEqual(r.status, 0, r.err)
        let lines = r.out.split(separator: "\n").map(String.init)
        for line in [
            "runbook azure-devops-setup: both get it",
            "  section 2, integrations/azure-devops/azure-devops-server.md: only fabrikam gets it",
            "  section 3, integrations/azure-devops/group-level-setup.md#connect-the-group: reads differently",
            "    {% if vars.deployment == \"services\" %} at integrations/azure-devops/group-level-setup.md:68:1: holds for contoso, not for fabrikam",
            "    -For Contoso Pharmaceuticals, keep these organizations: research, manufacturing.",
            "    +For Fabrikam Logistics, keep these organizations: fleet.",
            "  section 4, Give manufacturing its own token (integrations/azure-devops/organization-level-setup.md#connect-the-organization): only contoso gets it",
            "runbook gitlab-setup: neither gets it",
            "runbook on-premises-broker: only fabrikam gets it",
            "docs page integrations/azure-devops/azure-devops-server.md: reads differently",
        ] {
            XCTAssertTrue(lines.contains(line), "missing: \(line)\n\(r.out)")
        }
        let json = try run(["diff", "contoso", "fabrikam", "--runbook", "azure-devops-setup", "--format", "json", "--root", content])
        XCTAssertEqual(json.status, 0, json.err)
        let comparison = try JSONDecoder().decode(TenantComparison.self, from: Data(json.out.utf8))
        XCTAssertEqual(comparison.runbooks.map(\.id), ["azure-devops-setup"])
        XCTAssertEqual(comparison.runbooks[0].steps.map(\.section), [2, 3, 4])
        XCTAssertEqual(comparison.pages, [], "--runbook compares that runbook only")
        let missing = try run(["diff", "contoso", "ghost", "--root", content])
        XCTAssertEqual(missing.status, 1)
        XCTAssertTrue(missing.err.contains("no tenant 'ghost'"), missing.err)
    }

    func testCheckListsEverySeededProblemOfABrokenTenantSetInOneRun() throws {
        let tree = try TempTree([
            "tenants/schema.yml": "variables:\n  org: { type: string, required: true }\n  tier: { type: enum, values: [basic, pro], default: basic }\n",
            "tenants/good.yml": "id: good\nname: Good\nvars: { org: good-org, tier: pro }\n",
            "tenants/bad.yml": "id: bad\nname: Bad\nvars:\n  tier: gold\n  colour: red\n",
            "README.md": "# Home\n\n{% if vars.plan == \"pro\" %}\nPro\n{% endif %}\n\nOrg: {{ vars.orgg }}\n",
            "runbooks/r.yml": "title: R\nwhen: vars.tier == \"pro\"\nsections:\n  - page: gone.md\n  - page: README.md\n    section: nope\n  - page: README.md\n    estimate: soonish\n",
        ])
        let r = try run(["check", ".", "--format", "json"], in: tree.root)
        XCTAssertEqual(r.status, 1)
        let found = r.out.split(separator: "\n").map { line -> String in
            let object = try! JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            return "\(object["file"]!):\(object["line"]!): \(object["code"]!)"
        }
        XCTAssertEqual(found, [
            "README.md:3: undeclared-variable",
            "README.md:7: undeclared-variable",
            "runbooks/r.yml:4: invalid-runbook",
            "runbooks/r.yml:5: invalid-runbook",
            "runbooks/r.yml:8: invalid-runbook",
            "tenants/bad.yml:3: missing-variable",
            "tenants/bad.yml:4: invalid-variable",
            "tenants/bad.yml:5: unknown-variable",
        ])
    }

    func testExitCodes() throws {
        let tree = try TempTree(["README.md": "# Home\n\n[x](nope.md)\n"])
        let missing = try run(["check", "no-such-folder"], in: tree.root)
        XCTAssertEqual(missing.status, 1, "a root that does not exist is an error")
        XCTAssertTrue(missing.err.hasPrefix("runsmith: error: docs root '\(tree.root.path)/no-such-folder' is not a folder"), missing.err)
        let inside = try run(["check", "."], in: tree.root)
        XCTAssertEqual(inside.status, 1)
        XCTAssertTrue(inside.err.hasPrefix("README.md:3:1: error: link target 'nope.md' not found\n  |\n3 | [x](nope.md)\n  | ^\n"), inside.err)
        // Paths are shown relative to where the command runs.
        let parent = try run(["check", tree.root.lastPathComponent], in: tree.root.deletingLastPathComponent())
        XCTAssertTrue(parent.err.hasPrefix("\(tree.root.lastPathComponent)/README.md:3:1: error:"), parent.err)
        XCTAssertEqual(try run(["build", "--bogus"]).status, 2, "usage errors exit 2")
        XCTAssertEqual(try run(["frobnicate"]).status, 2)
        let ok = try TempTree(["README.md": "# Home\n"])
        let out = ok.output
        let build = try run(["build", ok.root.path, "--out", out.path])
        XCTAssertEqual(build.status, 0)
        XCTAssertTrue(build.err.contains("built 1 pages, 0 assets, 0 errors, 0 warnings → \(out.path)/index.html"), build.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: out.appendingPathComponent("_runsmith/runsmith.css").path))
    }

    func testJSONAndGitHubFormatsGoToStdout() throws {
        let tree = try TempTree(["README.md": "# Home\n\n[x](#missing)\n"])
        let json = try run(["check", ".", "--format", "json"], in: tree.root)
        XCTAssertEqual(json.status, 1)
        XCTAssertEqual(json.out, #"{"code":"missing-anchor","column":1,"file":"README.md","line":3,"message":"anchor '#missing' not found in README.md","severity":"error"}"# + "\n")
        let github = try run(["check", ".", "--format", "github"], in: tree.root)
        XCTAssertEqual(github.out, "::error file=README.md,line=3,col=1,title=runsmith missing-anchor::anchor '#missing' not found in README.md\n")
    }

    func testTheSameWarningIsOneFrameInHumanOutputAndEveryOneInJSONAndGitHub() throws {
        // Three pages, each with a Marketo form and ten links into the same unmapped space; two broken links.
        let links = (1...10).map { "- [\($0)](https://app.gitbook.com/s/Sp4ce/p\($0))\n" }.joined()
        let page = "# Page\n\n{% @marketo/form formId=\"7\" %}\n\n" + links
        let tree = try TempTree(["README.md": page, "a.md": page + "\n[gone](gone.md)\n", "b.md": page + "\n[lost](lost.md)\n"])
        let human = try run(["check", "."], in: tree.root)
        XCTAssertEqual(human.status, 1)
        XCTAssertEqual(human.err, """
        README.md:3:1: warning: GitBook integration block '@marketo/form' cannot be rendered offline; it was left out
          |
        3 | {% @marketo/form formId="7" %}
          | ^
          also at a.md:3:1
                  b.md:3:1
        README.md:5:3: warning: link into GitBook space 'Sp4ce', which runsmith.yml does not map (spaces:)
          |
        5 | - [1](https://app.gitbook.com/s/Sp4ce/p1)
          |   ^
          also at README.md:6:3
                  README.md:7:3
                  README.md:8:3
                  and 26 more places (30 in all)
        a.md:16:1: error: link target 'gone.md' not found
           |
        16 | [gone](gone.md)
           | ^
        b.md:16:1: error: link target 'lost.md' not found
           |
        16 | [lost](lost.md)
           | ^

          count  severity  code
              2  error     broken-link
             30  warning   unknown-space
              3  warning   integration-dropped
        runsmith: checked 3 pages, 0 assets, 2 errors, 33 warnings

        """)
        let json = try run(["check", ".", "--format", "json"], in: tree.root).out.split(separator: "\n")
        XCTAssertEqual(json.count, 35)
        let spaces = json.filter { $0.contains(#""code":"unknown-space""#) }
        XCTAssertEqual(spaces.count, 30)
        XCTAssertEqual(spaces.last, #"{"code":"unknown-space","column":3,"file":"b.md","line":14,"message":"link into GitBook space 'Sp4ce', which runsmith.yml does not map (spaces:)","severity":"warning"}"#)
        let github = try run(["check", ".", "--format", "github"], in: tree.root).out.split(separator: "\n")
        XCTAssertEqual(github.count, 35)
        XCTAssertEqual(github.filter { $0.hasPrefix("::warning file=a.md,line=3,col=1,title=runsmith integration-dropped::") }.count, 1)
        XCTAssertEqual(github.filter { $0.hasPrefix("::error ") }, [
            "::error file=a.md,line=16,col=1,title=runsmith broken-link::link target 'gone.md' not found",
            "::error file=b.md,line=16,col=1,title=runsmith broken-link::link target 'lost.md' not found",
        ])
    }

    func testRenderKeepsDiagnosticsOffStdout() throws {
        let r = try run(["render", "-", "--format", "json"], stdin: "x\n\n{% hnt %}\n")
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out, "<p>x</p>\n")
        XCTAssertTrue(r.err.hasPrefix(#"{"code":"unknown-tag","column":1,"file":"<stdin>","line":3,"#), r.err)
    }

    func testRefusedOutputSaysNothingWasWritten() throws {
        let tree = try TempTree(["README.md": "# A\n", "keep.txt": "x"])
        let r = try run(["build", ".", "--out", "."], in: tree.root)
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.err.contains("error: output folder"), r.err)
        XCTAssertTrue(r.err.hasSuffix("runsmith: nothing written (0 pages, 0 assets, 1 errors, 0 warnings)\n"), r.err)
        XCTAssertTrue(FileManager.default.fileExists(atPath: tree.root.appendingPathComponent("keep.txt").path))
    }

    func testCorpusBuildExitsOneWithTheBrokenLinks() throws {
        guard FileManager.default.fileExists(atPath: CorpusTests.fixture.path) else {
            print("SKIP corpus CLI test: \(CorpusTests.fixture.path) not found")
            throw XCTSkip("shared fixtures not present")
        }
        let tree = try TempTree([:])
        let r = try run(["build", CorpusTests.fixture.path, "--out", tree.output.path, "--format", "github"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(r.out.split(separator: "\n").filter { $0.hasPrefix("::error") }.count, 88)
        XCTAssertTrue(r.err.hasSuffix("runsmith: built 21 pages, 9 assets, 88 errors, 59 warnings → \(tree.output.path)/index.html\n"), r.err)
    }

    func testNoProgressWhenStderrIsNotATerminal() throws {
        let tree = try TempTree(["README.md": "# Home\n"])
        let r = try run(["check", tree.root.path])
        XCTAssertEqual(r.err, "runsmith: checked 1 pages, 0 assets, 0 errors, 0 warnings\n")
    }

    func testCacheInsideTheDocsIsNotReadAsDocsAndAnUnusableOneOnlyWarns() throws {
        let tree = try TempTree(["README.md": "# Home\n\nSee [setup](setup.md).\n", "setup.md": "# Setup\n"])
        let first = try run(["build", ".", "--out", tree.output.path, "--cache", ".runsmith-cache"], in: tree.root)
        XCTAssertEqual(first.status, 0, first.err)
        XCTAssertTrue(first.err.hasSuffix("built 2 pages, 0 assets, 0 errors, 0 warnings → \(tree.output.path)/index.html\n"), first.err)
        let second = try run(["build", ".", "--out", tree.output.path, "--cache", ".runsmith-cache"], in: tree.root)
        XCTAssertTrue(second.err.hasSuffix("built 2 pages (2 from the cache), 0 assets, 0 errors, 0 warnings → \(tree.output.path)/index.html\n"),
                      second.err)
        try tree.write("blocked", Data("a file where the cache's folder would go".utf8))
        let blocked = try run(["check", ".", "--cache", "blocked"], in: tree.root)
        XCTAssertEqual(blocked.status, 0, "a cache is only a speed-up")
        XCTAssertTrue(blocked.err.contains("warning: cannot write to the cache"), blocked.err)
    }
}
