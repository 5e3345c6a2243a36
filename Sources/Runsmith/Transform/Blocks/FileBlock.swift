/// `{% file src="report.pdf" %}caption{% endfile %}`: a download link, with its caption.
enum FileBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = ["file": .optionalBlock]

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {
        page.linkedBlocks.append((node, index))
    }

    static func link(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage, links: BlockLinks) {
        let esc = HTMLText.escape
        let url = d.tag.arguments["src"] ?? ""
        guard !url.isEmpty else { return page.report(.error, .invalidFile, "'{% file %}' needs src=\"…\"", directive: index) }
        let href = links.resolve(url, .attachment) ?? url
        let name = url.split(separator: "/").last.map { String($0).removingPercentEncoding ?? String($0) } ?? url
        let hasCaption = node.firstChild != nil
        node.wrap("<figure class=\"rs-file\">\n<p><a class=\"rs-file-link\" href=\"\(esc(href))\" download=\"\(esc(name))\">\(esc(name))</a></p>\n"
                  + (hasCaption ? "<figcaption>\n" : ""),
                  (hasCaption ? "</figcaption>\n" : "") + "</figure>\n")
    }
}
