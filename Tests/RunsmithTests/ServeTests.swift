import Foundation
import XCTest
@testable import Runsmith
@testable import RunsmithServe

/// `runsmith serve` on an ephemeral port: pages, edits, reload events, the error overlay, traversal.
final class ServeTests: XCTestCase {
    /// GET with curl (status, headers, body); `path` is sent as written.
    private func get(_ port: Int, _ path: String) throws -> (status: Int, headers: String, body: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        process.arguments = ["-s", "--path-as-is", "--max-time", "10", "-D", "-", "http://127.0.0.1:\(port)\(path)"]
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        let parts = text.components(separatedBy: "\r\n\r\n")
        let status = Int(parts[0].split(separator: " ").dropFirst().first ?? "") ?? 0
        return (status, parts[0].lowercased(), parts.dropFirst().joined(separator: "\r\n\r\n"))
    }

    /// Starts the preview server on a free port; cancel the task to stop it.
    private func start(_ site: PreviewSite) async throws -> (Int, Task<Void, Error>) {
        let (portStream, portContinuation) = AsyncStream<Int>.makeStream()
        let server = Task { try await PreviewServer.run(site: site, host: "127.0.0.1", port: 0) { portContinuation.yield($0) } }
        var ports = portStream.makeAsyncIterator()
        let bound = await ports.next()
        return (try XCTUnwrap(bound), server)
    }

    /// Builds the site at `root`, serves it on a free port and rebuilds it on every change, as
    /// `runsmith serve` does; call the returned closure to stop both.
    private func startWatched(_ root: URL) async throws -> (PreviewSite, Int, () -> Void) {
        let site = PreviewSite(root: root)
        await site.rebuild()
        let (port, server) = try await start(site)
        let watched = DocsWatcher(root: root)
        let watcher = Task { await watched.run { await site.rebuild(changed: $0) } }
        return (site, port, { watcher.cancel(); server.cancel() })
    }

    /// Waits (bounded) until `condition` holds.
    private func eventually(_ condition: () throws -> Bool) throws {
        for _ in 0..<100 {
            if try condition() { return }
            Thread.sleep(forTimeInterval: 0.1)
        }
        XCTFail("condition never held")
    }

    func testServePagesEditsReloadsOverlayAndTraversal() async throws {
        let tree = try TempTree([
            "README.md": "# Home\n\n{% include \".gitbook/includes/note.md\" %}\n",
            "guide.md": "# Guide\n\nFirst version.\n",
            ".gitbook/includes/note.md": "Shared note v1.\n",
        ])
        let (site, port, stop) = try await startWatched(tree.root)
        defer { stop() }

        let home = try get(port, "/")
        XCTAssertEqual(home.status, 200)
        XCTAssertTrue(home.headers.contains("cache-control: no-store"), home.headers)
        XCTAssertTrue(home.headers.contains("content-type: text/html; charset=utf-8"))
        XCTAssertTrue(home.body.contains("Shared note v1."))
        XCTAssertTrue(home.body.contains("new EventSource(\"/_runsmith/events\")"), "pages reload themselves")
        // Its inline scripts and event stream are allowed in the preview, and only there.
        XCTAssertTrue(home.body.contains("content=\"\(ContentPolicy.preview)\""), String(home.body.prefix(400)))
        XCTAssertTrue(ContentPolicy.preview.contains("script-src 'self' 'unsafe-inline'") && ContentPolicy.preview.hasSuffix("; connect-src 'self'"))
        XCTAssertTrue(try get(port, "/_runsmith/runsmith.css").headers.contains("content-type: text/css"))

        // Outside the build: never answered, whatever the spelling.
        for path in ["/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/etc/passwd", "//etc/passwd", "/guide.md", "/..%2f..%2fetc%2fpasswd"] {
            XCTAssertEqual(try get(port, path).status, 404, path)
        }

        // A reload event follows an edit.
        let events = await site.events()
        let generation = await site.generation
        try tree.write("guide.md", Data("# Guide\n\nSecond version.\n".utf8))
        var iterator = events.makeAsyncIterator()
        let next = await iterator.next()
        XCTAssertEqual(next, generation + 1)
        XCTAssertTrue(try get(port, "/guide.html").body.contains("Second version."))

        // An include edit shows up in the page that uses it.
        try tree.write(".gitbook/includes/note.md", Data("Shared note v2.\n".utf8))
        try eventually { try get(port, "/").body.contains("Shared note v2.") }

        // An invalid edit brings the overlay; the fix takes it away.
        try tree.write("guide.md", Data("# Guide\n\n{% hint style=\"info\" %}\nunclosed\n".utf8))
        try eventually { try get(port, "/guide.html").body.contains("id=\"rs-error-overlay\"") }
        XCTAssertTrue(try get(port, "/guide.html").body.contains("guide.md:3:1: error: &#39;{% hint %}&#39; is never closed"))
        try tree.write("guide.md", Data("# Guide\n\nFixed.\n".utf8))
        try eventually { !(try get(port, "/guide.html").body.contains("rs-error-overlay")) }
    }

