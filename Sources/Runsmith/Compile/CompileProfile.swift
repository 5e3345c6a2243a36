/// What a page is compiled into, and so which transforms it goes through, in which order. Each list is
/// written here once: the site, the runbooks, `runsmith render` and the golden tests all take it from here.
enum CompileProfile {
    /// A page of the docs site, compiled before the site index exists: its links become slots, filled
    /// once the index does (`CompiledPage.link`). With `.resolved` links, the index exists already
    /// (a tenant's version of a page; the test oracle that slots change nothing).
    case site(SitePage)
    /// One page, or one heading's section of it, as a step of a tenant's runbook (`RunbookStep`).
    case runbookStep(RunbookStep)
    /// Only what decides a page's anchors (its headings' ids and the ids in its raw HTML), nothing
    /// rendered: which sections of a page a tenant gets.
    case anchors
    /// `runsmith diff`: a page (or one heading's section of it) as the tenant reads it, as plain text
    /// (cmark's plain-text renderer): conditions decided, values in, directives' content kept.
    case readableText(SectionCut)
    /// `runsmith render`: an HTML fragment, links as written (cards and downloads drawn around them)
    /// and the leading `# heading` kept.
    case fragment

    struct SitePage {
        var route: String
        /// The page's body is wanted (a part of a sharded build lays out only its own pages).
        var rendersBody = true
        var links: Linking
    }

    enum Linking {
        /// URLs that the index decides become slots; the others (`LinkResolver.needsIndex`) are resolved
        /// by this resolver (whose index may be provisional).
        case slots(LinkResolver)
        /// Every URL resolved at once: the site index exists.
        case resolved(LinkResolver)
    }

    /// The transforms of this profile, in order, for one page.
    func transforms(_ compiler: PageCompiler, path: String, slots: LinkLog) -> [PageTransform] {
        let values: [PageTransform] = compiler.values.map { [VariableSubstitution(context: $0)] } ?? []
        let preset = compiler.preset(path)
        switch self {
        case .site(let page):
            let links: LinkTransform
            switch page.links {
            case .slots(let resolver): links = LinkTransform(resolver: resolver, route: page.route, slots: slots)
            case .resolved(let resolver): links = LinkTransform(resolver: resolver, route: page.route)
            }
            return [DirectiveTransform()] + values + [
                InlineComponentTransform(), IconTransform(), HTMLSanitizer(), UnparsedLinkCheck(),
                HeadingTransform(preset: preset), SearchSections(), MathTransform(), CodeBlockTransform(highlighter: compiler.highlighter),
                links, CardsTableTransform(), TaskListBoxes(),
            ]
        case .runbookStep(let step):
            return [DirectiveTransform()] + values + [
                InlineComponentTransform(), IconTransform(), UnparsedLinkCheck(),
                HeadingTransform(preset: preset, liftsTitle: step.section.section == nil, levelShift: 2 - step.level,
                                 idPrefix: "s\(step.number)-"),
                // After the cut, the step's HTML balances on its own.
                SectionCut(section: step.section.section, found: step.cut), SearchSections(), HTMLSanitizer(),
                LinkTransform(resolver: step.links.resolver, route: step.links.route), step.links,
                // Item texts before formulas become MathML, which has no text of its own: an item keeps its TeX.
                ChecklistItemTransform(step: step), MathTransform(), CodeBlockTransform(highlighter: compiler.highlighter), CardsTableTransform(),
                // Items' HTML last: inline formatting, links and formulas as the runbook shows them.
                ChecklistItemHTML(step: step), TaskListBoxes(),
            ]
        case .anchors:
            return [DirectiveTransform()] + values + [IconTransform(), HeadingTransform(preset: preset)]
        case .readableText(let cut):
            return [DirectiveTransform()] + values + [
                InlineComponentTransform(), IconTransform(), HeadingTransform(preset: preset), cut, PlainTextBlocks(),
            ]
        case .fragment:
            return [DirectiveTransform()] + values + [
                InlineComponentTransform(), IconTransform(), HTMLSanitizer(), UnparsedLinkCheck(),
                LinkTransform(resolver: nil, route: "", slots: nil), CardsTableTransform(),
                HeadingTransform(preset: preset, liftsTitle: false), MathTransform(), CodeBlockTransform(highlighter: compiler.highlighter), TaskListBoxes(),
            ]
        }
    }
}
