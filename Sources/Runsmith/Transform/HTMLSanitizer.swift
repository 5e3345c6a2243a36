/// Raw HTML from pages through `HTMLAllowlist`, and every link and image URL checked for schemes that
/// run code. What is removed is reported as a warning at the tag.
///
/// Each piece of HTML is parsed by libxml2 (`HTMLFragment`) and written out again from what was
/// parsed: allowed tags with allowed attributes, double-quoted and escaped, and escaped text. What
/// reaches a browser is therefore exactly what was checked, however oddly the source was written.
/// Comments are left out: they are notes for writers, and an unclosed one would hide the rest of the page.
///
/// Pieces need not balance (`<details>` in one block, `</details>` in another), but a page's HTML may
/// not reach outside the markdown container it is written in (the page, a list item, a quote, a hint,
/// a table cell): an end tag closes only what HTML in the same container opened (a stray `</div>`
/// would close the hint's or the theme's own), and what is still open at the container's end is
/// closed there.
///
/// Only nodes parsed from the page are read; HTML that transforms made has no source position.
public struct HTMLSanitizer: PageTransform {
    public init() {}

    public func apply(to page: ParsedPage) {
        let reported = page.diagnostics.count
        defer { Self.collapseRepeats(page, from: reported) }
        var scopes: [MarkdownNode: Scope] = [:]
        var containers: [MarkdownNode] = []
        let root = page.document.root
        // A walk that reads the tree as it changes: nodes are removed and links unwrapped on the way.
        var cursor = root.firstChild
        func following(_ node: MarkdownNode) -> MarkdownNode? {
            var current = node
            while current != root {
                if let next = current.next { return next }
                guard let parent = current.parent else { return nil }
                current = parent
            }
            return nil
        }
        while let node = cursor {
            switch node.kind {
            case .link, .image:
                if let scheme = node.url.flatMap(HTMLAllowlist.unsafeScheme) {
                    // Its text is read next, where it now stands.
                    cursor = node.firstChild ?? following(node)
                    removeUnsafeURL(node, scheme: scheme, page: page)
                    continue
                }
            case .htmlBlock, .htmlInline:
                guard node.startLine > 0, node.markerIndex == nil, let html = node.literal else { break }
                let container = Self.container(of: node)
                // Taken out while the piece works on it, so that it is not copied for every piece.
                if scopes[container] == nil { containers.append(container) }
                var piece = Piece(html: html, node: node, page: page, scope: scopes.removeValue(forKey: container) ?? Scope())
                let cleaned = piece.clean()
                // Inline, a `<script>` and its `</script>` are pieces of their own: what stands between them goes too.
                var sibling = node.kind == .htmlInline ? node.next : nil
                while !piece.skipping.isEmpty, let next = sibling {
                    sibling = next.next
                    guard next.kind == .htmlInline, next.startLine > 0, let html = next.literal else { next.remove(); continue }
                    piece = Piece(html: html, node: next, page: page, scope: piece.scope, skipping: piece.skipping)
                    replace(next, with: piece.clean())
                }
                scopes[container] = piece.scope
                let parent = node.parent
                cursor = following(node)
                // A paragraph left with nothing to show goes too (rather than an empty `<p></p>`).
                if replace(node, with: cleaned), let parent, parent.kind == .paragraph, Self.isBlank(parent) {
                    cursor = following(parent)
                    parent.remove()
                }
                continue
            default:
                break
            }
            cursor = node.firstChild ?? following(node)
        }
        for container in containers { closeUnclosed(scopes[container]!, in: container, page: page) }
    }

    /// A comment alone, or a tag that was removed, leaves nothing to render: true when the node went.
    @discardableResult private func replace(_ node: MarkdownNode, with cleaned: String) -> Bool {
        if cleaned.allSatisfy(\.isWhitespace) {
            node.remove()
            return true
        }
        if cleaned != node.literal { node.literal = cleaned }
        return false
    }

