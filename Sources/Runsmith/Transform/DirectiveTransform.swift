/// Turns the preprocessor's marker blocks back into structure: the nodes between an opener's and its
/// closer's markers move into one custom block whose HTML `DirectiveHTML` writes. Markers that landed
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
            page.diagnostics.append(.error("inline-tag", "GitBook tag inside a line of text is not processed", at: location,
                                           includeChain: chain,
                                           note: "put the tag on a line of its own, or in `code` to show it literally"))
        }
    }

    private func restructure(_ parent: MarkdownNode, page: ParsedPage) {
        var child = parent.firstChild
        while let node = child {
            var next = node.next
            if node.kind == .htmlBlock, let literal = node.literal, let index = PreprocessedPage.markerIndex(literal) {
                let directive = page.source.directives[index]
                switch directive.role {
                case .open:
                    let container = MarkdownNode.custom(block: true, onEnter: "", onExit: "")
                    node.insertBefore(container)
                    var sibling = next
                    var closed = false
                    while let s = sibling {
                        let after = s.next
                        if s.kind == .htmlBlock, let l = s.literal, let i = PreprocessedPage.markerIndex(l),
                           i == directive.partner {
                            s.remove()
                            closed = true
                            sibling = after
                            break
                        }
                        s.unlink()
                        container.append(s)
                        sibling = after
                    }
                    if !closed, directive.partner != nil {
                        page.report(.error, "crossed-block",
                                    "'{% \(directive.name) %}' and its closing tag are in different markdown blocks (list item, quote, table)",
                                    directive: index, note: "indent the opening and closing tags the same way")
                    }
                    node.remove()
                    restructure(container, page: page)
                    DirectiveHTML.render(container, directive: index, page: page)
                    next = sibling
                case .standalone:
                    let container = MarkdownNode.custom(block: true, onEnter: "", onExit: "")
                    node.insertBefore(container)
                    node.remove()
                    DirectiveHTML.render(container, directive: index, page: page)
                case .close:
                    // A closer whose opener sat at another level was reported there; drop it.
                    node.remove()
                }
            } else if node.firstChild != nil {
                restructure(node, page: page)
            }
            child = next
        }
    }

    /// A `{%` line inside an indented code block became a marker: put the original text back.
    private func restoreMarkersInCode(_ page: ParsedPage) {
        for node in page.document.root.descendants() where node.kind == .codeBlock || node.kind == .htmlBlock {
            guard let literal = node.literal, literal.contains(PreprocessedPage.markerPrefix) else { continue }
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
                page.report(.error, "directive-in-html", "a GitBook tag sits inside a raw HTML block", at: node,
                            note: "leave a blank line between the HTML and the tag")
            }
        }
    }
}
