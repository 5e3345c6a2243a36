import Foundation

/// What a build makes of its pages besides the pages: a sharded part's share, the single-file runbooks.
extension IncrementalBuild {
    /// Drops what another part of a sharded build writes.
    func keep(_ shard: Shard, of result: inout SiteBuilder.Result, site: SiteSource) {
        let pages = Dictionary(site.pages.enumerated().compactMap { i, page in site.routes[page].map { ($0, i) } }, uniquingKeysWith: { a, _ in a })
        let tenants = Dictionary(uniqueKeysWithValues: site.tenants.tenants.enumerated().map { ($1.id, $0) })
        result.files = result.files.filter { shard.owns(route: $0.key, pages: pages, tenants: tenants) }
        result.copies = result.copies.filter { shard.owns(route: $0.key, pages: [:], tenants: tenants) }
        // Pages written as they were rendered are this part's own already.
        result.pageCount = result.files.keys.filter { pages[$0] != nil }.count + result.streamed.count
        result.assetCount = result.copies.count
    }

    /// With `--pdf`: each runbook and its checklist printed, into the tenant's folder.
    func printPDFs(_ result: inout SiteBuilder.Result, site: SiteSource) -> [Diagnostic] {
        guard options.pdf, options.tenant == nil, let chromium = PDFPrinter.find() else { return [] }
        let runbooks = site.tenants.tenants.flatMap { tenant in
            let context = TenantContext(tenant: tenant, schema: site.tenants.schema, claims: site.config.claims)
            return site.tenants.runbooks.map { (tenant, $0, $0.tailored(for: context).0.title) }
        }
        return PDFPrinter(chromium: chromium).print(&result, runbooks: runbooks)
    }

    /// Each tenant × runbook also as one self-contained `<runbook>.html` in the tenant's folder: the runbook
    /// page with its checklist, which the runbooks wrote there with the links of `<runbook>/index.html`.
    func singleFiles(_ result: inout SiteBuilder.Result, site: SiteSource, index: SiteIndex) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let inputs = SingleFile.Inputs(files: result.files, copies: result.copies,
                                       published: Dictionary(index.pages.values.filter(\.built).map { ($0.route, $0.published) },
                                                             uniquingKeysWith: { a, _ in a }),
                                       siteURL: site.config.siteURL)
        for tenant in site.tenants.tenants {
            for runbook in site.tenants.runbooks {
                let route = TenantFolder.path(tenant.id, "\(runbook.id)/index.html")
                let output = TenantFolder.path(tenant.id, "\(runbook.id).html")
                guard let page = result.files[output] else { continue }
                let (html, problems) = SingleFile.make(String(decoding: page, as: UTF8.self), route: route, output: output, inputs: inputs)
                result.files[output] = Array(html.utf8)
                diagnostics += problems
            }
        }
        return diagnostics
    }
}

/// The site's files besides its pages: category pages, runbooks, theme assets, sidebar, redirects, copies.
extension IncrementalBuild {
    /// Every page's output and the generated category pages.
    func assemblePages(_ state: BuildState, into result: inout SiteBuilder.Result) {
        let site = state.site, (index, renderer, categories) = state.overview!
        for path in site.pages {
            guard let record = state.records[path], let route = site.routes[path] else { continue }
            if let html = record.html { result.files[route] = html } else if record.written { result.streamed.insert(route) }
        }
        for key in categories { result.files[index.pages[key]!.route] = renderer.renderCategoryIndex(key) }
        result.pageCount = site.pages.filter { state.records[$0].map { $0.html != nil || $0.written } ?? false }.count
    }

    /// The docs' search index (`_runsmith/search/`): every page the sidebar may show, section by section,
    /// as the public site shows it (a tenant's values are never in it). Made again only when a page's
    /// text, title or place changed.
    func addSearchIndex(_ state: inout BuildState, _ update: Update, into result: inout SiteBuilder.Result) {
        if update.searchChanged || update.navigationChanged || !update.changedEntries.isEmpty { state.search = nil }
        // Deferred (`serve`): made by `searchIndex()` when a reader first searches.
        guard !options.defersSearchIndex else { return }
        result.files.merge(Self.searchIndex(&state)) { _, new in new }
    }

    /// The docs' search index files, made again only when pages changed since they were last made.
    static func searchIndex(_ state: inout BuildState) -> [String: [UInt8]] {
        if let made = state.search { return made }
        let documents = state.site.pages.flatMap { path -> [SearchIndex.Document] in
            guard let record = state.records[path], let summary = record.summary, !summary.hidden, !summary.entry.route.isEmpty else { return [] }
            return SearchIndex.documents(route: summary.entry.route, title: summary.entry.title, sections: record.search)
        }
        // With `--cache`, the last build's index when no document changed.
        let kept = state.cache.map { SearchIndexCache(cacheRoot: $0.folder.deletingLastPathComponent()) }
        let key = kept.map { _ in SearchIndexCache.key(documents) }
        if let kept, let key, let files = kept.read(key: key) {
            state.search = files
            return files
        }
        let made = SearchIndex.files(documents, folder: SearchIndex.folder)
        if let kept, let key { kept.write(made, key: key) }
        state.search = made
        return made
    }

