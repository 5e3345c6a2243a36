/// What the search index holds of a page: its text cut at its `##` and `###` headings, each part with
/// the heading's id and words (the part before the first heading has none). Read after the headings
/// have their ids and before code blocks become HTML, so a command in a code block is searchable.
struct SearchSections: PageTransform {
    /// How much of one part is kept (and indexed): enough for any section a reader would search.
    static let maxText = 10_000

    func apply(to page: ParsedPage) {
        let starts = Dictionary(page.headings.filter { $0.level <= 3 }.compactMap { h in h.node.map { ($0, h) } },
                                uniquingKeysWith: { first, _ in first })
        var sections = [SearchSection(anchor: nil, heading: nil, text: "")]
        for child in page.document.root.children {
            if let heading = starts[child] {
                sections.append(SearchSection(anchor: heading.id, heading: heading.text, text: ""))
            } else if sections[sections.count - 1].text.utf8.count < Self.maxText {
                let text = Self.text(of: child)
                if !text.isEmpty { sections[sections.count - 1].text += (sections[sections.count - 1].text.isEmpty ? "" : "\n") + text }
            }
        }
        page.searchSections = sections.filter { $0.heading != nil || !$0.text.isEmpty }
    }

    /// The words a reader sees in a block: its text, inline code, and the code of code blocks.
    static func text(of block: MarkdownNode) -> String {
        var parts: [String] = []
        for node in block.descendants() {
            switch node.kind {
            case .codeBlock: parts.append(node.literal ?? "")
            case .paragraph, .heading, .tableCell: parts.append(node.plainText)
            // A heading below `###`, or one inside a block: `HeadingTransform` made it a custom inline in a custom block.
            case .customInline where node.parent?.kind == .customBlock: parts.append(node.plainText)
            default: continue
            }
        }
        return parts.joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

/// One part of a page for the search index.
struct SearchSection: Codable, Sendable, Equatable {
    /// The heading's id; nil for the part before the first heading.
    var anchor: String?
    var heading: String?
    var text: String
}
