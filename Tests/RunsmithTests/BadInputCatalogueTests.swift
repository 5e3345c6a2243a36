import Foundation
import XCTest
@testable import Runsmith

/// docs/bad-input.md is a table of bad inputs and what runsmith says about each. This test reads the
/// table, runs the case of every row with the real binary, and checks the exit status and that the
/// diagnostic in the row is printed exactly. A row without a case, or a case without a row, fails.
final class BadInputCatalogueTests: XCTestCase {
    struct Case {
        var files: [String: String]
        /// Arguments after `runsmith`, run in the tree's folder.
        var arguments = ["check", "."]
        var binary: [String: [UInt8]] = [:]
        /// Symbolic links to make: path in the tree → target.
        var links: [String: String] = [:]
        /// What the output folder must not contain afterwards (nothing outside the root is copied).
        var outputLacks: String?
    }

    static let schema = "variables:\n  org:\n    type: string\n    required: true\n  tier:\n    type: enum\n    values: [basic, pro]\n"
    static let page = "# Home\n\nWelcome.\n"

    static let cases: [String: Case] = [
        // Config
        "config-unknown-key": Case(files: ["runsmith.yml": "titel: Docs\n", "README.md": page]),
        "config-bad-yaml": Case(files: ["runsmith.yml": "flavor: [gitbook\n", "README.md": page]),
        "config-bad-limit": Case(files: ["runsmith.yml": "limits:\n  includes: 0\n", "README.md": page]),
        "config-unknown-code": Case(files: ["runsmith.yml": "severity:\n  broken-links: warning\n", "README.md": page]),
        "gitbook-root-outside": Case(files: [".gitbook.yaml": "root: ../elsewhere/\n", "README.md": page]),
        // Tenants and runbooks
        "tenant-without-schema": Case(files: ["tenants/acme.yml": "id: acme\nname: Acme\nvars:\n  org: acme\n", "README.md": page]),
        "tenant-missing-required": Case(files: ["tenants/schema.yml": schema, "tenants/acme.yml": "id: acme\nname: Acme\nvars:\n  tier: pro\n",
                                                "README.md": page]),
        "tenant-bad-enum": Case(files: ["tenants/schema.yml": schema, "tenants/acme.yml": "id: acme\nname: Acme\nvars:\n  org: acme\n  tier: gold\n",
                                        "README.md": page]),
        "tenant-undeclared-variable": Case(files: ["tenants/schema.yml": schema,
                                                   "README.md": "# Home\n\n{% if vars.region == \"eu\" %}\nEU only.\n{% endif %}\n"]),
        "runbook-missing-section": Case(files: ["tenants/schema.yml": schema, "tenants/acme.yml": "id: acme\nname: Acme\nvars:\n  org: acme\n",
                                                "runbooks/setup.yml": "title: Setup\nsections:\n  - page: README.md\n    section: install\n",
                                                "README.md": page]),
        "runbook-missing-page": Case(files: ["tenants/schema.yml": schema, "tenants/acme.yml": "id: acme\nname: Acme\nvars:\n  org: acme\n",
                                             "runbooks/setup.yml": "title: Setup\nsections:\n  - page: guide/install.md\n",
                                             "README.md": page]),
        "runbook-undeclared-in-title": Case(files: ["tenants/schema.yml": schema, "tenants/acme.yml": "id: acme\nname: Acme\nvars:\n  org: acme\n",
                                                    "runbooks/setup.yml": "title: \"Connect {{ vars.orgg }}\"\nsections:\n  - page: README.md\n",
                                                    "README.md": page]),
        "variable-namespace-typo": Case(files: ["tenants/schema.yml": schema, "README.md": "# Home\n\nOrg {{ var.org }}.\n"]),
        // Frontmatter and encoding
        "frontmatter-bad-yaml": Case(files: ["README.md": "---\ntitle: [unclosed\n---\n# Home\n"]),
        "frontmatter-unclosed": Case(files: ["README.md": "---\ntitle: Home\n\n# Home\n"]),
        "page-invalid-utf8": Case(files: [:], binary: ["README.md": Array("# Home\n\nCaf".utf8) + [0xE9] + Array(" au lait.\n".utf8)]),
        "page-binary": Case(files: [:], binary: ["README.md": [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D]]),
        "page-empty": Case(files: ["README.md": "---\ntitle: Home\n---\n\n"]),
        // Directives
        "directive-unclosed": Case(files: ["README.md": "# Home\n\n{% hint style=\"info\" %}\nNever closed.\n"]),
        "directive-stray-closer": Case(files: ["README.md": "# Home\n\nText.\n\n{% endhint %}\n"]),
        "directive-unknown": Case(files: ["README.md": "# Home\n\n{% carousel %}\n"]),
        "directive-inline": Case(files: ["README.md": "# Home\n\nText with {% hint style=\"info\" %} inside.\n"]),
        "directive-unclosed-tag": Case(files: ["README.md": "# Home\n\n{% hint style=\"info\"\n"]),
        "directive-crossed": Case(files: ["README.md": "# Home\n\n- item\n\n  {% hint style=\"info\" %}\n  text\n\n{% endhint %}\n"]),
        "tags-unclosed-100k": Case(files: ["README.md": "# Home\n\n" + String(repeating: "{% ", count: 100_000) + "\n"]),
        // Includes
        "include-missing": Case(files: ["README.md": "# Home\n\n{% include \"parts/gone.md\" %}\n"]),
        "include-cycle": Case(files: ["README.md": "# Home\n\n{% include \".gitbook/includes/a.md\" %}\n",
                                      ".gitbook/includes/a.md": "{% include \"b.md\" %}\n", ".gitbook/includes/b.md": "{% include \"a.md\" %}\n"]),
        "include-escapes-root": Case(files: ["README.md": "# Home\n\n{% include \"../../../etc/passwd\" %}\n"]),
        "include-file-url": Case(files: ["README.md": "# Home\n\n{% include \"file:///etc/passwd\" %}\n"]),
        "include-symlink-out": Case(files: ["README.md": "# Home\n\n{% include \"parts/hosts.md\" %}\n"], links: ["parts/hosts.md": "/etc/hosts"]),
        "include-diamond": Case(files: diamond()),
        "page-too-big": Case(files: ["runsmith.yml": "limits:\n  expanded_bytes: 1000\n", "README.md": "# Home\n\n{% include \"big.md\" %}\n",
                                     "big.md": String(repeating: "Words words words.\n", count: 100)]),
        // Links and images
        "link-broken": Case(files: ["README.md": "# Home\n\nSee [setup](setup.md).\n"]),
        "link-missing-anchor": Case(files: ["README.md": "# Home\n\nSee [setup](setup.md#install).\n", "setup.md": "# Setup\n\n## Configure\n"]),
        "image-missing": Case(files: ["README.md": "# Home\n\n![diagram](images/flow.png)\n"]),
        "image-escapes-root": Case(files: ["README.md": "# Home\n\n![passwd](../../../../etc/passwd)\n"]),
        "image-symlink-out": Case(files: ["README.md": "# Home\n\n![hosts](hosts.png)\n"], arguments: ["build", ".", "--out", "../site"],
                                  links: ["hosts.png": "/etc/hosts"], outputLacks: "localhost"),
        "link-file-url": Case(files: ["README.md": "# Home\n\nSee [the file](file:///etc/passwd).\n"]),
        // Raw HTML and URLs
        "html-script": Case(files: ["README.md": "# Home\n\n<script>alert('owned')</script>\n"], arguments: ["build", ".", "--out", "../site"],
                            outputLacks: "owned"),
        "html-event-handler": Case(files: ["README.md": "# Home\n\n<span onclick=\"alert(1)\">Click</span>\n"]),
        "html-javascript-url": Case(files: ["README.md": "# Home\n\n<a href=\"JavaScript:alert(1)\">Open</a>\n"]),
        "link-javascript-url": Case(files: ["README.md": "# Home\n\nSee [this](javascript:alert(1)).\n"]),
        "html-data-url": Case(files: ["README.md": "# Home\n\n<img src=\"data:image/svg+xml,&lt;svg onload=alert(1)&gt;\" alt=\"\">\n"]),
        "html-stray-closer": Case(files: ["README.md": "# Home\n\n{% hint style=\"info\" %}\nText.\n\n</div>\n{% endhint %}\n"]),
        "html-unsafe-as-error": Case(files: ["runsmith.yml": "severity:\n  unsafe-html: error\n",
                                             "README.md": "# Home\n\n<iframe src=\"https://example.com\"></iframe>\n"]),
        // Output
        "html-processing-instruction": Case(files: ["README.md": "# Home\n\n<?php\n  echo '>';\n?>\nokay\n"]),
        "html-doctype": Case(files: ["README.md": "# Home\n\n<!DOCTYPE html>\n"]),
        "html-cdata": Case(files: ["README.md": "# Home\n\n<![CDATA[\nx < y\n]]>\n"]),
        "html-unterminated-tag": Case(files: ["README.md": "# Home\n\n<div id=\"foo\"\n*hi*\n"]),
        // Issue 14: MDX read as MDX, GitBook formulas, Docusaurus link rules
        "math-unrendered": Case(files: ["README.md": "# Home\n\nA $$\\begin{matrix} a \\end{matrix}$$ here.\n"]),
        "mdx-codeblock-value": Case(files: ["README.md": page, "page.mdx": "# Page\n\n<CodeBlock language=\"ts\">{snippet}</CodeBlock>\n"]),
        "mdx-expression-attribute": Case(files: ["README.md": page, "page.mdx": "# Page\n\nGet <a href={`https://x/${v}/y.js`}>y.js</a>.\n"]),
        "docusaurus-dot-link": Case(files: ["docusaurus.config.js": "module.exports = {}\n", "docs/intro.md": "# Intro\n",
                                            "docs/other/page.md": "# Page\n\n[x](./guides/setup.md)\n", "docs/guides/setup.md": "# Setup\n"]),
        "docusaurus-next-unversioned": Case(files: ["docusaurus.config.js": "module.exports = {}\n", "docs/intro.mdx": "# Intro\n",
                                                    "docs/a.mdx": "# A\n\n[x](/docs/next/intro)\n"]),
        "out-is-root": Case(files: ["README.md": page], arguments: ["build", ".", "--out", "."]),
        "out-not-ours": Case(files: ["README.md": page, "../foreign/notes.txt": "mine\n"], arguments: ["build", ".", "--out", "../foreign"]),
    ]

