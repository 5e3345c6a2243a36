import Foundation

/// A site build kept in memory between changes, for `runsmith serve`. The first `update()` builds
/// everything; later ones are told which files changed and build again only what depends on them:
/// - pages that read a changed file: the page itself, an include or partial, an image it shows;
/// - pages whose links, cards or pager show a page whose title, anchors or description changed;
/// - the sidebar, only when a title, position or hidden flag changed;
/// - the runbooks of a changed tenant, of a changed runbook file, or with a step on a rebuilt page.
/// A change to the shape of the site builds everything again: the config files, SUMMARY.md,
/// `_category_.json`, templates, the tenant schema, a file added or removed, a page whose route moves.
/// `runsmith build` is the first update alone, so both take the same path through the stages.
public final class IncrementalBuild {
    public let options: SiteBuilder.Options
    /// Told what a build is doing (`runsmith build` shows it on a terminal).
    public var progress: (@Sendable (String) -> Void)?
    /// nil until a build got past loading; then what the next update starts from.
    private var state: BuildState?
    /// Pages are compiled before the site index exists, their links left as slots and filled once it
    /// does (`CompiledPage.link`); off only to test that this changes nothing: each page is then compiled
    /// again once the index exists, its links resolved at once.
    var linksBySlots = true
    /// Where a build that writes its pages as they are rendered writes them (`PageStream`); set by
    /// `SiteBuilder` for one build, never for `serve`.
    var pageOutput: OutputStaging? {
        didSet { bodyStore = pageOutput == nil ? nil : BodyStore() }
    }
    /// Where phase 1 puts the bodies of a build that writes its pages as they are rendered.
    private(set) var bodyStore: BodyStore?
    /// Runbook steps that tenants get alike are compiled once for all of them (`SharedSteps`, with the
    /// pages preprocessed once per version, `SharedPreprocessing`); off only to test that this changes nothing.
    var sharesSteps = true
    /// Templates rendered by swift-mustache instead of `TemplateRenderer`; on only to test that the two
    /// render every page alike.
    var rendersByReference = false

    public init(options: SiteBuilder.Options) { self.options = options }

    /// The tenants of the last build that got past loading, for the preview's View-as menu.
    /// Where the docs' search index files are, from the site's root.
    public static let searchFolder = SearchIndex.folder

    /// The docs' search index files (under `searchFolder`), for a build that defers them
    /// (`Options.defersSearchIndex`): made on the first call after pages changed, then kept.
    public func searchIndex() -> [String: [UInt8]] {
        guard var current = state else { return [:] }
        let files = Self.searchIndex(&current)
        state = current
        return files
    }

    public var tenants: [(id: String, name: String)] { state?.site.tenants.tenants.map { ($0.id, $0.name) } ?? [] }

    /// Builds everything (`changed` nil, or the first time), or what depends on `changed`: paths relative
    /// to `options.root`, as a file watcher reports them.
    public func update(changed: Set<String>? = nil) -> SiteBuilder.Result {
        guard var state, let changed, let plan = plan(for: changed, in: &state) else { return full() }
        let result = build(&state, plan)
        self.state = state
        return result
    }

    // MARK: - Building

