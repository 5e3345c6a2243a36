/// A page after `PageCompiler.compile`: its body as bytes (with link slots when it was compiled before
/// the site index existed), what the layout shows of it, and what the rest of the site sees of it. Its
/// cmark tree is gone.
struct CompiledPage: Sendable, Codable {
    var layout: PageLayout
    /// nil for a page whose output another part of a sharded build writes.
    var body: [UInt8]?
    var links: [LinkLog.Entry]
    var texts: [LinkLog.Text]
    /// What the page's slots carry (`LinkSlots.key`).
    var slotKey: String
    /// The page's own problems; those of its slots are found when they are filled.
    var diagnostics: [Diagnostic]
    /// Every id a link may point at.
    var anchors: Set<String>
    /// Some `{% if %}` decided what the page shows: each tenant may see another page.
    var conditional: Bool
    /// The page's file and every include and partial it pulled in.
    var sources: Set<String>
    /// Pages and files that links resolved while compiling named (slots add theirs when filled).
    var uses: Set<String>
    /// The text of `{% if %}` branches left out, and (runbook steps) the text shown: for the leak audit.
    var withheld: [String]
    var text: String?
    /// The conditions decided for the tenant, and the values the page shows: what `runsmith diff` compares.
    var decisions: [ConditionDecision]
    var values: [ShownValue]
    /// Its text by section, for the search index.
    var search: [SearchSection]

    var path: String { layout.path }
    /// Docusaurus `pagination_prev` / `pagination_next`: doc ids whose titles its pager shows.
    var pagination: [String?] { [layout.frontmatter.paginationPrev, layout.frontmatter.paginationNext] }

    init(_ page: ParsedPage, slots: LinkLog, body output: CompileProfile.Output, keepsText: Bool) {
        layout = PageLayout(page)
        switch output {
        case .html: body = page.document.renderHTML()
        case .plainText: body = page.document.renderPlainText()
        case .none: body = nil
        }
        links = slots.entries
        texts = slots.texts
        slotKey = slots.key
        diagnostics = page.diagnostics
        anchors = page.anchors
        conditional = page.source.conditional
        sources = page.source.includedFiles.union([page.path])
        uses = page.uses
        withheld = page.source.withheld
        text = keepsText ? LeakAudit.plain(page.document.root.plainText) : nil
        decisions = page.source.decisions
        values = page.values
        search = page.searchSections
    }

    /// The body with its slots filled from `resolver` (the real site index), the pages and files it
    /// uses, and its problems with those of its links added.
    func link(_ resolver: LinkResolver, route: String) -> (body: [UInt8]?, uses: Set<String>, diagnostics: [Diagnostic]) {
        var uses = uses, diagnostics = diagnostics
        var urls: [String] = []
        urls.reserveCapacity(links.count)
        for link in links {
            let resolution = resolver.resolve(link.url, kind: link.kind, file: link.file, route: route,
                                              pageSource: layout.path, uses: { uses.insert($0) })
            switch resolution {
            case .unchanged: urls.append(link.url)
            case .rewritten(let url): urls.append(url)
            case .failed(let severity, let code, let message, let fallback):
                diagnostics.append(Diagnostic(severity, code, message, at: link.location, includeChain: link.chain))
                urls.append(fallback ?? link.url)
            }
        }
        let body = body.map { body in
            LinkSlots.fill(body, key: slotKey, text: { n in
                guard n < texts.count else { return nil }
                let text = texts[n], target = resolver.targetPage(text.url, from: text.file)
                switch text.kind {
                case .mention: return LinkTransform.mentionText(target)
                case .card: return LinkTransform.cardText(target, url: text.url)
                }
            }, url: { n in n < urls.count ? urls[n] : nil })
        }
        return (body, uses, diagnostics)
    }
}
