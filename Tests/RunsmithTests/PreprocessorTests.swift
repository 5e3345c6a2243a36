import XCTest
@testable import Runsmith

final class PreprocessorTests: XCTestCase {
    private func run(_ files: [String: String], page: String = "a.md") -> (PreprocessedPage, [Diagnostic]) {
        let (pre, diagnostics) = Preprocessor(read: { files[$0].map { Array($0.utf8) } }).run(path: page, bytes: Array(files[page]!.utf8))
        return (pre ?? PreprocessedPage(path: page), diagnostics)
    }

    func testTagParsing() {
        let tag = DirectiveTag.parse(#" hint style="info" title='A \'b\'' flag "#)!
        XCTAssertEqual(tag.name, "hint")
        XCTAssertEqual(tag.arguments, ["style": "info", "title": "A 'b'", "flag": "true"])
        XCTAssertEqual(DirectiveTag.parse(#"include "../x (1).md""#)?.positional, ["../x (1).md"])
        XCTAssertEqual(DirectiveTag.parse(#"if visitor.claims.unsigned.plan == "pro""#)?.rest, #"visitor.claims.unsigned.plan == "pro""#)
    }

    /// The byte path for ASCII tags reads each tag as the character path does: random tags glued from
    /// names, keys, `=`, both quotes, backslashes, blanks of every ASCII kind and CR LF; non-ASCII tags
    /// take the character path itself.
    func testASCIITagsParseAsCharactersDo() {
        var rng = SystemRandomNumberGenerator()
        let pieces = ["hint", "tab", "style", "title", "=", "\"", "'", "\\", "\\\"", " ", "  ", "\t", "\r\n", "\n", "\u{0B}",
                      "\u{0C}", "info", "a b", "x=y", "%", "}", "{", "-", "1"]
        for _ in 0..<5_000 {
            let tag = (0..<Int.random(in: 0...12, using: &rng)).map { _ in pieces.randomElement(using: &rng)! }.joined()
            XCTAssertEqual(DirectiveTag.parse(tag[...]), DirectiveTag.parseCharacters(tag[...]), tag.debugDescription)
        }
        for tag in [#"tab title="Configuración""#, #"hint style="info" title='東京 😀'"#, "e\u{301} x", "\u{202F}hint"] {
            XCTAssertEqual(DirectiveTag.parse(tag[...]), DirectiveTag.parseCharacters(tag[...]), tag)
        }
    }

    func testIncludeLinesMapBackToTheIncludedFile() {
        let (page, diagnostics) = run([
            "a.md": "# A\n\n{% include \"inc/b.md\" %}\nafter\n",
            "inc/b.md": "---\ntitle: B\n---\nline one\nline two\n",
        ])
        XCTAssertEqual(diagnostics, [])
        let text = String(decoding: page.text, as: UTF8.self)
        XCTAssertEqual(text, "# A\n\nline one\nline two\nafter\n")
        XCTAssertEqual(page.origin(line: 3, column: 1).location, SourceLocation(path: "inc/b.md", line: 4, column: 1))
        XCTAssertEqual(page.origin(line: 3, column: 1).chain, [SourceLocation(path: "a.md", line: 3, column: 1)])
        XCTAssertEqual(page.origin(line: 5, column: 2).location, SourceLocation(path: "a.md", line: 4, column: 2))
        XCTAssertEqual(page.includedFiles, ["inc/b.md"])
    }

    func testIncludeInsideListItemIsReindented() {
        let (page, _) = run(["a.md": "1. Step\n\n   {% include \"b.md\" %}\n", "b.md": "text\n"])
        XCTAssertEqual(String(decoding: page.text, as: UTF8.self), "1. Step\n\n   text\n")
        XCTAssertEqual(page.origin(line: 3, column: 4).location, SourceLocation(path: "b.md", line: 1, column: 1))
    }

    func testIncludeCycleNamesTheChain() {
        let (_, diagnostics) = run([
            "a.md": "x\n\n{% include \"b.md\" %}\n",
            "b.md": "one\n\n\n\n\n\n{% include \"a.md\" %}\n",
        ])
        XCTAssertEqual(lines(diagnostics), ["b.md:7:1: error: include cycle: a.md:3 → b.md:7 → a.md"])
        XCTAssertEqual(diagnostics.first?.includeChain, [SourceLocation(path: "a.md", line: 3, column: 1)])
    }

    func testMissingIncludeAndEscapingPath() {
        let (_, diagnostics) = run(["a.md": "x\n{% include \"nope.md\" %}\n  {% include \"../../etc/passwd\" %}\n"])
        XCTAssertEqual(lines(diagnostics), [
            "a.md:2:1: error: included file 'nope.md' not found (looked for nope.md)",
            "a.md:3:3: error: include path '../../etc/passwd' leaves the content root",
        ])
    }

    func testUnclosedMismatchedUnknownAndStrayTags() {
        XCTAssertEqual(lines(run(["a.md": "x\n\n{% hint style=\"info\" %}\ntext\n"]).1),
                       ["a.md:3:1: error: '{% hint %}' is never closed (expected '{% endhint %}')"])
        XCTAssertEqual(lines(run(["a.md": "{% tabs %}\n{% tab title=\"A\" %}\nx\n{% endtabs %}\n"]).1),
                       ["a.md:2:1: error: '{% tab %}' is closed by '{% endtabs %}' at line 4"])
        XCTAssertEqual(lines(run(["a.md": "x\n\n{% hnt style=\"info\" %}\n"]).1),
                       ["a.md:3:1: error: unknown GitBook tag '{% hnt %}'"])
        XCTAssertEqual(lines(run(["a.md": "x\n{% endhint %}\n"]).1),
                       ["a.md:2:1: error: '{% endhint %}' without an open '{% hint %}'"])
        XCTAssertEqual(lines(run(["a.md": "x\n{% hint style=\"info\"\n"]).1),
                       ["a.md:2:1: error: '{%' without a closing '%}'"])
    }

    func testDirectivesInsideFencesAreLeftAlone() {
        let source = "```markdown\n{% hint style=\"info\" %}\n```\n\n~~~~\n{% include \"x.md\" %}\n~~~~\n"
        let (page, diagnostics) = run(["a.md": source])
        XCTAssertEqual(diagnostics, [])
        XCTAssertEqual(String(decoding: page.text, as: UTF8.self), source)
    }

    func testBadBytesAndEmptyFiles() {
        let bad = Preprocessor(read: { _ in nil }).run(path: "a.md", bytes: Array("ok\nbad \u{FF}".utf8.dropLast(2)) + [0xFF, 0x41])
        XCTAssertEqual(lines(bad.1), ["a.md:2:5: error: invalid UTF-8 at byte offset 7"])
        let binary = Preprocessor(read: { _ in nil }).run(path: "b.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x00, 0x01])
        XCTAssertEqual(binary.1.map(\.code), [.binaryFile])
        XCTAssertEqual(lines(run(["a.md": "---\ntitle: x\n---\n\n"]).1), ["a.md:4:1: error: page has no content"])
    }

    func testInvalidFrontmatterPointsAtTheYAMLLine() {
        let (_, diagnostics) = run(["a.md": "---\ntitle: ok\ndescription: [unclosed\n---\n# A\n"])
        XCTAssertEqual(diagnostics.map(\.code), [.invalidYaml])
        XCTAssertEqual(diagnostics.first?.location?.path, "a.md")
        XCTAssertEqual(diagnostics.first?.location?.line, 4)
    }

    func testFrontmatterFields() {
        let (page, _) = run(["a.md": "---\ntitle: T\ndescription: D\nhidden: true\nicon: gear\nlayout:\n  title:\n    visible: false\n---\n# A\n"])
        XCTAssertEqual(page.frontmatter.title, "T")
        XCTAssertEqual(page.frontmatter.description, "D")
        XCTAssertTrue(page.frontmatter.hidden)
        XCTAssertEqual(page.frontmatter.icon, "gear")
        XCTAssertFalse(page.frontmatter.isVisible("title"))
        XCTAssertTrue(page.frontmatter.isVisible("description"))
    }
}
