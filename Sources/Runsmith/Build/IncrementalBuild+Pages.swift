/// The page stages of an update: compile the pages that changed, refresh the index, find the pages that
/// show a changed page, then fill every compiled page's links and lay it out.
extension IncrementalBuild {
    /// What phase 1 of an update found.
    struct Update {
        var compiled: [String: CompiledPage] = [:]
        /// Pages whose summary changed (or that came or went): pages showing them are rendered again.
        var changedEntries: Set<String> = []
        var navigationChanged: Bool
        var usesChanged: Bool
        /// Some page's searchable text changed (or a page came or went): the search index is made again.
        var searchChanged = false
        /// Whether this part of a (sharded) build writes a page's output.
        var renders: @Sendable (String) -> Bool
    }

    /// Compiles `pages` in parallel (from the cache when it has them), before the site index exists.
    func compile(_ pages: [String], _ state: BuildState, renders: @Sendable (String) -> Bool) -> [(CompiledPage?, [Diagnostic])] {
        let site = state.site, tree = site.tree, cache = state.cache, compiler = state.compiler
        let provisional = state.provisional!, bodies = bodyStore
        return Parallel.map(pages.count) { i in
            let path = pages[i], route = site.routes[path]
            let bytes: [UInt8]
            do { bytes = try tree.read(path) } catch {
                return (nil, [.error(.unreadablePage, "cannot read this page: \(ContentTree.reason(error))", at: SourceLocation(path: path))])
            }
            // A body goes to the build's temporary file until its page is laid out.
            func parked(_ page: CompiledPage) -> CompiledPage {
                guard let bodies, let body = page.body, bodies.put(path, body) else { return page }
                var page = page
                page.body = nil
                return page
            }
            if let cache, route != nil, let kept = cache.page(path, bytes: bytes, withBody: renders(path)) { return (parked(kept), []) }
            let profile = CompileProfile.site(.init(route: route ?? "", rendersBody: route != nil && renders(path), links: .slots(provisional)))
            let (compiled, problems) = compiler.compile(.bytes(bytes), path: path, profile: profile)
            guard let page = compiled else { return (nil, problems) }
            if route != nil { cache?.store(path, bytes: bytes, page) }
            return (parked(page), [])
        }
    }

    /// Phase 1 for the pages the plan names: their summaries say what else must be rendered again.
    func compileChanged(_ state: inout BuildState, _ plan: Plan, full: Bool) -> Update {
        let site = state.site
        let dirty = site.pages.filter { plan.pages.contains($0) }
        progress?("parsing \(dirty.count) pages")
        // A part of a sharded build renders only its own pages, unless the leak audit needs every page's text.
        let position = Dictionary(uniqueKeysWithValues: site.pages.enumerated().map { ($1, $0) })
        let auditNeedsAll = state.viewer == nil && !site.tenants.tenants.isEmpty && !site.tenants.runbooks.isEmpty
        let shard = options.shard
        var update = Update(navigationChanged: full, usesChanged: full || !plan.changedFiles.allSatisfy(SiteIndex.isMarkdown),
                            renders: { path in shard.map { auditNeedsAll || $0.owns(position: position[path] ?? 0) } ?? true })
        if state.provisional == nil { state.provisional = LinkResolver(index: SiteOverview.provisional(site), assets: state.assets) }
        for (path, (page, uncapped)) in zip(dirty, compile(dirty, state, renders: update.renders)) {
            let problems = DiagnosticLimit.capPage(uncapped)
            let old = state.records[path]?.summary
            guard let page else {
                if let record = state.records[path] {
                    if !record.uses.isEmpty { update.usesChanged = true }
                    record.reparsed(summary: nil, sources: [path], pagination: [nil, nil], diagnostics: problems)
                } else {
                    state.records[path] = PageRecord(summary: nil, sources: [path], diagnostics: problems)
                }
                if old != nil { update.changedEntries.insert(path); update.navigationChanged = true }
                continue
            }
            update.compiled[path] = page
            if state.records[path]?.search != page.search { update.searchChanged = true }
            let summary = PageRecord.Summary(page, site: site)
            if let old, old != summary {
                update.changedEntries.insert(path)
                if summary.changesNavigation(from: old) { update.navigationChanged = true }
            } else if old == nil, !full {
                update.changedEntries.insert(path)
                update.navigationChanged = true
            }
            if let record = state.records[path] {
                record.reparsed(summary: summary, sources: page.sources, pagination: page.pagination, diagnostics: [])
            } else {
                state.records[path] = PageRecord(summary: summary, sources: page.sources, pagination: page.pagination, diagnostics: [])
            }
            state.records[path]?.search = page.search
        }
        return update
    }

