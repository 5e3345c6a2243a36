/// Every tenant × runbook, kept one by one so that a change rebuilds only those it touches, then put
/// together: a tenant with a leak anywhere gets nothing written, the rest pass the leak audit, and
/// `runbooks.html` lists what is left.
struct RunbookOutputs {
    struct Output {
        var files: [String: [UInt8]]
        var diagnostics: [Diagnostic]
        /// Pages and files it was made from.
        var uses: Set<String>
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
    mutating func build(_ site: SiteSource, index: SiteIndex, resolver: LinkResolver, templates: TemplateSet,
                        provenance: Provenance, wanted: ((Tenant, Runbook) -> Bool)?, only: ((Tenant) -> Bool)? = nil) -> [String] {
        let pairs = site.tenants.tenants.filter { only?($0) ?? true }.flatMap { tenant in site.tenants.runbooks.map { (tenant, $0) } }
        let keys = Set(pairs.map { Self.key($0.0, $0.1) })
        outputs = outputs.filter { keys.contains($0.key) }
        let todo = pairs.filter { tenant, runbook in wanted?(tenant, runbook) ?? true }
        if !todo.isEmpty { assembled = nil }
        let shared = SharedPreprocessing()
        let built = Parallel.map(todo.count) { i -> Output in
            let (tenant, runbook) = todo[i]
            let context = TenantContext(tenant: tenant, schema: site.tenants.schema, claims: site.config.claims)
            let (files, diagnostics, uses) = RunbookBuilder(site: site, index: index, resolver: resolver, templates: templates,
                                                            context: context, provenance: provenance, shared: shared).build(runbook)
            return Output(files: files, diagnostics: diagnostics, uses: uses)
        }
        for (pair, output) in zip(todo, built) { outputs[Self.key(pair.0, pair.1)] = output }
        return todo.map { Self.key($0.0, $0.1) }
    }

    /// Adds every tenant's runbooks to `files` (which holds the docs site), audited, and `runbooks.html`.
    /// `shared`: the tenant values the docs site shows anyway. `sharded`: only some tenants were built here.
    mutating func assemble(into files: inout [String: [UInt8]], site: SiteSource, templates: TemplateSet,
                           audit: LeakAudit, shared: Set<String>, sharded: Bool = false) -> [Diagnostic] {
        guard !site.tenants.runbooks.isEmpty, !site.tenants.tenants.isEmpty else { return [] }
        if let assembled, assembled.shared == shared {
            files.merge(assembled.files) { _, new in new }
            return assembled.diagnostics
        }
        let docs = files
        var diagnostics: [Diagnostic] = []
        let docsRoutes = files.keys.sorted()
        var clashing: Set<String> = []
        for tenant in site.tenants.tenants {
            if let clash = docsRoutes.first(where: { $0.hasPrefix(tenant.id + "/") }) {
                clashing.insert(tenant.id)
                diagnostics.append(.error(.duplicateRoute, "tenant '\(tenant.id)' would write into \(tenant.id)/, where the docs have \(clash)",
                                          at: SourceLocation(path: tenant.path)))
                continue
            }
            let own = site.tenants.runbooks.compactMap { outputs[Self.key(tenant, $0)] }
            let problems = own.flatMap(\.diagnostics)
            diagnostics += problems
            // A leak anywhere in a tenant's runbooks: nothing of that tenant is written.
            guard !problems.contains(where: { $0.code == .tenantLeak }) else { continue }
            for output in own { files.merge(output.files) { _, new in new } }
        }
        diagnostics += audit.audit(&files, shared: shared)
        files["runbooks.html"] = listing(site, skipping: clashing, templates: templates) { tenant, runbook in
            // One build lists what it wrote. A part of a sharded build has not built the other tenants: it lists
            // what they get, which is what they write when the build succeeds (a leak fails that tenant's part).
            sharded ? RunbookBuilder.holds(runbook.when, for: tenant, claims: site.config.claims)
                : files["\(tenant.id)/\(runbook.id)/index.html"] != nil
        }
        assembled = (shared, files.filter { docs[$0.key] == nil }, diagnostics)
        return diagnostics
    }

    /// The index of the runbooks `listed` says yes to (`runbooks-index.mustache` in the layout).
    private func listing(_ site: SiteSource, skipping clashing: Set<String>, templates: TemplateSet,
                         listed: (Tenant, Runbook) -> Bool) -> [UInt8] {
        var rows: [RunbooksIndexView.Row] = []
        for tenant in site.tenants.tenants where !clashing.contains(tenant.id) {
            let context = TenantContext(tenant: tenant, schema: site.tenants.schema, claims: site.config.claims)
            for runbook in site.tenants.runbooks where listed(tenant, runbook) {
                rows.append(.init(tenant: tenant, runbookID: runbook.id, runbookTitle: runbook.tailored(for: context).0.title))
            }
        }
        var layout = LayoutView(siteTitle: site.config.title ?? "Runbooks", root: "", home: "index.html", title: "Runbooks", source: "runbooks/")
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
