import Foundation

/// Assembles one runbook for one tenant: each section a page (or one heading's section of it) run
/// through the same stages as the site — conditions decided and values put in for this tenant — with
/// its headings moved under the step, then written as `<tenant>/<runbook>/index.html` and `runbook.json`.
struct RunbookBuilder {
    let site: SiteSource
    let index: SiteIndex
    let resolver: LinkResolver
    let templates: TemplateSet
    let context: TenantContext
    let provenance: Provenance
    /// Source → the anchors of that page as this tenant gets it (conditions decided), filled on demand.
    private let tenantAnchors = AnchorCache()

    final class AnchorCache {
        var anchors: [String: Set<String>] = [:]
    }
    /// The page compiler for this tenant: its values, and its conditions decided.
    private let compiler: PageCompiler

    /// Preprocessed step pages shared by every tenant's runbooks in one build.
    private let shared: SharedPreprocessing
    /// Compiled steps shared by every tenant's runbooks in one build, where no tenant can reach them.
    private let sharedSteps: SharedSteps
    /// Also `<runbook>.html`: the runbook with its checklist in one page, for `SingleFile` to make
    /// self-contained (its links are still those of `<runbook>/index.html` until then).
    private let bundles: Bool

    init(site: SiteSource, index: SiteIndex, resolver: LinkResolver, templates: TemplateSet, context: TenantContext,
         provenance: Provenance, shared: SharedPreprocessing = SharedPreprocessing(), sharedSteps: SharedSteps = SharedSteps(),
         bundles: Bool = false) {
        self.shared = shared
        self.sharedSteps = sharedSteps
        self.bundles = bundles
        self.site = site
        self.index = index
        self.resolver = resolver
        self.templates = templates
        self.context = context
        self.provenance = provenance
        compiler = PageCompiler(preprocessor: site.preprocessor(tenant: context), values: context, preset: site.slugPreset(for:),
                           highlighter: site.codeHighlighter)
    }

    struct Step {
        var number: Int
        var id: String
        var title: String
        var section: Runbook.Section
        var html: String
        /// Where the step's content is written: the section's heading, or the page.
        var source: SourceLocation
        /// Checklist items of a step section (empty: the step itself is the one item).
        var items: [Checklist.Item.Text] = []
        /// Text of branches this tenant does not get, and the text it does: for the leak audit.
        var withheld: [String] = []
        var kept = ""
        /// Pages and files the step read or linked to: what it is built again for when they change.
        var uses: Set<String> = []
        /// Its text by section, for the tenant's search index.
        var search: [SearchSection] = []
    }

    /// Whether `condition` holds for the tenant. No condition: always. One that cannot be decided (reported
    /// by the check): never — fail closed.
    static func holds(_ condition: Condition?, for tenant: Tenant, claims: [String: String]) -> Bool {
        guard let condition else { return true }
        return (try? condition.isTrue { tenant.value(of: TenantSet.mapClaims($0, claims)) }) ?? false
    }

