import XCTest
@testable import Runsmith

/// `RelativePath` and the URL splitting of `LinkResolver` read bytes. Each is compared here with a
/// reading by characters (how it was first written) on random paths of ASCII, `.`/`..`, accents, CJK,
/// emoji, spaces and the bytes URLs give meaning to.
final class RelativePathBytesTests: XCTestCase {
    private static let pieces = ["a", "B", "doc.md", ".", "..", "/", "/", "é", "中", "😀", " ", "%20", "#", "?", ":", "+", "x-1", "HTTP"]

    private func randomPaths(_ count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...9, using: &generator)).map { _ in Self.pieces.randomElement(using: &generator)! }.joined()
        }
    }

    func testPathArithmeticMatchesAReadingByCharacters() {
        let paths = randomPaths(4_000)
        for (reference, base) in zip(paths, paths.reversed()) {
            XCTAssertEqual(RelativePath.directory(of: reference), Self.directory(of: reference), reference)
            XCTAssertEqual(RelativePath.resolve(reference, from: base), Self.resolve(reference, from: base), "\(reference) from \(base)")
            XCTAssertEqual(RelativePath.relative(from: base, to: reference), Self.relative(from: base, to: reference), "\(base) to \(reference)")
        }
    }

    func testURLSplittingMatchesAReadingByCharacters() {
        for url in randomPaths(4_000) {
            XCTAssertEqual(LinkResolver.scheme(of: url), Self.scheme(of: url), url)
            XCTAssertTrue(LinkResolver.splitFragment(url) == Self.split(url, "#"), url)
            XCTAssertTrue(LinkResolver.splitQuery(url) == Self.split(url, "?"), url)
        }
    }

    func testWrittenOutCases() {
        XCTAssertEqual(RelativePath.resolve("../img/中 文.png", from: "guides/setup"), "guides/img/中 文.png")
        XCTAssertNil(RelativePath.resolve("../../x.md", from: "a"))
        XCTAssertEqual(RelativePath.resolve("/x/./y.md", from: "a/b"), "x/y.md")
        XCTAssertEqual(RelativePath.relative(from: "a/b/page.html", to: "a/c/other.html"), "../c/other.html")
        XCTAssertEqual(RelativePath.relative(from: "a/page.html", to: "a/page.html"), "page.html")
        XCTAssertEqual(RelativePath.relative(from: "index.html", to: ""), "./")
        XCTAssertEqual(LinkResolver.scheme(of: "HTTPS://example.com"), "https")
        XCTAssertNil(LinkResolver.scheme(of: "1http://x"))
        XCTAssertNil(LinkResolver.scheme(of: "a/b:c"))
    }

    // The readings the byte versions replaced.

    private static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "" }
        return String(path[..<slash])
    }

    private static func resolve(_ reference: String, from base: String) -> String? {
        let joined = reference.hasPrefix("/") ? reference : (base.isEmpty ? reference : base + "/" + reference)
        var parts: [Substring] = []
        for part in joined.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if parts.isEmpty { return nil }
                parts.removeLast()
            } else {
                parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    private static func relative(from: String, to: String) -> String {
        let fromParts = directory(of: from).split(separator: "/")
        let toParts = to.split(separator: "/")
        var common = 0
        while common < fromParts.count && common < toParts.count - 1 && fromParts[common] == toParts[common] { common += 1 }
        let joined = (Array(repeating: "..", count: fromParts.count - common) + toParts[common...].map(String.init)).joined(separator: "/")
        return joined.isEmpty ? "./" : joined
    }

    private static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return scheme.lowercased()
    }

    private static func split(_ url: String, _ mark: Character) -> (String, String?) {
        guard let found = url.firstIndex(of: mark) else { return (url, nil) }
        return (String(url[..<found]), String(url[url.index(after: found)...]))
    }
}
