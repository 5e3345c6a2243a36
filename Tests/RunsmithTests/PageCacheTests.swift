import Foundation
import XCTest
@testable import Runsmith

/// `--cache DIR`: a build takes a page from the cache only while none of its files changed, and what it
/// makes is always what a build without the cache makes.
final class PageCacheTests: XCTestCase {
    private var cacheFolders: [URL] = []

    override func tearDown() {
        for folder in cacheFolders { try? FileManager.default.removeItem(at: folder) }
        super.tearDown()
    }

    private func newCache() -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-cache-\(UUID().uuidString)")
        cacheFolders.append(folder)
        return folder
    }

    private func build(_ root: URL, cache: URL?) -> SiteBuilder.Result {
        var options = SiteBuilder.Options(root: root, output: nil)
        options.cache = cache
        return IncrementalBuild(options: options).update()
    }

    /// The build with the cache against one without it, over the same files.
    private func assertSameAsUncached(_ cached: SiteBuilder.Result, _ root: URL, file: StaticString = #filePath, line: UInt = #line) {
        let plain = build(root, cache: nil)
        XCTAssertEqual(lines(cached.diagnostics), lines(plain.diagnostics), file: file, line: line)
        XCTAssertEqual(Set(cached.files.keys), Set(plain.files.keys), file: file, line: line)
        for (route, bytes) in plain.files where cached.files[route] != bytes {
            XCTFail("\(route) differs when taken from the cache", file: file, line: line)
        }
        XCTAssertEqual(cached.copies, plain.copies, file: file, line: line)
    }

    private func entries(_ cache: URL) -> Int {
        let pages = cache.appendingPathComponent("pages")
        return ((try? FileManager.default.contentsOfDirectory(atPath: pages.path)) ?? []).reduce(0) { count, fan in
            count + ((try? FileManager.default.contentsOfDirectory(atPath: pages.appendingPathComponent(fan).path))?.count ?? 0)
        }
    }

    private func site() throws -> TempTree {
        try TempTree([
            "SUMMARY.md": "# Contents\n\n* [Home](README.md)\n* [A](a.md)\n* [B](b.md)\n* [C](c.md)\n",
            "README.md": "# Home\n\nWelcome. See [A](a.md).\n",
            "a.md": "# A\n\n{% include \"includes/note.md\" %}\n\nSee [setup](c.md#setup).\n",
            "b.md": "# B\n\n{% include \"includes/note.md\" %}\n\n![diagram](diagram.png)\n",
            "c.md": "# C\n\n## Setup\n\nDo it.\n",
            "includes/note.md": "{% hint style=\"info\" %}\nThe first note.\n{% endhint %}\n",
            "diagram.png": "png",
        ])
    }

    func testASecondBuildTakesEveryPageFromTheCacheAndWritesTheSame() throws {
        let tree = try site(), cache = newCache()
        let first = build(tree.root, cache: cache)
        XCTAssertEqual(first.cachedPages, 0)
        XCTAssertEqual(entries(cache), 4, "one entry a page")
        let second = build(tree.root, cache: cache)
        XCTAssertEqual(second.cachedPages, 4)
        assertSameAsUncached(second, tree.root)
        XCTAssertTrue(String(decoding: second.files["b.html"] ?? [], as: UTF8.self).contains("The first note."))
    }

    func testAnEditedIncludeParsesThePagesThatUseItAgain() throws {
        let tree = try site(), cache = newCache()
        _ = build(tree.root, cache: cache)
        try tree.write("includes/note.md", Data("{% hint style=\"info\" %}\nThe second note.\n{% endhint %}\n".utf8))
        let again = build(tree.root, cache: cache)
        XCTAssertEqual(again.cachedPages, 2, "README.md and c.md do not include the note")
        XCTAssertTrue(String(decoding: again.files["a.html"] ?? [], as: UTF8.self).contains("The second note."))
        assertSameAsUncached(again, tree.root)
    }

    func testALinkWhoseTargetLostItsAnchorIsReportedAsWithoutTheCache() throws {
        let tree = try site(), cache = newCache()
        _ = build(tree.root, cache: cache)
        try tree.write("c.md", Data("# C\n\n## Install\n\nDo it.\n".utf8))
        let again = build(tree.root, cache: cache)
        XCTAssertEqual(again.cachedPages, 3, "a.md's entry is found, and its link then checked again")
        XCTAssertTrue(lines(again.diagnostics).contains { $0.contains("anchor '#setup' not found in c.md") }, lines(again.diagnostics).joined(separator: "\n"))
        assertSameAsUncached(again, tree.root)
    }

    func testAChangedConfigStartsANewCacheAndTheOldEntriesAreRemoved() throws {
        let tree = try site(), cache = newCache()
        _ = build(tree.root, cache: cache)
        try tree.write("runsmith.yml", Data("title: Another title\n".utf8))
        let again = build(tree.root, cache: cache)
        XCTAssertEqual(again.cachedPages, 0)
        XCTAssertEqual(entries(cache), 4, "the entries of the old config were pruned")
        assertSameAsUncached(again, tree.root)
    }

    func testARemovedPageLeavesNoEntryBehindAndAMovedPageIsParsedAgain() throws {
        let tree = try site(), cache = newCache()
        _ = build(tree.root, cache: cache)
        try tree.write("SUMMARY.md", Data("# Contents\n\n* [Home](README.md)\n* [C](c.md)\n* [A](guide/a.md)\n".utf8))
        try FileManager.default.removeItem(at: tree.root.appendingPathComponent("b.md"))
        try FileManager.default.createDirectory(at: tree.root.appendingPathComponent("guide"), withIntermediateDirectories: true)
        try Data("# A\n\n{% include \"../includes/note.md\" %}\n\nSee [setup](../c.md#setup).\n".utf8)
            .write(to: tree.root.appendingPathComponent("guide/a.md"))
        let again = build(tree.root, cache: cache)
        XCTAssertEqual(again.cachedPages, 2, "README.md and c.md")
        XCTAssertEqual(entries(cache), 3, "a.md's and b.md's entries went, guide/a.md's came")
        assertSameAsUncached(again, tree.root)
    }

    func testADamagedEntryIsParsedAgain() throws {
        let tree = try site(), cache = newCache()
        _ = build(tree.root, cache: cache)
        let pages = cache.appendingPathComponent("pages")
        for fan in try FileManager.default.contentsOfDirectory(atPath: pages.path) {
            for name in try FileManager.default.contentsOfDirectory(atPath: pages.appendingPathComponent(fan).path) {
                let url = pages.appendingPathComponent(fan).appendingPathComponent(name)
                let data = try Data(contentsOf: url)
                try data.prefix(data.count / 2).write(to: url)
            }
        }
        let again = build(tree.root, cache: cache)
        XCTAssertEqual(again.cachedPages, 0)
        assertSameAsUncached(again, tree.root)
        XCTAssertEqual(build(tree.root, cache: cache).cachedPages, 4, "the damaged entries were written again")
    }

    func testAPageWithAnErrorIsNotKept() throws {
        let tree = try site(), cache = newCache()
        try tree.write("a.md", Data("# A\n\n{% include \"includes/missing.md\" %}\n".utf8))
        let first = build(tree.root, cache: cache)
        XCTAssertTrue(first.hasErrors)
        // The missing include arrives: an entry kept with the error could not have noticed.
        try tree.write("includes/missing.md", Data("Now here.\n".utf8))
        let again = build(tree.root, cache: cache)
        XCTAssertFalse(again.hasErrors, lines(again.diagnostics).joined(separator: "\n"))
        XCTAssertTrue(String(decoding: again.files["a.html"] ?? [], as: UTF8.self).contains("Now here."))
        assertSameAsUncached(again, tree.root)
    }

    func testTheExampleAndTheCorpusBuildTheSameFromTheCache() throws {
        var roots = [repositoryRoot.appendingPathComponent("content")]
        for fixture in [CorpusTests.fixture, CorpusTests.ory] where FileManager.default.fileExists(atPath: fixture.path) { roots.append(fixture) }
        for root in roots {
            let cache = newCache()
            _ = build(root, cache: cache)
            let again = build(root, cache: cache)
            XCTAssertGreaterThan(again.cachedPages, again.pageCount / 2, root.path)
            assertSameAsUncached(again, root)
        }
    }

    /// The cache belongs to one runsmith: the build ID read from the binary is the one binutils reads.
    func testTheBuildIDIsTheOneReadelfReads() throws {
        let binary = CommandLineTests.binary.path
        let readelf = Process()
        readelf.executableURL = URL(fileURLWithPath: "/usr/bin/readelf")
        readelf.arguments = ["-n", binary]
        let out = Pipe()
        readelf.standardOutput = out
        guard (try? readelf.run()) != nil else { throw XCTSkip("readelf (binutils) is not installed") }
        let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        readelf.waitUntilExit()
        let expected = text.split(separator: "\n").first { $0.contains("Build ID:") }?.split(separator: " ").last.map(String.init)
        XCTAssertNotNil(expected, text)
        XCTAssertEqual(ExecutableIdentity.buildID(ofELF: binary), expected)
        let tree = try TempTree(["not-elf": "plain text that is long enough to be read as a header of sixty-four bytes or more"])
        XCTAssertNil(ExecutableIdentity.buildID(ofELF: tree.root.appendingPathComponent("not-elf").path))
    }
}
