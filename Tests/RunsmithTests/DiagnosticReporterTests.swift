import XCTest
@testable import Runsmith

final class DiagnosticReporterTests: XCTestCase {
    let source: @Sendable (String) -> [UInt8]? = { path in
        path == "inc/note.md" ? Array("---\ntitle: x\n---\nSee [it](gone.md) now.\n".utf8) : nil
    }
    let diagnostic = Diagnostic.error(.brokenLink, "link target 'gone.md' not found",
                                      at: SourceLocation(path: "inc/note.md", line: 4, column: 5),
                                      includeChain: [SourceLocation(path: "a.md", line: 3, column: 1),
                                                     SourceLocation(path: "b.md", line: 7, column: 3)],
                                      note: "check the path")

    func testHumanFrameWithCaretAndIncludeChain() {
        XCTAssertEqual(DiagnosticReporter(format: .human, source: source).render([diagnostic]), """
        inc/note.md:4:5: error: link target 'gone.md' not found
          |
        4 | See [it](gone.md) now.
          |     ^
          included from b.md:7:3
                   from a.md:3:1
          note: check the path

        """)
    }

    func testJSONLines() throws {
        let line = DiagnosticReporter(format: .json, source: source).render([diagnostic])
        let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        XCTAssertEqual(object["file"] as? String, "inc/note.md")
        XCTAssertEqual(object["line"] as? Int, 4)
        XCTAssertEqual(object["column"] as? Int, 5)
        XCTAssertEqual(object["severity"] as? String, "error")
        XCTAssertEqual(object["code"] as? String, "broken-link")
        XCTAssertEqual(object["includeChain"] as? [String], ["a.md:3:1", "b.md:7:3"])
    }

    func testGitHubAnnotation() {
        XCTAssertEqual(DiagnosticReporter(format: .github, source: source).render([diagnostic]),
                       "::error file=inc/note.md,line=4,col=5,title=runsmith broken-link::link target 'gone.md' not found (included from a.md:3:1 → b.md:7:3)%0Anote: check the path\n")
    }

    func testCaretCountsCharactersNotBytes() {
        let d = Diagnostic.warning(.unknownSpace, "here", at: SourceLocation(path: "u.md", line: 1, column: 7))
        let text = DiagnosticReporter(format: .human, source: { _ in Array("café *x*".utf8) }).render([d])
        XCTAssertTrue(text.contains("1 | café *x*\n  |      ^\n"), text)
    }

    func testALongLineIsShownAroundTheColumn() {
        // 1 MB on one line, the problem at byte 500,001 (after é, two bytes, at the window's start).
        let line = String(repeating: "a", count: 499_919) + "é" + String(repeating: "b", count: 79) + "{%" + String(repeating: "c", count: 500_000)
        let d = Diagnostic.error(.invalidTag, "'{%' without a closing '%}'", at: SourceLocation(path: "long.md", line: 1, column: 500_001))
        let text = DiagnosticReporter(format: .human, source: { _ in Array(line.utf8) }).render([d])
        let shown = text.split(separator: "\n")[2], caret = text.split(separator: "\n")[3]
        XCTAssertTrue(shown.hasPrefix("1 | …é" + String(repeating: "b", count: 79) + "{%cc"), String(shown.prefix(120)))
        XCTAssertTrue(shown.hasSuffix("c…"))
        XCTAssertLessThan(shown.utf8.count, 260)
        XCTAssertEqual(caret, "  | " + String(repeating: " ", count: 81) + "^", "under the '{%': after '…', 'é' and 79 b's")
    }

    func testDifferentErrorsAreNeverMergedAndManyKindsOfOneWarningAreCounted() {
        // Without a source no frames are printed, so the grouping shows plainly.
        func at(_ line: Int) -> SourceLocation { SourceLocation(path: "p.md", line: line, column: 1) }
        let errors = (1...12).map { Diagnostic.error(.brokenLink, "link target 'x\($0).md' not found", at: at($0)) }
        let warnings = (1...12).map { Diagnostic.warning(.unknownHtml, "element <x\($0)> is not HTML", at: at(20 + $0)) }
        let twice = Diagnostic.warning(.unknownHtml, "element <x12> is not HTML", at: at(40))
        let text = DiagnosticReporter(format: .human, source: { _ in nil }).render(errors + warnings + [twice])
        XCTAssertEqual(text, (1...12).map { "p.md:\($0):1: error: link target 'x\($0).md' not found\n" }.joined()
            + (1...10).map { "p.md:\(20 + $0):1: warning: element <x\($0)> is not HTML\n" }.joined() + """
            runsmith: not shown: 3 more unknown-html warnings with 2 other messages (--format json lists every one)

              count  severity  code
                 12  error     broken-link
                 13  warning   unknown-html

            """)
    }

    func testAFewMorePlacesAreAllListed() {
        let places = [("b.md", 2), ("a.md", 9), ("c.md", 1)].map { Diagnostic.warning(.integrationDropped, "block dropped", at: SourceLocation(path: $0.0, line: $0.1, column: 1)) }
        XCTAssertEqual(DiagnosticReporter(format: .human, pathPrefix: "docs/", source: { _ in nil }).render(places), """
        docs/b.md:2:1: warning: block dropped
          also at docs/a.md:9:1
                  docs/c.md:1:1

          count  severity  code
              3  warning   integration-dropped

        """)
        XCTAssertEqual(DiagnosticReporter(format: .json, source: { _ in nil }).render(places).split(separator: "\n").count, 3)
    }
}
