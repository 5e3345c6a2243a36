/// `{% embed url="https://…" %}`: a link to the embedded page (with its caption); nothing is fetched.
enum EmbedBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = ["embed": .optionalBlock]

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {
        let esc = HTMLText.escape
        let url = d.tag.arguments["url"] ?? ""
        guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
            return page.report(.error, .invalidEmbed, "'{% embed %}' needs an http(s) url=\"…\"", directive: index)
        }
        let isEmpty = node.firstChild == nil
        let link = "<p class=\"rs-embed-link\"><a href=\"\(esc(HTMLText.encodeURL(url)))\">\(esc(url))</a></p>\n"
        node.wrap("<figure class=\"rs-embed\">\n\(link)" + (isEmpty ? "" : "<figcaption>\n"), (isEmpty ? "" : "</figcaption>\n") + "</figure>\n")
    }
}