    static func diamond() -> [String: String] {
        // In a dot-folder, so that only README.md is a page (the others would report the same again).
        var files = ["README.md": "# Home\n\n{% include \".gitbook/includes/d0.md\" %}\n", ".gitbook/includes/d20.md": "leaf\n"]
        for i in 0..<20 { files[".gitbook/includes/d\(i).md"] = "{% include \"d\(i + 1).md\" %}\n{% include \"d\(i + 1).md\" %}\n" }
        return files
    }

    /// `| id | stage | input | diagnostic | exit |` rows of docs/bad-input.md.
    static func rows() throws -> [(id: String, diagnostic: String, exit: Int32)] {
        let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/bad-input.md"), encoding: .utf8)
        var rows: [(String, String, Int32)] = []
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 7, let exit = Int32(cells[5]) else { continue }
            // The text between the first two backticks (a cell may go on with a remark after them).
            func code(_ cell: String) -> String { cell.split(separator: "`", omittingEmptySubsequences: false).dropFirst().first.map(String.init) ?? cell }
            rows.append((code(cells[1]), code(cells[4]), exit))
        }
        return rows
    }

    func testEveryRowOfTheCatalogueHappensAsWritten() throws {
        let rows = try Self.rows()
        XCTAssertGreaterThanOrEqual(rows.count, 30)
        XCTAssertEqual(Set(rows.map(\.id)), Set(Self.cases.keys), "rows and cases name the same inputs")
        for row in rows {
            guard let c = Self.cases[row.id] else { continue }
            let work = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-bad-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: work) }
            let root = work.appendingPathComponent("docs")
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            for (path, text) in c.files { try write(root.appendingPathComponent(path), Array(text.utf8)) }
            for (path, bytes) in c.binary { try write(root.appendingPathComponent(path), bytes) }
            for (path, target) in c.links {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
                try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent(path).path, withDestinationPath: target)
            }
            let (status, errors) = try run(c.arguments, in: root)
            XCTAssertEqual(status, row.exit, "\(row.id): exit status\n\(errors.prefix(1500))")
            let expected = row.diagnostic.replacingOccurrences(of: "<root>", with: root.path)
                .replacingOccurrences(of: "<folder>", with: work.appendingPathComponent("foreign").path)
            let printed = errors.split(separator: "\n").map(String.init)
            XCTAssertEqual(printed.filter { $0 == expected }.count, 1,
                           "\(row.id): expected `\(expected)` once; printed:\n\(printed.prefix(12).joined(separator: "\n"))")
            if let lacks = c.outputLacks {
                let site = work.appendingPathComponent("site")
                for case let url as URL in FileManager.default.enumerator(at: site, includingPropertiesForKeys: nil) ?? .init() {
                    let data = (try? Data(contentsOf: url)) ?? Data()
                    XCTAssertFalse(String(decoding: data, as: UTF8.self).contains(lacks), "\(row.id): \(url.lastPathComponent) holds a file from outside the root")
                }
            }
        }
    }

    private func write(_ url: URL, _ bytes: [UInt8]) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    private func run(_ arguments: [String], in directory: URL) throws -> (Int32, String) {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.currentDirectoryURL = directory
        let err = Pipe()
        process.standardOutput = FileHandle.nullDevice
        process.standardError = err
        try process.run()
        let data = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
