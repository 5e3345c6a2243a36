import Foundation

/// The load stage for a whole site: config files, the content tree, the flavour, the navigation
/// source and the list of pages to build with their output routes.
public struct SiteSource: Sendable {
    public var tree: ContentTree
    public var config: SiteConfig
    public var flavor: Flavor
    public var gitbook = GitBookConfig()
    public var summary: Summary?
    /// Source path → output route, for every page this build writes.
    public var routes: [String: String] = [:]
    /// Source path → the page's path on the published site (no extension): `site_url` + this, and what
    /// Docusaurus-style route links (`./data-mapping`, `/docs/guide/setup`) are matched against.
    public var published: [String: String] = [:]
    /// Pages in a stable order (SUMMARY order, then the rest sorted).
    public var pages: [String] = []
    /// Docusaurus `_category_.json` per folder (label, position).
    public var categories: [String: Navigation.Category] = [:]
    /// tenants/ and runbooks/: the declared variables every condition is checked against.
    public var tenants = TenantSet()
    /// When each file last changed in git (the pages' "Last updated").
    public var history = GitHistory()

    /// `.gitbook.yaml`'s `root:` folder, when the docs live below the folder given on the command line:
    /// diagnostics about pages are shown with it in front.
    public var rootPrefix: String { gitbook.root.isEmpty ? "" : gitbook.root + "/" }

    /// Re-roots a diagnostic about a page (not about the two config files, which live at the top).
    public func relocated(_ diagnostic: Diagnostic) -> Diagnostic {
        guard !rootPrefix.isEmpty else { return diagnostic }
        var d = diagnostic
        func move(_ loc: SourceLocation) -> SourceLocation {
            guard loc.path != SiteConfig.fileName, loc.path != GitBookConfig.fileName else { return loc }
            var l = loc
            l.path = rootPrefix + l.path
            return l
        }
        d.location = d.location.map(move)
        d.includeChain = d.includeChain.map(move)
        return d
    }

