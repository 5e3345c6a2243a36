import Foundation
import XCTest
@testable import Runsmith

/// `runsmith build --shard I/N`: the parts are disjoint, and copied together they are byte for byte the
/// one-shot build — here of content/, with its tenants, runbooks, single files, images and both flavours.
final class ShardTests: XCTestCase {
    /// Relative path → bytes of every file under `folder`.
    private func files(in folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.standardizedFileURL.resolvingSymlinksInPath().path + "/"
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])! {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            let path = url.standardizedFileURL.resolvingSymlinksInPath().path
            out[String(path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return out
    }

    /// Each part's tenant folders go beside its site, in a folder of its own.
    private static func tenants(of out: URL) -> URL { out.appendingPathExtension("tenants") }

    /// A build's site and its tenants' folders, as one map (the tenants' under `_tenants/`).
    private func outputs(_ out: URL) throws -> [String: Data] {
        var all = try files(in: out)
        let tenants = Self.tenants(of: out)
        if FileManager.default.fileExists(atPath: tenants.path) {
            for (path, bytes) in try files(in: tenants) { all["_tenants/" + path] = bytes }
        }
        return all
    }

    private func build(_ out: URL, shard: Shard?, root: URL = repositoryRoot.appendingPathComponent("content"),
                       cache: URL? = nil, streams: Bool = false) -> SiteBuilder.Result {
        var options = SiteBuilder.Options(root: root, output: out)
        options.writesPagesAsRendered = streams
        options.tenantsOutput = Self.tenants(of: out)
        options.singleFile = true
        options.shard = shard
        options.cache = cache
        return SiteBuilder(options: options).run()
    }

    func testThreeShardsMergeIntoTheOneShotBuild() throws {
        try checkShards(of: repositoryRoot.appendingPathComponent("content"))
    }

    /// Without tenants, each part renders only its own pages (nothing needs the others' text).
    func testShardsOfDocsWithoutTenants() throws {
        var pages: [String: String] = ["SUMMARY.md": "# Contents\n\n" + (1...7).map { "* [P\($0)](p\($0).md)\n" }.joined(), "README.md": "# Home\n"]
        for i in 1...7 {
            pages["p\(i).md"] = "# P\(i)\n\n{% include \"_shared.md\" %}\n\n![shot](shot.png) and [next](p\(i % 7 + 1).md#p\(i % 7 + 1))\n"
        }
        pages["_shared.md"] = "Shared.\n"
        let tree = try TempTree(pages)
        try tree.write("shot.png", Data([1, 2, 3]))
        try checkShards(of: tree.root, singleFile: false)
        // Each part with a cache of its own, built a second time from it (`docs/scale-out.md`).
        try checkShards(of: tree.root, singleFile: false, cached: true)
    }

    func testThreeShardsFromTheirCachesMergeIntoTheOneShotBuild() throws {
        try checkShards(of: repositoryRoot.appendingPathComponent("content"), cached: true)
    }

    /// `runsmith build` writes each page as it is rendered (`PageStream`): its output is byte for byte the
    /// build that keeps every page until the end, whole (with content/'s redirect, tenants, runbooks and
    /// their leak audit) and in parts.
    func testPagesWrittenAsRenderedAreTheBuildThatKeepsThem() throws {
        let content = repositoryRoot.appendingPathComponent("content")
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-stream-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let kept = build(work.appendingPathComponent("kept"), shard: nil, root: content)
        let streamed = build(work.appendingPathComponent("streamed"), shard: nil, root: content, streams: true)
        XCTAssertTrue(streamed.written)
        XCTAssertEqual(streamed.pageCount, kept.pageCount)
        XCTAssertEqual(lines(streamed.diagnostics), lines(kept.diagnostics))
        XCTAssertFalse(streamed.streamed.isEmpty)
        XCTAssertTrue(streamed.streamed.allSatisfy { streamed.files[$0] == nil }, "a streamed page is not kept")
        let expected = try outputs(work.appendingPathComponent("kept"))
        let got = try outputs(work.appendingPathComponent("streamed"))
        XCTAssertEqual(got.keys.sorted(), expected.keys.sorted())
        for (path, bytes) in expected where got[path] != bytes { XCTFail("\(path) differs") }
        XCTAssertNotNil(got["integrations/ado-old/index.html"], "the redirect is in the comparison")
        try checkShards(of: content, streams: true)
    }

    /// A site that does not load has no pages: the last good build stays, whether pages stream or not.
    func testASiteThatDoesNotLoadLeavesTheLastBuild() throws {
        for streams in [false, true] {
            let tree = try TempTree(["README.md": "# Home\n"])
            XCTAssertTrue(build(tree.output, shard: nil, root: tree.root, streams: streams).written)
            try tree.write("runsmith.yml", Data("highlight: [\n".utf8))
            let failed = build(tree.output, shard: nil, root: tree.root, streams: streams)
            XCTAssertFalse(failed.written)
            XCTAssertEqual(failed.diagnostics.first?.severity, .error)
            XCTAssertTrue(FileManager.default.fileExists(atPath: tree.output.appendingPathComponent("index.html").path))
            let beside = try FileManager.default.contentsOfDirectory(atPath: tree.output.deletingLastPathComponent().path)
            XCTAssertFalse(beside.contains { $0.contains(".runsmith-new-") }, "no staging folder is left: \(beside.filter { $0.contains("runsmith") })")
        }
    }

    private func checkShards(of root: URL, singleFile: Bool = true, cached: Bool = false, streams: Bool = false) throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-shards-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let whole = build(work.appendingPathComponent("whole"), shard: nil, root: root)
        XCTAssertTrue(whole.written)
        var merged: [String: Data] = [:]
        var pages = 0
        for i in 1...3 {
            let out = work.appendingPathComponent("part-\(i)"), cache = cached ? work.appendingPathComponent("cache-\(i)") : nil
            var part = build(out, shard: Shard("\(i)/3"), root: root, cache: cache, streams: streams)
            if cached {
                part = build(out, shard: Shard("\(i)/3"), root: root, cache: cache, streams: streams)
                XCTAssertGreaterThan(part.cachedPages, 1, "part \(i) found its pages in its cache")
            }
            XCTAssertTrue(part.written)
            XCTAssertEqual(lines(part.diagnostics.filter { $0.severity == .error }), [])
            pages += part.pageCount
            let written = try outputs(work.appendingPathComponent("part-\(i)"))
            XCTAssertFalse(written.isEmpty, "part \(i) has work")
            for (path, bytes) in written {
                XCTAssertNil(merged[path], "\(path) is written by two parts")
                merged[path] = bytes
            }
        }
        let expected = try outputs(work.appendingPathComponent("whole"))
        XCTAssertEqual(merged.keys.sorted(), expected.keys.sorted())
        for (path, bytes) in expected where merged[path] != bytes { XCTFail("\(path) differs") }
        XCTAssertEqual(pages, whole.pageCount, "each page is written by one part")
        if singleFile {
            XCTAssertTrue(expected.keys.contains { $0.hasSuffix("/azure-devops-setup.html") }, "single files are in the comparison")
        }
    }

    func testShardArguments() {
        XCTAssertEqual(Shard("2/3"), Shard(index: 1, count: 3))
        XCTAssertEqual(Shard("1/1"), Shard(index: 0, count: 1))
        for bad in ["0/3", "4/3", "3", "a/b", "1/0", "-1/2", "1/2/3"] { XCTAssertNil(Shard(bad), bad) }
        // Tenant `a` (first) and `a-b` (second): each tenant's folder goes with its tenant.
        let tenants = ["a": 0, "a-b": 1]
        XCTAssertTrue(Shard(index: 1, count: 2).owns(route: "_tenants/a-b/setup.html", pages: [:], tenants: tenants))
        XCTAssertTrue(Shard(index: 0, count: 2).owns(route: "_tenants/a/setup.html", pages: [:], tenants: tenants))
        XCTAssertTrue(Shard(index: 0, count: 2).owns(route: "_tenants/_runsmith/runsmith.css", pages: [:], tenants: tenants))
        XCTAssertTrue(Shard(index: 1, count: 2).owns(route: "_tenants/a-b/setup/index.html", pages: [:], tenants: tenants))
        XCTAssertTrue(Shard(index: 0, count: 2).owns(route: "_tenants/index.html", pages: [:], tenants: tenants))
        XCTAssertTrue(Shard(index: 1, count: 2).owns(route: "guide/x.html", pages: ["guide/x.html": 3], tenants: tenants))
    }
}
