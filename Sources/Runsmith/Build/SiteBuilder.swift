import Foundation

/// The whole pipeline for a site: load → preprocess → parse → transform → render → write.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var root: URL
        /// nil for `check`: everything is built, nothing is written.
        public var output: URL?
        public var limits = PreprocessLimits()
        /// Also write each tenant × runbook as one self-contained `<tenant>-<runbook>.html`.
        public var singleFile = false
        /// Build the docs as this tenant gets them (conditions decided, values in place) instead of for
        /// every reader; runbooks are then left out (`runsmith serve`'s tenant switcher).
        public var tenant: String?
        public init(root: URL, output: URL?) {
            self.root = root
            self.output = output
        }
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var pageCount = 0
        public var assetCount = 0
        /// Output path → bytes of every page and theme file (empty for a failed load).
        public var files: [String: [UInt8]] = [:]
        /// Output path → source file, for the images and attachments copied rather than generated.
        public var copies: [String: URL] = [:]
        /// True once the output folder was replaced with this build.
        public var written = false
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
        public init() {}
    }

    public let options: Options
    public init(options: Options) { self.options = options }

    public func run(progress: (@Sendable (String) -> Void)? = nil) -> Result {
        var result = Result()
        var diagnostics: [Diagnostic] = []
        if let output = options.output, let refusal = OutputWriter(destination: output).refusal(docsRoot: options.root) {
            result.diagnostics = [.error("unsafe-output", refusal, at: nil)]
            return result
        }
        guard let site = SiteSource.load(root: options.root, excluding: options.output.map { [$0] } ?? [],
                                         diagnostics: &diagnostics) else {
            result.diagnostics = sortedDiagnostics(diagnostics)
            return result
        }
        let templates: TemplateSet
        do {
            let own = site.tree.root.appendingPathComponent("templates")
            templates = try TemplateSet(projectDirectory: FileManager.default.fileExists(atPath: own.path) ? own : nil)
        } catch {
            result.diagnostics = sortedDiagnostics((diagnostics + [error.diagnostic]).map(site.relocated))
            return result
        }

        // Preprocess, parse and the page-local transforms, in parallel.
        let tree = site.tree
        // Built as one tenant gets it, when asked.
        var viewer: TenantContext? = nil
        if let id = options.tenant {
            guard let tenant = site.tenants.tenants.first(where: { $0.id == id }) else {
                result.diagnostics = [.error("invalid-tenant", "no tenant '\(id)'", at: nil)]
                return result
            }
            viewer = TenantContext(tenant: tenant, schema: site.tenants.schema, claims: site.config.claims)
        }
        let preprocessor = site.preprocessor(limits: options.limits, tenant: viewer)
        // Otherwise for no tenant: with a schema, variables show as named placeholders.
        let values = viewer ?? (site.tenants.isDeclared ? TenantContext.placeholders(schema: site.tenants.schema) : nil)
        func transforms(for page: String) -> [PageTransform] {
            [DirectiveTransform()] + (values.map { [VariableSubstitution(context: $0)] } ?? [])
                + [InlineComponentTransform(), UnparsedLinkCheck(), HeadingTransform(preset: site.slugPreset(for: page)), CodeBlockTransform()]
        }
        progress?("parsing \(site.pages.count) pages")
        let phaseOne: [(ParsedPage?, [Diagnostic])] = Parallel.map(site.pages.count) { i in
            let path = site.pages[i]
            guard let bytes = try? tree.read(path) else {
                return (nil, [.error("unreadable-page", "cannot read this page", at: SourceLocation(path: path))])
            }
            let (preprocessed, d) = preprocessor.run(path: path, bytes: bytes)
            guard let pre = preprocessed else { return (nil, d) }
            let page = ParsedPage(source: pre, document: MarkdownDocument(bytes: pre.text))
            page.diagnostics = d
            for transform in transforms(for: path) { transform.apply(to: page) }
            return (page, [])
        }
        let parsed = phaseOne.map(\.0)
        diagnostics += phaseOne.flatMap(\.1)

        let index = buildIndex(site, parsed)
        let navigation = self.navigation(site, parsed.compactMap { $0 }, index)
        diagnostics += RunbookCheck.check(site.tenants, index: index, claims: site.config.claims)
        let assets = AssetCatalog(tree: tree)
        let resolver = LinkResolver(index: index, assets: assets)
        let renderer = PageRenderer(site: site, index: index, navigation: navigation, templates: templates)

        progress?("rendering \(site.pages.count) pages")
        let rendered: [(String, [UInt8], [Diagnostic])?] = Parallel.map(parsed.count) { i in
            guard let page = parsed[i], let route = site.routes[page.path] else { return nil }
            LinkTransform(resolver: resolver, route: route).apply(to: page)
            CardsTableTransform().apply(to: page)
            return (route, renderer.render(page, route: route), page.diagnostics)
        }
        for case let (route, bytes, d)? in rendered {
            result.files[route] = bytes
            diagnostics += d
        }
        for (key, page) in index.pages where page.built && key.hasSuffix("/") {
            result.files[page.route] = renderer.renderCategoryIndex(key)
        }
        if viewer == nil {
            diagnostics += buildRunbooks(site, index: index, resolver: resolver, templates: templates, into: &result.files)
        }
        for (name, bytes) in templates.assets { result.files["_runsmith/" + name] = bytes }
        result.files.merge(renderer.sidebarFiles()) { _, new in new }
        diagnostics += renderer.redirects(into: &result.files)
        if result.files["index.html"] == nil, let first = renderer.order.first, let target = index.pages[first] {
            // A site without a root page still opens at index.html (the header's home link points there).
            result.files["index.html"] = Array(templates.render("redirect", ["url": HTMLText.encodeURL(target.route), "title": target.title]).utf8)
        }
        result.pageCount = rendered.compactMap { $0 }.count

        let used = assets.used
        result.assetCount = used.count
        result.copies = Dictionary(uniqueKeysWithValues: used.map { ($0.output, tree.absolute($0.source)) })
        if options.singleFile {
            let inputs = SingleFile.Inputs(files: result.files,
                                           copies: result.copies,
                                           published: Dictionary(index.pages.values.filter(\.built).map { ($0.route, $0.published) },
                                                                 uniquingKeysWith: { a, _ in a }),
                                           siteURL: site.config.siteURL)
            for tenant in site.tenants.tenants {
                for runbook in site.tenants.runbooks {
                    let route = "\(tenant.id)/\(runbook.id)/index.html"
                    guard let page = result.files[route] else { continue }
                    let (html, problems) = SingleFile.make(String(decoding: page, as: UTF8.self), route: route, inputs: inputs)
                    result.files["\(tenant.id)-\(runbook.id).html"] = Array(html.utf8)
                    diagnostics += problems
                }
            }
        }
        result.diagnostics = DiagnosticCollapse.collapse(sortedDiagnostics(diagnostics.compactMap(site.config.adjusted).map(site.relocated)))
        if let output = options.output {
            do {
                try OutputWriter(destination: output).write(files: result.files, copies: result.copies)
                result.written = true
            } catch {
                result.diagnostics.append(.error("write-failed", "cannot write \(output.path): \(error.localizedDescription)", at: nil))
            }
        }
        return result
    }

    /// Every tenant × runbook whose `when` holds, under `<tenant>/<runbook>/`, plus `runbooks.html` listing them.
    private func buildRunbooks(_ site: SiteSource, index: SiteIndex, resolver: LinkResolver, templates: TemplateSet,
                               into files: inout [String: [UInt8]]) -> [Diagnostic] {
        guard !site.tenants.runbooks.isEmpty, !site.tenants.tenants.isEmpty else { return [] }
        var diagnostics: [Diagnostic] = []
        var rows = ""
        let provenance = Provenance.current(root: options.root)
        for tenant in site.tenants.tenants {
            if let clash = files.keys.sorted().first(where: { $0.hasPrefix(tenant.id + "/") }) {
                diagnostics.append(.error("duplicate-route", "tenant '\(tenant.id)' would write into \(tenant.id)/, where the docs have \(clash)",
                                          at: SourceLocation(path: tenant.path)))
                continue
            }
            let context = TenantContext(tenant: tenant, schema: site.tenants.schema, claims: site.config.claims)
            let builder = RunbookBuilder(site: site, index: index, resolver: resolver, templates: templates, context: context,
                                         provenance: provenance)
            var tenantFiles: [String: [UInt8]] = [:]
            var tenantProblems: [Diagnostic] = []
            for runbook in site.tenants.runbooks {
                let (output, problems) = builder.build(runbook)
                tenantProblems += problems
                tenantFiles.merge(output) { _, new in new }
            }
            diagnostics += tenantProblems
            // A leak anywhere in a tenant's runbooks: nothing of that tenant is written.
            if !tenantProblems.contains(where: { $0.code == "tenant-leak" }) { files.merge(tenantFiles) { _, new in new } }
        }
        diagnostics += LeakAudit.audit(&files, tenants: site.tenants.tenants, schema: site.tenants.schema)
        // The index lists what was actually written.
        for tenant in site.tenants.tenants {
            let context = TenantContext(tenant: tenant, schema: site.tenants.schema, claims: site.config.claims)
            for runbook in site.tenants.runbooks where files["\(tenant.id)/\(runbook.id)/index.html"] != nil {
                let title = HTMLText.escape(context.substitute(runbook.title) { $0 }.0)
                let folder = "\(tenant.id)/\(runbook.id)/"
                rows += "<tr><td>\(HTMLText.escape(tenant.name))</td><td><a href=\"\(folder)index.html\">\(title)</a></td>"
                    + "<td><a href=\"\(folder)checklist.html\">checklist</a> · <a href=\"\(folder)runbook.json\">JSON</a></td></tr>\n"
            }
        }
        let body = "<table>\n<thead><tr><th>Tenant</th><th>Runbook</th><th>Also</th></tr></thead>\n<tbody>\n\(rows)</tbody>\n</table>\n"
        files["runbooks.html"] = Array(templates.render("layout", [
            "siteTitle": site.config.title ?? "Runbooks", "root": "", "home": "index.html", "title": "Runbooks",
            "titleID": "", "hasTitleID": false, "showTitle": true, "showDescription": false, "description": "", "body": body,
            "toc": [[String: Any]](), "showTOC": false, "source": "runbooks/", "hidden": true,
        ]).utf8)
        return diagnostics
    }

    /// The sidebar: SUMMARY.md for GitBook, else the folders ordered the Docusaurus way.
    private func navigation(_ site: SiteSource, _ built: [ParsedPage], _ index: SiteIndex) -> Navigation {
        let hidden = Set(built.filter { $0.source.frontmatter.hidden }.map(\.path))
        if let summary = site.summary { return Navigation(summary: summary, hidden: hidden) }
        var titles: [String: String] = [:], positions: [String: Double] = [:]
        for page in built {
            titles[page.path] = page.source.frontmatter.sidebarLabel ?? index.pages[page.path]?.title ?? page.path
            positions[page.path] = page.source.frontmatter.sidebarPosition
        }
        // A category's `link.id` names a doc; the sidebar needs its file.
        let categories = Dictionary(uniqueKeysWithValues: site.categories.map { folder, category in
            var c = category
            c.linkedDoc = category.linkedDoc.flatMap { index.docIDs[$0] }
            if category.generatedIndex, index.pages[Navigation.Category.generatedPage(folder: folder)] != nil {
                c.linkedDoc = Navigation.Category.generatedPage(folder: folder)
            }
            return (folder, c)
        })
        return Navigation(pages: built.map(\.path), titles: titles, hidden: hidden, positions: positions, categories: categories)
    }

    /// Routes, titles and anchors of every page; markdown files that are not built are known too,
    /// so links to them go to `site_url`.
    private func buildIndex(_ site: SiteSource, _ parsed: [ParsedPage?]) -> SiteIndex {
        var index = SiteIndex(tree: site.tree, config: site.config)
        for page in parsed.compactMap({ $0 }) {
            let fm = page.source.frontmatter
            index.byPublished[site.published[page.path] ?? ""] = page.path
            if site.isDocusaurusStyle(page.path) { index.docIDs[DocusaurusRoutes.id(of: page.path, frontmatter: fm)] = page.path }
            index.pages[page.path] = .init(source: page.path, route: site.routes[page.path] ?? "",
                                           published: site.published[page.path] ?? Routes.published(for: page.path),
                                           title: PageRenderer.title(of: page, summary: site.summary),
                                           description: fm.description, anchors: page.anchors,
                                           headingLevels: Dictionary(page.headings.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a }),
                                           built: true)
        }
        // Categories that ask for a generated index get a page of their own, unless a doc already sits there.
        let taken = Set(index.pages.values.map(\.route))
        for (folder, category) in site.categories where category.generatedIndex {
            let published = DocusaurusRoutes.published(for: folder + "/index.md", frontmatter: Frontmatter())
            let route = DocusaurusRoutes.output(forPublished: published, isIndex: true)
            guard !taken.contains(route) else { continue }
            let key = Navigation.Category.generatedPage(folder: folder)
            index.pages[key] = .init(source: key, route: route, published: published,
                                     title: category.label ?? DocusaurusRoutes.stripNumberPrefix(folder.split(separator: "/").last.map(String.init) ?? folder),
                                     description: category.description, anchors: [], built: true)
        }
        for file in site.tree.files where SiteIndex.isMarkdown(file) && index.pages[file] == nil {
            index.pages[file] = .init(source: file, route: Routes.output(for: file),
                                      published: site.published[file] ?? Routes.published(for: file), title: Routes.split(file).1,
                                      description: nil, anchors: [], built: false, unreadable: site.routes[file] != nil)
        }
        return index
    }
}
