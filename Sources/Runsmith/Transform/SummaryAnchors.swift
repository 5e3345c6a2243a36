/// GitBook gives each expandable block (`<details><summary>Title</summary>…`) an anchor made from its
/// summary, like a heading's, and its exports link to it (`page.md#what-does-tint-do`): the `<summary>`
/// gets that id, and the theme's script opens the block a link lands in.
extension HeadingTransform {
    func anchorSummaries(in node: MarkdownNode, registry: inout SlugRegistry, page: ParsedPage) {
        guard let html = node.literal else { return }
        var out = "", rest = html[...], changed = false
        while let open = rest.range(of: "<summary", options: .caseInsensitive),
              let tagEnd = rest[open.upperBound...].firstIndex(of: ">"),
              let close = rest.range(of: "</summary>", options: .caseInsensitive, range: tagEnd..<rest.endIndex) {
            out += rest[..<open.upperBound]
            let after = rest[open.upperBound...].first
            let slug = preset.slug(Self.text(ofHTML: String(rest[rest.index(after: tagEnd)..<close.lowerBound])))
            // `<summary>` itself (not `<summaryx>`), without an id of its own, with text to make one from.
            if after == ">" || after == " " || after == "\n", RawHTML.ids(in: String(rest[open.lowerBound...tagEnd])).isEmpty, !slug.isEmpty {
                let id = registry.unique(slug)
                page.anchors.insert(id)
                // Prefixed like the headings' ids in a runbook step, so that two steps never share one.
                out += " id=\"\(HTMLText.escape(idPrefix + id))\""
                changed = true
            }
            out += rest[open.upperBound..<close.upperBound]
            rest = rest[close.upperBound...]
        }
        if changed { node.literal = out + rest }
    }

    /// The text of a piece of HTML: tags left out, entities decoded.
    static func text(ofHTML html: String) -> String {
        HTMLFragment.events(html).reduce(into: "") { text, event in
            if case .text(let t) = event { text += t }
        }.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
