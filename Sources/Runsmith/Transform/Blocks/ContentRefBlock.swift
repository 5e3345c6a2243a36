/// `{% content-ref url="page.md" %}`: a card naming the linked page (its title and description).
enum ContentRefBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = ["content-ref": .block(parent: nil)]

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {
        page.linkedBlocks.append((node, index))
    }

    static func link(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage, links: BlockLinks) {
        // The inner link repeats the url; the card replaces it.
        while let child = node.firstChild { child.remove() }
        let url = d.tag.arguments["url"] ?? ""
        guard !url.isEmpty else { return page.report(.error, .invalidContentRef, "'{% content-ref %}' needs url=\"…\"", directive: index) }
        let href = links.resolve(url, .link) ?? url
        node.wrap("<p class=\"rs-content-ref\"><a class=\"rs-card\" href=\"\(HTMLText.escape(href))\">\(links.cardText(url))</a></p>\n", "")
    }
}
