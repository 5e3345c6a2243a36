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
    /// Pages are rendered as soon as they are parsed, their trees freed (`EarlyPage`); off only to test
    /// that this changes nothing.
    var rendersEarly = true

    public init(options: SiteBuilder.Options) { self.options = options }

    /// The tenants of the last build that got past loading, for the preview's View-as menu.
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
        guard let site = SiteSource.load(root: options.root, excluding: [options.output, options.cache].compactMap { $0 },
                                         diagnostics: &diagnostics) else {
            var result = SiteBuilder.Result()
            result.diagnostics = sortedDiagnostics(diagnostics)
            return result
        }
        let templates: TemplateSet
        do {
            let own = site.tree.root.appendingPathComponent("templates")
            templates = try TemplateSet(projectDirectory: FileManager.default.fileExists(atPath: own.path) ? own : nil)
        } catch {
            var result = SiteBuilder.Result()
            result.diagnostics = sortedDiagnostics((diagnostics + [error.diagnostic]).map(site.relocated))
            return result
        }
        // Built as one tenant gets it, when asked (the preview's tenant switcher).
        var viewer: TenantContext? = nil
        if let id = options.tenant {
            guard let tenant = site.tenants.tenants.first(where: { $0.id == id }) else {
                var result = SiteBuilder.Result()
                result.diagnostics = [.error("invalid-tenant", "no tenant '\(id)'", at: nil)]
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

    /// Preprocess, parse and the page-local transforms, in parallel: the pages and what they read.
    /// With a provisional resolver, pages are rendered at once and their trees freed (`EarlyPage`), and
    /// taken from the cache, or kept in it, when there is one.
    private func parse(_ pages: [String], _ state: BuildState, early provisional: LinkResolver?,
                       renders: (String) -> Bool = { _ in true }) -> [(Parsed?, [Diagnostic])] {
        let site = state.site, tree = site.tree
        let preprocessor = site.preprocessor(tenant: state.viewer)
        // For no tenant: with a schema, variables show as named placeholders.
        let values = state.viewer ?? (site.tenants.isDeclared ? TenantContext.placeholders(schema: site.tenants.schema) : nil)
        let cache = provisional == nil ? nil : state.cache
        return Parallel.map(pages.count) { i in
            let path = pages[i]
            guard let bytes = try? tree.read(path) else {
                return (nil, [.error("unreadable-page", "cannot read this page", at: SourceLocation(path: path))])
            }
            if let cache, site.routes[path] != nil, let kept = cache.page(path, bytes: bytes, withBody: renders(path)) { return (kept, []) }
            let (preprocessed, d) = preprocessor.run(path: path, bytes: bytes)
            guard let pre = preprocessed else { return (nil, d) }
            let page = ParsedPage(source: pre, document: MarkdownDocument(bytes: pre.text))
            page.diagnostics = d
            let transforms: [PageTransform] = [DirectiveTransform()] + (values.map { [VariableSubstitution(context: $0)] } ?? [])
                + [InlineComponentTransform(), IconTransform(), HTMLSanitizer(), UnparsedLinkCheck(),
                   HeadingTransform(preset: site.slugPreset(for: path)), MathTransform(), CodeBlockTransform()]
            for transform in transforms { transform.apply(to: page) }
            var body = Parsed.Body.tree(page)
            if let provisional, let route = site.routes[path],
               let early = EarlyPage(page, route: route, provisional: provisional, renderBody: renders(path)) {
                body = .early(early)
            }
            let parsed = Parsed(summary: PageRecord.Summary(page, site: site), sources: pre.includedFiles.union([path]),
                                pagination: [pre.frontmatter.paginationPrev, pre.frontmatter.paginationNext], body: body)
            cache?.store(path, bytes: bytes, parsed)
            return (parsed, [])
        }
    }

    private func build(_ state: inout BuildState, _ plan: Plan, full: Bool = false) -> SiteBuilder.Result {
        let site = state.site
        let clock = StageClock(); defer { clock.report() }
        state.assets.forget(plan.changedFiles)
        // Phase 1 for the pages that changed: their summaries say what else must be rendered again.
        let dirty = site.pages.filter { plan.pages.contains($0) }
        progress?("parsing \(dirty.count) pages")
        var parsed: [String: Parsed] = [:]
        var changedEntries: Set<String> = []
        var navigationChanged = full
        var usesChanged = full || !plan.changedFiles.allSatisfy(SiteIndex.isMarkdown)
        // A part of a sharded build renders only its own pages, unless the leak audit needs every page's text.
        let position = Dictionary(uniqueKeysWithValues: site.pages.enumerated().map { ($1, $0) })
        let auditNeedsAll = state.viewer == nil && !site.tenants.tenants.isEmpty && !site.tenants.runbooks.isEmpty
        let renders: (String) -> Bool = { path in
            guard let shard = self.options.shard, !auditNeedsAll else { return true }
            return shard.owns(position: position[path] ?? 0)
        }
        if state.provisional == nil, rendersEarly { state.provisional = LinkResolver(index: SiteOverview.provisional(site), assets: state.assets) }
        for (path, (page, problems)) in zip(dirty, parse(dirty, state, early: state.provisional, renders: renders)) {
            let old = state.records[path]?.summary
            guard let page else {
                if let record = state.records[path] {
                    if !record.uses.isEmpty { usesChanged = true }
                    record.reparsed(summary: nil, sources: [path], pagination: [nil, nil], diagnostics: problems)
                } else {
                    state.records[path] = PageRecord(summary: nil, sources: [path], diagnostics: problems)
                }
                if old != nil { changedEntries.insert(path); navigationChanged = true }
                continue
            }
            parsed[path] = page
            let summary = page.summary
            if let old, old != summary {
                changedEntries.insert(path)
                if summary.changesNavigation(from: old) { navigationChanged = true }
            } else if old == nil, !full {
                changedEntries.insert(path)
                navigationChanged = true
            }
            if let record = state.records[path] {
                record.reparsed(summary: summary, sources: page.sources, pagination: page.pagination, diagnostics: [])
            } else {
                state.records[path] = PageRecord(summary: summary, sources: page.sources, pagination: page.pagination, diagnostics: [])
            }
        }
        // The index, sidebar and renderer stay as they are until a summary changes.
        if full || !changedEntries.isEmpty || state.overview == nil {
            let summaries = state.records.compactMapValues(\.summary)
            let index = SiteOverview.index(site, summaries)
            if navigationChanged || state.overview == nil { state.navigation = SiteOverview.navigation(site, summaries, index) }
            state.overview = (index, PageRenderer(site: site, index: index, navigation: state.navigation, templates: state.templates),
                              index.pages.keys.filter { $0.hasSuffix("/") && index.pages[$0]!.built }.sorted())
        }
        let (index, renderer, _) = state.overview!

        // Pages that show a changed page: by a link or card, or in their pager.
        var affected: Set<String> = []
        if !changedEntries.isEmpty {
            for (path, record) in state.records where parsed[path] == nil && !record.uses.isDisjoint(with: changedEntries) { affected.insert(path) }
        }
        if navigationChanged && !full {
            for (path, record) in state.records where parsed[path] == nil && record.summary != nil
                && record.shownPager(of: path, renderer) != record.pager { affected.insert(path) }
        }
        let again = site.pages.filter { affected.contains($0) }
        for (path, (page, _)) in zip(again, parse(again, state, early: state.provisional, renders: renders)) { parsed[path] = page }

        clock.mark("parse and index")
        // Phase 2: links against the index, then the page.
        progress?("rendering \(parsed.count) pages")
        let resolver = LinkResolver(index: index, assets: state.assets)
        let rendering = site.pages.filter { parsed[$0] != nil && site.routes[$0] != nil }
        let slots = Parallel.Slots(rendering.map { parsed[$0]! })
        parsed = [:]
        let render = { (page: ParsedPage, path: String) -> (html: [UInt8]?, uses: Set<String>, diagnostics: [Diagnostic]) in
            let route = site.routes[path]!
            LinkTransform(resolver: resolver, route: route).apply(to: page)
            CardsTableTransform().apply(to: page)
            return (renders(path) ? renderer.render(page, route: route) : nil, page.uses, page.diagnostics)
        }
        var rendered: [(html: [UInt8]?, uses: Set<String>, diagnostics: [Diagnostic])?] = Parallel.map(rendering.count) { i in
            // Taken out of its slot, the page (and its cmark tree) is freed on this thread when done.
            let path = rendering[i]
            switch slots.take(i).body {
            case .early(let early): return early.finish(route: site.routes[path]!, resolver: resolver, renderer: renderer)
            case .tree(let page): return render(page, path)
            }
        }
        // Early pages with a link that resolves differently now: parsed again and rendered the usual way.
        let late = rendering.indices.filter { rendered[$0] == nil }
        let reparsed = parse(late.map { rendering[$0] }, state, early: nil)
        let lateOutputs = Parallel.map(late.count) { k -> (html: [UInt8]?, uses: Set<String>, diagnostics: [Diagnostic])? in
            guard case .tree(let page) = reparsed[k].0?.body else { return nil }
            return render(page, rendering[late[k]])
        }
        for (k, i) in late.enumerated() { rendered[i] = lateOutputs[k] ?? (nil, [], reparsed[k].1) }
        clock.note("\(late.count) of \(rendering.count) pages parsed twice")
        var result = SiteBuilder.Result()
        if let cache = state.cache {
            clock.note("\(cache.hits) of \(dirty.count) pages from the cache")
            result.cachedPages = cache.hits
        }
        result.parsedTwice = late.map { rendering[$0] }
        for (path, output) in zip(rendering, rendered) {
            guard let record = state.records[path], let output else { continue }
            record.html = output.html
            record.sharedStale = true
            if record.uses != output.uses { usesChanged = true }
            record.uses = output.uses
            record.diagnostics = output.diagnostics
            record.pager = record.shownPager(of: path, renderer)
        }
        if navigationChanged { state.sidebar = renderer.sidebarFiles() }

        clock.mark("render")
        result.rebuiltPages = rendering
        var diagnostics = state.loadDiagnostics + state.tenantDiagnostics
        for path in site.pages { diagnostics += state.records[path]?.diagnostics ?? [] }
        for path in site.pages {
            if let html = state.records[path]?.html, let route = site.routes[path] { result.files[route] = html }
        }
        let categoryKeys = state.overview!.categories
        for key in categoryKeys { result.files[index.pages[key]!.route] = renderer.renderCategoryIndex(key) }
        clock.mark("assemble pages")
        diagnostics += RunbookCheck.check(site.tenants, index: index, claims: site.config.claims)
        if state.viewer == nil {
            let tenantShard = Dictionary(uniqueKeysWithValues: site.tenants.tenants.enumerated().map { ($1.id, $0) })
            // A runbook with a step on a page rendered again is built again too.
            let renderedSet = Set(rendering)
            let stepPages = { (runbook: Runbook) in runbook.sections.contains { section in
                RelativePath.resolve(section.page, from: "").flatMap { index.markdownFile(for: $0) }.map(renderedSet.contains) ?? false
            } }
            if !site.tenants.tenants.isEmpty && !site.tenants.runbooks.isEmpty { progress?("building runbooks") }
            result.rebuiltRunbooks = state.runbooks.build(site, index: index, resolver: resolver, templates: state.templates,
                                                          provenance: state.provenance,
                                                          wanted: full || !changedEntries.isEmpty ? nil : { tenant, runbook in
                plan.runbooks(tenant, runbook) || stepPages(runbook)
            }, only: options.shard.map { shard in { tenant in shard.owns(position: tenantShard[tenant.id] ?? 0) } })
            if !site.tenants.tenants.isEmpty && !site.tenants.runbooks.isEmpty {
                let (audit, shared) = state.auditInputs(categoryPages: categoryKeys.compactMap { result.files[index.pages[$0]!.route] })
                diagnostics += state.runbooks.assemble(into: &result.files, site: site, templates: state.templates, audit: audit, shared: shared,
                                                             sharded: options.shard.map { $0.count > 1 } ?? false)
            }
        }
        for (name, bytes) in state.templates.assets { result.files["_runsmith/" + name] = bytes }
        result.files.merge(state.sidebar) { _, new in new }
        diagnostics += renderer.redirects(into: &result.files)
        if result.files["index.html"] == nil, let first = renderer.order.first, let target = index.pages[first] {
            // A site without a root page still opens at index.html (the header's home link points there).
            result.files["index.html"] = Array(state.templates.render("redirect", ["url": HTMLText.encodeURL(target.route), "title": target.title]).utf8)
        }
        result.pageCount = site.pages.filter { state.records[$0]?.html != nil }.count
        clock.mark("runbooks")
        // Images and attachments: what the pages and runbooks use now, under the names already given.
        if usesChanged || !result.rebuiltRunbooks.isEmpty || state.copies == nil {
            var used: Set<String> = []
            for record in state.records.values { used.formUnion(record.uses) }
            for output in state.runbooks.outputs.values { used.formUnion(output.uses) }
            var copies: [String: URL] = [:]
            for source in used { if let output = state.assets.knownOutput(for: source) { copies[output] = site.tree.absolute(source) } }
            state.copies = copies
        }
        result.copies = state.copies!
        result.assetCount = result.copies.count
        clock.mark("copies")
        if options.singleFile { diagnostics += singleFiles(&result, site: site, index: index) }
        if let shard = options.shard { keep(shard, of: &result, site: site) }
        if let cache = state.cache {
            // One build's pages: the cache does not grow with every edit.
            if full { cache.prune() }
            diagnostics += cache.problem.map { [$0] } ?? []
            state.cache = nil
        }
        result.diagnostics = DiagnosticCollapse.collapse(sortedDiagnostics(diagnostics.compactMap(site.config.adjusted).map(site.relocated)))
        return result
    }
}
