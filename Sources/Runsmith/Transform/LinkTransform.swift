import Foundation

/// Rewrites every link and image of a page — markdown nodes, URLs inside raw HTML, content-ref cards,
/// file downloads — through the `LinkResolver`, reporting each failure at its source location.
/// Before the site index exists (a page compiled for the site), each URL the index decides becomes a
/// link slot instead (`LinkSlots`), logged with where its problem would be reported, and filled later.
public struct LinkTransform: PageTransform {
    /// nil: URLs stay as written (`runsmith render`, which has no site); blocks still get their HTML.
    public let resolver: LinkResolver?
    public let route: String
    /// When set, URLs that need the site index are written as slots and logged here.
    let slots: LinkLog?

    public init(resolver: LinkResolver, route: String) {
        self.init(resolver: resolver, route: route, slots: nil)
    }

    init(resolver: LinkResolver?, route: String, slots: LinkLog?) {
        self.resolver = resolver
        self.route = route
        self.slots = slots
    }

    public func apply(to page: ParsedPage) {
        // Blocks first: a content-ref's inner link repeats its url and is replaced by the card.
        for (node, directive) in page.linkedBlocks { linkBlock(node, directive: directive, page: page) }
        // Mentions change the nodes after them, which the walk below has yet to visit: done after it.
        var mentions: [() -> Void] = []
        for node in page.document.root.descendants() {
            switch node.kind {
            case .link, .image:
                guard let url = node.url else { continue }
                let kind: LinkResolver.Kind = node.kind == .image ? .image : .link
                if let new = resolve(url, kind: kind, page: page, node: node) { node.url = new }
                if kind == .link, node.title == "mention" { mentions.append { showTitle(of: url, inLink: node, page: page) } }
            case .htmlBlock, .htmlInline:
                guard node.markerIndex == nil, let html = node.literal else { continue }
                var mention: String? = nil
                let rewritten = RawHTML.rewrite(html) { tag, attribute, value in
                    guard RawHTML.isURLAttribute(tag: tag, attribute: attribute) else { return nil }
                    if tag == "a", attribute == "href", node.kind == .htmlInline, html.contains("data-mention") { mention = value }
                    let kind: LinkResolver.Kind = attribute == "href" ? .link : .image
                    if attribute == "srcset" { return srcset(value, page: page, node: node) }
                    return resolve(value, kind: kind, page: page, node: node)
                }
                if rewritten != html { node.literal = rewritten }
                if let mention { mentions.append { showTitle(of: mention, in: node, page: page) } }
            default:
                continue
            }
        }
        for mention in mentions { mention() }
    }

    private func resolve(_ url: String, kind: LinkResolver.Kind, page: ParsedPage, node: MarkdownNode,
                         file: String? = nil, directive: Int? = nil) -> String? {
        let from = file ?? page.source.file(ofLine: node.startLine)
        if let slots, LinkResolver.needsIndex(url) {
            let (location, chain) = directive.map(page.origin(ofDirective:)) ?? page.origin(of: node)
            return slots.add(.init(url: url, kind: kind, file: from, location: location, chain: chain))
        }
        guard let resolver else { return nil }
        let resolution = resolver.resolve(url, kind: kind, file: from, route: route, pageSource: page.path, uses: { page.uses.insert($0) })
        switch resolution {
        case .unchanged: return nil
        case .rewritten(let new): return new
        case .failed(let severity, let code, let message, let fallback):
            if let directive { page.report(severity, code, message, directive: directive) }
            else { page.report(severity, code, message, at: node) }
            return fallback
        }
    }

