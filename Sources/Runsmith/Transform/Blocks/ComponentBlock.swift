/// An MDX component Runsmith does not draw itself (`<Details>`, a site's own): its content in a marked box.
enum ComponentBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = [:]
    static let renders = ["component"]

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {
        node.wrap("<div class=\"rs-component\" data-component=\"\(HTMLText.escape(d.tag.name))\">\n", "</div>\n")
    }
}
