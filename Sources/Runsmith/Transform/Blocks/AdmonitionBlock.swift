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
        let type = d.tag.arguments["type"] ?? "note"
        let title = d.tag.arguments["title"]
        node.wrap(title == nil ? untitled[type] ?? opening(type, title: nil) : opening(type, title: title), "</aside>\n")
    }

    /// The opening of an admonition of each known type under its own name, made once.
    private static let untitled = Dictionary(uniqueKeysWithValues: styles.keys.map { ($0, opening($0, title: nil)) })

    private static func opening(_ type: String, title: String?) -> String {
        let esc = HTMLText.escape
        let named = type.prefix(1).uppercased() + type.dropFirst()
        return "<aside class=\"rs-hint rs-hint-\(styles[type] ?? "note")\" role=\"note\" aria-label=\"\(esc(named))\">\n"
            + "<p class=\"rs-hint-title\">\(esc(title ?? named))</p>\n"
    }
}
