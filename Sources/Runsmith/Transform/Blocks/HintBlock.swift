/// `{% hint style="info" %}`: a callout in one of five styles.
enum HintBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = ["hint": .block(parent: nil)]

    static let styles: [String: (css: String, label: String)] = [
        "info": ("info", "Info"), "warning": ("warning", "Warning"), "warn": ("warning", "Warning"),
        "danger": ("danger", "Danger"), "success": ("success", "Success"), "tip": ("tip", "Tip"),
    ]

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {
        let style = d.tag.arguments["style"] ?? "info"
        guard let s = styles[style] else {
            page.report(.error, .unknownHintStyle, "unknown hint style '\(style)' (use info, warning, danger, success or tip)", directive: index)
            return node.wrap("<aside class=\"rs-hint rs-hint-info\" role=\"note\">\n", "</aside>\n")
        }
        node.wrap("<aside class=\"rs-hint rs-hint-\(s.css)\" role=\"note\" aria-label=\"\(s.label)\">\n", "</aside>\n")
    }
}
