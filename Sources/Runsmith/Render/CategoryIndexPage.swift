/// Docusaurus `_category_.json` with `link: {type: generated-index}`: a page for the category that
/// lists its items as cards (title and description), in sidebar order (`category-index.mustache`).
extension PageRenderer {
    func renderCategoryIndex(_ key: String) -> [UInt8] {
        guard let page = index.pages[key] else { return [] }
        let route = page.route
        var cards: [CategoryIndexView.Card] = []
        for child in navigation.item(for: key)?.children ?? [] {
            guard let source = child.page, let target = index.pages[source], target.built else { continue }
            cards.append(.init(title: child.title, description: target.description,
                               url: HTMLText.encodeURL(RelativePath.relative(from: route, to: target.route))))
        }
        var layout = layoutView(route: route, source: key, title: page.title)
        layout.showDescription = page.description != nil
        layout.description = page.description ?? ""
        layout.body = templates.render(CategoryIndexView(cards: cards))
        layout.prev = neighbour(of: key, offset: -1, route: route)
        layout.next = neighbour(of: key, offset: 1, route: route)
        return Array(templates.render(layout).utf8)
    }
}
