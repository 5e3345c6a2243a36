import Foundation
import XCTest
@testable import Runsmith

/// Whole output files of the example in `content/`, built the way `runsmith build` builds them (layout,
/// sidebar, table of contents, pager, runbook, checklist, runbook.json), against files kept in
/// `Tests/RunsmithTests/Goldens/`. A change to any stage shows here as a diff to read.
/// After an intended change: `RUNSMITH_UPDATE_GOLDENS=1 swift test --filter WholePageGoldenTests`, then read the diff.
final class WholePageGoldenTests: XCTestCase {
    static let goldens = repositoryRoot.appendingPathComponent("Tests/RunsmithTests/Goldens")

    /// Output path → golden file name.
    static let pages = [
        "getting-started/quickstart.html": "gitbook-page.html",
        "on-premises/install.html": "docusaurus-page.html",
        "_runsmith/sidebar.html": "sidebar.html",
        "_tenants/contoso/index.html": "tenant-home.html",
        "_tenants/contoso/azure-devops-setup/index.html": "runbook-page.html",
        "_tenants/contoso/azure-devops-setup/checklist.html": "runbook-checklist.html",
        "_tenants/contoso/azure-devops-setup/runbook.json": "runbook.json",
    ]

    func testTheExampleBuildsToItsGoldenFiles() throws {
        // Built from a copy outside git: the provenance line names no commit, so the files stay put.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-goldens-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: copy)
        // Code colours depend on the installed Pygments' version: `CodeHighlightTests` checks them by class.
        let config = copy.appendingPathComponent(SiteConfig.fileName)
        try (String(contentsOf: config, encoding: .utf8) + "highlight: off\n").write(to: config, atomically: true, encoding: .utf8)
        let result = IncrementalBuild(options: .init(root: copy, output: nil)).update()
        XCTAssertFalse(result.hasErrors, lines(result.diagnostics).joined(separator: "\n"))
        let update = ProcessInfo.processInfo.environment["RUNSMITH_UPDATE_GOLDENS"] != nil
        for (route, name) in Self.pages.sorted(by: { $0.key < $1.key }) {
            let built = try XCTUnwrap(result.files[route], "\(route) was not built")
            let golden = Self.goldens.appendingPathComponent(name)
            if update { try Data(built).write(to: golden) }
            let expected = try Data(contentsOf: golden)
            if Data(built) != expected {
                XCTFail("\(route) differs from Goldens/\(name):\n" + Self.firstDifference(Array(expected), built))
            }
        }
    }

    /// The first differing line of each, with its number.
    static func firstDifference(_ expected: [UInt8], _ actual: [UInt8]) -> String {
        let a = String(decoding: expected, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        let b = String(decoding: actual, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        for i in 0..<max(a.count, b.count) where i >= a.count || i >= b.count || a[i] != b[i] {
            return "line \(i + 1)\n- \(i < a.count ? a[i] : "(end)")\n+ \(i < b.count ? b[i] : "(end)")"
        }
        return "(same lines)"
    }
}
