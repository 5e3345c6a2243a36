/// GitBook's older `{% swagger %}` with its description, parameters and responses, written out in full.
enum SwaggerBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = [
        "swagger": .block(parent: nil), "swagger-description": .block(parent: "swagger"),
        "swagger-parameter": .block(parent: "swagger"), "swagger-response": .block(parent: "swagger"),
    ]

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {
        let esc = HTMLText.escape, args = d.tag.arguments
        switch d.name {
        case "swagger-description":
            node.wrap("<div class=\"rs-api-description\">\n", "</div>\n")
        case "swagger-parameter":
            let facts = [args["in"], args["type"], args["required"] == "true" ? "required" : nil].compactMap { $0 }
            node.wrap("<div class=\"rs-api-parameter\">\n<p><code>\(esc(args["name"] ?? ""))</code> \(esc(facts.joined(separator: ", ")))</p>\n", "</div>\n")
        case "swagger-response":
            node.wrap("<div class=\"rs-api-response\">\n<p>Response <code>\(esc(args["status"] ?? ""))</code> \(esc(args["description"] ?? ""))</p>\n",
                      "</div>\n")
        default:
            OpenAPIBlock.card(node, d)
        }
    }
}
