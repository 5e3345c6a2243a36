/// Every tenant × runbook, kept one by one so that a change rebuilds only those it touches, then put
/// together in each tenant's folder (`TenantFolder`): a tenant with a leak anywhere gets nothing written,
/// the rest pass the leak audit, and `_tenants/index.html` lists what is left.
struct RunbookOutputs {
    struct Output {
        var files: [String: [UInt8]]
        var diagnostics: [Diagnostic]
        /// Pages and files it was made from.
        var uses: Set<String>
        /// Its steps, section by section, for the tenant's search index.
        var search: [SearchIndex.Document] = []
    }

    /// `tenant/runbook` → what that runbook built for that tenant.
    private(set) var outputs: [String: Output] = [:]
    /// The last assembly (audited files and problems) and the shared values it was audited against:
    /// reused while no runbook was built again and the docs show the same values.
    private var assembled: (shared: Set<String>, files: [String: [UInt8]], diagnostics: [Diagnostic])?

    static func key(_ tenant: Tenant, _ runbook: Runbook) -> String { "\(tenant.id)/\(runbook.id)" }

    /// Builds the runbooks `wanted` says yes to (all of them when nil), in parallel; forgets pairs that no
    /// longer exist.
    /// `only`: the tenants this part of a sharded build makes; the others are left out entirely.
    /// `bundles`: each runbook also with its checklist in one page (`RunbookBuilder`), for `--single-file`.
    mutating func build(_ site: SiteSource, index: SiteIndex, resolver: LinkResolver, templates: TemplateSet,
                        provenance: Provenance, wanted: ((Tenant, Runbook) -> Bool)?, only: ((Tenant) -> Bool)? = nil,
                        bundles: Bool = false, sharesSteps: Bool = true) -> [String] {
        let pairs = site.tenants.tenants.filter { only?($0) ?? true }.flatMap { tenant in site.tenants.runbooks.map { (tenant, $0) } }
        let keys = Set(pairs.map { Self.key($0.0, $0.1) })
        outputs = outputs.filter { keys.contains($0.key) }
        let todo = pairs.filter { tenant, runbook in wanted?(tenant, runbook) ?? true }
        if !todo.isEmpty { assembled = nil }
        let shared = SharedPreprocessing(), sharedSteps = SharedSteps()
        let built = Parallel.map(todo.count) { i -> Output in
            let (tenant, runbook) = todo[i]
            let context = TenantContext(tenant: tenant, schema: site.tenants.schema, claims: site.config.claims)
            return RunbookBuilder(site: site, index: index, resolver: resolver, templates: templates, context: context,
                                  provenance: provenance, shared: sharesSteps ? shared : SharedPreprocessing(),
                                  sharedSteps: sharesSteps ? sharedSteps : SharedSteps(), bundles: bundles).build(runbook)
        }
        for (pair, output) in zip(todo, built) { outputs[Self.key(pair.0, pair.1)] = output }
        return todo.map { Self.key($0.0, $0.1) }
    }

