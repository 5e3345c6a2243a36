import Foundation

/// Gives every heading an id (explicit `<a id>` kept, then the slug preset, duplicates numbered, and
/// the preset's alias as an empty anchor when it differs), collects the page's anchors and table of
/// contents, and lifts a leading `# Title` out of the body.
public struct HeadingTransform: PageTransform {
    public var preset: SlugPreset
    /// Pages lift the leading `# Title` into the template; fragments (`runsmith render`) keep it.
    public var liftsTitle: Bool
    /// Runbooks move a page's headings down under their step (`+1`: `##` is written as `<h3>`)…
    public var levelShift: Int
    /// …and prefix their ids (`s2-`), so that steps from different pages never share one.
    public var idPrefix: String
    public init(preset: SlugPreset, liftsTitle: Bool = true, levelShift: Int = 0, idPrefix: String = "") {
        self.preset = preset
        self.liftsTitle = liftsTitle
        self.levelShift = levelShift
        self.idPrefix = idPrefix
    }

    public func apply(to page: ParsedPage) {
        var registry = SlugRegistry()
        let nodes = page.document.root.descendants()
        // Explicit ids first, so generated slugs never collide with them.
        for node in nodes where node.kind == .htmlInline || node.kind == .htmlBlock {
            for id in RawHTML.ids(in: node.literal ?? "") {
                if !page.anchors.insert(id).inserted {
                    page.report(.warning, .duplicateId, "id '\(id)' is used twice on this page: links to it reach the first", at: node)
                }
                registry.reserve(id)
            }
        }
        // Ids first, for every heading, so that an alias never takes an id a later heading has; GitBook's
        // expandable blocks get theirs in the same order.
        var headings: [(node: MarkdownNode, id: String, generated: Bool, text: String)] = []
        // Chosen before any change: taking a heading's explicit anchor frees nodes of `nodes`.
        let summaries = preset == .gitbook
        let named = nodes.filter { node in
            node.kind == .heading || (summaries && (node.kind == .htmlBlock || node.kind == .htmlInline) && node.literalContains("<summary"))
        }
        for node in named {
            if node.kind == .heading {
                let custom = customID(in: node) ?? explicitAnchor(in: node)
                let text = node.plainText.trimmingBlankEnds
                headings.append((node, custom ?? registry.unique(preset.slug(text)), custom == nil, text))
            } else {
                anchorSummaries(in: node, registry: &registry, page: page)
            }
        }
        for heading in headings { page.anchors.insert(heading.id) }
        var aliases = SlugRegistry()
        var first = true
        for (node, id, generated, text) in headings {
            let level = node.headingLevel
            if liftsTitle, first, level == 1, node.parent?.kind == .document, node.previous == nil {
                page.title = text
                page.titleID = id
                node.remove()
                first = false
                continue
            }
            first = false
            // The id an earlier rule gave this heading, kept as an empty anchor for links written under it.
            var alias: String? = nil
            if generated, let legacy = preset.alias, case let candidate = aliases.unique(legacy.slug(text)),
               page.anchors.insert(candidate).inserted {
                alias = candidate
            }
            let location = page.origin(of: node).location
            let block = replace(node, level: min(6, max(1, level + levelShift)), id: idPrefix + id, alias: alias.map { idPrefix + $0 })
            page.headings.append(.init(level: level, id: id, text: text, node: block, location: location))
        }
    }

    /// Docusaurus' `## Title {#custom-id}`: the id is taken and the braces removed from the text.
    private func customID(in heading: MarkdownNode) -> String? {
        guard let last = heading.lastChild, last.kind == .text, let text = last.literal,
              text.hasSuffix("}"), let open = text.range(of: "{#", options: .backwards) else { return nil }
        let id = String(text[open.upperBound...].dropLast())
        guard !id.isEmpty, !id.contains(" ") else { return nil }
        last.literal = String(text[..<open.lowerBound].reversed().drop { $0 == " " }.reversed())
        return id
    }

    /// GitBook writes a heading's anchor into it: `## Title <a href="#x" id="x"></a>`. That id becomes the
    /// heading's own (so it is not repeated on the page) and the empty anchor element goes.
    private func explicitAnchor(in heading: MarkdownNode) -> String? {
        for child in heading.children where child.kind == .htmlInline {
            guard let html = child.literal, html.lowercased().hasPrefix("<a"), let id = RawHTML.ids(in: html).first,
                  let close = child.next, close.kind == .htmlInline, close.literal?.lowercased() == "</a>" else { continue }
            if let before = child.previous, before.kind == .text, let t = before.literal {
                before.literal = String(t.reversed().drop { $0 == " " }.reversed())
            }
            close.remove()
            child.remove()
            return id
        }
        return nil
    }

    /// `<hN id="…">…<a class="rs-anchor" href="#…">#</a></hN>`, made from a custom inline inside an
    /// empty custom block so cmark's renderer writes exactly that (no extra newlines).
    @discardableResult
    private func replace(_ heading: MarkdownNode, level: Int, id: String, alias: String?) -> MarkdownNode {
        let block = MarkdownNode.custom(block: true, onEnter: "", onExit: "")
        let aliasAnchor = alias.map { "<a id=\"\(HTMLText.escape($0))\"></a>" } ?? ""
        let inline = MarkdownNode.custom(
            block: false, onEnter: "<h\(level) id=\"\(HTMLText.escape(id))\">" + aliasAnchor,
            onExit: "<a class=\"rs-anchor\" href=\"#\(HTMLText.escape(HTMLText.encodeURL(id)))\" aria-label=\"Link to this section\"></a></h\(level)>")
        heading.moveChildren(to: inline)
        block.append(inline)
        heading.insertBefore(block)
        heading.remove()
        return block
    }
}