    private static func isBlank(_ paragraph: MarkdownNode) -> Bool {
        paragraph.children.allSatisfy { child in
            child.kind == .softBreak || child.kind == .lineBreak || (child.kind == .text && (child.literal ?? "").allSatisfy(\.isWhitespace))
        }
    }

    /// The same removal many times on one page is reported five times, the last with a count: a page of
    /// 100,000 stray `</div>` does not print 100,000 warnings.
    static func collapseRepeats(_ page: ParsedPage, from start: Int, keeping limit: Int = 5) {
        guard page.diagnostics.count - start > limit else { return }
        var last: [String: Int] = [:], counts: [String: Int] = [:]
        var kept: [Diagnostic] = []
        for d in page.diagnostics[start...] {
            let key = d.code.rawValue + "|" + d.message
            counts[key, default: 0] += 1
            if counts[key]! <= limit {
                last[key] = kept.count
                kept.append(d)
            }
        }
        for (key, index) in last where counts[key]! > limit {
            kept[index].note = [kept[index].note, "and \(counts[key]! - limit) more like it on this page"].compactMap { $0 }.joined(separator: "; ")
        }
        page.diagnostics.replaceSubrange(start..., with: kept)
    }

    /// The markdown node whose end a browser would close leftover HTML at.
    static func container(of node: MarkdownNode) -> MarkdownNode {
        var current = node.parent
        while let n = current {
            switch n.kind {
            case .document, .blockQuote, .item, .customBlock, .tableCell, .footnoteDefinition: return n
            default: current = n.parent
            }
        }
        return node
    }

    /// A markdown link or image whose URL would run code (`javascript:`) or carry a document of its own
    /// (`data:`): the link becomes its text, the image its alt text.
    private func removeUnsafeURL(_ node: MarkdownNode, scheme: String, page: ParsedPage) {
        let what = node.kind == .link ? "link to a '\(scheme):' URL is removed; its text is kept"
                                      : "image with a '\(scheme):' URL is removed; its alt text is kept"
        page.report(.warning, .unsafeUrl, what, at: node)
        node.unwrap()
    }

    private func closeUnclosed(_ scope: Scope, in container: MarkdownNode, page: ParsedPage) {
        var closers = ""
        // Elements opened by one piece stand together: its locator serves them all.
        var locator: TagLocator?
        for element in scope.open.reversed() {
            if !HTMLAllowlist.optionalEnd.contains(element.name) {
                if locator.map({ $0.line != element.line || $0.column != element.column }) ?? true {
                    locator = TagLocator(html: element.html, line: element.line, column: element.column)
                }
                let (location, chain) = locator!.origin(element.offset, tag: element.name, in: page)
                page.diagnostics.append(Diagnostic(.warning, .unbalancedHtml,
                                                   "<\(element.name)> is never closed: it is closed at the end of the \(Self.noun(container))",
                                                   at: location, includeChain: chain))
            }
            if element.name != "p" { closers += "</\(element.name)>" }
        }
        guard !closers.isEmpty else { return }
        if container.kind == .tableCell { container.append(.htmlInline(closers)); return }
        // cmark renders footnote definitions last, inside its own `<section>`: the page's HTML ends before them.
        let closing = MarkdownNode.htmlBlock(closers + "\n")
        if let footnote = container.children.first(where: { $0.kind == .footnoteDefinition }) { footnote.insertBefore(closing) }
        else { container.append(closing) }
    }

    private static func noun(_ container: MarkdownNode) -> String {
        switch container.kind {
        case .blockQuote: return "block quote"
        case .item: return "list item"
        case .customBlock: return "block (hint, tab or other GitBook block)"
        case .tableCell: return "table cell"
        case .footnoteDefinition: return "footnote"
        default: return "page"
        }
    }

    /// Elements that HTML in one container opened and did not close yet.
    struct Scope {
        /// Where it was opened is kept as the piece and offset, and worked out only if it is never closed.
        struct Element {
            var name: String
            var html: String
            var line: Int, column: Int
            var offset: Int
        }
        var open: [Element] = []
    }
}