    /// The runbook's files for this tenant, its problems, every page and file it was made from, and what
    /// the tenant's search index holds of it.
    func build(_ written: Runbook) -> RunbookOutputs.Output {
        let tenant = context.tenant
        func holds(_ condition: Condition?) -> Bool { Self.holds(condition, for: tenant, claims: context.claims) }
        guard holds(written.when) else { return .init(files: [:], diagnostics: [], uses: []) }
        // Names the schema lacks were reported once by RunbookCheck; a value this tenant lacks is its own problem.
        let (runbook, problems) = written.tailored(for: context)
        // Links are resolved from the runbook's place in the tenant's folder, which stands where the site's
        // root would: images land in the folder's own `_assets/`.
        let route = "\(runbook.id)/index.html"
        var diagnostics = problems.filter { $0.code == .missingVariable }
        var steps: [Step] = []
        var uses: Set<String> = []
        let sections = runbook.sections.filter { holds($0.when) }
        // Where each step's page is in the docs site: links to it become links within the runbook.
        let plan = sections.enumerated().compactMap { i, section -> RunbookLinks.Target? in
            guard let source = section.source(in: index), let page = index.pages[source], page.built else { return nil }
            return RunbookLinks.Target(route: page.route, section: section.section, number: i + 1)
        }
        for section in sections {
            let n = steps.count + 1
            let (step, problems) = assemble(section, number: n, runbook: runbook, route: route, plan: plan)
            diagnostics += problems
            if let step { steps.append(step); uses.formUnion(step.uses) }
        }
        diagnostics += Self.repeatedSteps(steps)
        let title = runbook.title
        let json: [UInt8]
        do { json = try RunbookDocument(runbook: runbook, tenant: tenant, title: title, steps: steps).encoded() } catch {
            diagnostics.append(.error(.writeFailed, "cannot write \(tenant.id)/\(runbook.id)/runbook.json: \(error)", at: SourceLocation(path: runbook.path),
                                      note: "nothing was written for this runbook"))
            return .init(files: [:], diagnostics: diagnostics, uses: uses)
        }
        let provenanceLine = provenance.line(tenant: tenant.id, runbook: runbook.id, version: RunbookDocument.version(ofEncoded: json))
        let html = runbookPage(runbook, title: title, steps: steps, provenance: provenanceLine)
        let checklist = checklistPage(runbook, title: title, steps: steps, provenance: provenanceLine)
        let bundle = !bundles ? nil : runbookPage(runbook, title: title, steps: steps, provenance: provenanceLine,
                                           checklist: checklistView(runbook, steps: steps, runbookPage: "", provenance: provenanceLine))
        if let leak = sharedSteps.withheld.leak(shownIn: html, steps: steps) {
            diagnostics.append(.error(.tenantLeak, "\(TenantFolder.path(tenant.id, route)) shows \"\(leak.prefix(60))\", which tenant \(tenant.id)'s conditions withhold",
                                      at: SourceLocation(path: tenant.path), note: "nothing was written for this runbook"))
            return .init(files: [:], diagnostics: diagnostics, uses: uses)
        }
        let file = { (name: String) in TenantFolder.path(tenant.id, "\(runbook.id)/\(name)") }
        var files = [file("index.html"): Array(html.utf8), file("runbook.json"): json, file("checklist.html"): Array(checklist.utf8)]
        if let bundle { files[TenantFolder.path(tenant.id, "\(runbook.id).html")] = Array(bundle.utf8) }
        return .init(files: files, diagnostics: diagnostics, uses: uses, search: steps.flatMap { step in
            step.search.map { section in
                // A section's heading ids carry the step's prefix in the runbook (`s2-check`).
                SearchIndex.Document(url: "\(runbook.id)/index.html#" + (section.anchor.map { HTMLText.encodeURL("s\(step.number)-" + $0) } ?? "step-\(step.number)"),
                                     title: title, heading: section.heading ?? "\(step.number). \(step.title)", text: section.text)
            }
        })
    }

    /// Two steps with one id would share their ticks: that is an error, at the second one.
    static func repeatedSteps(_ steps: [Step]) -> [Diagnostic] {
        var seen: [String: Int] = [:], problems: [Diagnostic] = []
        for step in steps {
            guard let first = seen[step.id] else { seen[step.id] = step.number; continue }
            problems.append(.error(.invalidRunbook, "step \(step.number) repeats step \(first) (same page, section and title): give it its own `title:`",
                                   at: step.section.location))
        }
        return problems
    }

    /// The steps (`runbook.mustache`) in the layout, with the intro and total estimate as lead.
    private func runbookPage(_ runbook: Runbook, title: String, steps: [Step], provenance: String, checklist: ChecklistView? = nil) -> String {
        let total = steps.compactMap(\.section.estimate).reduce(0, +)
        var layout = tenantLayout(runbook, title: title)
        layout.showDescription = runbook.intro != nil || total > 0
        layout.description = [runbook.intro, total > 0 ? "Estimated time: \(Runbook.duration(total))." : nil]
            .compactMap { $0 }.joined(separator: " ")
        layout.toc = steps.map { LayoutView.TOCEntry(id: "step-\($0.number)", text: "\($0.number). \($0.title)", sub: false) }
        if checklist != nil {
            layout.toc.append(.init(id: "checklist", text: "Checklist", sub: false))
            // The single file travels alone, without the index.
            layout.hasSearch = false
        }
        layout.showTOC = !layout.toc.isEmpty
        layout.body = templates.render(RunbookPageView(steps: steps.map(RunbookPageView.Step.init), outro: runbook.outro,
                                                       checklist: checklist, provenance: provenance))
        return templates.render(layout)
    }

