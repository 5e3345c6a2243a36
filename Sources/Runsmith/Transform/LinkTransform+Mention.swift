/// GitBook's mentions, `<a data-mention href="setup.md">setup.md</a>` and `[setup.md](setup.md "mention")`:
/// GitBook shows the linked page's title there, so the link's text becomes that title (the URL is
/// resolved like any other, and the "mention" title is no tooltip).
extension LinkTransform {
    /// The page a link written in `file` names, from the site index; nil for URLs and missing pages.
    func targetPage(_ url: String, from file: String) -> SiteIndex.Page? {
        guard LinkResolver.scheme(of: url) == nil,
              let target = RelativePath.resolve(LinkResolver.splitFragment(url).0.removingPercentEncoding ?? url,
                                                from: RelativePath.directory(of: file)),
              let source = resolver.index.markdownFile(for: target) else { return nil }
        return resolver.index.pages[source]
    }

    /// Replaces the text between the mention's `<a …>` (`opening`) and its `</a>` by the target's title.
    func showTitle(of url: String, in opening: MarkdownNode, page: ParsedPage) {
        guard let title = targetPage(url, from: page.source.file(ofLine: opening.startLine))?.title, !title.isEmpty else { return }
        var inside: [MarkdownNode] = []
        var node = opening.next
        while let current = node, !(current.kind == .htmlInline && current.literal?.lowercased() == "</a>") {
            inside.append(current)
            node = current.next
        }
        guard let closing = node else { return }
        for child in inside { child.remove() }
        closing.insertBefore(.htmlInline(HTMLText.escape(title)))
    }

    /// `[text](url "mention")`: the link's text becomes the target's title.
    func showTitle(of url: String, inLink link: MarkdownNode, page: ParsedPage) {
        guard let title = targetPage(url, from: page.source.file(ofLine: link.startLine))?.title, !title.isEmpty else { return }
        while let child = link.firstChild { child.remove() }
        link.append(.htmlInline(HTMLText.escape(title)))
        link.title = nil
    }
}
