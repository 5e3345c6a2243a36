/// `runsmith build` writes each docs page into the output's staging folder as soon as it is laid out,
/// on the page's thread, and keeps none of its HTML: the build's memory no longer grows with the site.
/// What the later stages read of a page is taken first: the tenant values it shows, for the runbooks'
/// leak audit. `serve` keeps its pages, and does not stream.
struct PageStream: Sendable {
    let staging: OutputStaging
    /// When the leak audit needs every page's values (tenants with runbooks): looked for before the
    /// HTML is dropped.
    let audit: LeakAudit?
    /// Whether this part (of a sharded build) writes a page's output; a page it only renders for the
    /// audit is dropped.
    let owns: @Sendable (String) -> Bool
    /// Routes more than one page has: their HTML stays in memory, so that the last page's wins as it
    /// always has.
    let sharedRoutes: Set<String>

    struct Taken {
        /// The HTML still to keep (nil once written or dropped).
        var html: [UInt8]?
        /// The tenant values it shows, when the audit wants them.
        var shared: Set<String>?
        var written = false
    }

    func take(_ html: [UInt8], path: String, route: String) -> Taken {
        var taken = Taken(html: html, shared: audit.map { $0.sharedValues(in: html) })
        guard !sharedRoutes.contains(route) else { return taken }
        if owns(path) {
            staging.write(route, html)
            taken.written = true
        }
        taken.html = nil
        return taken
    }
}

extension IncrementalBuild {
    /// The stream of a first build that writes its pages as they are rendered; nil otherwise.
    func pageStream(_ state: inout BuildState) -> PageStream? {
        guard let staging = pageOutput, state.viewer == nil else { return nil }
        let site = state.site
        let audited = !site.tenants.tenants.isEmpty && !site.tenants.runbooks.isEmpty
        var seen: Set<String> = [], twice: Set<String> = []
        for path in site.pages { if let route = site.routes[path], !seen.insert(route).inserted { twice.insert(route) } }
        let position = Dictionary(uniqueKeysWithValues: site.pages.enumerated().map { ($1, $0) })
        let shard = options.shard
        return PageStream(staging: staging, audit: audited ? state.currentAudit() : nil,
                          owns: { path in shard.map { $0.owns(position: position[path] ?? 0) } ?? true }, sharedRoutes: twice)
    }
}
