/// One kind of block of our syntax: a GitBook tag family (`{% tabs %}`/`{% tab %}`), or what a
/// Docusaurus admonition or MDX component becomes. It says which Liquid tags it is written with and how
/// they nest (the preprocessor's `DirectiveCatalog`), and writes the HTML around its content, once the
/// `DirectiveTransform` has moved that content into one custom node. Class names are `rs-*`; the theme's
/// CSS styles them (and makes tabs work without JavaScript).
///
/// Adding a block is one file with a type conforming to this, listed in `DirectiveBlocks.all`.
protocol DirectiveBlock {
    /// Liquid tag name → how it nests. Empty for blocks only other syntaxes write (`:::note`).
    static var tags: [String: DirectiveShape] { get }
    /// The directive names it renders: its tags, or the preprocessor's names for the other syntaxes
    /// (`admonition`, `component`, `branch`).
    static var renders: [String] { get }
    /// Sets the HTML around `node` (`node.setCustom`), the directive's content; reports its problems on the page.
    static func render(_ node: MarkdownNode, _ directive: DirectiveInstance, index: Int, page: ParsedPage)
    /// For a block that called `page.linkLater`: its HTML, now that `links` resolves URLs (`LinkTransform`).
    static func link(_ node: MarkdownNode, _ directive: DirectiveInstance, index: Int, page: ParsedPage, links: BlockLinks)
}

extension DirectiveBlock {
    static var renders: [String] { Array(tags.keys) }
    static func link(_ node: MarkdownNode, _ directive: DirectiveInstance, index: Int, page: ParsedPage, links: BlockLinks) {}
}

/// What a block whose HTML shows a link gets from `LinkTransform`.
struct BlockLinks {
    /// The URL as the output links it (the problem, if any, reported at the directive).
    let resolve: (_ url: String, _ kind: LinkResolver.Kind) -> String?
    /// The linked page's title (its URL when it has none) and description, as HTML (a slot when the
    /// site index does not exist yet).
    let cardText: (_ url: String) -> String
}

/// Every block there is.
enum DirectiveBlocks {
    static let all: [any DirectiveBlock.Type] = [
        HintBlock.self, AdmonitionBlock.self, ComponentBlock.self, TabsBlock.self, StepperBlock.self, CodeTagBlock.self,
        ColumnsBlock.self, ContentRefBlock.self, FileBlock.self, EmbedBlock.self, ConditionalBlock.self, UpdatesBlock.self,
        PromptBlock.self, OpenAPIBlock.self, SwaggerBlock.self, IncludeBlock.self,
    ]

    /// Directive name → the block that renders it.
    static let byName: [String: any DirectiveBlock.Type] = {
        var byName: [String: any DirectiveBlock.Type] = [:]
        for block in all { for name in block.renders { byName[name] = block } }
        return byName
    }()

    /// Liquid tag → shape, for the preprocessor.
    static let shapes: [String: DirectiveShape] = {
        var shapes: [String: DirectiveShape] = [:]
        for block in all { shapes.merge(block.tags) { first, _ in first } }
        return shapes
    }()

    /// Sets the HTML of the directive `index` around `node`.
    static func render(_ node: MarkdownNode, directive index: Int, page: ParsedPage) {
        let d = page.source.directives[index]
        if d.role == .standalone, DirectiveCatalog.shapes[d.name].map({ if case .block = $0 { return true } else { return false } }) == true {
            return  // an unclosed block, already reported: keep its content, add no wrapper
        }
        byName[d.name]?.render(node, d, index: index, page: page)
    }
}

extension MarkdownNode {
    /// The HTML before and after a block's content.
    func wrap(_ enter: String, _ exit: String) { setCustom(onEnter: enter, onExit: exit) }
}
