/// One part of a build split over several machines (`runsmith build --shard I/N`). The parts' outputs
/// are disjoint and merge by plain copying into what one build writes:
/// - page number i of the site (SUMMARY order, then sorted) belongs to part i mod N;
/// - tenant number j (sorted by id) belongs to part j mod N, with all its runbooks, checklists, JSON
///   and single files;
/// - everything else — theme files, the sidebar, category pages, redirects, `_tenants/index.html`, the
///   docs' copied images — belongs to the first part.
/// Every part still reads and parses every page: links, anchors and the sidebar need the whole site.
public struct Shard: Sendable, Equatable {
    /// 0-based.
    public var index: Int
    public var count: Int

    public init(index: Int, count: Int) {
        self.index = index
        self.count = count
    }

    /// `I/N` with 1 ≤ I ≤ N, as written on the command line.
    public init?(_ text: String) {
        let parts = text.split(separator: "/")
        guard parts.count == 2, let i = Int(parts[0]), let n = Int(parts[1]), n >= 1, i >= 1, i <= n else { return nil }
        self.init(index: i - 1, count: n)
    }

    func owns(position: Int) -> Bool { position % count == index }

    /// Whether this part writes `route`: pages by their place in the site, a tenant's folder by the tenant's.
    func owns(route: String, pages: [String: Int], tenants: [String: Int]) -> Bool {
        if let position = pages[route] { return owns(position: position) }
        if let tenant = TenantFolder.tenant(of: route), let position = tenants[tenant] { return owns(position: position) }
        return index == 0
    }
}
