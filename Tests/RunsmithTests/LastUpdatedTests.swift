import Foundation
import XCTest
@testable import Runsmith

/// "Last updated" from one `git log`: each page's date is its newest commit, its includes' counted;
/// nothing outside git or with `last_updated: false`.
final class LastUpdatedTests: XCTestCase {
    func testTheLogIsReadNewestFirstWithAnyFileName() {
        let log = Array("\0200\0\nb.md\0dir/ä ö (1).md\0\0100\0\na.md\0b.md\0".utf8)
        XCTAssertEqual(GitHistory.parse(log), ["b.md": 200, "dir/ä ö (1).md": 200, "a.md": 100])
        XCTAssertEqual(GitHistory.parse([]), [:])
    }

    /// A repository with the docs in a folder of it, commits at known times.
    func testEachPageShowsItsNewestChangeIncludesCounted() throws {
        let tree = try TempTree([
            "docs/README.md": "# Home\n",
            "docs/guide é.md": "# Guide\n\n{% include \"_partials/part.md\" %}\n",
            "docs/_partials/part.md": "Shared.\n",
            "docs/SUMMARY.md": "# Summary\n\n* [Home](README.md)\n* [Guide](<guide é.md>)\n",
            "other.txt": "outside the docs\n",
        ])
        func git(_ args: String..., at date: String? = nil) throws {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", tree.root.path, "-c", "user.name=T", "-c", "user.email=t@example.com"] + args
            var env = ProcessInfo.processInfo.environment
            if let date { env["GIT_COMMITTER_DATE"] = date; env["GIT_AUTHOR_DATE"] = date }
            p.environment = env
            p.standardOutput = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0, args.joined(separator: " "))
        }
        try git("init", "-q")
        try git("add", ".")
        try git("commit", "-qm", "first", at: "2024-01-02T10:00:00Z")
        try tree.write("docs/_partials/part.md", Data("Changed.\n".utf8))
        try tree.write("other.txt", Data("later\n".utf8))
        try git("commit", "-qam", "second", at: "2025-03-04T05:06:07Z")
        try tree.write("other.txt", Data("latest\n".utf8))
        try git("commit", "-qam", "third", at: "2026-01-01T00:00:00Z")

        let docs = tree.root.appendingPathComponent("docs")
        let result = SiteBuilder(options: .init(root: docs, output: nil)).run()
        XCTAssertFalse(result.hasErrors, lines(result.diagnostics).joined(separator: "\n"))
        func updated(_ page: String) throws -> String? {
            let html = String(decoding: try XCTUnwrap(result.files[page], page), as: UTF8.self)
            guard let start = html.range(of: "<p class=\"rs-updated\">") else { return nil }
            return String(html[start.upperBound...].prefix { $0 != "\n" })
        }
        XCTAssertEqual(try updated("index.html"), "Last updated <time datetime=\"2024-01-02T10:00:00Z\">2024-01-02</time></p>")
        let guide = try XCTUnwrap(result.files.keys.first { $0.hasPrefix("guide") && $0.hasSuffix(".html") }, "\(result.files.keys.sorted())")
        XCTAssertEqual(try updated(guide),
                       "Last updated <time datetime=\"2025-03-04T05:06:07Z\">2025-03-04</time></p>", "the include changed later")

        try tree.write("docs/runsmith.yml", Data("last_updated: false\n".utf8))
        let off = SiteBuilder(options: .init(root: docs, output: nil)).run()
        XCTAssertFalse(String(decoding: try XCTUnwrap(off.files["index.html"]), as: UTF8.self).contains("rs-updated"))
    }

    func testOutsideGitThereIsNoDate() throws {
        let tree = try TempTree(["README.md": "# Home\n"])
        let html = String(decoding: try XCTUnwrap(tree.check().files["index.html"]), as: UTF8.self)
        XCTAssertFalse(html.contains("rs-updated"), html)
        XCTAssertEqual(lines(SiteConfig.decode("last_updated: sometimes\n").1), ["runsmith.yml:1:1: error: last_updated must be true or false"])
    }
}
