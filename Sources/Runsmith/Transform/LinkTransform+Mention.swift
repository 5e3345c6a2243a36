/// GitBook's mentions, `<a data-mention href="setup.md">setup.md</a>` and `[setup.md](setup.md "mention")`:
/// GitBook shows the linked page's title there, so the link's text becomes that title (the URL is
/// resolved like any other, and the "mention" title is no tooltip). Content-ref cards show it too.
extension LinkTransform {
    /// Replaces the text between the mention's `<a …>` (`opening`) and its `</a>` by the target's title.
    func showTitle(of url: String, in opening: MarkdownNode, page: ParsedPage) {
        var inside: [MarkdownNode] = []
        var node = opening.next
        while let current = node, !(current.kind == .htmlInline && current.literal?.lowercased() == "</a>") {
            inside.append(current)
            node = current.next
        }
        guard let closing = node else { return }
        let file = page.source.file(ofLine: opening.startLine)
        if let slots {
            opening.insertAfter(.htmlInline(LinkSlots.textStart(slots.add(.init(url: url, file: file, kind: .mention)), key: slots.key)))
            closing.insertBefore(.htmlInline(LinkSlots.textEnd))
            return
        }
        guard let title = Self.mentionText(resolver?.targetPage(url, from: file)) else { return }
        for child in inside { child.remove() }
        closing.insertBefore(.htmlInline(title))
    }

    /// `[text](url "mention")`: the link's text becomes the target's title.
    func showTitle(of url: String, inLink link: MarkdownNode, page: ParsedPage) {
        link.title = nil
        let file = page.source.file(ofLine: link.startLine)
        if let slots {
            link.prepend(.htmlInline(LinkSlots.textStart(slots.add(.init(url: url, file: file, kind: .mention)), key: slots.key)))
            link.append(.htmlInline(LinkSlots.textEnd))
            return
        }
        guard let title = Self.mentionText(resolver?.targetPage(url, from: file)) else { return }
        while let child = link.firstChild { child.remove() }
        link.append(.htmlInline(title))
    }

    /// What a mention shows: the target's title, escaped; nil keeps the link's own text.
    static func mentionText(_ target: SiteIndex.Page?) -> String? {
        guard let title = target?.title, !title.isEmpty else { return nil }
        return HTMLText.escape(title)
    }

    /// What a content-ref card shows: the target's title (its URL when there is none) and description.
    static func cardText(_ target: SiteIndex.Page?, url: String) -> String {
        let esc = HTMLText.escape
        let description = target?.description.map { "<span class=\"rs-card-description\">\(esc($0))</span>" } ?? ""
        return "<span class=\"rs-card-title\">\(esc(target?.title ?? url))</span>" + description
    }
}

extension LinkResolver {
    /// The page a link written in `file` names, from the site index; nil for URLs and missing pages.
    func targetPage(_ url: String, from file: String) -> SiteIndex.Page? {
        guard LinkResolver.scheme(of: url) == nil,
              let target = RelativePath.resolve(LinkResolver.splitFragment(url).0.removingPercentEncoding ?? url,
                                                from: RelativePath.directory(of: file)),
              let source = index.markdownFile(for: target) else { return nil }
        return index.pages[source]
    }

    /// Whether what `url` resolves to depends on the site index: everything but empty URLs, GitBook's
    /// `broken-reference`, scheme URLs (other than links into GitBook spaces) and `//host` URLs.
    static func needsIndex(_ url: String) -> Bool {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed == "broken-reference" || trimmed.hasPrefix("broken-reference#") || trimmed.hasPrefix("//") { return false }
        if GitBookSpaceLink(trimmed) != nil { return true }
        return scheme(of: trimmed) == nil
    }
}
