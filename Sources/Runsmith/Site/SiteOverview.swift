/// What every page may know of the others, made from the pages' summaries (not their trees), so that an
/// incremental build can make it again without parsing anything: the site index and the sidebar.
enum SiteOverview {
    /// Routes, titles and anchors of every page; markdown files that are not built are known too, so
    /// links to them go to `site_url`.
    static func index(_ site: SiteSource, _ summaries: [String: PageRecord.Summary]) -> SiteIndex {
        var index = SiteIndex(tree: site.tree, config: site.config)
        index.flavor = site.flavor
        for path in site.pages {
            guard let summary = summaries[path] else { continue }
            index.byPublished[summary.entry.published] = path
            if let id = summary.docID { index.docIDs[id] = path }
            index.pages[path] = summary.entry
            index.byRoute[summary.entry.route] = path
        }
        // Categories that ask for a generated index get a page of their own, unless a doc already sits there.
        let taken = Set(index.pages.values.map(\.route))
        for (folder, category) in site.categories.sorted(by: { $0.key < $1.key }) where category.generatedIndex {
            let published = DocusaurusRoutes.published(for: folder + "/index.md", frontmatter: Frontmatter())
            let route = DocusaurusRoutes.output(forPublished: published, isIndex: true)
            guard !taken.contains(route) else { continue }
            let key = Navigation.Category.generatedPage(folder: folder)
            index.byRoute[route] = key
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

    /// The index as far as it is known before any page is parsed: every page with a route is taken as
    /// built, its title and anchors unknown. What the parse phase resolves links against (`EarlyPage`).
    static func provisional(_ site: SiteSource) -> SiteIndex {
        var summaries: [String: PageRecord.Summary] = [:]
        for path in site.pages {
            guard let route = site.routes[path] else { continue }
            let entry = SiteIndex.Page(source: path, route: route, published: site.published[path] ?? Routes.published(for: path),
                                       title: "", description: nil, anchors: [], built: true)
            summaries[path] = PageRecord.Summary(entry: entry)
        }
        var index = Self.index(site, summaries)
        index.anchorsKnown = false
        return index
    }

    /// The sidebar: SUMMARY.md for GitBook, else the folders ordered the Docusaurus way.
    static func navigation(_ site: SiteSource, _ summaries: [String: PageRecord.Summary], _ index: SiteIndex) -> Navigation {
        let built = site.pages.filter { summaries[$0] != nil }
        let hidden = Set(built.filter { summaries[$0]!.hidden })
        if let summary = site.summary { return Navigation(summary: summary, hidden: hidden) }
        var titles: [String: String] = [:], positions: [String: Double] = [:]
        for page in built {
            let summary = summaries[page]!
            titles[page] = summary.sidebarLabel ?? summary.entry.title
            positions[page] = summary.sidebarPosition
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
        return Navigation(pages: built, titles: titles, hidden: hidden, positions: positions, categories: categories,
                          isIndex: { site.isDocusaurusStyle($0) ? DocusaurusRoutes.isCategoryIndex($0) : Routes.isIndex(Routes.split($0).1) })
    }
}
