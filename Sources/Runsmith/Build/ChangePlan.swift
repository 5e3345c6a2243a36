import Foundation

/// What a change touches: which files a change set names, which pages read them, which runbooks use
/// them — or that the shape of the site changed and everything must be built again.
extension IncrementalBuild {
    /// What one update does: pages to build again, files whose asset names are stale, runbooks to rebuild.
    struct Plan {
        var pages: Set<String>
        var changedFiles: Set<String>
        var runbooks: (Tenant, Runbook) -> Bool
    }

    /// nil when the change needs a full build.
    func plan(for changed: Set<String>, in state: inout BuildState) -> Plan? {
        let site = state.site
        var files: Set<String> = []
        var tenantsChanged = false
        for path in changed where !Self.ignored(path) {
            // Files above `.gitbook.yaml`'s root are the two config files or nothing the build reads.
            guard let file = site.rootPrefix.isEmpty ? path : (path.hasPrefix(site.rootPrefix) ? String(path.dropFirst(site.rootPrefix.count)) : nil) else {
                if path == SiteConfig.fileName || path == GitBookConfig.fileName { return nil }
                continue
            }
            if file == SiteConfig.fileName || file == GitBookConfig.fileName || file == site.gitbook.summary
                || file.hasPrefix("templates/") || file == TenantSchema.path { return nil }
            let name = file.split(separator: "/").last.map(String.init) ?? file
            if name.hasPrefix("_category_.") || name.hasPrefix("sidebars.") { return nil }
            // Added or removed: links, routes and the sidebar may all change.
            let exists = FileManager.default.fileExists(atPath: site.tree.root.appendingPathComponent(file).path)
            if exists != site.tree.contains(file) { return nil }
            if file.hasPrefix("tenants/") || file.hasPrefix("runbooks/") { tenantsChanged = true }
            files.insert(file)
        }
        guard !files.isEmpty else { return Plan(pages: [], changedFiles: [], runbooks: { _, _ in false }) }
        // A page's frontmatter may move it (Docusaurus `id`, `slug`).
        for page in site.pages where files.contains(page) && site.isDocusaurusStyle(page) {
            let (route, published) = site.place(page)
            if route != site.routes[page] || published != site.published[page] { return nil }
        }
        var changedTenants: Set<String> = [], changedRunbooks: Set<String> = []
        if tenantsChanged {
            let (tenants, diagnostics) = TenantSet.load(from: site.tree)
            // Tenants or runbooks that come or go (or stop loading) change the whole set of outputs.
            guard tenants.tenants.map(\.id) == site.tenants.tenants.map(\.id),
                  tenants.runbooks.map(\.id) == site.tenants.runbooks.map(\.id) else { return nil }
            changedTenants = Set(tenants.tenants.filter { files.contains($0.path) }.map(\.id))
            // Pages built as one tenant gets them change with every value of that tenant.
            if let viewer = state.viewer, changedTenants.contains(viewer.tenant.id) { return nil }
            changedRunbooks = Set(tenants.runbooks.filter { files.contains($0.path) }.map(\.id))
            state.site.tenants = tenants
            state.audit = nil
            // The first load's tenant problems are in the load diagnostics; from now on these replace them.
            state.loadDiagnostics.removeAll { $0.location.map { $0.path.hasPrefix("tenants/") || $0.path.hasPrefix("runbooks/") } ?? false }
            state.tenantDiagnostics = diagnostics
        }
        // A page's own files, or an image or file it links to (its name carries a hash of its bytes). Pages it
        // links to are not here: when their title or anchors change, the summaries say so.
        let assets = files.filter { !SiteIndex.isMarkdown($0) }
        var pages: Set<String> = []
        for (path, record) in state.records
        where record.failed || !record.sources.isDisjoint(with: files) || !record.uses.isDisjoint(with: assets) {
            pages.insert(path)
        }
        let runbookUses = state.runbooks
        return Plan(pages: pages, changedFiles: files, runbooks: { tenant, runbook in
            changedTenants.contains(tenant.id) || changedRunbooks.contains(runbook.id)
                || !(runbookUses.outputs[RunbookOutputs.key(tenant, runbook)]?.uses.isDisjoint(with: files) ?? false)
        })
    }

    /// Paths no build reads: version control and build folders, editors' backup and swap files.
    static func ignored(_ path: String) -> Bool {
        let parts = path.split(separator: "/")
        if parts.contains(where: { ContentTree.skippedDirectories.contains(String($0)) }) { return true }
        guard let name = parts.last else { return true }
        return name.hasPrefix(".#") || name.hasSuffix("~") || name.hasSuffix(".swp") || name.hasSuffix(".swx") || name == "4913"
    }
}
