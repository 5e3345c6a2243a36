import Foundation
import XCTest
@testable import Runsmith

/// A file the build depends on that the tree lists but that cannot be read is an error at its path —
/// never taken for a missing file, which would build with defaults (issue 15). Tests run as root, which
/// reads any file whatever its mode, so a broken symbolic link stands for an unreadable file.
final class UnreadableFileTests: XCTestCase {
    private func tree(breaking path: String, _ files: [String: String] = [:]) throws -> TempTree {
        let tree = try TempTree(files.merging(["README.md": "# Home\n"]) { a, _ in a })
        let link = tree.root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "gone")
        return tree
    }

    func testABrokenConfigStopsTheBuild() throws {
        let result = try tree(breaking: "runsmith.yml").check()
        XCTAssertEqual(lines(result.diagnostics), ["runsmith.yml:1:1: error: cannot read runsmith.yml: it does not exist (a broken symbolic link?)"])
        XCTAssertEqual(result.pageCount, 0)
    }

    func testABrokenTenantRunbookOrSummaryIsAnError() throws {
        let schema = ["tenants/schema.yml": "variables:\n  org: { type: string }\n"]
        for path in ["tenants/b.yml", "runbooks/r.yml", "SUMMARY.md", "tenants/schema.yml"] {
            let result = try tree(breaking: path, path == "tenants/schema.yml" ? [:] : schema).check()
            XCTAssertEqual(lines(result.diagnostics), ["\(path):1:1: error: cannot read \(path): it does not exist (a broken symbolic link?)"], path)
        }
    }

    func testABrokenProjectTemplateIsAnErrorNotTheBuiltInOne() throws {
        let result = try tree(breaking: "templates/page.mustache").check()
        XCTAssertEqual(lines(result.diagnostics), ["templates/page.mustache:1:1: error: cannot read template page.mustache: it does not exist (a broken symbolic link?)"])
    }

    /// An include and a page the tree lists but cannot read: each is an error where it is used, and
    /// neither is called missing (without a SUMMARY.md the include is a page of its own too).
    func testABrokenIncludeOrPageIsUnreadableNotMissing() throws {
        let tree = try tree(breaking: "includes/note.md", ["a.md": "# A\n\n{% include \"includes/note.md\" %}\n"])
        try FileManager.default.createSymbolicLink(atPath: tree.root.appendingPathComponent("b.md").path, withDestinationPath: "gone-too")
        let result = try tree.check()
        XCTAssertEqual(lines(result.diagnostics), [
            "a.md:3:1: error: cannot read included file 'includes/note.md': it does not exist (a broken symbolic link?)",
            "b.md:1:1: error: cannot read this page: it does not exist (a broken symbolic link?)",
            "includes/note.md:1:1: error: cannot read this page: it does not exist (a broken symbolic link?)",
        ])
    }

    /// A broken link that points out of the root is never read, even if its target appears later.
    func testABrokenLinkOutOfTheRootIsNotListed() throws {
        let tree = try TempTree(["README.md": "# Home\n"])
        let link = tree.root.appendingPathComponent("c.yml")
        try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: "/nonexistent-runsmith-\(UUID().uuidString).yml")
        let listing = try ContentTree(root: tree.root)
        XCTAssertFalse(listing.contains("c.yml"))
        XCTAssertTrue(listing.escapingLinks.contains("c.yml"))
    }
}
