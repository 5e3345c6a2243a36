import Foundation

/// Everything an incremental build keeps between updates.
struct BuildState {
    var site: SiteSource
    var templates: TemplateSet
    var loadDiagnostics: [Diagnostic]
    /// Problems of the tenant files as last loaded (the load diagnostics hold the first load's).
    var tenantDiagnostics: [Diagnostic] = []
    var viewer: TenantContext?
    var assets: AssetCatalog
    var provenance: Provenance
    var records: [String: PageRecord] = [:]
    var runbooks = RunbookOutputs()
    var navigation = Navigation(groups: [])
    var sidebar: [String: [UInt8]] = [:]
    /// The docs' search index files, made again when a page's text or title changes.
    var search: [String: [UInt8]]?
    /// Made again when the tenants change.
    var audit: LeakAudit?
    /// Tenant value → how many docs pages show it (the leak audit's "shared").
    var sharedCounts: [String: Int] = [:]
    /// The index, the renderer over it and the generated category pages, made again when a page's
    /// summary changes.
    var overview: (index: SiteIndex, renderer: PageRenderer, categories: [String])?
    /// Output → source of every image and attachment in use.
    var copies: [String: URL]?
    /// The SHA-256 of each tenant folder's files as the last manifests listed them, with their bytes.
    var manifestHashes: TenantManifest.Hashes = [:]
    /// What pages compiled before the site index exists resolve the URLs against that need no index;
    /// made again with the site.
    var provisional: LinkResolver?
    /// `--cache DIR`, for the first build only (later updates know what changed).
    var cache: PageCache?
}

extension BuildState {
    /// The docs pages' compiler: as the viewing tenant gets them, else with variables as named
    /// placeholders when there is a schema.
    var compiler: PageCompiler {
        let values = viewer ?? (site.tenants.isDeclared ? TenantContext.placeholders(schema: site.tenants.schema) : nil)
        return PageCompiler(preprocessor: site.preprocessor(tenant: viewer), values: values, preset: site.slugPreset(for:),
                           highlighter: site.codeHighlighter)
    }

    /// The leak audit for the current tenants, and the values the docs site shows: each page's are
    /// looked for once after it is rendered (all again only when the tenants change).
    mutating func auditInputs(categoryPages: [[UInt8]]) -> (LeakAudit, Set<String>) {
        let current = currentAudit()
        // How many pages show each value, kept up to date page by page.
        let stale = records.values.filter(\.sharedStale)
        // The records are shared classes: only their pages' HTML goes to the threads.
        let pages = stale.map(\.html)
        let found = Parallel.map(pages.count) { i in pages[i].map(current.sharedValues) ?? [] }
        for (record, values) in zip(stale, found) { noteShared(values, of: record) }
        sharedCounts = sharedCounts.filter { $0.value > 0 }
        var shared = Set(sharedCounts.keys)
        for page in categoryPages { shared.formUnion(current.sharedValues(in: page)) }
        return (current, shared)
    }

    /// The leak audit of the current tenants, made on first use: every page's values are then looked
    /// for again.
    mutating func currentAudit() -> LeakAudit {
        if let audit { return audit }
        let made = LeakAudit(tenants: site.tenants.tenants, schema: site.tenants.schema)
        audit = made
        for record in records.values { record.sharedStale = true; record.sharedValues = [] }
        sharedCounts = [:]
        return made
    }

    /// The tenant values a page's output shows, found when it was rendered or later.
    mutating func noteShared(_ values: Set<String>, of record: PageRecord) {
        for value in record.sharedValues { sharedCounts[value, default: 0] -= 1 }
        for value in values { sharedCounts[value, default: 0] += 1 }
        record.sharedValues = values
        record.sharedStale = false
    }
}
