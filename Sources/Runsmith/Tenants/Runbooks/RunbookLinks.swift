import Foundation

/// A runbook step's links, after `LinkTransform` resolved them as for the docs page: in-page anchors take
/// the step's id prefix, links to another step of the runbook point at that step, links to a section
/// this tenant's version of a page lacks are errors, and links to other docs pages go to the published
/// docs (`site_url`), since a runbook is handed to a customer without the rest of the site.
struct RunbookLinks: PageTransform {
    /// Where each step's page is in the docs site.
    struct Target {
        var route: String
        var section: String?
        var number: Int
    }

    let resolver: LinkResolver
    /// The runbook page's route.
    let route: String
    let number: Int
    let plan: [Target]
    let tenant: String
    /// Source → the anchors of that page as this tenant gets it.
    let tenantAnchors: (String) -> Set<String>

    func apply(to page: ParsedPage) {
        for node in page.document.root.descendants() where node.kind == .link {
            guard let url = node.url else { continue }
            if url.hasPrefix("#"), url.count > 1 { node.url = "#s\(number)-" + url.dropFirst(); continue }
            if let local = Self.withinRunbook(url, from: route, plan: plan) { node.url = local; continue }
            if let problem = anchorWithheld(url) { page.report(.error, .withheldContent, problem, at: node); continue }
            if let published = publishedURL(url) { node.url = published; continue }
            if let (linked, _) = target(url) {
                // The tenant's folder holds its runbooks, not the docs: without site_url the link leads nowhere.
                page.report(.error, .unbuiltPage, "'\(url)' is the docs page \(linked.source), which a tenant's folder does not hold, "
                            + "and runsmith.yml has no site_url to link to", at: node)
            }
        }
    }

    private var index: SiteIndex { resolver.index }

    /// The docs page a URL of the runbook page names, and its fragment.
    private func target(_ url: String) -> (page: SiteIndex.Page, fragment: String?)? {
        guard LinkResolver.scheme(of: url) == nil else { return nil }
        let (path, fragment) = LinkResolver.splitFragment(url)
        guard !path.isEmpty, let target = RelativePath.resolve(path.removingPercentEncoding ?? path, from: RelativePath.directory(of: route)),
              let page = index.byRoute[target].flatMap({ index.pages[$0] }) else { return nil }
        return (page, fragment)
    }

    private func publishedURL(_ url: String) -> String? {
        guard let site = index.config.siteURL, let (page, fragment) = target(url) else { return nil }
        return site + "/" + HTMLText.encodeURL(page.published) + (fragment.map { "#" + $0 } ?? "")
    }

    /// A link to an anchor of the docs that this tenant's version of the page does not have: the section
    /// is gated to other tenants, so the link would lead nowhere (or to content this tenant may not see).
    private func anchorWithheld(_ url: String) -> String? {
        guard let (page, fragment) = target(url), let fragment, !fragment.isEmpty,
              page.anchors.contains(fragment), page.conditional, !tenantAnchors(page.source).contains(fragment) else { return nil }
        return "links to '#\(fragment)' of \(page.source), which tenant \(tenant) does not get"
    }

    /// A link to a page (or section) that is itself a step of this runbook points at that step instead.
    static func withinRunbook(_ url: String, from route: String, plan: [Target]) -> String? {
        guard LinkResolver.scheme(of: url) == nil else { return nil }
        let (path, fragment) = LinkResolver.splitFragment(url)
        guard let target = RelativePath.resolve(path.removingPercentEncoding ?? path, from: RelativePath.directory(of: route)) else { return nil }
        for step in plan where step.route == target {
            switch (step.section, fragment) {
            case (nil, nil): return "#step-\(step.number)"
            case (nil, let anchor?): return "#s\(step.number)-\(anchor)"
            case (let section?, let anchor?) where section == anchor: return "#step-\(step.number)"
            default: continue
            }
        }
        return nil
    }
}
