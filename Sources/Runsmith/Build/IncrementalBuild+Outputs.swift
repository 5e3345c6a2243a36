import Foundation

/// What a build makes of its pages besides the pages: a sharded part's share, the single-file runbooks.
extension IncrementalBuild {
    /// Drops what another part of a sharded build writes.
    func keep(_ shard: Shard, of result: inout SiteBuilder.Result, site: SiteSource) {
        let pages = Dictionary(site.pages.enumerated().compactMap { i, page in site.routes[page].map { ($0, i) } }, uniquingKeysWith: { a, _ in a })
        let tenants = Dictionary(uniqueKeysWithValues: site.tenants.tenants.enumerated().map { ($1.id, $0) })
        result.files = result.files.filter { shard.owns(route: $0.key, pages: pages, tenants: tenants) }
        result.copies = shard.index == 0 ? result.copies : [:]
        result.pageCount = result.files.keys.filter { pages[$0] != nil }.count
        result.assetCount = result.copies.count
    }

    /// Each tenant × runbook also as one self-contained `<tenant>-<runbook>.html`.
    func singleFiles(_ result: inout SiteBuilder.Result, site: SiteSource, index: SiteIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let inputs = SingleFile.Inputs(files: result.files, copies: result.copies,
                                       published: Dictionary(index.pages.values.filter(\.built).map { ($0.route, $0.published) },
                                                             uniquingKeysWith: { a, _ in a }),
                                       siteURL: site.config.siteURL)
        for tenant in site.tenants.tenants {
            for runbook in site.tenants.runbooks {
                let route = "\(tenant.id)/\(runbook.id)/index.html"
                guard let page = result.files[route] else { continue }
                let (html, problems) = SingleFile.make(String(decoding: page, as: UTF8.self), route: route, inputs: inputs)
                result.files["\(tenant.id)-\(runbook.id).html"] = Array(html.utf8)
                diagnostics += problems
            }
        }
        return diagnostics
    }
}
