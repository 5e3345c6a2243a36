/// Before cmark's plain-text renderer (`runsmith diff`), which writes neither a custom node's HTML nor a
/// line break around it: each directive's block gives way to its content, and a block that holds words
/// (a heading made into `<hN id>` by `HeadingTransform`) becomes a paragraph of them.
struct PlainTextBlocks: PageTransform {
    func apply(to page: ParsedPage) {
        // Innermost first: a heading's custom inline is gone before its block is looked at.
        for node in page.document.root.descendants().reversed() {
            switch node.kind {
            case .customInline:
                node.unwrap()
            case .customBlock where node.children.contains(where: \.isInline):
                let paragraph = MarkdownNode.paragraph()
                node.moveChildren(to: paragraph)
                node.insertBefore(paragraph)
                node.remove()
            case .customBlock:
                node.unwrap()
            default:
                continue
            }
        }
    }
}