    /// The step sections' items (or the steps themselves) as a page to tick off, print and sign.
    private func checklistPage(_ runbook: Runbook, title: String, steps: [Step], provenance: String) -> String {
        var layout = tenantLayout(runbook, title: "Checklist: \(title)")
        layout.showDescription = steps.contains { $0.section.estimate != nil }
        layout.description = "Estimated time: \(Runbook.duration(steps.compactMap(\.section.estimate).reduce(0, +)))."
        layout.body = templates.render(checklistView(runbook, steps: steps, runbookPage: "index.html", provenance: provenance))
        return templates.render(layout)
    }

    /// The checklist's items grouped by step; `runbookPage`: where its step links go.
    private func checklistView(_ runbook: Runbook, steps: [Step], runbookPage: String, provenance: String) -> ChecklistView {
        let items = Checklist.items(runbook: runbook, steps: steps)
        let grouped = steps.filter(\.section.step).map { step in
            ChecklistView.Step(step, items: items.filter { $0.step == step.number }, runbookPage: runbookPage)
        }
        return ChecklistView(tenantID: context.tenant.id, runbookID: runbook.id, steps: grouped, provenance: provenance)
    }

    /// A page of this tenant's runbook folder: the tenant names the site, its home is the tenant's own
    /// page; search engines skip it.
    private func tenantLayout(_ runbook: Runbook, title: String) -> LayoutView {
        var layout = LayoutView(siteTitle: context.tenant.name, root: "../", home: "../index.html", title: title, source: runbook.path)
        layout.header = site.config.header.forTenants
        layout.hidden = true
        // The tenant's own index, in its folder: runbooks only, never the docs or another tenant.
        layout.hasSearch = true
        return layout
    }

    /// One section compiled for this tenant (`CompileProfile.runbookStep`), cut to its heading's section.
    /// The step, or nil (with the reasons) when the section is not there for this tenant.
    private func assemble(_ section: Runbook.Section, number: Int, runbook: Runbook, route: String,
                          plan: [RunbookLinks.Target]) -> (Step?, [Diagnostic]) {
        // A missing page was reported by the pre-flight check.
        guard let source = section.source(in: index) else { return (nil, []) }
        // A page without conditions preprocesses the same for every tenant (values go in on the tree).
        let preprocess = { (reads: ConditionReads?) -> (PreprocessedPage?, [Diagnostic]) in
            do { return preprocessForTenant(source, bytes: try site.tree.read(source), reads: reads) } catch {
                return (nil, [.error(.unreadablePage, "cannot read step page \(source): \(ContentTree.reason(error))", at: section.location)])
            }
        }
        let conditional = index.pages[source]?.conditional ?? true
        let (preprocessed, problems) = conditional ? shared.version(source, for: context.tenant, preprocess) : shared.page(source) { preprocess(nil) }
        // The same step for every tenant that gets the same version of it (`SharedSteps`).
        let key = SharedSteps.Key(source: source, section: section.section, title: section.title, step: section.step, number: number,
                                  route: route, plan: plan.map { "\($0.route)#\($0.section ?? "")@\($0.number)" },
                                  variant: conditional ? preprocessed.map(SharedSteps.Variant.init) : nil)
        let shareable = holdsNoValue(source, preprocessed, problems)
        if shareable, var kept = sharedSteps.step(key, anchors: anchorsForTenant) {
            kept.section = section
            return (kept, [])
        }
        final class Asked { var anchors: [String: Set<String>] = [:] }
        let asked = Asked()
        let links = RunbookLinks(resolver: resolver, route: route, number: number, plan: plan, tenant: context.tenant.id,
                                 tenantAnchors: { source in
            let anchors = anchorsForTenant(source)
            asked.anchors[source] = anchors
            return anchors
        })
        let step = RunbookStep(number: number, section: section, level: section.section.flatMap { index.pages[source]?.headingLevels[$0] } ?? 1,
                               links: links)
        let (compiled, failures) = compiler.compile(.preprocessed(preprocessed, problems), path: source, profile: .runbookStep(step))
        guard let page = compiled else { return (nil, failures) }
        if step.missing, let id = section.section {
            // A section missing from the page itself was reported by the pre-flight check; here it is one
            // that this tenant's conditions removed.
            guard index.pages[source]?.anchors.contains(id) == true else { return (nil, page.diagnostics) }
            return (nil, page.diagnostics + [.error(.invalidRunbook, "section '#\(id)' of '\(section.page)' is not in tenant \(context.tenant.id)'s version of the page",
                                                    at: section.location)])
        }
        let title = section.title ?? step.heading?.text ?? page.layout.heading ?? index.pages[source]?.title ?? source
        let id = Checklist.id(runbook: runbook.id, section: section, text: title)
        let made = Step(number: number, id: id, title: title, section: section, html: String(decoding: page.body ?? [], as: UTF8.self),
                        source: step.heading?.location ?? SourceLocation(path: source), items: step.items,
                        withheld: page.withheld, kept: page.text ?? "", uses: page.uses.union(page.sources), search: page.search)
        if shareable, page.diagnostics.isEmpty, page.values.isEmpty { sharedSteps.keep(made, asked: asked.anchors, under: key) }
        return (made, page.diagnostics)
    }

