import Crypto
import Foundation
import Synchronization

/// `--cache DIR`: what phase 1 made of each page in earlier builds (its summary, its compiled page with
/// link slots, and its problems), so that a CI build preprocesses and parses only the pages whose files changed.
///
/// An entry is named by a key made of everything besides the page's own files that phase 1 reads: the
/// config files (with the limits), the tenant schema, the flavour, this runsmith binary (`ExecutableIdentity`), and what the site says
/// of the page (its route, published path and SUMMARY title). It is used only when every file the page
/// was made from (the page, its includes and partials) still has the SHA-256 recorded with it. Its link
/// slots are filled from the real index like every compiled page's (`CompiledPage.link`), so a target
/// page that moved, lost an anchor or failed is seen.
final class PageCache: Sendable {
    struct Entry: Codable {
        /// Path → SHA-256 of each file the page was made from.
        var sources: [String: String]
        /// Without its body, which follows the entry in the file.
        var page: CompiledPage
    }

    let folder: URL
    private let context: [UInt8]
    private let site: SiteSource
    private let titles: [String: String]
    /// What this build learned so far, from the pages' threads of phase 1.
    private struct ThisBuild {
        /// Hashes of the files read so far in this build (includes are shared by many pages).
        var hashes: [String: String] = [:]
        /// Entry names this build used or wrote: the rest are removed by `prune()`.
        var kept: Set<String> = []
        /// Fan-out folders known to exist.
        var folders: Set<String> = []
        var hits = 0
        var problem: Diagnostic?
    }
    private let thisBuild = Mutex(ThisBuild())

    var hits: Int { thisBuild.withLock { $0.hits } }
    var problem: Diagnostic? { thisBuild.withLock { $0.problem } }

    static let format = "runsmith-page-cache 8"

    init(folder: URL, site: SiteSource, root: URL, viewer: TenantContext?) {
        self.folder = folder.appendingPathComponent("pages")
        self.site = site
        var context = SHA256()
        func add(_ text: String) { context.update(data: Array(text.utf8) + [0]) }
        add(Self.format)
        add(ExecutableIdentity.current)
        add(site.flavor.rawValue)
        // What phase 1 reads besides the pages: the config files, the variables conditions are checked
        // against, and for one tenant's view (the preview) every tenant file.
        let files = [(root, SiteConfig.fileName), (root, GitBookConfig.fileName), (site.tree.root, TenantSchema.path)]
            + (viewer == nil ? [] : site.tree.files.filter { $0.hasPrefix("tenants/") }.map { (site.tree.root, $0) })
        add(viewer?.tenant.id ?? "")
        for (base, path) in files {
            add(path)
            add((try? Data(contentsOf: base.appendingPathComponent(path))).map { Self.hex(SHA256.hash(data: $0)) } ?? "absent")
        }
        self.context = Array(context.finalize())
        var titles: [String: String] = [:]
        func walk(_ entry: Summary.Entry) {
            if let page = entry.page, titles[page] == nil { titles[page] = entry.title }
            entry.children.forEach(walk)
        }
        site.summary?.groups.forEach { $0.entries.forEach(walk) }
        self.titles = titles
    }

    /// The page as an earlier build left it, when nothing it was made from changed. `withBody`: the page's
    /// body is wanted (a part of a sharded build lays out only its own pages).
    func page(_ path: String, bytes: [UInt8], withBody: Bool) -> CompiledPage? {
        let hash = Self.hex(SHA256.hash(data: bytes))
        for name in withBody ? [name(path, body: true)] : [name(path, body: false), name(path, body: true)] {
            guard let (entry, body) = read(name), entry.sources[path] == hash,
                  entry.sources.allSatisfy({ $0.key == path || currentHash($0.key) == $0.value }) else { continue }
            thisBuild.withLock { $0.kept.insert(name); $0.hits += 1 }
            var page = entry.page
            page.body = withBody ? body : nil
            return page
        }
        return nil
    }

