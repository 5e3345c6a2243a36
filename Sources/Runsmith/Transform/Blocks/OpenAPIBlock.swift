/// `{% openapi %}` and GitBook's newer `openapi-*` blocks: a reference card (method, path, spec), since
/// the operation itself is not in the export.
enum OpenAPIBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = [
        "openapi": .optionalBlock, "openapi-operation": .optionalBlock, "openapi-schemas": .optionalBlock, "openapi-webhook": .optionalBlock,
    ]

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {
        card(node, d)
        page.report(.warning, .openapiCard, "'{% \(d.name) %}' is shown as a reference card: the operation itself is not in the export",
                    directive: index)
    }

    /// The card: method and path (or name), the spec, the summary.
    static func card(_ node: MarkdownNode, _ d: DirectiveInstance) {
        let esc = HTMLText.escape, args = d.tag.arguments
        let method = (args["method"] ?? "").uppercased()
        let path = args["path"] ?? args["name"] ?? ""
        let spec = args["spec"] ?? args["src"] ?? args["baseUrl"] ?? ""
        let title = [method, path].filter { !$0.isEmpty }.joined(separator: " ")
        let summary = args["summary"].map { "<p>\(esc($0))</p>\n" } ?? ""
        node.wrap("<div class=\"rs-api-card\">\n<p class=\"rs-api-title\"><code>\(esc(title.isEmpty ? d.name : title))</code>"
                  + (spec.isEmpty ? "" : " <span class=\"rs-api-spec\">\(esc(spec))</span>") + "</p>\n\(summary)", "</div>\n")
    }
}
