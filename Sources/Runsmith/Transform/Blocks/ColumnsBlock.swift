/// `{% columns %}` with `{% column width="50%" %}`: side-by-side columns.
enum ColumnsBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = ["columns": .block(parent: nil), "column": .block(parent: "columns")]

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {
        guard d.name == "column" else { return node.wrap("<div class=\"rs-columns\">\n", "</div>\n") }
        let esc = HTMLText.escape
        let width = d.tag.arguments["width"].map { w in
            " data-width=\"\(esc(w))\" style=\"flex-basis:\(esc(String(w.filter { $0.isNumber || $0 == "." })))%\""
        } ?? ""
        node.wrap("<div class=\"rs-column\"\(width)>\n", "</div>\n")
    }
}
