/// `{% if %}`/`{% unless %}` with `{% elsif %}`/`{% else %}`. Built for a tenant, the preprocessor keeps
/// only the branch that holds; built for no tenant (the docs site), every branch is shown, labelled
/// with its condition.
enum ConditionalBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = ["if": .block(parent: nil), "unless": .block(parent: nil), "elsif": .branch, "else": .branch]
    static let renders = ["if", "unless", "branch"]

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {
        guard d.name == "branch" else { return node.wrap("<div class=\"rs-conditional\">\n", "</div>\n") }
        let esc = HTMLText.escape
        let label: String
        switch d.tag.name {
        case "if": label = "Shown when <code>\(esc(d.tag.rest))</code>"
        case "unless": label = "Shown unless <code>\(esc(d.tag.rest))</code>"
        case "elsif": label = "Otherwise, when <code>\(esc(d.tag.rest))</code>"
        default: label = "Otherwise"
        }
        node.wrap("<div class=\"rs-branch\" data-condition=\"\(esc(d.tag.rest))\">\n<p class=\"rs-branch-label\">\(label)</p>\n", "</div>\n")
    }
}
