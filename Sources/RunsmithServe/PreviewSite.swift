import Foundation
import Runsmith

/// The in-memory site `runsmith serve` answers from: built by the same stages as `runsmith build`, never
/// written to disk, rebuilt incrementally when the docs change (only what a change touches), with every
/// open page told to reload.
public actor PreviewSite {
    public let root: URL
    public private(set) var result = SiteBuilder.Result()
    /// Bumped on every rebuild; what reload events carry.
    public private(set) var generation = 0
    private let build: IncrementalBuild
    /// The docs as each tenant gets them (`/_tenant/<id>/…`), built when first asked for, then kept up to date.
    private var tenantBuilds: [String: (build: IncrementalBuild, result: SiteBuilder.Result)] = [:]
    /// Tenants the switcher offers.
    public private(set) var tenants: [(id: String, name: String)] = []
    private var listeners: [UUID: AsyncStream<Int>.Continuation] = [:]
    private var closed = false

    /// `cache`: `--cache DIR`, read by the first build (a warm cache starts the preview in the time of a
    /// cached build) and refreshed by it; the tenant views do not use it.
    public init(root: URL, cache: URL? = nil) {
        self.root = root.standardizedFileURL
        var options = SiteBuilder.Options(root: self.root, output: nil)
        options.defersSearchIndex = true
        options.cache = cache?.standardizedFileURL
        build = IncrementalBuild(options: options)
    }

    /// Builds again what `changed` touches (paths relative to the root; nil: everything) and tells every
    /// open page.
    @discardableResult
    public func rebuild(changed: Set<String>? = nil) -> SiteBuilder.Result {
        result = build.update(changed: changed)
        for (id, view) in tenantBuilds { tenantBuilds[id]?.result = view.build.update(changed: changed) }
        // The build has read the tenant files already: no second walk of the tree.
        tenants = build.tenants
        generation += 1
        for listener in listeners.values { listener.yield(generation) }
        return result
    }

    /// A stream of generations, one per rebuild from now on.
    public func events() -> AsyncStream<Int> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<Int>.makeStream()
        if closed { continuation.finish(); return stream }
        continuation.onTermination = { [weak self] _ in Task { await self?.forget(id) } }
        listeners[id] = continuation
        return stream
    }

    private func forget(_ id: UUID) { listeners[id] = nil }

    /// Event streams being written to a page right now.
    private var openStreams = 0
    func streamStarted() { openStreams += 1 }
    func streamEnded() { openStreams -= 1 }

    /// Waits until every event stream has been ended and flushed (after `closeEvents`), or `limit` passed.
    public func waitForStreamsToEnd(upTo limit: Duration) async {
        let clock = ContinuousClock()
        let deadline = clock.now + limit
        while openStreams > 0 && clock.now < deadline { try? await Task.sleep(for: .milliseconds(10)) }
    }

    /// Ends every event stream, so that open pages let go of the server when it stops.
    public func closeEvents() {
        closed = true
        for listener in listeners.values { listener.finish() }
        listeners = [:]
    }

    public struct Answer: Sendable {
        public var status: Int
        public var contentType: String
        public var body: [UInt8]
    }

    /// The answer for a request path. Only what the build produced is ever served: a path is looked up
    /// in the build, never joined to a folder on disk, so `..`, `%2e%2e`, absolute paths and symlinks
    /// have nothing to reach.
    public func answer(for requestPath: String) -> Answer {
        guard var key = Self.key(for: requestPath) else { return Self.notFound }
        var build = result
        var builder = self.build
        var viewer: String? = nil
        // `/_tenant/<id>/page.html`: the same page as that tenant gets it.
        if key.hasPrefix("_tenant/") {
            let parts = key.split(separator: "/", maxSplits: 2).map(String.init)
            guard parts.count >= 2, tenants.contains(where: { $0.id == parts[1] }) else { return Self.notFound }
            viewer = parts[1]
            build = tenantBuild(parts[1])
            builder = tenantBuilds[parts[1]]?.build ?? builder
            key = parts.count == 3 ? parts[2] : "index.html"
        }
        if let bytes = build.files[key] {
            let type = Self.contentType(key)
            guard type.hasPrefix("text/html") else { return Answer(status: 200, contentType: type, body: bytes) }
            let html = PreviewPage.decorate(String(decoding: bytes, as: UTF8.self), result: build, root: root,
                                            tenants: tenants, viewer: viewer)
            return Answer(status: 200, contentType: type, body: Array(html.utf8))
        }
        // The search index is made when a reader first searches after a change, not on every reload.
        if key.hasPrefix(IncrementalBuild.searchFolder), let bytes = builder.searchIndex()[key] {
            return Answer(status: 200, contentType: Self.contentType(key), body: bytes)
        }
        if let source = build.copies[key], let data = FileManager.default.contents(atPath: source.path) {
            return Answer(status: 200, contentType: Self.contentType(key), body: [UInt8](data))
        }
        return Self.notFound
    }

    /// Builds the docs as tenant `id` gets them now rather than on the first request (`serve --tenant`);
    /// nil when there is no such tenant.
    public func prepareView(_ id: String) -> SiteBuilder.Result? {
        guard tenants.contains(where: { $0.id == id }) else { return nil }
        return tenantBuild(id)
    }

    private func tenantBuild(_ id: String) -> SiteBuilder.Result {
        if let known = tenantBuilds[id] { return known.result }
        var options = SiteBuilder.Options(root: root, output: nil)
        options.tenant = id
        options.defersSearchIndex = true
        let view = IncrementalBuild(options: options)
        let built = view.update()
        tenantBuilds[id] = (view, built)
        return built
    }

    static let notFound = Answer(status: 404, contentType: "text/plain; charset=utf-8", body: Array("Not found\n".utf8))

    /// `/` → `index.html`, `/guide/` → `guide/index.html`; nil for anything that tries to leave the site.
    static func key(for requestPath: String) -> String? {
        var path = String(requestPath.prefix { $0 != "?" && $0 != "#" })
        guard let decoded = path.removingPercentEncoding, !decoded.contains("\0"), !decoded.contains("\\") else { return nil }
        path = decoded
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0 == ".." || $0 == "." }) else { return nil }
        let joined = parts.joined(separator: "/")
        if joined.isEmpty || path.hasSuffix("/") { return joined.isEmpty ? "index.html" : joined + "/index.html" }
        return joined
    }

    static func contentType(_ path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "html": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js": return "text/javascript; charset=utf-8"
        case "json": return "application/json"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "svg": return "image/svg+xml"
        case "webp": return "image/webp"
        case "yml", "yaml", "txt", "md": return "text/plain; charset=utf-8"
        default: return "application/octet-stream"
        }
    }
}