    /// A reload does not wait for the search index: it is made when a reader first searches after a
    /// change, and is then the very index `runsmith build` writes.
    func testThePreviewMakesTheSearchIndexWhenAskedAndItIsTheBuildsIndex() async throws {
        let tree = try TempTree(["README.md": "# Home\n\nWelcome.\n", "guide.md": "# Guide\n\nFirst words.\n"])
        let site = PreviewSite(root: tree.root)
        let first = await site.rebuild()
        XCTAssertFalse(first.files.keys.contains { $0.hasPrefix("_runsmith/search/") }, "no index made by the rebuild")
        let index = await site.answer(for: "/_runsmith/search/index.js")
        XCTAssertEqual(index.status, 200)
        XCTAssertEqual(index.body, tree.check().files["_runsmith/search/index.js"], "the same index as a build's")
        XCTAssertFalse(String(decoding: index.body, as: UTF8.self).contains("zeppelin"))
        try tree.write("guide.md", Data("# Guide\n\nA zeppelin passes.\n".utf8))
        await site.rebuild(changed: ["guide.md"])
        let after = await site.answer(for: "/_runsmith/search/index.js")
        XCTAssertTrue(String(decoding: after.body, as: UTF8.self).contains("zeppelin"), "made again after the edit")
        XCTAssertEqual(after.body, tree.check().files["_runsmith/search/index.js"])
        let missing = await site.answer(for: "/_runsmith/search/s-ffff.js")
        XCTAssertEqual(missing.status, 404)
    }

    /// `serve --cache DIR`: the first build reads the pages a build (or an earlier preview) kept, and
    /// serves what it would have made without them; an edit after it is built as ever.
    func testThePreviewStartsFromTheCache() async throws {
        let tree = try TempTree(["README.md": "# Home\n\nSee [the guide](guide.md).\n", "guide.md": "# Guide\n\nFirst words.\n"])
        let cache = tree.output.appendingPathExtension("cache")
        defer { try? FileManager.default.removeItem(at: cache) }
        var options = SiteBuilder.Options(root: tree.root, output: tree.output)
        options.cache = cache
        XCTAssertTrue(SiteBuilder(options: options).run().written)
        let cold = await PreviewSite(root: tree.root).rebuild()
        let site = PreviewSite(root: tree.root, cache: cache)
        let warm = await site.rebuild()
        XCTAssertEqual(warm.cachedPages, 2)
        assertSameBuild(warm, cold, how: "from the cache")
        try tree.write("guide.md", Data("# Guide\n\nA zeppelin passes.\n".utf8))
        let edited = await site.rebuild(changed: ["guide.md"])
        XCTAssertTrue(String(decoding: edited.files["guide.html"] ?? [], as: UTF8.self).contains("zeppelin"))
    }

