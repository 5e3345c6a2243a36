import Foundation
import XCTest
@testable import Runsmith

/// `CompactJSONEncoder` writes what Foundation's `JSONEncoder` writes with `[.sortedKeys,
/// .withoutEscapingSlashes]`, byte for byte: the search index is the same whichever writes it.
final class CompactJSONEncoderTests: XCTestCase {
    private func foundation<T: Encodable>(_ value: T) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(value))
    }

    private func assertSame<T: Encodable>(_ value: T, file: StaticString = #filePath, line: UInt = #line) throws {
        let ours = try CompactJSONEncoder.encode(value), theirs = try foundation(value)
        XCTAssertEqual(String(decoding: ours, as: UTF8.self), String(decoding: theirs, as: UTF8.self), file: file, line: line)
    }

    enum Kind: String, Codable { case page, step }
    struct Inner: Codable { var name: String; var tags: [String]; var on: Bool; var kind: Kind; var rank: Int8 }
    struct Outer: Codable {
        var title: String
        var missing: String?
        var present: Int?
        var inner: Inner
        var list: [Inner]
        var map: [String: Inner]
        var postings: [String: [Int]]
        var shard: [String: [Int32]]
        var rows: [[String]]
        var holes: [Int?]
        var empty: [String: Int]
        var none: [String]
        var big: UInt64
        var negative: Int
    }

    func testEveryShapeOfValueIsWrittenAsJSONEncoderWritesIt() throws {
        let texts = ["", "plain", "a/b", "quote \" and \\ back", "tab\tnew\nline\rret", "\u{0}\u{1}\u{8}\u{c}\u{1f}\u{7f}",
                     "café", "東京", "emoji 😀👍🏽", "narrow\u{202F}space", "line\u{2028}sep", "é\u{301}"]
        let inner = texts.enumerated().map { i, t in Inner(name: t, tags: texts.shuffled(), on: i % 2 == 0, kind: i % 3 == 0 ? .page : .step, rank: Int8(i - 6)) }
        let outer = Outer(title: "T", missing: nil, present: 3, inner: inner[0], list: inner,
                          map: Dictionary(uniqueKeysWithValues: texts.enumerated().map { ("\($1)\($0)", inner[$0]) }),
                          postings: ["10": [1, 2], "9": [3], "A": [], "_": [0], "a": [5, 6, 7], "aB": [8], "ab": [9], "é": [10], "z": [Int.max, Int.min]],
                          shard: ["b": [Int32.max, Int32.min, 0, 9, 10, 99, 100], "a\"\\": [-1], "": []],
                          rows: [texts, [], [""]], holes: [1, nil, 3], empty: [:], none: [], big: UInt64.max, negative: -42)
        try assertSame(outer)
        try assertSame([outer, outer])
        try assertSame(texts)
        try assertSame(["k": ["nested": [1, 2]]])
        try assertSame(Optional<Int>.none)
        try assertSame(true)
        try assertSame("only / a string")
    }

    func testTheSearchIndexOfTheExampleDocsIsTheSame() throws {
        let result = IncrementalBuild(options: .init(root: repositoryRoot.appendingPathComponent("content"), output: nil)).update()
        let index = result.files.filter { SearchIndex.isIndexFile($0.key) }
        XCTAssertGreaterThan(index.count, 1)
        // Each file is `RunsmithSearch.add("<name>", <JSON>);`: read back as what it holds and written
        // again by Foundation.
        for (path, bytes) in index {
            let text = String(decoding: bytes, as: UTF8.self)
            let name = try XCTUnwrap(path.split(separator: "/").last).dropLast(".js".count)
            let start = try XCTUnwrap(text.range(of: "\", ")).upperBound, end = try XCTUnwrap(text.range(of: ");\n", options: .backwards)).lowerBound
            let json = Data(text[start..<end].utf8)
            let again: [UInt8]
            if name == "index" {
                again = try foundation(try JSONDecoder().decode(SearchIndex.Meta.self, from: json))
            } else if name.hasPrefix("s-") {
                again = try foundation(try JSONDecoder().decode([String: [Int]].self, from: json))
            } else {
                again = try foundation(try JSONDecoder().decode([[String]].self, from: json))
            }
            XCTAssertEqual(String(decoding: again, as: UTF8.self), String(text[start..<end]), path)
        }
    }

    func testFloatingPointIsRefused() {
        XCTAssertThrowsError(try CompactJSONEncoder.encode([1.5]))
        struct Money: Encodable { var amount: Double }
        XCTAssertThrowsError(try CompactJSONEncoder.encode(Money(amount: 2)))
    }
}
