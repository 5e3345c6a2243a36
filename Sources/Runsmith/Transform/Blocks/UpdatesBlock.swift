/// `{% updates %}` with `{% update date="…" %}`: a changelog, one dated section per update.
enum UpdatesBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = ["updates": .block(parent: nil), "update": .block(parent: "updates")]

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {
        guard d.name == "update" else { return node.wrap("<div class=\"rs-updates\">\n", "</div>\n") }
        let date = HTMLText.escape(d.tag.arguments["date"] ?? "")
        node.wrap("<section class=\"rs-update\">\n<p class=\"rs-update-date\"><time datetime=\"\(date)\">\(date)</time></p>\n", "</section>\n")
    }
}
