/// `{% include "file.md" %}`: expanded by the preprocessor; nothing is left of it to render.
enum IncludeBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = ["include": .standalone]
    static let renders: [String] = []

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {}
}