    /// Loads everything; `diagnostics` gets every problem; returns nil when nothing can be built.
    public static func load(root: URL, excluding: [URL], diagnostics: inout [Diagnostic]) -> SiteSource? {
        var isDir: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDir), isDir.boolValue else {
            diagnostics.append(.error(.missingRoot, "docs root '\(root.path)' is not a folder", at: nil))
            return nil
        }
        guard var tree = try? ContentTree(root: root, excluding: excluding) else {
            diagnostics.append(.error(.unreadableRoot, "cannot list '\(root.path)'", at: nil))
            return nil
        }
        var config = SiteConfig()
        // An unreadable runsmith.yml is an error, and no build: defaults would quietly build something else.
        let configBytes = tree.readListed(SiteConfig.fileName, diagnostics: &diagnostics)
        if configBytes == nil, tree.contains(SiteConfig.fileName) { return nil }
        if let bytes = configBytes {
            let (c, d) = SiteConfig.decode(String(decoding: bytes, as: UTF8.self))
            config = c
            diagnostics += d
            if d.contains(where: { $0.severity == .error }) { return nil }
        }
        var gitbook = GitBookConfig()
        if let bytes = tree.readListed(GitBookConfig.fileName, diagnostics: &diagnostics) {
            let (g, d) = GitBookConfig.decode(String(decoding: bytes, as: UTF8.self))
            gitbook = g
            diagnostics += d
            if g.root.isEmpty, g.rootEscapes {
                diagnostics.append(.error(.invalidConfig, ".gitbook.yaml root must be a folder inside the repository",
                                          at: SourceLocation(path: GitBookConfig.fileName)))
                return nil
            }
            if !g.root.isEmpty {
                guard let sub = try? ContentTree(root: tree.root.appendingPathComponent(g.root), excluding: excluding) else {
                    diagnostics.append(.error(.missingRoot, ".gitbook.yaml root '\(g.root)' is not a folder",
                                              at: SourceLocation(path: GitBookConfig.fileName)))
                    return nil
                }
                tree = sub
            }
        }
        let flavor = config.flavor ?? FlavorDetector.detect(tree)
        if flavor == .docusaurus, let file = DocusaurusConfig.fileNames.first(where: tree.contains),
           let bytes = tree.readListed(file, diagnostics: &diagnostics),
           let base = DocusaurusConfig.docsRouteBase(in: String(decoding: bytes, as: UTF8.self)) {
            config.docsRouteBase = base
        }
        var source = SiteSource(tree: tree, config: config, flavor: flavor, gitbook: gitbook)
        source.choosePages(diagnostics: &diagnostics)
        if flavor == .docusaurus { source.loadCategories(diagnostics: &diagnostics) }
        let (tenants, tenantDiagnostics) = TenantSet.load(from: tree)
        source.tenants = tenants
        diagnostics += tenantDiagnostics
        if config.showsLastUpdated { source.history = GitHistory.read(root: tree.root) }
        return source
    }

    /// `_category_.json` (or `.yml`) in each folder; `sidebars.js` cannot run here, which is said once.
    mutating func loadCategories(diagnostics: inout [Diagnostic]) {
        for file in tree.files {
            let name = file.split(separator: "/").last.map(String.init) ?? file
            if name.hasPrefix("sidebars."), ["js", "ts", "cjs", "mjs"].contains(name.split(separator: ".").last.map(String.init) ?? "") {
                diagnostics.append(.warning(.sidebarsIgnored, "\(name) is JavaScript, which Runsmith does not run: the sidebar follows the folders",
                                            at: SourceLocation(path: file), note: "order pages with sidebar_position and _category_.json"))
                continue
            }
            guard name == "_category_.json" || name == "_category_.yml" || name == "_category_.yaml",
                  let bytes = tree.readListed(file, diagnostics: &diagnostics) else { continue }
            let source = YAMLSource(path: file, text: String(decoding: bytes, as: UTF8.self), firstLine: 1)
            do {
                guard let node = try source.compose(), let mapping = node.mapping else { continue }
                var category = Navigation.Category()
                category.label = mapping["label"]?.string
                category.position = mapping["position"]?.float ?? mapping["position"]?.int.map(Double.init)
                category.description = mapping["description"]?.string
                if let link = mapping["link"]?.mapping {
                    switch link["type"]?.string {
                    case "doc": category.linkedDoc = link["id"]?.string
                    case "generated-index":
                        category.generatedIndex = true
                        category.description = link["description"]?.string ?? category.description
                    default: break
                    }
                }
                categories[RelativePath.directory(of: file)] = category
            } catch {
                diagnostics.append(error.diagnostic)
            }
        }
    }

    /// The preprocess stage set up for this site: its files, space map, flavour and declared variables,
    /// deciding conditions for `tenant` when one is given. Every build of a page starts here.
    func preprocessor(tenant: TenantContext? = nil) -> Preprocessor {
        let tree = self.tree
        var preprocessor = Preprocessor(read: { path in tree.contains(path) ? try tree.read(path) : nil }, spaces: config.spaces, limits: config.limits, flavor: flavor)
        preprocessor.escapingLinks = tree.escapingLinks
        preprocessor.tenants = tenants
        preprocessor.tenant = tenant
        preprocessor.claims = config.claims
        return preprocessor
    }

    /// Pages written the Docusaurus way (`Flavor.isDocusaurusStyle`).
    public func isDocusaurusStyle(_ page: String) -> Bool { flavor.isDocusaurusStyle(page) }

    /// Output route and published path of a page. Docusaurus-style pages need their frontmatter (`id`,
    /// `slug`) for that, read here on its own; problems in it are reported when the page is built.
    func place(_ page: String) -> (route: String, published: String) {
        if isDocusaurusStyle(page) {
            var frontmatter = Frontmatter()
            if let bytes = try? tree.read(page), case .success(let split) = FrontmatterSplit.split(bytes, path: page) {
                frontmatter = split.frontmatter
            }
            let path = DocusaurusRoutes.published(for: page, frontmatter: frontmatter)
            let isIndex = DocusaurusRoutes.isIndex(page, frontmatter: frontmatter)
            return (DocusaurusRoutes.output(forPublished: path, isIndex: isIndex || path.isEmpty), path)
        }
        // GitBook's readme is the space's home page, whatever its file name.
        if flavor == .gitbook && page == gitbook.readme { return ("index.html", "") }
        return (Routes.output(for: page), Routes.published(for: page))
    }

    /// What colours the code blocks: Pygments unless `highlight: off`.
    var codeHighlighter: CodeHighlighter? { config.highlightsCode ? PygmentsHighlighter.shared : nil }

    /// `slug_preset` from runsmith.yml, else the page's own way: Docusaurus-style pages use github-slugger.
    public func slugPreset(for page: String) -> SlugPreset {
        config.slugPreset ?? (isDocusaurusStyle(page) ? .docusaurus : .gitbook)
    }

    /// GitBook with a SUMMARY.md builds what SUMMARY lists (plus the readme); otherwise every markdown
    /// file outside dot-folders and `_partials` is a page.
    mutating func choosePages(diagnostics: inout [Diagnostic]) {
        var chosen: [String] = []
        if flavor == .gitbook, let bytes = tree.readListed(gitbook.summary, diagnostics: &diagnostics) {
            let tree = self.tree
            let base = RelativePath.directory(of: gitbook.summary)
            let index = SiteIndex(tree: tree, config: config)
            let (summary, d) = Summary.parse(bytes, path: gitbook.summary) { link in
                RelativePath.resolve(link, from: base).flatMap { index.markdownFile(for: $0) }
            }
            self.summary = summary
            diagnostics += d
            if tree.contains(gitbook.readme) { chosen.append(gitbook.readme) }
            chosen += summary.pages
        } else {
            chosen = tree.files.filter { path in
                SiteIndex.isMarkdown(path) && path != gitbook.summary &&
                    !path.split(separator: "/").contains { $0.hasPrefix(".") || $0.hasPrefix("_") }
            }
        }
        var seen: Set<String> = []
        var owners: [String: String] = [:]
        for page in chosen where seen.insert(page).inserted {
            let (route, path) = place(page)
            if let other = owners[route] {
                diagnostics.append(.error(.duplicateRoute, "'\(page)' and '\(other)' would both be written to \(route)",
                                          at: SourceLocation(path: page)))
                continue
            }
            owners[route] = page
            routes[page] = route
            published[page] = path
            pages.append(page)
        }
    }
}