    /// Adds every tenant's folder to `files` (which holds the docs site): its runbooks, its home page and
    /// the theme, audited; and `_tenants/index.html`, the overview of every tenant.
    /// `shared`: the tenant values the docs site shows anyway. `sharded`: only some tenants were built here.
    /// `singleFiles`: the homes link each runbook's single file.
    mutating func assemble(into files: inout [String: [UInt8]], site: SiteSource, templates: TemplateSet,
                           audit: LeakAudit, shared: Set<String>, sharded: Bool = false, singleFiles: Bool = false) -> [Diagnostic] {
        guard !site.tenants.runbooks.isEmpty, !site.tenants.tenants.isEmpty else { return [] }
        if let assembled, assembled.shared == shared {
            files.merge(assembled.files) { _, new in new }
            return assembled.diagnostics
        }
        if let clash = files.keys.sorted().first(where: { $0.hasPrefix(TenantFolder.prefix) }) {
            return [.error(.duplicateRoute, "the docs would write \(clash), in \(TenantFolder.prefix), where the tenants' folders go", at: nil)]
        }
        let docs = files
        var diagnostics: [Diagnostic] = []
        let tenants = site.tenants.tenants
        let owned = tenants.map { tenant in site.tenants.runbooks.compactMap { outputs[Self.key(tenant, $0)] } }
        // Each tenant's search index, side by side: its own runbooks only (the steps' texts read once).
        let counts = TextTermCounts()
        let indexes = Parallel.map(tenants.count) { i in
            SearchIndex.files(owned[i].flatMap(\.search), folder: TenantFolder.path(tenants[i].id, SearchIndex.folder), counts: counts)
        }
        for (tenant, (own, index)) in zip(tenants, zip(owned, indexes)) {
            let problems = own.flatMap(\.diagnostics)
            diagnostics += problems
            // A leak anywhere in a tenant's runbooks: nothing of that tenant is written.
            guard !problems.contains(where: { $0.code == .tenantLeak }) else { continue }
            for output in own { files.merge(output.files) { _, new in new } }
            let written = site.tenants.runbooks.filter { files[TenantFolder.path(tenant.id, "\($0.id)/index.html")] != nil }
            guard !written.isEmpty else { continue }
            files[TenantFolder.path(tenant.id, "index.html")] = home(tenant, written, site: site, templates: templates, singleFiles: singleFiles)
            files.merge(index) { _, new in new }
            for (name, bytes) in templates.assets { files[TenantFolder.path(tenant.id, "_runsmith/" + name)] = bytes }
        }
        diagnostics += audit.audit(&files, shared: shared)
        files[TenantFolder.prefix + "index.html"] = listing(site, templates: templates) { tenant, runbook in
            // One build lists what it wrote. A part of a sharded build has not built the other tenants: it lists
            // what they get, which is what they write when the build succeeds (a leak fails that tenant's part).
            sharded ? RunbookBuilder.holds(runbook.when, for: tenant, claims: site.config.claims)
                : files[TenantFolder.path(tenant.id, "\(runbook.id)/index.html")] != nil
        }
        for (name, bytes) in templates.assets { files[TenantFolder.prefix + "_runsmith/" + name] = bytes }
        assembled = (shared, files.filter { docs[$0.key] == nil }, diagnostics)
        return diagnostics
    }

    /// `_tenants/<id>/index.html`: the runbooks one tenant gets (`tenant-home.mustache` in the layout).
    private func home(_ tenant: Tenant, _ runbooks: [Runbook], site: SiteSource, templates: TemplateSet, singleFiles: Bool) -> [UInt8] {
        let context = TenantContext(tenant: tenant, schema: site.tenants.schema, claims: site.config.claims)
        let entries = runbooks.map { TenantHomeView.Entry(runbookID: $0.id, title: $0.tailored(for: context).0.title, singleFile: singleFiles) }
        var layout = LayoutView(siteTitle: tenant.name, root: "", home: "index.html", title: "Runbooks", source: tenant.path)
        layout.header = site.config.header.forTenants
        layout.hasSearch = true
        layout.hidden = true
        layout.body = templates.render(TenantHomeView(tenantName: tenant.name, runbooks: entries))
        return Array(templates.render(layout).utf8)
    }

    /// `_tenants/index.html`, every tenant's runbooks that `listed` says yes to (`runbooks-index.mustache`).
    private func listing(_ site: SiteSource, templates: TemplateSet, listed: (Tenant, Runbook) -> Bool) -> [UInt8] {
        var rows: [RunbooksIndexView.Row] = []
        for tenant in site.tenants.tenants {
            let context = TenantContext(tenant: tenant, schema: site.tenants.schema, claims: site.config.claims)
            for runbook in site.tenants.runbooks where listed(tenant, runbook) {
                rows.append(.init(tenant: tenant, runbookID: runbook.id, runbookTitle: runbook.tailored(for: context).0.title))
            }
        }
        var layout = LayoutView(siteTitle: site.config.title ?? "Runbooks", root: "", home: "index.html", title: "Runbooks", source: "runbooks/")
        layout.header = site.config.header.forTenants
        layout.hidden = true
        layout.body = templates.render(RunbooksIndexView(rows: rows))
        return Array(templates.render(layout).utf8)
    }
}

extension RunbookDocument {
    /// `runbook.json` (docs/runbook-json.md).
    init(runbook: Runbook, tenant: Tenant, title: String, steps: [RunbookBuilder.Step]) {
        self.init(
            schemaVersion: RunbookDocument.currentSchemaVersion, tenant: tenant.id, runbook: runbook.id, title: title,
            estimateMinutes: steps.compactMap(\.section.estimate).reduce(0, +),
            steps: steps.map { step in
                RunbookDocument.Step(id: step.id, number: step.number, title: step.title,
                                     section: step.section.page + (step.section.section.map { "#" + $0 } ?? ""),
                                     source: "\(step.source)", definedAt: "\(step.section.location)", owner: step.section.owner,
                                     estimateMinutes: step.section.estimate, verify: step.section.verify)
            })
    }
}
