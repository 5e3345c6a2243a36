import Foundation
import XCTest
@testable import Runsmith

/// Pygments' lexers run here (`NativeLexer` on their own rules) give what Pygments gives: compared, token
/// for token, with the Python process on the real fixtures' code, on our own content's, and on random
/// text made of each language's pieces (unclosed quotes and heredocs, stray backslashes, accents, CJK,
/// emoji, U+202F, tabs). The oracle is Pygments itself, asked through the same wire a build uses.
final class NativeLexerTests: XCTestCase {
    /// Languages real docs fence their code with; those whose lexer is only its rules run here.
    static let languages = ["bash", "sh", "shell", "zsh", "sql", "ini", "javascript", "js", "typescript", "ts", "go",
                            "jsonnet", "powershell", "java", "c", "cpp", "rust", "ruby", "php", "toml", "diff",
                            "kotlin", "csharp", "graphql", "nginx", "hcl", "terraform", "xml", "html", "css",
                            "makefile", "lua", "swift", "scala", "properties", "protobuf", "groovy", "perl",
                            "yaml", "json", "python", "dockerfile", "console", "text", "vbnet", "scss", "tsx"]

    func testEveryLanguageLexedHereGivesPygmentsOwnTokens() throws {
        let process = PygmentsProcess()
        try process.start(PygmentsHighlighter.interpreters())
        defer { process.stop() }
        var lexers: [String: NativeLexer] = [:]
        for language in Self.languages {
            if let table = try process.table(language) {
                lexers[language] = try XCTUnwrap(NativeLexer(table), "\(language)'s rules do not compile here")
            }
        }
        // The common ones must run here; those that are more than their rules must not claim to.
        for language in ["bash", "shell", "sql", "javascript", "typescript", "go", "powershell", "ini", "jsonnet",
                         "python", "java", "html", "csharp", "kotlin"] {
            XCTAssertNotNil(lexers[language], "\(language) is lexed by Python")
        }
        for language in ["yaml", "json", "console"] { XCTAssertNil(lexers[language], "\(language) has a lexer of its own") }

        var samples = try Self.realSamples().filter { lexers[$0.language] != nil }
        XCTAssertGreaterThan(samples.count, 200, "real code blocks in languages lexed here")
        var random = SeededRandom(seed: 18)
        for language in lexers.keys.sorted() {
            samples += (0..<120).map { _ in CodeSample(language: language, code: Self.randomCode(&random)) }
        }
        var compared = 0
        for start in stride(from: 0, to: samples.count, by: 200) {
            let chunk = Array(samples[start..<min(start + 200, samples.count)])
            let expected = try process.request(chunk)
            for (sample, pygments) in zip(chunk, expected) {
                guard let here = lexers[sample.language]!.tokens(of: sample.code) else { continue }
                compared += 1
                XCTAssertEqual(here, pygments, "\(sample.language): \(sample.code.debugDescription)")
                if here != pygments { return }
            }
        }
        // A lexer that gave up on everything would pass the comparison above.
        XCTAssertGreaterThan(Double(compared), 0.98 * Double(samples.count), "blocks answered here")
    }

    /// The highlighter takes the native answer where it can and asks Python for the rest (carriage
    /// returns, a byte-order mark, YAML): every answer is the one Python alone gives.
    func testTheHighlighterAnswersAsOneProcessAloneWhereverTheCodeIsLexed() throws {
        let process = PygmentsProcess()
        try process.start(PygmentsHighlighter.interpreters())
        defer { process.stop() }
        let samples = [
            CodeSample(language: "bash", code: "echo \"héllo 東京\" && x=$(date) # 😀\n"),
            CodeSample(language: "Bash", code: "cat <<EOF\nline\u{202F}one\nEOF\n"),
            CodeSample(language: "bash", code: "echo a\r\necho b\r\n"),
            CodeSample(language: "bash", code: "\u{FEFF}echo bom\n"),
            CodeSample(language: "yaml", code: "key: value # é\n"),
            CodeSample(language: "sql", code: "SELECT 'it''s' FROM t; -- 東京\n"),
            CodeSample(language: "no-such-language", code: "x\n"),
        ]
        let expected = try process.request(samples)
        let highlighter = PygmentsHighlighter(interpreters: PygmentsHighlighter.interpreters(), processes: 1)
        XCTAssertEqual(try highlighter.tokens(for: samples).get(), expected)
        XCTAssertNil(expected[2], "Pygments normalizes the line ends, so the block stays plain")
        XCTAssertNil(expected[6])
    }

    /// Code blocks of ../shared/fixtures and content/, by their fence's language.
    static func realSamples() throws -> [CodeSample] {
        let root = repositoryRoot
        var samples: [CodeSample] = []
        for folder in [root.deletingLastPathComponent().appendingPathComponent("shared/fixtures"),
                       root.appendingPathComponent("content")] {
            let files = try XCTUnwrap(FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil))
            for case let url as URL in files where ["md", "mdx"].contains(url.pathExtension) {
                let document = MarkdownDocument(bytes: Array(try Data(contentsOf: url)))
                for node in document.root.descendants() where node.kind == .codeBlock {
                    guard let language = FenceMeta(node.fenceInfo ?? "").language?.lowercased(),
                          let code = node.literal, !code.isEmpty else { continue }
                    samples.append(CodeSample(language: language, code: code))
                }
            }
        }
        return samples
    }

    /// Pieces of the languages' syntax, glued at random: most cuts leave a quote, a comment or a
    /// heredoc open somewhere. (No C0 separators: Python's `\s` takes U+001C–U+001F, PCRE2's does not.)
    static let pieces = ["if ", "then", "fi", "else", "for ", "in ", "do", "done", "case", "esac", "function ", "return",
                         "SELECT ", "FROM ", "WHERE ", "const ", "let ", "var ", "import ", "func ", "def ", "class ",
                         "package ", "true", "false", "null", "echo ", "export ", "cd ", "$", "${", "$(", "$((", "))",
                         "(", ")", "{", "}", "[", "]", "\"", "'", "`", "\\", "#", "//", "/*", "*/", "<!--", "-->",
                         "<<", "<<-", "EOF", "<<<", "=", "==", "+=", ":=", "=>", "->", ";", "|", "||", "&", "&&",
                         "<", ">", "</", "/>", "<div>", "\n", "\n", " ", "  ", "\t", "é", "Ünïcödé", "東京", "😀",
                         "\u{202F}", "0x1F", "42", "3.14", "1e9", "a", "_x", "name", "-", "--flag", "+", "*", "/",
                         "%", ":", "::", ",", ".", "@", "!", "?", "~", "^", "[section]", "key = value", "\\n", "\\\"",
                         "<script>", "</script>", "<style>", "</style>", "<a href=\"x\">", "f\"", "'''", "\"\"\"",
                         "@decorator", "lambda ", "import os", "print(", "#include", "fun ", "override ", "public ", "<T>"]

    static func randomCode(_ random: inout SeededRandom) -> String {
        (0..<random.next(below: 60) + 1).map { _ in pieces[random.next(below: pieces.count)] }.joined()
    }
}

/// A small deterministic generator (SplitMix64), so a failure names a sample that comes back.
struct SeededRandom {
    private var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next(below bound: Int) -> Int {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return Int((z ^ (z >> 31)) % UInt64(bound))
    }
}
