/// Turns the preprocessor's marker blocks back into structure: the nodes between an opener's and its
/// closer's markers move into one custom block whose HTML its `DirectiveBlock` writes. Markers that landed
/// inside code are restored to the tag text as written.
public struct DirectiveTransform: PageTransform {
    public init() {}

    public func apply(to page: ParsedPage) {
        if !page.source.directives.isEmpty {
            restructure(page.document.root, page: page)
            restoreMarkersInCode(page)
        }
        reportInlineTags(page)
    }

    /// A tag in the middle of a paragraph is not a directive (tags own their line); left alone it would
    /// show raw `{% … %}` to readers, so it is an error. Code spans and blocks are exempt.
    private func reportInlineTags(_ page: ParsedPage) {
        for node in page.document.root.descendants() where node.kind == .text && node.literalContains("{%") {
            guard !page.source.literalLines.contains(node.startLine), let text = node.literal, let open = text.range(of: "{%"),
                  text[open.upperBound...].contains("%}") else { continue }
            var (location, chain) = page.origin(of: node)
            location.column += text.utf8.distance(from: text.startIndex, to: open.lowerBound)
            page.diagnostics.append(.error(.inlineTag, "GitBook tag inside a line of text is not processed", at: location,
                                           includeChain: chain,
                                           note: "put the tag on a line of its own, or in `code` to show it literally"))
        }
    }

    /// One pass over every block's children with a stack of open containers, so that 10,000 nested hints
    /// cost 10,000 moves rather than a move of every later sibling at every level, and no recursion as
    /// deep as the nesting. An open container stays out of the tree until it closes: cmark checks every
    /// append against the target's ancestors, which would make deep nesting quadratic again.
    private func restructure(_ root: MarkdownNode, page: ParsedPage) {
        var blocks = [root]
        // Containers in the order they were made: each after every container that encloses it.
        var made: [(container: MarkdownNode, directive: Int)] = []
        while let block = blocks.popLast() {
            // `anchor`: where an outermost container goes, its opening marker (still in the tree).
            var open: [(container: MarkdownNode, directive: Int, anchor: MarkdownNode?)] = []
            func place(_ node: MarkdownNode, before anchor: MarkdownNode) {
                if let top = open.last { top.container.append(node) } else { anchor.insertBefore(node) }
            }
            func close() {
                let done = open.removeLast()
                if let anchor = done.anchor {
                    anchor.insertBefore(done.container)
                    anchor.remove()
                } else {
                    open[open.count - 1].container.append(done.container)
                }
            }
            var child = block.firstChild
            while let node = child {
                child = node.next
                guard node.kind == .htmlBlock, let index = node.markerIndex else {
                    if let top = open.last {
                        node.unlink()
                        top.container.append(node)
                    }
                    if node.firstChild != nil { blocks.append(node) }
                    continue
                }
                switch page.source.directives[index].role {
                case .open:
                    let container = MarkdownNode.custom(block: true, onEnter: "", onExit: "")
                    open.append((container, index, open.isEmpty ? node : nil))
                    made.append((container, index))
                    if open.count == 1 { continue }  // the marker stays as the anchor until the close
                case .standalone:
                    let container = MarkdownNode.custom(block: true, onEnter: "", onExit: "")
                    place(container, before: node)
                    made.append((container, index))
                case .close:
                    // The innermost opener's closer ends it; any other closer was reported with its opener
                    // (in another block, or left open by a crossed block inside this one) and is dropped.
                    if let top = open.last, page.source.directives[top.directive].partner == index { close() }
                }
                node.remove()
            }
            while let unclosed = open.last {
                if page.source.directives[unclosed.directive].partner != nil {
                    let name = page.source.directives[unclosed.directive].displayName
                    page.report(.error, .crossedBlock,
                                "\(name) and its closing tag are in different markdown blocks (list item, quote, table)",
                                directive: unclosed.directive, note: "indent the opening and closing tags the same way")
                }
                close()
            }
        }
        // Inner directives first: a tab set's HTML reads its tabs, a stepper its steps.
        for (container, index) in made.reversed() { DirectiveBlocks.render(container, directive: index, page: page) }
    }

    /// A `{%` line inside an indented code block became a marker: put the original text back.
    private func restoreMarkersInCode(_ page: ParsedPage) {
        for node in page.document.root.descendants() where node.kind == .codeBlock || node.kind == .htmlBlock {
            guard let literal = node.literal, literal.includes(PreprocessedPage.markerPrefix) else { continue }
            var lines: [Substring] = []
            for line in literal.split(separator: "\n", omittingEmptySubsequences: false) {
                if let i = PreprocessedPage.markerIndex(String(line)) {
                    let indent = line.prefix { $0 == " " }
                    lines.append(indent + page.source.directives[i].source)
                } else {
                    lines.append(line)
                }
            }
            node.literal = lines.joined(separator: "\n")
            if node.kind == .htmlBlock {
                page.report(.error, .directiveInHtml, "a GitBook tag sits inside a raw HTML block", at: node,
                            note: "leave a blank line between the HTML and the tag")
            }
        }
    }
}
