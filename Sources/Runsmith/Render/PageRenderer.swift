/// The render stage: cmark's C renderer writes the transformed tree, the layout template places it
/// with title, lead, sidebar, table of contents and prev/next.
public struct PageRenderer: Sendable {
    let site: SiteSource
    let index: SiteIndex
    let navigation: Navigation
    let templates: TemplateSet
    let order: [String]
    let position: [String: Int]
    /// Source → route of the pages this build writes (a page that could not be read has none).
    let routes: [String: String]

    init(site: SiteSource, index: SiteIndex, navigation: Navigation, templates: TemplateSet) {
        self.site = site
        self.index = index
        self.navigation = navigation
        self.templates = templates
        let routes = index.pages.filter(\.value.built).mapValues(\.route)
        self.routes = routes
        order = navigation.order.filter { routes[$0] != nil }
        position = Dictionary(order.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Title (for `<title>`, the sidebar, the pager, cards): the leading `# heading`, else frontmatter
    /// `title`, else the SUMMARY label, else the file name. Docusaurus takes frontmatter `title` first
    /// (docs.ts: `frontMatter.title ?? contentTitle`), while the page still shows its `# heading`.
    static func title(of page: PageLayout, summary: Summary?, docusaurus: Bool = false) -> String {
        if docusaurus, let t = page.frontmatter.title, !t.isEmpty { return t }
        if let t = page.heading, !t.isEmpty { return t }
        if let t = page.frontmatter.title, !t.isEmpty { return t }
        if let summary {
            var found: String?
            func walk(_ e: Summary.Entry) { if e.page == page.path { found = found ?? e.title }; e.children.forEach(walk) }
            summary.groups.forEach { $0.entries.forEach(walk) }
            if let found { return found }
        }
        return Routes.split(page.path).1
    }

    var siteTitle: String {
        site.config.title ?? index.pages[site.gitbook.readme].map(\.title) ?? site.pages.first.flatMap { index.pages[$0]?.title } ?? "Documentation"
    }

    func render(_ page: ParsedPage, route: String) -> [UInt8] {
        render(PageLayout(page), body: page.document.renderHTML(), route: route)
    }

    /// The layout around a page's rendered body.
    func render(_ page: PageLayout, body: [UInt8], route: String) -> [UInt8] {
        let fm = page.frontmatter
        var layout = layoutView(route: route, source: page.path, title: index.pages[page.path]?.title ?? page.path)
        // What the page shows as its `<h1>`: its own `# heading` when it has one.
        layout.heading = page.heading ?? layout.title
        layout.titleID = page.titleID ?? ""
        layout.hasTitleID = page.titleID != nil
        layout.showTitle = fm.isVisible("title")
        layout.showDescription = fm.isVisible("description") && fm.description != nil
        layout.description = fm.description ?? ""
        layout.toc = page.headings.filter { $0.level == 2 || $0.level == 3 }.map {
            LayoutView.TOCEntry(id: $0.id, text: $0.text, sub: $0.level == 3)
        }
        layout.showTOC = fm.isVisible("tableOfContents") && layout.toc.count > 1
        layout.hidden = fm.hidden
        layout.icon = fm.icon
        layout.lastUpdated = site.history.lastChange(of: [page.path] + page.files).map(LayoutView.LastUpdated.init)
        layout.editURL = site.config.editURL?.replacingOccurrences(of: "{path}", with: HTMLText.encodeURL(page.path))
        layout.prev = neighbour(of: page.path, offset: -1, route: route, override: fm.paginationPrev)
        layout.next = neighbour(of: page.path, offset: 1, route: route, override: fm.paginationNext)
        return templates.render(layout, splicing: body)
    }

    /// What every page of the docs site shows around its body: site, paths to the root and home, the
    /// sidebar, the page title.
    func layoutView(route: String, source: String, title: String) -> LayoutView {
        // `../` once per folder level: the prefix of the theme's own files.
        var layout = LayoutView(siteTitle: siteTitle, root: String(repeating: "../", count: route.filter { $0 == "/" }.count),
                                home: RelativePath.relative(from: route, to: "index.html"), title: title, source: source)
        layout.header = site.config.header
        layout.hasNav = true
        layout.hasSearch = true
        layout.route = route
        return layout
    }

    /// The previous or next page in reading order; Docusaurus `pagination_prev/next` name another doc
    /// instead, or none (`null`, an empty string here).
    func neighbour(of current: String, offset: Int, route: String, override: String? = nil) -> LayoutView.PagerLink? {
        let source: String?
        if let override { source = override.isEmpty ? nil : index.docIDs[override] }
        else if let i = position[current], order.indices.contains(i + offset) { source = order[i + offset] }
        else { source = nil }
        guard let source, let target = index.pages[source], target.built else { return nil }
        return LayoutView.PagerLink(url: RelativePath.relative(from: route, to: target.route), title: target.title)
    }

    /// `.gitbook.yaml` redirects become small pages that forward to their target. `written`: pages
    /// already written to the output, not among `files`.
    func redirects(into files: inout [String: [UInt8]], besides written: Set<String> = []) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (from, to, at) in site.gitbook.redirects {
            guard let target = index.markdownFile(for: RelativePath.resolve(to, from: "") ?? to),
                  let route = routes[target] else {
                diagnostics.append(.error(.brokenRedirect, "redirect target '\(to)' is not a page of this build", at: at))
                continue
            }
            guard let fromPath = RelativePath.resolve(from, from: ""), !fromPath.isEmpty else {
                diagnostics.append(.error(.brokenRedirect, "redirect source '\(from)' is not a path inside the site", at: at))
                continue
            }
            let output = fromPath + "/index.html"
            guard files[output] == nil, !written.contains(output) else {
                diagnostics.append(.error(.duplicateRoute, "redirect '\(from)' would overwrite a page", at: at))
                continue
            }
            let url = RelativePath.relative(from: output, to: route)
            files[output] = Array(templates.render("redirect", ["url": url, "title": index.pages[target]?.title ?? to]).utf8)
        }
        return diagnostics
    }
}

/// What the layout shows of a page besides its body: all it needs once the page's cmark tree is gone.
struct PageLayout: Sendable, Codable {
    struct Heading: Sendable, Codable {
        var level: Int
        var id: String
        var text: String

        init(level: Int, id: String, text: String) { (self.level, self.id, self.text) = (level, id, text) }

        // Cached with every page: a list of three fields reads faster than an object.
        init(from decoder: any Decoder) throws {
            var fields = try decoder.unkeyedContainer()
            (level, id, text) = (try fields.decode(Int.self), try fields.decode(String.self), try fields.decode(String.self))
        }

        func encode(to encoder: any Encoder) throws {
            var fields = encoder.unkeyedContainer()
            try fields.encode(level)
            try fields.encode(id)
            try fields.encode(text)
        }
    }
    var path: String
    /// The files it was made from besides itself (its includes): their changes date it too.
    var files: [String]
    var frontmatter: Frontmatter
    var headings: [Heading]
    var titleID: String?
    /// The page's leading `# heading`, lifted out of the body.
    var heading: String?

    init(_ page: ParsedPage) {
        path = page.path
        files = page.source.files.filter { $0 != page.path }
        frontmatter = page.source.frontmatter
        headings = page.headings.map { Heading(level: $0.level, id: $0.id, text: $0.text) }
        titleID = page.titleID
        heading = page.title
    }
}
