/// What a build keeps of one page between builds (`runsmith serve` rebuilds only what a change
/// touches): what other pages see of it, the files it was made from, what its links named, and its output.
/// A class: updates walk ten thousand of them, and a reference is one retain where a struct copy is many.
final class PageRecord {
    /// What the rest of the site sees of a page: its index entry and its sidebar entry. When an edit leaves
    /// this unchanged, no other page needs to be rendered again.
    struct Summary: Equatable, Codable {
        var entry: SiteIndex.Page
        /// Docusaurus doc id (`pagination_next: setup`, `_category_.json` links).
        var docID: String?
        var hidden = false
        var sidebarLabel: String?
        var sidebarPosition: Double?

        init(_ page: CompiledPage, site: SiteSource) {
            let fm = page.layout.frontmatter
            entry = SiteIndex.Page(source: page.path, route: site.routes[page.path] ?? "",
                                   published: site.published[page.path] ?? Routes.published(for: page.path),
                                   title: PageRenderer.title(of: page.layout, summary: site.summary, docusaurus: site.isDocusaurusStyle(page.path)),
                                   description: fm.description, anchors: page.anchors,
                                   headingLevels: Dictionary(page.layout.headings.map { ($0.id, $0.level) }, uniquingKeysWith: { a, _ in a }),
                                   built: true, conditional: page.conditional)
            docID = site.isDocusaurusStyle(page.path) ? DocusaurusRoutes.id(of: page.path, frontmatter: fm) : nil
            hidden = fm.hidden
            sidebarLabel = fm.sidebarLabel
            sidebarPosition = fm.sidebarPosition
        }

        init(entry: SiteIndex.Page) { self.entry = entry }

        /// Whether a change from `old` shows in the sidebar or the pager (titles, order, hiding).
        func changesNavigation(from old: Summary) -> Bool {
            entry.title != old.entry.title || hidden != old.hidden || sidebarLabel != old.sidebarLabel
                || sidebarPosition != old.sidebarPosition || docID != old.docID
        }
    }

    /// nil when the page could not be preprocessed (its problems are in `diagnostics`).
    var summary: Summary?
    /// The page's own file and every include and partial it pulled in.
    var sources: Set<String>
    /// Pages and files its links and images named.
    var uses: Set<String> = []
    /// Docusaurus `pagination_prev` / `pagination_next`: doc ids whose titles its pager shows.
    var pagination: [String?] = [nil, nil]
    var html: [UInt8]?
    /// Its HTML went straight to the output as it was rendered (`PageStream`) and is not kept.
    var written = false
    /// Its text by section, for the search index.
    var search: [SearchSection] = []
    var diagnostics: [Diagnostic]
    /// What its pager showed when it was rendered (previous and next page).
    var pager: [String] = []
    /// The tenant values its output shows (the leak audit's "shared docs").
    var sharedValues: Set<String> = []
    /// Its output changed since `sharedValues` was looked for.
    var sharedStale = true
    /// Its preprocessing failed: it is tried again on every update.
    var failed: Bool

    /// The page went through phase 1 again: what it says now. A page that failed has no output any more.
    func reparsed(summary: Summary?, sources: Set<String>, pagination: [String?], diagnostics: [Diagnostic]) {
        self.summary = summary
        failed = summary == nil
        self.sources = sources
        self.pagination = pagination
        self.diagnostics = diagnostics
        if failed {
            html = nil
            written = false
            search = []
            uses = []
            pager = []
            sharedStale = true
        }
    }

    init(summary: Summary?, sources: Set<String>, pagination: [String?] = [nil, nil], diagnostics: [Diagnostic]) {
        self.summary = summary
        failed = summary == nil
        self.sources = sources
        self.pagination = pagination
        self.diagnostics = diagnostics
    }
}

extension PageRecord {
    /// The previous and next page the page's pager shows (source and title): rendered again when they change.
    func shownPager(of path: String, _ renderer: PageRenderer) -> [String] {
        guard let route = summary?.entry.route else { return [] }
        return [renderer.neighbour(of: path, offset: -1, route: route, override: pagination[0]),
                renderer.neighbour(of: path, offset: 1, route: route, override: pagination[1])]
            .map { $0.map { "\($0.url) \($0.title)" } ?? "" }
    }
}
