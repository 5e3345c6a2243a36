import Foundation
import XCTest
@testable import Runsmith

/// Page bodies parked in the build's temporary file come back as put, from any thread.
final class BodyStoreTests: XCTestCase {
    func testBodiesComeBackAsPutFromManyThreads() throws {
        let store = try XCTUnwrap(BodyStore())
        let bodies = (0..<500).map { i in Array("<p>page \(i): café 東京 😀 \(String(repeating: "x", count: i * 37))</p>\n".utf8) }
        let stored = Parallel.map(bodies.count) { i in store.put("p\(i).md", bodies[i]) }
        XCTAssertTrue(stored.allSatisfy { $0 })
        let read = Parallel.map(bodies.count) { i in store.read("p\(i).md") }
        for (i, body) in read.enumerated() { XCTAssertEqual(body, bodies[i], "p\(i).md") }
        XCTAssertTrue(store.holds("p7.md"))
        XCTAssertFalse(store.holds("other.md"))
        XCTAssertNil(store.read("other.md"))
        // Put again (a page compiled a second time): the later body is the one read.
        XCTAssertTrue(store.put("p7.md", Array("again".utf8)))
        XCTAssertEqual(store.read("p7.md"), Array("again".utf8))
        XCTAssertTrue(store.put("empty.md", []))
        XCTAssertEqual(store.read("empty.md"), [])
    }

    func testTheTemporaryFileLeavesNoNameBehind() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("bodies-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = try XCTUnwrap(BodyStore(folder: folder))
        XCTAssertTrue(store.put("a.md", [1, 2, 3]))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder.path), [])
        XCTAssertNil(BodyStore(folder: folder.appendingPathComponent("missing")))
    }
}
