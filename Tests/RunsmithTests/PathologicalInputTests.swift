import Foundation
import XCTest
@testable import Runsmith

/// Hostile and pathological pages, each through `runsmith render` in a process of its own: the right
/// output or one clear error, and never a hang. The bound here is a generous timeout (a debug build,
/// a busy machine); the real times are measured by `make bench` (bench/pathological.py, under 1 s each).
final class PathologicalInputTests: XCTestCase {
    static let timeout: TimeInterval = 120

    private struct Outcome {
        var status: Int32
        var html: String
        var errors: String
    }

    /// Writes `files` into a fresh folder and renders `page` there, killing it past the timeout.
    private func render(_ page: String, _ files: [String: String], file: StaticString = #filePath, line: UInt = #line) throws -> Outcome {
        let tree = try TempTree(files)
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = ["render", page]
        process.currentDirectoryURL = tree.root
        let out = tree.root.appendingPathComponent(".out"), err = tree.root.appendingPathComponent(".err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        let done = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in done.signal() }
        try process.run()
        if done.wait(timeout: .now() + Self.timeout) == .timedOut {
            process.terminate()
            XCTFail("\(page) still running after \(Int(Self.timeout)) s", file: file, line: line)
            done.wait()
        }
        return Outcome(status: process.terminationStatus, html: try String(contentsOf: out, encoding: .utf8),
                       errors: try String(contentsOf: err, encoding: .utf8))
    }

    private func count(_ needle: String, in text: String) -> Int { text.components(separatedBy: needle).count - 1 }

    // MARK: - Deep nesting (10,000 levels)

    func testTenThousandNestedHints() throws {
        let page = String(repeating: "{% hint style=\"info\" %}\n", count: 10_000) + "deep\n" + String(repeating: "{% endhint %}\n", count: 10_000)
        let r = try render("page.md", ["page.md": page])
        XCTAssertEqual(r.status, 0, r.errors)
        XCTAssertEqual(count("<aside class=\"rs-hint rs-hint-info\"", in: r.html), 10_000)
        XCTAssertTrue(r.html.contains("<p>deep</p>"))
    }

    func testTenThousandNestedAdmonitions() throws {
        let page = String(repeating: ":::note\n", count: 10_000) + "deep\n" + String(repeating: ":::\n", count: 10_000)
        let r = try render("page.md", ["page.md": page])
        XCTAssertEqual(r.status, 0, r.errors)
        XCTAssertEqual(count("<aside class=\"rs-hint", in: r.html), 10_000)
    }

    func testTenThousandNestedTabs() throws {
        let page = String(repeating: "{% tabs %}\n{% tab title=\"T\" %}\n", count: 10_000) + "deep\n"
            + String(repeating: "{% endtab %}\n{% endtabs %}\n", count: 10_000)
        let r = try render("page.md", ["page.md": page])
        XCTAssertEqual(r.status, 0, r.errors)
        XCTAssertEqual(count("<div class=\"rs-tabs\">", in: r.html), 10_000)
        XCTAssertEqual(count("<label class=\"rs-tab-label\"", in: r.html), 10_000)
    }

    func testTenThousandNestedBlockQuotesAndListItems() throws {
        let quotes = try render("page.md", ["page.md": String(repeating: ">", count: 10_000) + " deep\n"])
        XCTAssertEqual(quotes.status, 0, quotes.errors)
        XCTAssertEqual(count("<blockquote>", in: quotes.html), 10_000)
        let lists = try render("page.md", ["page.md": String(repeating: "- ", count: 10_000) + "deep\n"])
        XCTAssertEqual(lists.status, 0, lists.errors)
        XCTAssertEqual(count("<ul>", in: lists.html), 10_000)
    }

    // MARK: - Size

    func testATenMegabyteLine() throws {
        let r = try render("page.md", ["page.md": String(repeating: "word ", count: 2_097_152) + "\n"])
        XCTAssertEqual(r.status, 0, r.errors)
        XCTAssertEqual(r.html.utf8.count, "<p>".utf8.count + 10_485_759 + "</p>\n".utf8.count)
    }

    // MARK: - Raw HTML through the sanitizer

    func testTenThousandNestedUnclosedDivsAreClosedOnceWithOneWarning() throws {
        let r = try render("page.md", ["page.md": String(repeating: "<div>", count: 10_000) + "\n\ntext\n"])
        XCTAssertEqual(r.status, 0, r.errors)
        XCTAssertEqual(count("<div>", in: r.html), 10_000)
        XCTAssertEqual(count("</div>", in: r.html), 10_000)
        // Five diagnostics, printed as one frame: they say the same thing.
        XCTAssertEqual(count("warning:", in: r.errors), 1, String(r.errors.prefix(2000)))
        XCTAssertTrue(r.errors.contains("  note: and 9995 more like it on this page\n  also at page.md:1:49981\n"), String(r.errors.prefix(2000)))
        XCTAssertTrue(r.errors.contains("          and 1 more place (5 in all)\n"), String(r.errors.prefix(2000)))
    }

    func testAHundredThousandStrayClosersAreFiveWarnings() throws {
        let r = try render("page.md", ["page.md": String(repeating: "</div>", count: 100_000) + "\n\ntext\n"])
        XCTAssertEqual(r.status, 0, r.errors)
        XCTAssertEqual(r.html, "<p>text</p>\n")
        XCTAssertEqual(count("warning:", in: r.errors), 1, String(r.errors.prefix(2000)))
        XCTAssertTrue(r.errors.contains("          and 1 more place (5 in all)\n  note at page.md:1:25: and 99995 more like it on this page\n"),
                      String(r.errors.prefix(2000)))
    }

    func testFiftyThousandInlineTagsLeftOpen() throws {
        let r = try render("page.md", ["page.md": String(repeating: "a <span>", count: 50_000) + "\n"])
        XCTAssertEqual(r.status, 0, r.errors)
        XCTAssertEqual(count("<span>", in: r.html), 50_000)
        XCTAssertEqual(count("</span>", in: r.html), 50_000)
    }

    /// Each icon looked ahead for its `</i>` once: 20,000 unclosed ones took minutes.
    func testTwentyThousandUnclosedIcons() throws {
        let r = try render("page.md", ["page.md": String(repeating: "x <i class=\"fa-x\">", count: 20_000) + "\n"])
        XCTAssertEqual(r.status, 0, r.errors)
        XCTAssertEqual(count("<i class=\"fa-x\" aria-hidden=\"true\">x ", in: r.html), 19_999)
        XCTAssertEqual(count("</i>", in: r.html), 20_000)
    }

    /// Every instruction is cut out of the block, and libxml2 reads each stretch between two of them.
    func testAHundredThousandInstructionsInOneHTMLBlock() throws {
        let r = try render("page.md", ["page.md": "<div>" + String(repeating: "<?x?>a", count: 100_000) + "</div>\n"])
        XCTAssertEqual(r.status, 0, r.errors)
        XCTAssertEqual(r.html, "<div>" + String(repeating: "a", count: 100_000) + "</div>\n")
        // The five warnings the page keeps are one frame in the human output, with the count of the rest.
        XCTAssertEqual(count("warning:", in: r.errors), 1, String(r.errors.prefix(2000)))
        XCTAssertTrue(r.errors.contains("(5 in all)"), String(r.errors.prefix(2000)))
        XCTAssertTrue(r.errors.contains("and 99995 more like it on this page"), String(r.errors.prefix(2000)))
    }

    func testTenMegabytesInOneHTMLBlock() throws {
        let r = try render("page.md", ["page.md": "<div>" + String(repeating: "word ", count: 2_097_152) + "</div>\n"])
        XCTAssertEqual(r.status, 0, r.errors)
        XCTAssertEqual(r.html.utf8.count, "<div>".utf8.count + 10_485_760 + "</div>\n".utf8.count)
    }

    func testAHundredThousandUnclosedTagsAreOneShortError() throws {
        let r = try render("page.md", ["page.md": "# Title\n\n" + String(repeating: "{% ", count: 100_000) + "\n"])
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(count("error:", in: r.errors), 1, String(r.errors.prefix(2000)))
        XCTAssertTrue(r.errors.hasPrefix("page.md:3:1: error: '{%' without a closing '%}'"), String(r.errors.prefix(300)))
        XCTAssertLessThan(r.errors.utf8.count, 1000, "the source frame shows a window of the line, not 300 KB")
    }

    func testAMillionLinkReferenceDefinitions() throws {
        var page = ""
        for i in 0..<1_000_000 { page += "[r\(i)]: /u\(i)\n" }
        page += "\nSee [r999999] and [r5].\n"
        let r = try render("page.md", ["page.md": page])
        XCTAssertEqual(r.status, 0, r.errors)
        XCTAssertEqual(r.html, "<p>See <a href=\"/u999999\">r999999</a> and <a href=\"/u5\">r5</a>.</p>\n")
    }

    // MARK: - Includes

    func testAnIncludeUsedTenThousandTimes() throws {
        let r = try render("page.md", ["page.md": String(repeating: "{% include \"one.md\" %}\n\n", count: 10_000),
                                       "one.md": "Included *text*.\n"])
        XCTAssertEqual(r.status, 0, r.errors)
        XCTAssertEqual(count("<p>Included <em>text</em>.</p>", in: r.html), 10_000)
    }

    func testAnIncludeDiamondTwentyLevelsDeepStopsAtTheLimit() throws {
        var files = ["page.md": "{% include \"d0.md\" %}\n", "d20.md": "leaf\n"]
        for i in 0..<20 { files["d\(i).md"] = "{% include \"d\(i + 1).md\" %}\n{% include \"d\(i + 1).md\" %}\n" }
        let r = try render("page.md", files)
        XCTAssertEqual(r.status, 1)
        XCTAssertEqual(count("error:", in: r.errors), 1, String(r.errors.prefix(2000)))
        XCTAssertTrue(r.errors.contains("error: page expands more than the limit of 20000 includes and partials"), String(r.errors.prefix(500)))
        XCTAssertTrue(r.errors.contains("note: raise `limits: includes:` in runsmith.yml"))
        XCTAssertLessThan(count("<p>leaf</p>", in: r.html), 20_001, "expansion stopped at the limit")
    }

    func testAPartialImportingItselfThroughThreeFiles() throws {
        let r = try render("a.mdx", ["a.mdx": "import B from \"./b.mdx\";\n\n<B />\n",
                                     "b.mdx": "import C from \"./c.mdx\";\n\n<C />\n",
                                     "c.mdx": "import A from \"./a.mdx\";\n\n<A />\n"])
        XCTAssertEqual(r.status, 1)
        XCTAssertTrue(r.errors.hasPrefix("c.mdx:3:1: error: partial cycle: a.mdx:3 → b.mdx:3 → c.mdx:3 → a.mdx\n"), r.errors)
    }

    // MARK: - cmark's classic quadratic cases

    func testLongRunsOfDelimiters() throws {
        let cases: [(String, String)] = [
            ("stars", String(repeating: "*", count: 100_000) + "a" + String(repeating: "*", count: 100_000)),
            ("underscores", String(repeating: "_a", count: 50_000)),
            ("brackets", String(repeating: "[", count: 100_000) + "a" + String(repeating: "]", count: 10)),
            ("backticks", (1..<3000).map { String(repeating: "`", count: $0) + "a" }.joined()),
            ("link openers", String(repeating: "[a](", count: 50_000)),
        ]
        for (name, text) in cases {
            let r = try render("page.md", ["page.md": text + "\n"])
            XCTAssertEqual(r.status, 0, "\(name): \(r.errors.prefix(500))")
            XCTAssertTrue(r.html.hasPrefix("<p>") && r.html.hasSuffix("</p>\n"), "\(name): one paragraph")
        }
    }
}
