import Foundation

/// GitBook's `SUMMARY.md`: the navigation tree, read with cmark (lists of links, `## group` headings).
public struct Summary: Sendable {
    public struct Entry: Sendable {
        public var title: String
        /// Root-relative markdown file, when the entry links to a page of the tree.
        public var page: String?
        /// An external or cross-space URL, when it links outside the tree.
        public var url: String?
        public var tooltip: String?
        public var location: SourceLocation
        public var children: [Entry] = []
    }

    public struct Group: Sendable {
        public var title: String?
        public var entries: [Entry] = []
    }

    public var groups: [Group] = []

    /// Every linked page, in reading order.
    public var pages: [String] {
        var result: [String] = []
        func walk(_ e: Entry) { if let p = e.page { result.append(p) }; e.children.forEach(walk) }
        groups.forEach { $0.entries.forEach(walk) }
        return result
    }

    /// Parses SUMMARY.md at `path`; `resolve` maps a link (relative to the summary) to a markdown file of the tree.
    public static func parse(_ bytes: [UInt8], path: String, resolve: (String) -> String?) -> (Summary, [Diagnostic]) {
        var summary = Summary()
        var diagnostics: [Diagnostic] = []
        let doc = MarkdownDocument(bytes: bytes)
        var group = Group(title: nil)
        func entries(of list: MarkdownNode) -> [Entry] {
            list.children.compactMap { item -> Entry? in
                let location = SourceLocation(path: path, line: item.startLine, column: item.startColumn)
                var entry = Entry(title: "", page: nil, url: nil, tooltip: nil, location: location)
                for block in item.children {
                    if block.kind == .paragraph {
                        if let link = block.children.first(where: { $0.kind == .link }) {
                            entry.title = link.plainText
                            entry.tooltip = link.title.flatMap { $0.isEmpty ? nil : $0 }
                            let url = link.url ?? ""
                            let at = SourceLocation(path: path, line: link.startLine, column: link.startColumn)
                            if LinkResolver.scheme(of: url) != nil {
                                entry.url = url
                            } else if let file = resolve(LinkResolver.splitFragment(url).0.removingPercentEncoding ?? url) {
                                entry.page = file
                            } else {
                                diagnostics.append(.error(.brokenLink, "\(path) links to '\(url)', which does not exist", at: at))
                            }
                        } else {
                            entry.title = block.plainText
                        }
                    } else if block.kind == .list {
                        entry.children += entries(of: block)
                    }
                }
                return entry
            }
        }
        for block in doc.root.children {
            switch block.kind {
            case .heading where block.headingLevel >= 2:
                if group.title != nil || !group.entries.isEmpty { summary.groups.append(group) }
                group = Group(title: block.plainText)
            case .list:
                group.entries += entries(of: block)
            default:
                continue
            }
        }
        if group.title != nil || !group.entries.isEmpty { summary.groups.append(group) }
        // Nodes are only valid while their document lives; optimized builds may end it at its last use.
        withExtendedLifetime(doc) {}
        return (summary, diagnostics)
    }
}
