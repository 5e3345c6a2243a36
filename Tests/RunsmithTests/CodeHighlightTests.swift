import Foundation
import XCTest
@testable import Runsmith

/// Code colours from Pygments: the wire, the lines, every language the real fixtures use, the fences'
/// own features on top of colours, tenant values, and a build without Pygments. Classes, not whole
/// HTML, are compared: Pygments' versions split some tokens differently.
final class CodeHighlightTests: XCTestCase {
    func testTheAnswerIsReadByByteLengthsAndAMalformedOneIsRejected() {
        // "é" is two bytes: a length in characters would cut the answer wrong.
        let wire = Array("B 2\nnb 4\necho- 4\n é\nU\n".utf8)
        XCTAssertEqual(PygmentsAnswer.decode(wire, count: 2),
                       [[CodeToken(kind: "nb", text: "echo"), CodeToken(kind: "", text: " é\n")], nil])
        XCTAssertNil(PygmentsAnswer.decode(Array("B 1\nk 9\nfor\n".utf8), count: 1), "a length past the end")
        XCTAssertNil(PygmentsAnswer.decode(wire, count: 1), "bytes left over")
        XCTAssertNil(PygmentsAnswer.decode(Array("X\n".utf8), count: 1))
    }

    func testATokenAcrossLinesIsCutIntoEachLineAndEscaped() {
        let lines = CodeBlockTransform.htmlLines([
            CodeToken(kind: "k", text: "if"), CodeToken(kind: "", text: " "),
            CodeToken(kind: "cm", text: "/* a <b>\n& c */"), CodeToken(kind: "", text: "\n\n"),
        ])
        XCTAssertEqual(lines, [
            "<span class=\"k\">if</span> <span class=\"cm\">/* a &lt;b&gt;</span>",
            "<span class=\"cm\">&amp; c */</span>",
            "",
        ])
    }

    /// Every fence language in ../shared/fixtures, with a real block of it: Pygments knows it (or the
    /// lexer Runsmith maps it to) and colours at least one token.
    func testEveryLanguageOfTheFixturesIsColoured() throws {
        let fixtures = repositoryRoot.deletingLastPathComponent().appendingPathComponent("shared/fixtures")
        var samples: [String: CodeSample] = [:]
        let files = try XCTUnwrap(FileManager.default.enumerator(at: fixtures, includingPropertiesForKeys: nil))
        for case let url as URL in files where ["md", "mdx"].contains(url.pathExtension) {
            let document = MarkdownDocument(bytes: Array(try Data(contentsOf: url)))
            for node in document.root.descendants() where node.kind == .codeBlock {
                guard let language = FenceMeta(node.fenceInfo ?? "").language?.lowercased(),
                      !CodeBlockTransform.plainLanguages.contains(language), language != "mdx-code-block",
                      samples[language] == nil, let code = node.literal, !code.isEmpty else { continue }
                samples[language] = CodeSample(language: language, code: code)
            }
        }
        XCTAssertGreaterThanOrEqual(samples.count, 8, "the fixtures' languages: \(samples.keys.sorted())")
        let ordered = samples.values.sorted { $0.language < $1.language }
        let answers = try PygmentsHighlighter.shared.tokens(for: ordered).get()
        for (sample, tokens) in zip(ordered, answers) {
            let tokens = try XCTUnwrap(tokens, "\(sample.language) is not known to Pygments")
            XCTAssertEqual(tokens.map(\.text).joined(), sample.code, sample.language)
            XCTAssertTrue(tokens.contains { !$0.kind.isEmpty }, "\(sample.language): nothing coloured")
        }
    }

    /// Pages compiled side by side share the processes: each gets the answers one process alone gives.
    func testPagesAskingAtOnceGetWhatOneProcessAloneAnswers() throws {
        let samples = (0..<60).map { i in
            CodeSample(language: ["bash", "python", "yaml", "json", "sql"][i % 5],
                       code: "# step \(i) é\necho \"\(i)\" && x=\(i * 7)\nSELECT \(i) FROM t; -- 東京\n")
        }
        let alone = PygmentsHighlighter(interpreters: PygmentsHighlighter.interpreters(), processes: 1)
        let expected = try samples.map { try XCTUnwrap(alone.tokens(for: [$0]).get().first) }
        XCTAssertTrue(expected.allSatisfy { $0 != nil }, "every sample is coloured")
        let pool = PygmentsHighlighter(interpreters: PygmentsHighlighter.interpreters(), processes: 3)
        pool.prewarm()
        let answers = Parallel.map(samples.count) { i in try? pool.tokens(for: [samples[i], samples[(i + 1) % samples.count]]).get() }
        for (i, answer) in answers.enumerated() {
            XCTAssertEqual(answer?.first ?? nil, expected[i], "sample \(i)")
            XCTAssertEqual(answer?.last ?? nil, expected[(i + 1) % samples.count], "sample \(i + 1)")
        }
    }

