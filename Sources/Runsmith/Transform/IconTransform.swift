/// GitBook writes an icon as `<i class="fa-gear">:gear:</i>` and shows only the icon. cmark cuts that into
/// the tag, a text node and the end tag: the nodes between the two tags go, so that `:gear:` is neither
/// shown nor part of a heading's id. The element itself stays, empty (`HTMLSanitizer` marks it
/// `aria-hidden`): a theme that loads Font Awesome draws it from its class, and without one it is nothing.
/// Runs before `HeadingTransform` in every profile (runbooks sanitize only later, after their cut).
public struct IconTransform: PageTransform {
    public init() {}

    public func apply(to page: ParsedPage) {
        var parents: [MarkdownNode] = [], seen: Set<MarkdownNode> = []
        for node in page.document.root.descendants() where node.kind == .htmlInline {
            if let parent = node.parent, seen.insert(parent).inserted { parents.append(parent) }
        }
        // Innermost first: a parent's pass may free an emphasis between an icon's tags, never one still to come.
        for parent in parents.reversed() { removeIconText(in: parent) }
    }

    /// One pass over the children, pairing `<i …>` with `</i>` on a stack: linear, however many are unclosed.
    private func removeIconText(in parent: MarkdownNode) {
        var opened: [(node: MarkdownNode, icon: Bool)] = []
        var child = parent.firstChild
        while let node = child {
            child = node.next
            guard node.kind == .htmlInline, let html = node.literal, let tag = Self.italicTag(html) else { continue }
            if tag.closes {
                guard let start = opened.popLast() else { continue }
                if start.icon { while let inside = start.node.next, inside != node { inside.remove() } }
            } else {
                opened.append((node, tag.icon))
            }
        }
    }

    /// Font Awesome's classes, as GitBook writes them: `fa-gear`, `fa-solid fa-x`, `fas fa-x`.
    static func isIcon(_ attributes: [HTMLFragment.Attribute]) -> Bool {
        guard let classes = attributes.first(where: { $0.name.lowercased() == "class" })?.value else { return false }
        return classes.split(whereSeparator: \.isWhitespace).contains { name in
            name.hasPrefix("fa-") || ["fa", "fas", "far", "fab", "fal", "fad", "fat", "fak"].contains(name)
        }
    }

    /// `<i …>` (an icon or not) or `</i>`; nil for any other tag.
    private static func italicTag(_ html: String) -> (closes: Bool, icon: Bool)? {
        let closes = html.hasPrefix("</")
        let name = html.utf8.dropFirst(closes ? 2 : 1)
        guard let first = name.first, first | 0x20 == UInt8(ascii: "i"), let after = name.dropFirst().first,
              after == UInt8(ascii: ">") || after == UInt8(ascii: "/") || after == 0x20 || after == 0x0A || after == 0x09 else { return nil }
        if closes { return (true, false) }
        guard case .start("i", let attributes, _)? = HTMLFragment.events(html).first else { return nil }
        return (false, isIcon(attributes))
    }
}
