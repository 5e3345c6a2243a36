import Foundation
import XCTest
@testable import Runsmith

/// Twenty tenants, each with a unique canary in its name and in every string variable, built to disk
/// with single files and PDFs: every byte written is read back — HTML, JSON, CSS, JavaScript, images and
/// the text of each PDF (`pdftotext`; PDF streams are compressed) — and a tenant's canary is found in its
/// own folder and nowhere else. Only `_tenants/index.html`, the internal overview outside every tenant's
/// folder, names every tenant. A secret is found nowhere at all.
final class TenantCanaryTests: XCTestCase {
    private struct Canary {
        var id: String
        /// The part of every value and the name that survives escaping, percent-encoding and slugs.
        var mark: String
        var secret: String
    }

    private func project() -> ([String: String], [Canary]) {
        var files = [
            "tenants/schema.yml": """
            variables:
              org: { type: string, required: true }
              contact: { type: string, required: true }
              region: { type: string, default: eu }
              vip: { type: bool, default: false }
              token: { type: string, secret: true }
            """,
            "README.md": "# Home\n\nPublic docs.\n",
            "setup.md": """
            # Set up {{ tenant.name }}

            ![Diagram for {{ tenant.name }}](img/diagram.svg)

            ## Connect {{ vars.org }}

            1. Sign in to `{{ vars.org }}` as **{{ vars.contact }}**
            2. Open [the portal](https://portal.example/{{ vars.org }}?region={{ vars.region }})
            3. Paste {{ vars.token }}

            {% if vars.vip %}
            ## VIP lane

            Call {{ vars.contact }} for {{ tenant.name }}.
            {% endif %}

            ```sh
            tool login --org "{{ vars.org }}" --region {{ vars.region }}
            ```
            """,
            "img/diagram.svg": "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"><rect width=\"10\" height=\"10\"/></svg>\n",
            "runbooks/setup.yml": """
            title: Setting up {{ tenant.name }}
            intro: For {{ vars.contact }}.
            sections:
              - page: setup.md
                step: true
                owner: "{{ vars.contact }}"
                verify: "{{ vars.org }} shows the connection."
            """,
        ]
        var canaries: [Canary] = []
        for i in 1...20 {
            let id = String(format: "t%02d", i)
            let mark = "k" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            let secret = "s" + UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
            files["tenants/\(id).yml"] = """
            id: \(id)
            name: "Café \(mark) 東京"
            vars:
              org: "org-\(mark)-é & <b>"
              contact: "Zoë \(mark) 🚀"
              region: "r-\(mark)"
              vip: \(i % 3 == 0)
              token: "\(secret)"
            """
            canaries.append(Canary(id: id, mark: mark, secret: secret))
        }
        return (files, canaries)
    }

    /// Every file under `folder`, as the lowercased text a reader (or a search) would find in it.
    private func texts(under folder: URL) throws -> [String: String] {
        var texts: [String: String] = [:]
        let enumerator = try XCTUnwrap(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey]))
        for case let url as URL in enumerator where (try url.resourceValues(forKeys: [.isRegularFileKey])).isRegularFile == true {
            let path = String(url.path.dropFirst(folder.deletingLastPathComponent().path.count + 1))
            let bytes = try Data(contentsOf: url)
            texts[path] = (url.pathExtension == "pdf" ? try runTool("/usr/bin/pdftotext", [url.path, "-"]) : String(decoding: bytes, as: UTF8.self)).lowercased()
        }
        return texts
    }

    func testNoCanaryLeavesItsTenantsFolderInAnyFileOrPDF() throws {
        try requirePrintEngine()
        let (files, canaries) = project()
        let tree = try TempTree(files)
        var options = SiteBuilder.Options(root: tree.root, output: tree.output.appendingPathComponent("_site"))
        options.tenantsOutput = tree.output.appendingPathComponent("_tenants")
        options.singleFile = true
        options.pdf = true
        let result = SiteBuilder(options: options).run()
        XCTAssertTrue(result.written, lines(result.diagnostics).joined(separator: "\n"))
        let all = try texts(under: tree.output.appendingPathComponent("_site")).merging(try texts(under: tree.output.appendingPathComponent("_tenants"))) { a, _ in a }
        XCTAssertGreaterThan(all.keys.filter { $0.hasSuffix(".pdf") }.count, 39, "each tenant's runbook and checklist printed")
        XCTAssertTrue(all.keys.contains { $0.hasPrefix("_site/") && $0.hasSuffix(".html") }, "the public site was read")
        for canary in canaries {
            let own = "_tenants/\(canary.id)/"
            // Its own folder has it everywhere it is meant to be: pages, JSON, single file, both PDFs.
            for file in ["setup/index.html", "setup/checklist.html", "setup/runbook.json", "setup.html", "setup.pdf", "setup-checklist.pdf", "index.html"] {
                XCTAssertTrue(all[own + file]?.contains(canary.mark) == true, "\(own)\(file) lacks its own canary")
            }
            for (path, text) in all {
                XCTAssertFalse(text.contains(canary.secret), "\(path) holds \(canary.id)'s secret")
                guard !path.hasPrefix(own), path != "_tenants/index.html" else { continue }
                XCTAssertFalse(text.contains(canary.mark), "\(path) holds \(canary.id)'s canary")
            }
        }
    }
}
