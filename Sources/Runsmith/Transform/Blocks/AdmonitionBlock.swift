/// Docusaurus `:::note Title` … `:::`: drawn as the hint of the matching style, with its title.
enum AdmonitionBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = [:]
    static let renders = ["admonition"]

    /// Admonition types → the hint style that draws them.
    static let styles: [String: String] = [
        "note": "note", "secondary": "note", "tip": "tip", "info": "info", "important": "info",
        "warning": "warning", "caution": "warning", "danger": "danger", "success": "success",
    ]

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {
        let esc = HTMLText.escape
        let type = d.tag.arguments["type"] ?? "note"
        let named = type.prefix(1).uppercased() + type.dropFirst()
        let label = d.tag.arguments["title"] ?? named
        node.wrap("<aside class=\"rs-hint rs-hint-\(styles[type] ?? "note")\" role=\"note\" aria-label=\"\(esc(named))\">\n"
                  + "<p class=\"rs-hint-title\">\(esc(label))</p>\n", "</aside>\n")
    }
}
