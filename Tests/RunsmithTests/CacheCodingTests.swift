import Foundation
import XCTest
@testable import Runsmith

/// The cache's binary form (`CacheEncoder`, `CacheDecoder`) gives back what was put in: read back and
/// written as JSON, every value is the original's JSON (sets compared as sets).
final class CacheCodingTests: XCTestCase {
    /// The fields that are sets, here and in `CompiledPage`.
    static let setKeys: Set<String> = ["set", "anchors", "sources", "uses"]

    private func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    private func assertRoundTrip<T: Codable>(_ value: T, file: StaticString = #filePath, line: UInt = #line) throws {
        let back = try CacheDecoder.decode(T.self, from: try CacheEncoder.encode(value))
        XCTAssertEqual(try canonical(back), try canonical(value), file: file, line: line)
    }

    /// The JSON of `value`, the sets in it (whose order every instance draws anew) sorted.
    private func canonical<T: Encodable>(_ value: T) throws -> String {
        func sortingSets(_ object: Any, key: String?) -> Any {
            if let map = object as? [String: Any] { return map.mapValues { $0 }.reduce(into: [String: Any]()) { $0[$1.key] = sortingSets($1.value, key: $1.key) } }
            if let list = object as? [Any] {
                let items = list.map { sortingSets($0, key: nil) }
                guard let key, Self.setKeys.contains(key), let texts = items as? [String] else { return items }
                return texts.sorted()
            }
            return object
        }
        let object = try JSONSerialization.jsonObject(with: Data(try json(value).utf8), options: [.fragmentsAllowed])
        let data = try JSONSerialization.data(withJSONObject: sortingSets(object, key: nil), options: [.sortedKeys, .fragmentsAllowed])
        return String(decoding: data, as: UTF8.self)
    }

    enum Shape: Codable { case dot, line(length: Int), named(String, Int8?) }
    struct Sample: Codable {
        var text: String
        var missing: String?
        var present: Int?
        var flags: [Bool]
        var numbers: [Int8: UInt64]
        var set: Set<String>
        var nested: [[String: [Int?]]]
        var shapes: [Shape]
        var ratio: Double
        var small: UInt8
        var negative: Int32
    }

    func testEveryShapeOfValueComesBack() throws {
        let sample = Sample(text: "café 東京 😀\u{0}\n\"", missing: nil, present: -7, flags: [true, false], numbers: [-3: .max],
                            set: ["a", "b", ""], nested: [["k": [1, nil, 3]], [:]], shapes: [.dot, .line(length: 9), .named("n", nil), .named("m", -2)],
                            ratio: 0.1, small: 255, negative: .min)
        try assertRoundTrip(sample)
        try assertRoundTrip([sample, sample])
        try assertRoundTrip("just a string")
        try assertRoundTrip([Int]())
    }

    /// Every page of the example docs as the cache keeps it.
    func testEveryCompiledPageOfTheExampleComesBack() throws {
        var problems: [Diagnostic] = []
        let site = try XCTUnwrap(SiteSource.load(root: repositoryRoot.appendingPathComponent("content"), excluding: [], diagnostics: &problems))
        let compiler = PageCompiler(preprocessor: site.preprocessor(tenant: nil), values: nil, preset: site.slugPreset(for:), highlighter: nil)
        var pages = 0
        for path in site.pages {
            let (page, _) = compiler.compile(.bytes(try site.tree.read(path)), path: path, profile: .fragment)
            guard let page else { continue }
            try assertRoundTrip(PageCache.Entry(sources: [path: "hash"], page: page))
            pages += 1
        }
        XCTAssertGreaterThan(pages, 10)
    }

    func testADamagedEntryThrows() throws {
        let bytes = try CacheEncoder.encode(Sample(text: "t", missing: nil, present: 1, flags: [], numbers: [:], set: [], nested: [],
                                                   shapes: [], ratio: 1, small: 1, negative: 1))
        for cut in [0, 1, 5, bytes.count / 2, bytes.count - 1] {
            XCTAssertThrowsError(try CacheDecoder.decode(Sample.self, from: Array(bytes.prefix(cut))), "cut at \(cut)")
        }
    }
}