    /// Keeps a compiled page for the next build. Pages with errors are not kept: an error may come
    /// from a file that is missing now (an include) and whose arrival the entry could not notice.
    func store(_ path: String, bytes: [UInt8], _ page: CompiledPage) {
        // A page whose code went uncoloured for want of Pygments is made again once it is there.
        guard !page.diagnostics.contains(where: { $0.severity == .error || $0.code == .highlighterUnavailable }) else { return }
        var sources = [path: Self.hex(SHA256.hash(data: bytes))]
        for source in page.sources where source != path {
            guard let hash = currentHash(source) else { return }
            sources[source] = hash
        }
        var stored = page
        stored.body = nil
        let entry = Entry(sources: sources, page: stored)
        let name = name(path, body: page.body != nil)
        do {
            let header = try CacheEncoder.encode(entry)
            var bytes = Array(Self.magic.utf8)
            withUnsafeBytes(of: UInt64(header.count).littleEndian) { bytes.append(contentsOf: $0) }
            bytes.append(contentsOf: header)
            bytes.append(contentsOf: page.body ?? [])
            let fan = folder.appendingPathComponent(String(name.prefix(2)))
            if !thisBuild.withLock({ $0.folders.contains(fan.path) }) {
                try FileManager.default.createDirectory(at: fan, withIntermediateDirectories: true)
                thisBuild.withLock { _ = $0.folders.insert(fan.path) }
            }
            // A temporary file of this process, renamed over the entry: a reader sees the old entry or
            // the new one, never half of it.
            let path = fan.appendingPathComponent(name).path, temporary = path + ".\(getpid()).tmp"
            unlink(temporary)
            if let error = OutputWriter.writeFile(temporary, bytes) ?? (rename(temporary, path) == 0 ? nil : CocoaError(.fileWriteUnknown)) {
                unlink(temporary)
                throw error
            }
            thisBuild.withLock { _ = $0.kept.insert(name) }
        } catch {
            thisBuild.withLock {
                if $0.problem == nil {
                    $0.problem = .warning(.cacheUnwritable, "cannot write to the cache \(folder.deletingLastPathComponent().path): \(error.localizedDescription)",
                                       at: nil, note: "the build goes on without keeping pages for the next one")
                }
            }
        }
    }

    /// Removes the entries this build neither used nor wrote, so that the cache holds one build's pages.
    func prune() {
        let files = FileManager.default, kept = thisBuild.withLock { $0.kept }
        for fan in (try? files.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let dir = folder.appendingPathComponent(fan)
            for name in (try? files.contentsOfDirectory(atPath: dir.path)) ?? [] where !kept.contains(name) {
                try? files.removeItem(at: dir.appendingPathComponent(name))
            }
        }
    }

    // MARK: - Keys and files

    private static let magic = "RSPC2\n"

    /// The entry's file name: the context, the page, what the site says of it, whether it has its body,
    /// and whether its code is coloured.
    private func name(_ path: String, body: Bool) -> String {
        var key = SHA256()
        key.update(data: context)
        let published = site.published[path] ?? Routes.published(for: path)
        for part in [path, site.routes[path] ?? "", published, titles[path] ?? "", body ? "body" : "layout",
                     site.config.highlightsCode ? "coloured" : "plain"] {
            key.update(data: Array(part.utf8) + [0])
        }
        return Self.hex(key.finalize())
    }

    private func read(_ name: String) -> (Entry, [UInt8])? {
        let url = folder.appendingPathComponent(String(name.prefix(2))).appendingPathComponent(name)
        let magic = Array(Self.magic.utf8)
        guard var bytes = try? FileBytes.read(url.path), bytes.count >= magic.count + 8, bytes[..<magic.count].elementsEqual(magic) else { return nil }
        let start = magic.count
        let length = bytes[start..<start + 8].enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        guard length <= UInt64(bytes.count - start - 8) else { return nil }
        let headerEnd = start + 8 + Int(length)
        guard let entry = try? CacheDecoder.decode(Entry.self, from: Array(bytes[(start + 8)..<headerEnd])) else { return nil }
        // The body is what follows, moved to the front of the same array.
        bytes.removeSubrange(..<headerEnd)
        return (entry, bytes)
    }

    private func currentHash(_ path: String) -> String? {
        if let known = thisBuild.withLock({ $0.hashes[path] }) { return known }
        guard let bytes = try? site.tree.read(path) else { return nil }
        let hash = Self.hex(SHA256.hash(data: bytes))
        thisBuild.withLock { $0.hashes[path] = hash }
        return hash
    }

    static func hex<D: Sequence>(_ digest: D) -> String where D.Element == UInt8 {
        let digits = Array("0123456789abcdef".utf8)
        var text: [UInt8] = []
        for byte in digest { text += [digits[Int(byte >> 4)], digits[Int(byte & 15)]] }
        return String(decoding: text, as: UTF8.self)
    }
}
