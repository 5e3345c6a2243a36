/// `{% code title="…" lineNumbers="true" %}` around a fenced block: a figure with its caption.
/// `lineNumbers="true"` becomes the fence's `showLineNumbers`, which `CodeBlockTransform` draws.
enum CodeTagBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = ["code": .block(parent: nil)]

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {
        let esc = HTMLText.escape
        var attrs = ""
        for (key, attr) in [("overflow", "overflow"), ("lineNumbers", "line-numbers"), ("expandable", "expandable"), ("fullWidth", "full-width")] {
            if let v = d.tag.arguments[key] { attrs += " data-\(attr)=\"\(esc(v))\"" }
        }
        if d.tag.arguments["lineNumbers"] == "true" {
            for block in node.descendants() where block.kind == .codeBlock {
                let info = block.fenceInfo ?? ""
                block.fenceInfo = info.isEmpty ? "showLineNumbers" : info + " showLineNumbers"
            }
        }
        let caption = d.tag.arguments["title"].map { "<figcaption class=\"rs-code-title\">\(esc($0))</figcaption>\n" } ?? ""
        node.wrap("<figure class=\"rs-code\"\(attrs)>\n\(caption)", "</figure>\n")
    }
}
