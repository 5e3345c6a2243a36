/// `{% prompt %}`: a prompt for GitBook's assistant, shown as a marked box.
enum PromptBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = ["prompt": .optionalBlock]

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {
        node.wrap("<div class=\"rs-prompt\">\n", "</div>\n")
    }
}