    /// The anchors of a docs page as this tenant gets it (its conditions decided), compiled once per runbook.
    /// The version of the page this tenant gets is shared (`SharedPreprocessing`), and so are its
    /// anchors, when no value can go into them.
    private func anchorsForTenant(_ source: String) -> Set<String> {
        if let known = tenantAnchors.anchors[source] { return known }
        var anchors: Set<String> = []
        if let bytes = try? site.tree.read(source) {
            let (page, problems) = shared.version(source, for: context.tenant) { preprocessForTenant(source, bytes: bytes, reads: $0) }
            let compile = { compiler.compile(.preprocessed(page, problems), path: source, profile: .anchors).0?.anchors ?? [] }
            if let page, holdsNoValue(source, page, problems) {
                anchors = sharedSteps.anchors(source, of: SharedSteps.Variant(page), compile)
            } else {
                anchors = compile()
            }
        }
        tenantAnchors.anchors[source] = anchors
        return anchors
    }

    /// A page preprocessed for this tenant; `reads` hears the tenant values its conditions read.
    private func preprocessForTenant(_ source: String, bytes: [UInt8], reads: ConditionReads?) -> (PreprocessedPage?, [Diagnostic]) {
        var preprocessor = site.preprocessor(tenant: context)
        preprocessor.conditionReads = reads
        return preprocessor.run(path: source, bytes: bytes)
    }

    /// Whether no value of the tenant can go into a page preprocessed without problems: neither its file
    /// (its frontmatter too) nor its text with its includes holds `{{`. What may be shared across tenants.
    private func holdsNoValue(_ source: String, _ page: PreprocessedPage?, _ problems: [Diagnostic]) -> Bool {
        problems.isEmpty && page.map { !SharedSteps.mentionsValues($0.text) } ?? false
            && !sharedSteps.fileMentionsValues(source) { try? site.tree.read(source) }
    }

    /// Lowercased, runs of whitespace as one space, none at the ends: what a checklist item's id is made of.
    static func normalized(_ text: String) -> String {
        // ASCII text (most items) read as bytes: its whitespace is tab to carriage return and space.
        guard text.utf8.allSatisfy({ $0 < 0x80 }) else {
            return text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for byte in text.utf8 {
            if byte == 0x20 || (0x09...0x0D).contains(byte) { space = !out.isEmpty; continue }
            if space { out.append(0x20); space = false }
            out.append((0x41...0x5A).contains(byte) ? byte + 0x20 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }
}
