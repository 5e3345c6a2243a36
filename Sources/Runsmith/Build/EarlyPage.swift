/// A page rendered in the parse phase, before the site index exists, so that its cmark tree is freed
/// at once: ten thousand trees held until the last page was parsed took most of a build's memory.
/// Its links were resolved against the provisional index (every page with a route taken as built,
/// anchors unchecked), which gives the same URLs as the real index unless a link is broken. The render
/// phase resolves each again against the real index; when any comes out differently (a missing anchor,
/// a page that failed), the page is parsed again and rendered the usual way, so the output is the same.
struct EarlyPage: Sendable {
    var layout: PageLayout
    /// nil for a page whose output another part of a sharded build writes.
    var body: [UInt8]?
    var links: [LinkLog.Entry]
    /// The page's own problems so far; those of its links are added when they are checked.
    var diagnostics: [Diagnostic]

    init(layout: PageLayout, body: [UInt8]?, links: [LinkLog.Entry], diagnostics: [Diagnostic]) {
        self.layout = layout
        self.body = body
        self.links = links
        self.diagnostics = diagnostics
    }

    /// The page's link transforms and its body, or nil when it needs the real index to be rendered
    /// (a content-ref card shows its target's title).
    init?(_ page: ParsedPage, route: String, provisional resolver: LinkResolver, renderBody: Bool) {
        // Content-ref cards and GitBook mentions show their target's title, known once the index is.
        guard !page.pendingCards.contains(where: { $0.kind == .contentRef }), !Self.hasMentions(page.source.text) else { return nil }
        let log = LinkLog()
        LinkTransform(resolver: resolver, route: route, log: log).apply(to: page)
        CardsTableTransform().apply(to: page)
        layout = PageLayout(page)
        body = renderBody ? page.document.renderHTML() : nil
        links = log.entries
        diagnostics = page.diagnostics
    }

    /// The page's output (when it has a body), the pages and files it uses, and its problems; nil when
    /// a link resolves differently against `resolver` than it did against the provisional index.
    func finish(route: String, resolver: LinkResolver, renderer: PageRenderer)
        -> (html: [UInt8]?, uses: Set<String>, diagnostics: [Diagnostic])? {
        var uses: Set<String> = [], diagnostics = diagnostics
        for link in links {
            let resolution = resolver.resolve(link.url, kind: link.kind, file: link.file, route: route,
                                              pageSource: layout.path, uses: { uses.insert($0) })
            guard resolution == link.resolution else { return nil }
            if case .failed(let severity, let code, let message, _) = resolution {
                diagnostics.append(Diagnostic(severity, code, message, at: link.location, includeChain: link.chain))
            }
        }
        return (body.map { renderer.render(layout, body: $0, route: route) }, uses, diagnostics)
    }

    /// `<a data-mention …>` or `[…](… "mention")` (any quotes) somewhere in the page: `mention` right after
    /// `-`, a quote or `(`.
    static func hasMentions(_ text: [UInt8]) -> Bool {
        let word = Array("mention".utf8)
        var from = 0
        while let at = LineScan.find(word, in: text[...], from: from) {
            if at > 0, [UInt8(ascii: "-"), UInt8(ascii: "\""), UInt8(ascii: "'"), UInt8(ascii: "(")].contains(text[at - 1]) { return true }
            from = at + word.count
        }
        return false
    }
}
