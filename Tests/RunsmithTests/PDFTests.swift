import Foundation
import XCTest
@testable import Runsmith

/// `runsmith build --pdf`: each runbook and checklist printed by headless Chromium into the tenant's folder,
/// read back with poppler's `pdftotext` and `pdfinfo` (Debian's poppler-utils, installed by `make test`).
final class PDFTests: XCTestCase {
    func testRunbooksAndChecklistsPrintWithHeaderPageNumbersTabsAndSignOff() throws {
        try requirePrintEngine()
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-pdf-test-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        var options = SiteBuilder.Options(root: repositoryRoot.appendingPathComponent("content"), output: work.appendingPathComponent("site"))
        options.tenantsOutput = work.appendingPathComponent("tenants")
        options.pdf = true
        let result = SiteBuilder(options: options).run()
        XCTAssertTrue(result.written, lines(result.diagnostics).joined(separator: "\n"))
        let names = ["contoso": "Contoso Pharmaceuticals", "fabrikam": "Fabrikam", "northwind": "Northwind"]
        let folder = work.appendingPathComponent("tenants/contoso")
        let runbook = folder.appendingPathComponent("azure-devops-setup.pdf").path
        let checklist = folder.appendingPathComponent("azure-devops-setup-checklist.pdf").path
        let pages = try XCTUnwrap(Int(try runTool("/usr/bin/pdfinfo", [runbook]).split(separator: "\n").first { $0.hasPrefix("Pages:") }?
            .split(separator: " ").last ?? ""))
        let text = try runTool("/usr/bin/pdftotext", [runbook, "-"])
        let version = ContentHash.hex(Array(try Data(contentsOf: folder.appendingPathComponent("azure-devops-setup/runbook.json"))))
        XCTAssertTrue(text.contains("Contoso Pharmaceuticals · Connect Contoso Pharmaceuticals to Azure DevOps · version \(version)"), text)
        for page in 1...pages { XCTAssertTrue(text.contains("Page \(page) of \(pages)"), "page \(page) of \(pages)") }
        // Both tabs of a tab set are printed, each with its label.
        XCTAssertTrue(text.contains("Azure DevOps Services") && text.contains("Azure DevOps Server"), text)
        let sheet = try runTool("/usr/bin/pdftotext", [checklist, "-"])
        for word in ["Checklist: Connect Contoso", "Sign-off", "Name", "Role", "Date", "Signature", "Page 1 of"] {
            XCTAssertTrue(sheet.contains(word), word)
        }
        // No other tenant's name in this tenant's PDFs; both PDFs are in its manifest.
        for (id, name) in names where id != "contoso" { XCTAssertFalse(text.contains(name) || sheet.contains(name), name) }
        let manifest = try String(contentsOf: folder.appendingPathComponent("manifest.json"), encoding: .utf8)
        XCTAssertTrue(manifest.contains("\"azure-devops-setup.pdf\"") && manifest.contains("\"azure-devops-setup-checklist.pdf\""))
    }

    /// A tenant named in accents, CJK, emoji, `&` and quotes: the PDF header (a CSS string), the page and the
    /// tenant's home all show the name as written, escaped for where it lands.
    func testNonASCIITenantTextReachesThePDFHeaderAndTheHome() throws {
        try requirePrintEngine()
        let name = "Café Zürich 東京 🚀 & \"Q\""
        let tree = try TempTree([
            "tenants/schema.yml": "variables:\n  org: { type: string, required: true }\n",
            "tenants/cafe.yml": "id: cafe\nname: \"Café Zürich 東京 🚀 & \\\"Q\\\"\"\nvars: { org: café-org }\n",
            "README.md": "# Home\n", "steps.md": "# Steps\n\n1. Open {{ vars.org }}\n2. Save\n",
            "runbooks/r.yml": "title: \"Set up {{ tenant.name }}\"\nsections:\n  - page: steps.md\n    step: true\n",
        ])
        var options = SiteBuilder.Options(root: tree.root, output: tree.output)
        options.pdf = true
        let result = SiteBuilder(options: options).run()
        XCTAssertTrue(result.written, lines(result.diagnostics).joined(separator: "\n"))
        let text = try runTool("/usr/bin/pdftotext", [tree.output.appendingPathComponent("_tenants/cafe/r.pdf").path, "-"])
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        XCTAssertTrue(words.contains("\(name) · Set up \(name) · version "), words)
        XCTAssertTrue(words.contains("Open café-org"), words)
        let home = String(decoding: result.files["_tenants/cafe/index.html"] ?? [], as: UTF8.self)
        XCTAssertTrue(home.contains("<a href=\"r/index.html\">Set up Café Zürich 東京 🚀 &amp; &quot;Q&quot;</a>"), home)
    }

    func testAMissingPrintEngineIsAnErrorBeforeAnythingIsBuilt() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-pdf-missing-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["build", repositoryRoot.appendingPathComponent("content").path, "--out", work.appendingPathComponent("site").path, "--pdf"]
        process.environment = ProcessInfo.processInfo.environment.merging(["RUNSMITH_CHROMIUM": "/nonexistent/chromium"]) { _, new in new }
        let err = Pipe()
        process.standardError = err
        try process.run()
        let message = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        XCTAssertEqual(process.terminationStatus, 1)
        XCTAssertTrue(message.contains("error: --pdf prints with headless Chromium, which is not installed: install the Debian package chromium"), message)
        XCTAssertFalse(FileManager.default.fileExists(atPath: work.path), "nothing was written")
    }
}