    /// `srcset="a.png 1x, b.png 2x"`: each candidate's URL resolved on its own. GitBook writes file names
    /// with spaces unencoded, so only a trailing `2x`/`640w` token counts as the descriptor.
    private func srcset(_ value: String, page: ParsedPage, node: MarkdownNode) -> String? {
        var changed = false
        let candidates = value.split(separator: ",").map { candidate -> String in
            var url = String(candidate.trimmingWhitespace())
            var descriptor = ""
            if let space = url.lastIndex(of: " ") {
                let last = url[url.index(after: space)...]
                if let unit = last.last, unit == "w" || unit == "x", Double(last.dropLast()) != nil {
                    descriptor = " " + last
                    url = String(url[..<space]).trimmingCharacters(in: .whitespaces)
                }
            }
            guard let new = resolve(url, kind: .image, page: page, node: node) else { return url + descriptor }
            changed = true
            return new + descriptor
        }
        return changed ? candidates.joined(separator: ", ") : nil
    }

    /// A block whose HTML shows a link (a content-ref card, a file download) writes it now.
    private func linkBlock(_ node: MarkdownNode, directive index: Int, page: ParsedPage) {
        let d = page.source.directives[index]
        let file = d.location.path
        let links = BlockLinks(resolve: { url, kind in resolve(url, kind: kind, page: page, node: node, file: file, directive: index) },
                               cardText: { url in
            slots.map { LinkSlots.textStart($0.add(.init(url: url, file: file, kind: .card)), key: $0.key) + LinkSlots.textEnd }
                ?? Self.cardText(resolver?.targetPage(url, from: file), url: url)
        })
        DirectiveBlocks.byName[d.name]?.link(node, d, index: index, page: page, links: links)
    }
}

/// The slots of a page compiled before the site index existed: each URL with where its problem is
/// reported, and each text that shows a linked page's title. Like the `ParsedPage` it belongs to, used
/// on the thread that compiles the page; its entries leave that thread in the `CompiledPage`.
final class LinkLog {
    struct Entry: Sendable, Codable, Equatable {
        var url: String
        var kind: LinkResolver.Kind
        /// The file the URL was written in (an include's own path for included lines).
        var file: String
        var location: SourceLocation
        var chain: [SourceLocation]

        /// A page's cache entry holds one per link: written as one list of fields (no names to find,
        /// no object per location), which reads several times faster than the keyed form.
        init(url: String, kind: LinkResolver.Kind, file: String, location: SourceLocation, chain: [SourceLocation]) {
            (self.url, self.kind, self.file, self.location, self.chain) = (url, kind, file, location, chain)
        }

        init(from decoder: any Decoder) throws {
            var fields = try decoder.unkeyedContainer()
            url = try fields.decode(String.self)
            kind = try fields.decode(LinkResolver.Kind.self)
            file = try fields.decode(String.self)
            func location() throws -> SourceLocation {
                SourceLocation(path: try fields.decode(String.self), line: try fields.decode(Int.self), column: try fields.decode(Int.self))
            }
            self.location = try location()
            chain = try (0..<fields.decode(Int.self)).map { _ in try location() }
        }

        func encode(to encoder: any Encoder) throws {
            var fields = encoder.unkeyedContainer()
            try fields.encode(url)
            try fields.encode(kind)
            try fields.encode(file)
            func put(_ place: SourceLocation) throws {
                try fields.encode(place.path)
                try fields.encode(place.line)
                try fields.encode(place.column)
            }
            try put(location)
            try fields.encode(chain.count)
            for place in chain { try put(place) }
        }
    }
    /// A mention's link text or a content-ref card's text: the linked page's title when it has one.
    struct Text: Sendable, Codable, Equatable {
        enum Kind: String, Sendable, Codable { case mention, card }
        var url: String
        var file: String
        var kind: Kind
    }
    private(set) var entries: [Entry] = []
    private(set) var texts: [Text] = []
    /// What the page's slots carry so that the page cannot write one itself (`LinkSlots.key`).
    let key: String

    init(key: String) { self.key = key }

    /// The slot that stands for `entry` in the page.
    func add(_ entry: Entry) -> String {
        entries.append(entry)
        return LinkSlots.link(entries.count - 1, key: key)
    }

    func add(_ text: Text) -> Int {
        texts.append(text)
        return texts.count - 1
    }
}