    /// Theme files, the sidebar, redirects and a root page: added after the runbooks, which may not write
    /// where the docs pages are.
    func addSiteFiles(_ state: BuildState, into result: inout SiteBuilder.Result) -> [Diagnostic] {
        let (index, renderer, _) = state.overview!
        for (name, bytes) in state.templates.assets { result.files["_runsmith/" + name] = bytes }
        result.files.merge(state.sidebar) { _, new in new }
        let diagnostics = renderer.redirects(into: &result.files, besides: result.streamed)
        // A page of the docs may be the 404 page itself; a sitemap needs `site_url`.
        if !result.makes("404.html") { result.files["404.html"] = renderer.notFoundPage() }
        if !result.makes("sitemap.xml"), let map = renderer.siteMap() { result.files["sitemap.xml"] = map }
        if !result.makes("index.html"), let first = renderer.order.first, let target = index.pages[first] {
            // A site without a root page still opens at index.html (the header's home link points there).
            result.files["index.html"] = Array(state.templates.render("redirect", ["url": HTMLText.encodeURL(target.route), "title": target.title]).utf8)
        }
        return diagnostics
    }

    /// The runbooks a change touches built again (all of them in a full build), then every tenant's
    /// runbooks audited and added to the files.
    func buildRunbooks(_ state: inout BuildState, _ plan: Plan, _ update: Update, full: Bool,
                       into result: inout SiteBuilder.Result) -> [Diagnostic] {
        let site = state.site, (index, _, categories) = state.overview!
        var diagnostics = RunbookCheck.check(site.tenants, index: index, claims: site.config.claims)
        guard state.viewer == nil else { return diagnostics }
        let tenantShard = Dictionary(uniqueKeysWithValues: site.tenants.tenants.enumerated().map { ($1.id, $0) })
        // A runbook with a step on a page rendered again is built again too.
        let renderedSet = Set(result.rebuiltPages)
        let stepPages = { (runbook: Runbook) in runbook.sections.contains { section in
            section.source(in: index).map(renderedSet.contains) ?? false
        } }
        let hasRunbooks = !site.tenants.tenants.isEmpty && !site.tenants.runbooks.isEmpty
        if hasRunbooks { progress?("building runbooks") }
        result.rebuiltRunbooks = state.runbooks.build(site, index: index, resolver: LinkResolver(index: index, assets: state.assets),
                                                      templates: state.templates, provenance: state.provenance,
                                                      wanted: full || !update.changedEntries.isEmpty ? nil : { tenant, runbook in
            plan.runbooks(tenant, runbook) || stepPages(runbook)
        }, only: options.shard.map { shard in { tenant in shard.owns(position: tenantShard[tenant.id] ?? 0) } },
           bundles: options.singleFile, sharesSteps: sharesSteps)
        guard hasRunbooks else { return diagnostics }
        let (audit, shared) = state.auditInputs(categoryPages: categories.compactMap { result.files[index.pages[$0]!.route] })
        diagnostics += state.runbooks.assemble(into: &result.files, site: site, templates: state.templates, audit: audit, shared: shared,
                                               sharded: options.shard.map { $0.count > 1 } ?? false, singleFiles: options.singleFile)
        return diagnostics
    }

    /// Images and attachments, under the names already given: what the docs pages use, into the site, and
    /// what each tenant's runbooks use, into that tenant's folder.
    func copies(_ state: inout BuildState, _ update: Update, into result: inout SiteBuilder.Result) {
        if update.usesChanged || !result.rebuiltRunbooks.isEmpty || state.copies == nil {
            var copies: [String: URL] = [:]
            // Read out of the state once: each access to it in the loop copied what it holds (the tree's lists).
            let assets = state.assets, tree = state.site.tree
            var absolute: [String: URL] = [:]
            func copy(_ used: Set<String>, into folder: String) {
                for source in used {
                    guard let output = assets.knownOutput(for: source) else { continue }
                    if absolute[source] == nil { absolute[source] = tree.absolute(source) }
                    copies[folder + output] = absolute[source]
                }
            }
            for record in state.records.values { copy(record.uses, into: "") }
            for (key, output) in state.runbooks.outputs {
                let tenant = String(key.prefix { $0 != "/" })
                if result.files[TenantFolder.path(tenant, "index.html")] != nil { copy(output.uses, into: TenantFolder.path(tenant, "")) }
            }
            state.copies = copies
        }
        result.copies = state.copies!
        result.assetCount = result.copies.count
    }
}
