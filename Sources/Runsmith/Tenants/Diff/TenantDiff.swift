/// `runsmith diff A B`: each runbook and docs page as the two tenants read it — conditions decided and
/// values put in by the same compiler the build uses (`CompileProfile.readableText`) — compared.
public struct TenantDiff: Sendable {
    let site: SiteSource
    let a: TenantContext
    let b: TenantContext

    /// The comparison, or why there is none (an unknown tenant or runbook).
    public static func compare(_ site: SiteSource, _ a: String, _ b: String, runbook only: String? = nil) -> Result<TenantComparison, DiagnosticError> {
        let set = site.tenants
        func context(_ id: String) -> TenantContext? {
            set.tenants.first { $0.id == id }.map { TenantContext(tenant: $0, schema: set.schema, claims: site.config.claims) }
        }
        guard let ta = context(a) else { return .failure(DiagnosticError(.error(.invalidTenant, "no tenant '\(a)'", at: nil))) }
        guard let tb = context(b) else { return .failure(DiagnosticError(.error(.invalidTenant, "no tenant '\(b)'", at: nil))) }
        let runbooks = set.runbooks.filter { only == nil || $0.id == only }
        if let only, runbooks.isEmpty { return .failure(DiagnosticError(.error(.invalidRunbook, "no runbook '\(only)'", at: nil))) }
        let diff = TenantDiff(site: site, a: ta, b: tb)
        return .success(TenantComparison(a: .init(id: a, name: ta.tenant.name), b: .init(id: b, name: tb.tenant.name),
                                         runbooks: runbooks.map(diff.runbook), pages: only == nil ? diff.pages() : []))
    }

    private func holds(_ condition: Condition?, _ context: TenantContext) -> Bool {
        RunbookBuilder.holds(condition, for: context.tenant, claims: context.claims)
    }

    private func runbook(_ runbook: Runbook) -> TenantComparison.RunbookDifference {
        let gets = TenantComparison.Gets(holds(runbook.when, a), holds(runbook.when, b))
        guard gets == .both else { return .init(id: runbook.id, gets: gets, steps: []) }
        let index = SiteIndex(tree: site.tree, config: site.config)
        let sections = Array(runbook.sections.enumerated())
        let steps = Parallel.map(sections.count) { i -> TenantComparison.StepDifference? in
            let (number, section) = sections[i]
            let source = section.page + (section.section.map { "#" + $0 } ?? "")
            let title = section.title ?? source
            let gets = TenantComparison.Gets(holds(section.when, a), holds(section.when, b))
            guard gets != .neither else { return nil }
            guard gets == .both else { return .init(section: number + 1, title: title, source: source, gets: gets) }
            guard let path = section.source(in: index) else { return nil }
            let content = compare(path, section: section.section)
            return content.isEmpty ? nil : .init(section: number + 1, title: title, source: source, gets: gets, content: content)
        }
        return .init(id: runbook.id, gets: gets, steps: steps.compactMap { $0 })
    }

    /// Every docs page that reads differently for the two.
    private func pages() -> [TenantComparison.PageDifference] {
        let pages = site.pages
        return Parallel.map(pages.count) { i -> TenantComparison.PageDifference? in
            let content = compare(pages[i], section: nil)
            return content.isEmpty ? nil : .init(page: pages[i], content: content)
        }.compactMap { $0 }
    }

    /// One page (or one heading's section of it) as each reads it. The conditions decided differently
    /// explain a difference; they are listed only when the text or a value (a URL's, say) differs.
    private func compare(_ path: String, section: String?) -> TenantComparison.ContentDifference {
        let none = TenantComparison.ContentDifference(branches: [], values: [], diff: [])
        guard let bytes = try? site.tree.read(path) else { return none }
        let (pageA, pageB) = (read(bytes, path, section, as: a), read(bytes, path, section, as: b))
        let diff = UnifiedDiff.lines(from: pageA.text, to: pageB.text, oldName: "\(a.tenant.id)/\(path)", newName: "\(b.tenant.id)/\(path)")
        let shownA = firstValues(pageA, path: path, section: section), shownB = firstValues(pageB, path: path, section: section)
        let values = Set(shownA.keys).union(shownB.keys).sorted().compactMap { name -> TenantComparison.Value? in
            shownA[name] == shownB[name] ? nil : .init(reference: name, a: shownA[name], b: shownB[name])
        }
        guard !diff.isEmpty || !values.isEmpty else { return none }
        let decidedB = Dictionary(pageB.decisions.map { ("\($0.location)", $0) }, uniquingKeysWith: { first, _ in first })
        let branches = pageA.decisions.filter { pageA.contains($0.location, page: path, section: section) }
            .compactMap { decision -> TenantComparison.Branch? in
                guard let other = decidedB["\(decision.location)"], other.holds != decision.holds else { return nil }
                return .init(at: "\(decision.location)", tag: "{% \(decision.tag) \(decision.condition) %}", a: decision.holds, b: other.holds)
            }
        return .init(branches: branches, values: values, diff: diff)
    }

    /// Each reference the section shows, with the value it shows first.
    private func firstValues(_ reading: Reading, path: String, section: String?) -> [String: String] {
        var values: [String: String] = [:]
        for shown in reading.values where values[shown.reference] == nil && reading.contains(shown.location, page: path, section: section) {
            values[shown.reference] = shown.value
        }
        return values
    }

    private struct Reading {
        var text = ""
        var decisions: [ConditionDecision] = []
        var values: [ShownValue] = []
        var lines: (path: String, range: Range<Int>)?

        /// Whether `location` is written in the section (anywhere, for a whole page). What an include
        /// inside the section writes counts too.
        func contains(_ location: SourceLocation, page: String, section: String?) -> Bool {
            guard section != nil else { return true }
            guard let lines else { return false }
            return location.path == lines.path ? lines.range.contains(location.line) : location.path != page
        }
    }

    private func read(_ bytes: [UInt8], _ path: String, _ section: String?, as context: TenantContext) -> Reading {
        let compiler = PageCompiler(preprocessor: site.preprocessor(tenant: context), values: context, preset: site.slugPreset(for:))
        let cut = SectionCut(section: section)
        guard let page = compiler.compile(.bytes(bytes), path: path, profile: .readableText(cut)).0 else { return Reading() }
        return Reading(text: String(decoding: page.body ?? [], as: UTF8.self), decisions: page.decisions, values: page.values,
                       lines: cut.found.lines)
    }
}