    private func full() -> SiteBuilder.Result {
        state = nil
        var diagnostics: [Diagnostic] = []
        guard var site = SiteSource.load(root: options.root, excluding: [options.output, options.tenantsOutput, options.cache].compactMap { $0 },
                                         diagnostics: &diagnostics) else {
            var result = SiteBuilder.Result()
            result.diagnostics = sortedDiagnostics(diagnostics)
            return result
        }
        var templates: TemplateSet
        do {
            let own = site.tree.root.appendingPathComponent("templates")
            templates = try TemplateSet(projectDirectory: FileManager.default.fileExists(atPath: own.path) ? own : nil,
                                        reference: rendersByReference)
        } catch {
            var result = SiteBuilder.Result()
            result.diagnostics = sortedDiagnostics((diagnostics + [error.diagnostic]).map(site.relocated))
            return result
        }
        diagnostics += templates.addLogo(site.config.header.logo, root: options.root)
        if !options.highlightsCode { site.config.highlightsCode = false }
        // Python starts as the build loads when pages will be compiled: without a cache, and when tenants'
        // runbooks are (each build makes their steps). Otherwise most pages come from the cache, and the
        // first page that needs a lexer starts it (a cached build of unchanged pages, none).
        let compilesSteps = !site.tenants.tenants.isEmpty && !site.tenants.runbooks.isEmpty
        if site.config.highlightsCode, options.cache == nil || compilesSteps { PygmentsHighlighter.shared.prewarm() }
        // Built as one tenant gets it, when asked (the preview's tenant switcher).
        var viewer: TenantContext? = nil
        if let id = options.tenant {
            guard let tenant = site.tenants.tenants.first(where: { $0.id == id }) else {
                var result = SiteBuilder.Result()
                result.diagnostics = [.error(.invalidTenant, "no tenant '\(id)'", at: nil)]
                return result
            }
            viewer = TenantContext(tenant: tenant, schema: site.tenants.schema, claims: site.config.claims)
        }
        var fresh = BuildState(site: site, templates: templates, loadDiagnostics: diagnostics, viewer: viewer,
                               assets: AssetCatalog(tree: site.tree), provenance: Provenance.current(root: options.root))
        fresh.cache = options.cache.map { PageCache(folder: $0, site: site, root: options.root, viewer: viewer) }
        let result = build(&fresh, Plan(pages: Set(site.pages), changedFiles: [], runbooks: { _, _ in true }), full: true)
        state = fresh
        return result
    }

    /// One update, stage by stage: the changed pages compiled, the index and sidebar refreshed, the pages
    /// that show a changed page compiled again, every page linked and laid out, then the runbooks, the
    /// files copied, and what a build adds (single files, a shard's share, the cache).
    private func build(_ state: inout BuildState, _ plan: Plan, full: Bool = false) -> SiteBuilder.Result {
        let clock = StageClock(); defer { clock.report() }
        state.assets.forget(plan.changedFiles)
        var update = compileChanged(&state, plan, full: full)
        refreshOverview(&state, update)
        let again = pagesShowing(update, in: state, full: full)
        for (path, (page, _)) in zip(again, compile(again, state, renders: update.renders)) { update.compiled[path] = page }
        clock.mark("parse and index")
        progress?("rendering \(update.compiled.count) pages")
        var result = SiteBuilder.Result()
        result.siteLoaded = true
        result.rebuiltPages = link(&state, &update)
        result.cachedPages = state.cache?.hits ?? 0
        clock.mark("render")
        var diagnostics = state.loadDiagnostics + state.tenantDiagnostics
        for path in state.site.pages { diagnostics += state.records[path]?.diagnostics ?? [] }
        assemblePages(state, into: &result)
        clock.mark("assemble pages")
        addSearchIndex(&state, update, into: &result)
        clock.mark("search index")
        diagnostics += buildRunbooks(&state, plan, update, full: full, into: &result)
        diagnostics += addSiteFiles(state, into: &result)
        clock.mark("runbooks")
        copies(&state, update, into: &result)
        clock.mark("copies")
        let site = state.site, index = state.overview!.index
        if options.singleFile { diagnostics += singleFiles(&result, site: site, index: index) }
        if let shard = options.shard { keep(shard, of: &result, site: site) }
        diagnostics += printPDFs(&result, site: site)
        // Last: the manifest lists every file of a tenant's folder as it is written.
        if state.viewer == nil { diagnostics += TenantManifest.add(to: &result, provenance: state.provenance, known: &state.manifestHashes) }
        if let cache = state.cache {
            // One build's pages: the cache does not grow with every edit.
            if full { cache.prune() }
            diagnostics += cache.problem.map { [$0] } ?? []
            state.cache = nil
        }
        let adjusted = diagnostics.compactMap(site.config.adjusted).map(site.relocated)
        result.diagnostics = DiagnosticLimit.cap(DiagnosticCollapse.collapse(sortedDiagnostics(adjusted)))
        return result
    }
}
