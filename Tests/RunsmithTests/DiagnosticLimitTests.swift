import Foundation
import XCTest
@testable import Runsmith

/// Past `DiagnosticLimit.perFile` problems of one code in one file, the rest are one counting entry:
/// the listing stays readable, every tally still counts them all.
final class DiagnosticLimitTests: XCTestCase {
    private func unclosed(_ n: Int) -> String { "# T\n\n" + String(repeating: ":::note\n", count: n) }

    func testAFilesProblemsPastTheLimitAreCountedByOneEntry() throws {
        let tree = try TempTree(["README.md": unclosed(250), "other.md": "# O\n\n:::note\n"])
        let result = tree.build()
        let readme = result.diagnostics.filter { $0.location?.path == "README.md" }
        XCTAssertEqual(readme.count, 101)
        XCTAssertEqual(readme.reduce(0) { $0 + $1.weight }, 250)
        // The first hundred by place are listed (lines 3 to 102), each for itself.
        XCTAssertEqual(readme.prefix(100).map { $0.location!.line }, Array(3...102))
        XCTAssertTrue(readme.prefix(100).allSatisfy { $0.count == nil })
        let counted = try XCTUnwrap(readme.last)
        XCTAssertEqual(counted.count, 150)
        XCTAssertEqual(counted.code, .unclosedBlock)
        XCTAssertEqual(counted.severity, .error)
        XCTAssertEqual(counted.location?.line, 103, "at the first problem it stands for")
        XCTAssertTrue(counted.message.contains("150 more unclosed-block errors in README.md"), counted.message)
        // Another file's problems are its own: under the limit, listed.
        XCTAssertEqual(result.diagnostics.filter { $0.location?.path == "other.md" }.map(\.count), [nil])

        let human = DiagnosticReporter(format: .human, source: { _ in nil }).render(result.diagnostics)
        XCTAssertTrue(human.contains("    251  error     unclosed-block\n"), human)
        let json = DiagnosticReporter(format: .json, source: { _ in nil }).render(result.diagnostics)
        let last = try JSONSerialization.jsonObject(with: Data(json.split(separator: "\n").last { $0.contains("\"count\"") }!.utf8)) as! [String: Any]
        XCTAssertEqual(last["count"] as? Int, 150)
        XCTAssertEqual(last["line"] as? Int, 103)
    }

    /// Blocks left open are counted where they are found, not listed and then counted: the preprocessor
    /// says 101 things about 1,000 unclosed blocks, and the build lists what it listed before, an
    /// unclosed `{% hint %}` above them among the first hundred.
    func testUnclosedBlocksAreCountedAtTheSourceAsTheLimitWouldCountThem() throws {
        let (_, found) = Preprocessor(read: { _ in nil }).run(path: "a.md", bytes: Array(unclosed(1_000).utf8))
        XCTAssertEqual(found.count, 101)
        XCTAssertEqual(found.reduce(0) { $0 + $1.weight }, 1_000)

        let page = "# T\n\n{% hint style=\"info\" %}\n" + String(repeating: ":::note\n", count: 150)
        let listed = try TempTree(["README.md": page]).build().diagnostics.filter { $0.code == .unclosedBlock }
        XCTAssertEqual(listed.map { $0.location!.line }, Array(3...103))
        XCTAssertTrue(listed[0].message.contains("'{% hint %}' is never closed"), listed[0].message)
        XCTAssertTrue(listed[1].message.contains("':::note' is never closed"), listed[1].message)
        XCTAssertEqual(listed.last?.count, 51)
        XCTAssertTrue(listed.last!.message.contains("51 more unclosed-block errors in README.md"), listed.last!.message)
    }

    func testAtTheLimitNothingIsCounted() throws {
        let result = try TempTree(["README.md": unclosed(100)]).build()
        XCTAssertEqual(result.diagnostics.count, 100)
        XCTAssertTrue(result.diagnostics.allSatisfy { $0.count == nil })
    }

    /// An include's problems reached through two pages are one problem each (collapsed), then capped:
    /// 150 broken links are 100 listed and 50 counted, not 200 and 100.
    func testAnIncludesProblemsAreCollapsedAcrossPagesBeforeTheyAreCounted() throws {
        let links = (1...150).map { "[l\($0)](gone-\($0).md)\n" }.joined(separator: "\n")
        let tree = try TempTree(["README.md": "# Home\n", "a.md": "# A\n\n{% include \"inc.md\" %}\n",
                                 "b.md": "# B\n\n{% include \"inc.md\" %}\n", "inc.md": links,
                                 "SUMMARY.md": "* [Home](README.md)\n* [A](a.md)\n* [B](b.md)\n"])
        let broken = tree.build().diagnostics.filter { $0.code == .brokenLink }
        XCTAssertEqual(broken.count, 101, "\(broken.prefix(3))")
        XCTAssertTrue(broken.allSatisfy { $0.location?.path == "inc.md" })
        XCTAssertEqual(broken.reduce(0) { $0 + $1.weight }, 150)
        XCTAssertEqual(broken.last?.count, 50)
    }

    func testRenderCountsPastTheLimitToo() {
        let (_, found) = FragmentRenderer.render(Array(unclosed(1_000).utf8), path: "page.md")
        XCTAssertEqual(found.count, 101)
        XCTAssertEqual(found.reduce(0) { $0 + $1.weight }, 1_000)
    }

    /// The limit counts places, in order: given out of order, the first hundred by place are listed.
    func testTheFirstListedAreTheFirstInTheFile() {
        let shuffled = (1...300).reversed().map { Diagnostic.warning(.strayCloser, "x", at: SourceLocation(path: "p.md", line: $0)) }
        let capped = DiagnosticLimit.capPage(shuffled)
        XCTAssertEqual(capped.prefix(100).map { $0.location!.line }, Array(1...100))
        XCTAssertEqual(capped.last?.count, 200)
        XCTAssertEqual(capped.last?.severity, .warning)
        XCTAssertTrue(capped.last?.message.contains("200 more stray-closer warnings") ?? false)
    }
}
