/// Docusaurus `_category_.json` with `link: {type: generated-index}`: a page for the category that
/// lists its items as cards (title and description), in sidebar order.
extension PageRenderer {
    func renderCategoryIndex(_ key: String) -> [UInt8] {
        guard let page = index.pages[key] else { return [] }
        let route = page.route
        let esc = HTMLText.escape
        var body = "<div class=\"rs-cards\">\n"
        for child in navigation.item(for: key)?.children ?? [] {
            guard let source = child.page, let target = index.pages[source], target.built else { continue }
            let description = target.description.map { "<div class=\"rs-card-cell\">\(esc($0))</div>" } ?? ""
            body += "<div class=\"rs-card rs-card-tile\"><div class=\"rs-card-cell\"><strong>\(esc(child.title))</strong></div>"
                + description
                + "<a class=\"rs-card-link\" href=\"\(esc(HTMLText.encodeURL(RelativePath.relative(from: route, to: target.route))))\" aria-label=\"\(esc(child.title))\"></a></div>\n"
        }
        body += "</div>\n"
        var context = baseContext(route: route, current: key, title: page.title)
        context["showDescription"] = page.description != nil
        context["description"] = page.description ?? ""
        context["body"] = body
        context["prev"] = neighbour(of: key, offset: -1, route: route)
        context["next"] = neighbour(of: key, offset: 1, route: route)
        return Array(templates.render("layout", context).utf8)
    }
}