    func testColoursKeepLineNumbersHighlightedLinesTitlesAndMagicComments() {
        let (html, diagnostics) = fragment("""
            ```python title="hello.py" {1} showLineNumbers
            def greet():
                # highlight-next-line
                return "hi"
            ```

            {% code lineNumbers="true" %}
            ```yaml
            key: 1
            ```
            {% endcode %}
            """, highlights: true)
        XCTAssertEqual(diagnostics, [])
        XCTAssertTrue(html.contains("<figcaption class=\"rs-code-title\">hello.py</figcaption>\n<pre data-line-numbers=\"true\">"), html)
        XCTAssertTrue(html.contains("<span class=\"rs-line rs-highlight\"><span class=\"k\">def</span> <span class=\"nf\">greet</span>"), html)
        XCTAssertTrue(html.contains("<span class=\"rs-line rs-highlight\">    <span class=\"k\">return</span> <span class=\"s2\">\"hi\"</span>"), html)
        XCTAssertFalse(html.contains("highlight-next-line"), html)
        // GitBook's lineNumbers reaches the fence inside it.
        XCTAssertTrue(html.contains("<pre data-line-numbers=\"true\"><code class=\"language-yaml\"><span class=\"rs-line\"><span class=\"nt\">key</span>"), html)
    }

    func testUnknownAndPlainLanguagesStayAsCmarkWritesThem() {
        let (html, _) = fragment("```nosuchlanguage\na <b>\n```\n\n```text\necho hi\n```\n", highlights: true)
        XCTAssertEqual(html, "<pre><code class=\"language-nosuchlanguage\">a &lt;b&gt;\n</code></pre>\n"
                       + "<pre><code class=\"language-text\">echo hi\n</code></pre>\n")
    }

    /// A tenant's value in a command is data: escaped once inside its token, never markup.
    func testATenantValueInCodeIsColouredAsTextAndEscapedOnce() throws {
        var files = oneStepRunbook(steps: "```bash\naz devops configure --org \"{{ vars.org }}\"\n```\n")
        files["tenants/acme.yml"] = "id: acme\nname: Acme\nvars: { org: \"a<b>&amp;'ü\" }\n"
        let tree = try TempTree(files)
        let result = tree.check()
        XCTAssertFalse(result.hasErrors, lines(result.diagnostics).joined(separator: "\n"))
        let page = String(decoding: try XCTUnwrap(result.files["_tenants/acme/r/index.html"]), as: UTF8.self)
        XCTAssertTrue(page.contains("<span class=\"s2\">\"a&lt;b&gt;&amp;amp;'ü\"</span>"), page)
        XCTAssertTrue(page.contains("<span class=\"rs-line\">az devops configure --org"), page)
    }

    /// Without Pygments every page still builds, its code plain, and the build fails once, saying why.
    func testWithoutPygmentsTheCodeIsPlainAndOneErrorSaysWhy() throws {
        let missing = PygmentsHighlighter(interpreters: [URL(fileURLWithPath: "/nonexistent/python3")])
        let compiler = PageCompiler(preprocessor: Preprocessor(read: { _ in nil }), values: nil, preset: { _ in .gitbook },
                                    highlighter: missing)
        var diagnostics: [Diagnostic] = []
        for path in ["a.md", "b.md"] {
            let (page, _) = compiler.compile(.bytes(Array("# A\n\n```bash\nls\n```\n".utf8)), path: path, profile: .fragment)
            let body = String(decoding: try XCTUnwrap(page?.body), as: UTF8.self)
            XCTAssertTrue(body.contains("<pre><code class=\"language-bash\">ls\n</code></pre>"), body)
            diagnostics += page?.diagnostics ?? []
        }
        let reported = DiagnosticCollapse.collapse(diagnostics)
        XCTAssertEqual(reported.map(\.code), [.highlighterUnavailable])
        XCTAssertEqual(reported.first?.severity, .error)
        XCTAssertTrue(reported.first?.message.contains("/nonexistent/python3 did not start") ?? false, "\(reported)")
        XCTAssertTrue(reported.first?.note?.contains("through 2 pages") ?? false, "\(reported)")
    }

    func testHighlightOffAsksNoHighlighterAndOtherValuesAreRejected() throws {
        let tree = try TempTree(["runsmith.yml": "highlight: off\n", "README.md": "# Home\n\n```bash\nls\n```\n"])
        let page = String(decoding: try XCTUnwrap(tree.check().files["index.html"]), as: UTF8.self)
        XCTAssertTrue(page.contains("<pre><code class=\"language-bash\">ls\n</code></pre>"), page)
        let (_, problems) = SiteConfig.decode("highlight: prism\n")
        XCTAssertEqual(lines(problems), ["runsmith.yml:1:1: error: highlight must be pygments or off"])
    }

    /// `runsmith check` writes no HTML: with `Options.highlightsCode` false its code stays plain whatever
    /// `highlight:` says, and no Pygments is asked (so none missing is reported either).
    func testABuildAskedForNoColoursLeavesCodePlain() throws {
        let tree = try TempTree(["README.md": "# Home\n\n```bash\nexport A=1 # set\n```\n"])
        var options = SiteBuilder.Options(root: tree.root, output: nil)
        options.highlightsCode = false
        let result = SiteBuilder(options: options).run()
        let page = String(decoding: try XCTUnwrap(result.files["index.html"]), as: UTF8.self)
        XCTAssertTrue(page.contains("<pre><code class=\"language-bash\">export A=1 # set\n</code></pre>"), page)
        XCTAssertEqual(result.diagnostics.map(\.code), [])
    }
}
