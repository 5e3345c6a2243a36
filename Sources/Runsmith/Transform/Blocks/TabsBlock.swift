/// `{% tabs %}` with `{% tab title="…" %}` (and MDX `<Tabs>`/`<TabItem>`): radio inputs and labels that
/// the theme's CSS turns into tabs without JavaScript.
enum TabsBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = ["tabs": .block(parent: nil), "tab": .block(parent: "tabs")]

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {
        guard d.name == "tab" else { return node.wrap("<div class=\"rs-tabs\">\n", "</div>\n") }
        let group = "rs-tabs-\(d.parent ?? index)"
        let id = "\(group)-\(d.index)"
        let title = d.tag.arguments["title"] ?? "Tab \(d.index + 1)"
        // MDX tabs may name their default; otherwise the first is shown.
        let hasDefault = page.tabSetsWithDefault.contains(d.parent ?? -1)
        let checked = hasDefault ? d.tag.arguments["default"] != nil : d.index == 0
        node.wrap("<input class=\"rs-tab-input\" type=\"radio\" name=\"\(group)\" id=\"\(id)\"\(checked ? " checked" : "")>"
                  + "<label class=\"rs-tab-label\" for=\"\(id)\">\(HTMLText.escape(title))</label>\n<div class=\"rs-tab-panel\">\n",
                  "</div>\n")
    }
}
