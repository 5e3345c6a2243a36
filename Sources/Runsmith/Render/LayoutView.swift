import Foundation
import Mustache

/// What `layout.mustache` and its partials (`page`, `toc`, `pager`) show around a body: one view for every
/// page the site writes — docs pages, category indexes, the sidebar page, runbooks, checklists and the
/// runbooks index. Text is plain; Mustache escapes it. Only `body` and `csp` are HTML.
struct LayoutView: TemplateView {
    static let template = "layout"

    struct TOCEntry {
        var id: String
        var text: String
        /// A `###` heading under a `##`.
        var sub: Bool
    }

    /// When a docs page last changed in git: `2026-12-06`, and the instant for `<time datetime>`.
    struct LastUpdated {
        var date: String
        var instant: String

        init(_ seconds: Int) {
            let when = Date(timeIntervalSince1970: TimeInterval(seconds))
            let day = ISO8601DateFormatter(), full = ISO8601DateFormatter()
            day.formatOptions = [.withFullDate]
            day.timeZone = TimeZone(identifier: "UTC")
            full.timeZone = TimeZone(identifier: "UTC")
            date = day.string(from: when)
            instant = full.string(from: when)
        }
    }

    struct PagerLink {
        var url: String
        var title: String
    }

    var siteTitle: String
    /// `../` once per folder level of the output path: the prefix of the theme's own files.
    var root: String
    var home: String
    var title: String
    /// What the page shows as its `<h1>` when it differs from `title` (a docs page's own `# heading`).
    var heading: String?
    var titleID = ""
    var hasTitleID = false
    var showTitle = true
    var description = ""
    var showDescription = false
    var icon: String?
    var body = ""
    var toc: [TOCEntry] = []
    var showTOC = false
    /// The page has the site sidebar, which marks `route` as current.
    var hasNav = false
    var route: String?
    var prev: PagerLink?
    var next: PagerLink?
    /// A previous or next page: the pager is shown.
    var hasPager: Bool { prev != nil || next != nil }
    /// The page's source path, relative to the content root.
    var source: String
    /// "Edit this page" links here (`edit_url` with the page's source path).
    var editURL: String?
    /// From git, on docs pages.
    var lastUpdated: LastUpdated?
    /// `logo:`, `links:` and `repository:` from runsmith.yml.
    var header = HeaderConfig()
    /// The search box, over the index of the folder `root` leads to (`_runsmith/search/`).
    var hasSearch = false
    /// Not for search engines (`<meta name="robots" content="noindex">`).
    var hidden = false
    var csp = ContentPolicy.pages

    init(siteTitle: String, root: String, home: String, title: String, source: String) {
        self.siteTitle = siteTitle
        self.root = root
        self.home = home
        self.title = title
        self.source = source
    }
}

/// Names looked up by a switch instead of `Mirror`, which reflects every property on each lookup: the
/// layout renders once per docs page, and through `Mirror` it took 3.5× as long as the dictionary it
/// replaces (this switch: the same). A test checks that every property is here.
extension LayoutView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "siteTitle": siteTitle
        case "root": root
        case "home": home
        case "title": title
        case "heading": heading
        case "titleID": titleID
        case "hasTitleID": hasTitleID
        case "showTitle": showTitle
        case "description": description
        case "showDescription": showDescription
        case "icon": icon
        case "body": body
        case "toc": toc
        case "showTOC": showTOC
        case "hasNav": hasNav
        case "route": route
        case "prev": prev
        case "hasPager": hasPager
        case "hasSearch": hasSearch
        case "editURL": editURL
        case "lastUpdated": lastUpdated
        case "hasPageFooter": editURL != nil || lastUpdated != nil
        case "next": next
        case "source": source
        case "hidden": hidden
        case "csp": csp
        case "header": header
        default: nil
        }
    }
}

extension LayoutView.TOCEntry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "id": id
        case "text": text
        case "sub": sub
        default: nil
        }
    }
}

extension LayoutView.LastUpdated: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "date": date
        case "instant": instant
        default: nil
        }
    }
}

extension LayoutView.PagerLink: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "url": url
        case "title": title
        default: nil
        }
    }
}

extension HeaderConfig: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "logo": logo?.asset
        case "links": links
        case "hasLinks": !links.isEmpty
        case "repository": repository
        case "repositoryName": repositoryName
        default: nil
        }
    }
}

extension HeaderConfig.Link: MustacheParent {
    public func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "url": url
        default: nil
        }
    }
}
