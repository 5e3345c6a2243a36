/// What the search index holds of a page: its text cut at its `##` and `###` headings, each part with
/// the heading's id and words (the part before the first heading has none). Read after the headings
/// have their ids and before code blocks become HTML, so a command in a code block is searchable.
struct SearchSections: PageTransform {
    /// How much of one part is kept (and indexed): enough for any section a reader would search.
    static let maxText = 10_000

    func apply(to page: ParsedPage) {
        let starts = Dictionary(page.headings.filter { $0.level <= 3 }.compactMap { h in h.node.map { ($0, h) } },
                                uniquingKeysWith: { first, _ in first })
        // Each part's blocks are joined once, into a string of their size: a string grown block by block
        // keeps up to twice its bytes, and every page's parts stay until the site's search index is made.
        var sections = [SearchSection(anchor: nil, heading: nil, text: "")]
        var blocks: [String] = [], size = 0
        func close() {
            var text = ""
            text.reserveCapacity(size)
            for (i, block) in blocks.enumerated() {
                if i > 0 { text += "\n" }
                text += block
            }
            sections[sections.count - 1].text = text
            blocks = []
            size = 0
        }
        for child in page.document.root.children {
            if let heading = starts[child] {
                close()
                sections.append(SearchSection(anchor: heading.id, heading: heading.text, text: ""))
            } else if size < Self.maxText {
                let text = Self.text(of: child, in: page.document)
                if !text.isEmpty {
                    size += (blocks.isEmpty ? 0 : 1) + text.utf8.count
                    blocks.append(text)
                }
            }
        }
        close()
        page.searchSections = sections.filter { $0.heading != nil || !$0.text.isEmpty }
    }

    /// The words a reader sees in a block, by cmark's plain-text renderer: text, inline code, code
    /// blocks, lists and tables. That renderer writes a directive's children with no break between
    /// them, so a directive's block is opened here and each child rendered apart; a heading in it
    /// (`HeadingTransform` made it a custom inline) gives its words. A loop, not recursion.
    static func text(of block: MarkdownNode, in document: MarkdownDocument) -> String {
        var parts: [String] = []
        var stack = [block]
        while let node = stack.popLast() {
            switch node.kind {
            case .customBlock:
                var child = node.lastChild
                while let c = child { stack.append(c); child = c.previous }
            case .customInline:
                parts.append(node.plainText)
            case .htmlBlock:
                continue
            default:
                parts.append(String(decoding: document.renderPlainText(of: node), as: UTF8.self))
            }
        }
        return trimmed(parts.joined(separator: " "))
    }

    /// Without the spaces and line breaks at either end (Foundation's trimming bridges to NSString:
    /// once per block, that cost more than rendering the block).
    static func trimmed(_ text: String) -> String {
        let utf8 = text.utf8
        let isSpace = { (b: UInt8) in b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(text[first...last])
    }
}

/// One part of a page for the search index.
struct SearchSection: Codable, Sendable, Equatable {
    /// The heading's id; nil for the part before the first heading.
    var anchor: String?
    var heading: String?
    var text: String
}