    func testTheEventStreamSpeaksServerSentEvents() async throws {
        let tree = try TempTree(["README.md": "# Home\n"])
        let site = PreviewSite(root: tree.root)
        await site.rebuild()
        let (port, server) = try await start(site)
        defer { server.cancel() }
        // curl listens for two seconds while the site is rebuilt once.
        let curl = Process()
        curl.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        curl.arguments = ["-sN", "--max-time", "2", "-D", "-", "http://127.0.0.1:\(port)/_runsmith/events"]
        let out = Pipe()
        curl.standardOutput = out
        try curl.run()
        try await Task.sleep(for: .milliseconds(700))
        await site.rebuild()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        curl.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.lowercased().contains("content-type: text/event-stream"), text)
        XCTAssertTrue(text.contains(": connected\n\n"), text)
        XCTAssertTrue(text.contains("data: 2\n\n"), text)
    }

    func testTheTenantSwitcherShowsAPageAsEachTenantGetsIt() async throws {
        let tree = try TempTree([
            "tenants/schema.yml": "variables:\n  org: { type: string, required: true }\n  server: { type: bool, default: false }\n",
            "tenants/alpha.yml": "id: alpha\nname: Alpha Corp\nvars: { org: alpha-org, server: true }\n",
            "tenants/beta.yml": "id: beta\nname: Beta Inc\nvars: { org: beta-org }\n",
            "README.md": "# Home\n\nOrg {{ vars.org }}.\n\n{% if vars.server %}\nServer only.\n{% endif %}\n",
            "runbooks/r.yml": "title: Set up {{ vars.org }}\nsections:\n  - page: README.md\n",
        ])
        let (site, port, stop) = try await startWatched(tree.root)
        defer { stop() }
        let docs = try get(port, "/").body
        XCTAssertTrue(docs.contains("Org ‹vars.org›.") && docs.contains("Server only."), "the docs show every branch")
        XCTAssertTrue(docs.contains("<option value=\"alpha\">Alpha Corp</option><option value=\"beta\">Beta Inc</option>"), docs)
        let alpha = try get(port, "/_tenant/alpha/").body
        XCTAssertTrue(alpha.contains("<p>Org alpha-org.</p>\n<p>Server only.</p>"), alpha)
        XCTAssertTrue(alpha.contains("<option value=\"alpha\" selected>"))
        let beta = try get(port, "/_tenant/beta/index.html").body
        XCTAssertTrue(beta.contains("<p>Org beta-org.</p>"))
        XCTAssertFalse(beta.contains("Server only.") || beta.contains("alpha-org"))
        XCTAssertEqual(try get(port, "/_tenant/gamma/").status, 404)

        // A tenant file edit reaches that tenant's view and runbook, and no other page is rebuilt.
        let generation = await site.generation
        try tree.write("tenants/beta.yml", Data("id: beta\nname: Beta Inc\nvars: { org: beta-renamed }\n".utf8))
        try eventually { try get(port, "/_tenant/beta/").body.contains("<p>Org beta-renamed.</p>") }
        XCTAssertTrue(try get(port, "/_tenants/beta/r/index.html").body.contains("Set up beta-renamed"))
        XCTAssertTrue(try get(port, "/_tenants/alpha/r/index.html").body.contains("Set up alpha-org"))
        let result = await site.result
        let now = await site.generation
        XCTAssertGreaterThan(now, generation)
        XCTAssertEqual(result.rebuiltPages, [])
        XCTAssertEqual(result.rebuiltRunbooks, ["beta/r"])
    }

    /// Both ways of watching name the files that changed, including a save by rename and a new folder.
    func testTheWatcherNamesChangedFiles() async throws {
        for interval in [nil, Duration.milliseconds(50)] {
            let tree = try TempTree(["a.md": "# A\n", "sub/b.md": "# B\n"])
            let (stream, continuation) = AsyncStream<Set<String>?>.makeStream()
            let watched = DocsWatcher(root: tree.root, interval: interval)
            let watcher = Task { await watched.run { continuation.yield($0) } }
            defer { watcher.cancel() }
            var changes = stream.makeAsyncIterator()
            try await Task.sleep(for: .milliseconds(100))
            // Written to a temporary file and renamed over the page, as many editors save.
            try Data("# A, saved\n".utf8).write(to: tree.root.appendingPathComponent("a.md"), options: .atomic)
            // A poll may catch the editor's temporary file first: a.md comes in that batch or a later one.
            var saved: Set<String> = []
            while !saved.contains("a.md"), let next = await changes.next() { saved.formUnion(try XCTUnwrap(next)) }
            XCTAssertTrue(saved.contains("a.md"), "\(interval.map { "\($0)" } ?? "inotify"): \(saved)")
            try tree.write("new/folder/c.md", Data("# C\n".utf8))
            var seen: Set<String> = []
            while !seen.contains("new/folder/c.md"), let next = await changes.next() { seen.formUnion(next ?? []) }
            XCTAssertTrue(seen.contains("new/folder/c.md"))
        }
    }

    /// Starts the real `runsmith serve` on a free port: the process, its port and what it said first.
    private func serveBinary(_ arguments: [String]) throws -> (Process, Int, String) {
        let server = Process()
        server.executableURL = CommandLineTests.binary
        server.arguments = ["serve"] + arguments + ["--port", "0"]
        let err = Pipe()
        server.standardError = err
        server.standardOutput = FileHandle.nullDevice
        try server.run()
        var said = ""
        while !said.contains("(Ctrl-C to stop)") {
            let chunk = err.fileHandleForReading.availableData
            guard !chunk.isEmpty else { break }
            said += String(decoding: chunk, as: UTF8.self)
        }
        let port = said.range(of: "127.0.0.1:").map { Int(said[$0.upperBound...].prefix { $0.isNumber }) ?? 0 } ?? 0
        return (server, port, said)
    }

    /// The real binary stops on SIGTERM even while a page holds the event stream open (it used to wait
    /// for the stream forever).
    func testTheServerStopsOnSIGTERMWithAPageOpen() throws {
        let tree = try TempTree(["README.md": "# Home\n"])
        let (server, port, said) = try serveBinary([tree.root.path])
        defer { if server.isRunning { server.terminate() } }
        XCTAssertGreaterThan(port, 0, said)
        let page = Process()
        page.executableURL = URL(fileURLWithPath: "/usr/bin/curl")
        page.arguments = ["-sN", "--max-time", "20", "http://127.0.0.1:\(port)/_runsmith/events"]
        page.standardOutput = FileHandle.nullDevice
        try page.run()
        Thread.sleep(forTimeInterval: 0.5)
        kill(server.processIdentifier, SIGTERM)
        let deadline = Date().addingTimeInterval(5)
        while server.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertFalse(server.isRunning, "still running 5 s after SIGTERM")
        page.waitUntilExit()
        XCTAssertEqual(page.terminationStatus, 0, "the open event stream was ended, not cut")
    }

    /// `serve --tenant ID` starts at that tenant's view; an unknown tenant is a usage error.
    func testServeAsATenant() throws {
        let tree = try TempTree([
            "tenants/schema.yml": "variables:\n  org: { type: string, required: true }\n",
            "tenants/alpha.yml": "id: alpha\nname: Alpha Corp\nvars: { org: alpha-org }\n",
            "README.md": "# Home\n\nOrg {{ vars.org }}.\n",
        ])
        let (server, port, said) = try serveBinary([tree.root.path, "--tenant", "alpha"])
        defer { server.terminate(); server.waitUntilExit() }
        XCTAssertTrue(said.contains("at http://127.0.0.1:\(port)/_tenant/alpha/ (Ctrl-C to stop)"), said)
        XCTAssertTrue(try get(port, "/_tenant/alpha/").body.contains("<p>Org alpha-org.</p>"))

        let (unknown, _, complaint) = try serveBinary([tree.root.path, "--tenant", "gamma"])
        unknown.waitUntilExit()
        XCTAssertEqual(unknown.terminationStatus, 2)
        XCTAssertTrue(complaint.contains("runsmith: error: no tenant 'gamma' (tenants: alpha)"), complaint)
    }
}