    /// The index, sidebar and renderer stay as they are until a summary changes.
    func refreshOverview(_ state: inout BuildState, _ update: Update) {
        guard update.navigationChanged || !update.changedEntries.isEmpty || state.overview == nil else { return }
        let site = state.site
        let summaries = state.records.compactMapValues(\.summary)
        let index = SiteOverview.index(site, summaries)
        if update.navigationChanged || state.overview == nil { state.navigation = SiteOverview.navigation(site, summaries, index) }
        state.overview = (index, PageRenderer(site: site, index: index, navigation: state.navigation, templates: state.templates),
                          index.pages.keys.filter { $0.hasSuffix("/") && index.pages[$0]!.built }.sorted())
    }

    /// Pages not compiled in this update that show a changed page: by a link or card, or in their pager.
    func pagesShowing(_ update: Update, in state: BuildState, full: Bool) -> [String] {
        var affected: Set<String> = []
        if !update.changedEntries.isEmpty {
            for (path, record) in state.records where update.compiled[path] == nil && !record.uses.isDisjoint(with: update.changedEntries) {
                affected.insert(path)
            }
        }
        if update.navigationChanged && !full, let renderer = state.overview?.renderer {
            for (path, record) in state.records where update.compiled[path] == nil && record.summary != nil
                && record.shownPager(of: path, renderer) != record.pager { affected.insert(path) }
        }
        return state.site.pages.filter { affected.contains($0) }
    }

    /// Phase 2: each compiled page's links filled from the index, then the page laid out. The pages linked.
    func link(_ state: inout BuildState, _ update: inout Update) -> [String] {
        let site = state.site, (index, renderer, _) = state.overview!
        let resolver = LinkResolver(index: index, assets: state.assets)
        let rendering = site.pages.filter { update.compiled[$0] != nil && site.routes[$0] != nil }
        let pages = Parallel.Slots(rendering.map { update.compiled[$0]! })
        update.compiled = [:]
        let recompile = linksBySlots ? nil : compileResolved(state, resolver: resolver, renders: update.renders)
        let stream = pageStream(&state), bodies = bodyStore
        // Far apart: each page's file is written on its thread as it is laid out.
        let rendered = Parallel.mapApart(rendering.count) { i -> (page: PageStream.Taken, uses: Set<String>, diagnostics: [Diagnostic]) in
            // Taken out of its slot, the page is freed on this thread when done.
            let path = rendering[i], route = site.routes[path]!
            var page = recompile?(path) ?? pages.take(i)
            if recompile == nil, let bodies, bodies.holds(path) {
                guard let body = bodies.read(path) else {
                    return (PageStream.Taken(), page.uses, [.error(.writeFailed, "the build's temporary file of page bodies could not be read back",
                                                                    at: SourceLocation(path: path), note: "the page was not written")])
                }
                page.body = body
            }
            let (body, uses, diagnostics) = page.link(resolver, route: route)
            let html = body.map { renderer.render(page.layout, body: $0, route: route) }
            let taken = html.map { stream?.take($0, path: path, route: route) ?? PageStream.Taken(html: $0) } ?? PageStream.Taken()
            // Capped here, on the page's thread: the build's last sort and collapse see at most the limit.
            return (taken, uses, DiagnosticLimit.capPage(diagnostics))
        }
        for (path, output) in zip(rendering, rendered) {
            guard let record = state.records[path] else { continue }
            record.html = output.page.html
            record.written = output.page.written
            if let shared = output.page.shared { state.noteShared(shared, of: record) } else { record.sharedStale = true }
            if record.uses != output.uses { update.usesChanged = true }
            record.uses = output.uses
            record.diagnostics = output.diagnostics
            record.pager = record.shownPager(of: path, renderer)
        }
        if update.navigationChanged { state.sidebar = renderer.sidebarFiles() }
        return rendering
    }

    /// The test oracle for link slots: a page compiled once the index exists, its links resolved at once.
    private func compileResolved(_ state: BuildState, resolver: LinkResolver, renders: @escaping @Sendable (String) -> Bool) -> @Sendable (String) -> CompiledPage? {
        let site = state.site, compiler = state.compiler
        return { path in
            guard let bytes = try? site.tree.read(path), let route = site.routes[path] else { return nil }
            return compiler.compile(.bytes(bytes), path: path, profile: .site(.init(route: route, rendersBody: renders(path),
                                                                                      links: .resolved(resolver)))).0
        }
    }
}
