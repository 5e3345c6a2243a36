import Mustache

/// `sitemap.mustache`: `sitemap.xml`, every page of the sidebar's reading order (a hidden page is not in
/// it) at its published URL on `site_url`. Written only when `site_url` is set: a sitemap lists
/// absolute URLs.
struct SiteMapView: TemplateView {
    static let template = "sitemap"

    struct Entry {
        var url: String
    }

    var pages: [Entry]
}

/// `not-found.mustache`: the body of `404.html`, the page a static host shows for a missing path. It can
/// be shown at any depth, so with `site_url` its links are absolute.
struct NotFoundView: TemplateView {
    static let template = "not-found"

    /// The home page's URL.
    var home: String
}

extension SiteMapView: MustacheParent {
    func child(named name: String) -> Any? { name == "pages" ? pages : nil }
}

extension SiteMapView.Entry: MustacheParent {
    func child(named name: String) -> Any? { name == "url" ? url : nil }
}

extension NotFoundView: MustacheParent {
    func child(named name: String) -> Any? { name == "home" ? home : nil }
}

extension PageRenderer {
    /// `sitemap.xml`, with `site_url`; nil without.
    func siteMap() -> [UInt8]? {
        guard let siteURL = site.config.siteURL else { return nil }
        let pages = order.compactMap { source -> SiteMapView.Entry? in
            guard let page = index.pages[source], page.built else { return nil }
            return .init(url: siteURL + "/" + HTMLText.encodeURL(page.published))
        }
        return Array(templates.render(SiteMapView(pages: pages)).utf8)
    }

    /// `404.html`: the layout around a short message, its links absolute on `site_url` when there is one.
    func notFoundPage() -> [UInt8] {
        var layout = layoutView(route: "404.html", source: "404.html", title: "Page not found")
        if let siteURL = site.config.siteURL {
            layout.root = siteURL + "/"
            layout.home = siteURL + "/"
        }
        layout.hidden = true
        layout.body = templates.render(NotFoundView(home: layout.home))
        return Array(templates.render(layout).utf8)
    }
}
