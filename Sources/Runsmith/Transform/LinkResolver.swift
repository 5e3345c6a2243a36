import Foundation

/// Resolves one link or image URL written in a page against the site index: pages become relative
/// URLs to their output, assets are copied under content-hash names, everything else is reported.
public struct LinkResolver: Sendable {
    /// What the URL is for: a link (pages or files), an image, or a `{% file %}` attachment.
    public enum Kind: Int, Sendable, Codable { case link, image, attachment }
    public enum Resolution: Equatable, Sendable, Codable {
        case unchanged
        case rewritten(String)
        /// `fallback`: where the link still points in the output (a page whose anchor is missing is
        /// linked without the anchor, never left as a dead `other.md#x`).
        case failed(Severity, code: DiagnosticCode, message: String, fallback: String? = nil)
    }

    public let index: SiteIndex
    public let assets: AssetCatalog

    public init(index: SiteIndex, assets: AssetCatalog) {
        self.index = index
        self.assets = assets
    }

    /// `url` as written in `file` (the include file for included lines), on the page whose output is `route`.
    /// `uses` hears of every page and file of the tree the URL turned out to name: what an incremental
    /// build re-renders the page for when that target changes.
    public func resolve(_ url: String, kind: Kind, file: String, route: String, pageSource: String,
                        uses: (String) -> Void = { _ in }) -> Resolution {
        // Foundation's trimming and percent-decoding only when there is something for them to do.
        let trimmed = url.trimmingBlankEnds
        if trimmed.isEmpty {
            return kind == .link ? .unchanged : .failed(.error, code: missingCode(kind), message: "\(noun(kind)) has no URL")
        }
        if trimmed == "broken-reference" || trimmed.hasPrefix("broken-reference#") {
            return .failed(.error, code: .brokenLink, message: "GitBook marked this link as 'broken-reference': its target was deleted or moved")
        }
        if let space = GitBookSpaceLink(trimmed) { return crossSpace(space, kind: kind, file: file, route: route, pageSource: pageSource) }
        if let scheme = Self.scheme(of: trimmed) {
            if scheme == "file" { return .failed(.error, code: .pathEscapesRoot, message: "'file:' URLs are never followed") }
            return .unchanged
        }
        if trimmed.hasPrefix("//") { return .unchanged }
        let (beforeFragment, fragment) = Self.splitFragment(trimmed)
        let (pathPart, query) = Self.splitQuery(beforeFragment)
        let path = pathPart.utf8.contains(0x25) ? pathPart.removingPercentEncoding ?? pathPart : pathPart
        // What follows the path in the output URL: `?query#fragment`, as written.
        let tail = (query.map { "?" + $0 } ?? "") + (fragment.map { "#" + $0 } ?? "")
        if path.isEmpty {
            guard query == nil else { return .unchanged }
            return checkAnchor(fragment, in: pageSource, url: nil)
        }
        guard let target = fileTarget(path, kind: kind, file: file, pageSource: pageSource) else {
            return .failed(.error, code: .pathEscapesRoot, message: "'\(url)' leaves the content root")
        }
        if index.tree.escapingLinks.contains(target) {
            return .failed(.error, code: .pathEscapesRoot, message: "'\(url)' is a symlink pointing outside the content root")
        }
        if kind == .link, let markdown = index.markdownFile(for: target) ?? routeTarget(path, pageSource: pageSource) {
            uses(markdown)
            if index.pages[markdown]?.unreadable == true {
                return .failed(.error, code: .brokenLink, message: "'\(url)' links to a page that could not be read (see its own error)")
            }
            guard let page = index.pages[markdown], page.built else {
                guard let site = index.config.siteURL else {
                    return .failed(.error, code: .unbuiltPage,
                                   message: "'\(url)' is a page that this build does not include, and runsmith.yml has no site_url to link to")
                }
                return .rewritten(site + "/" + HTMLText.encodeURL(index.pages[markdown]?.published ?? Routes.published(for: markdown)) + tail)
            }
            let relative = HTMLText.encodeURL(RelativePath.relative(from: route, to: page.route)) + (query.map { "?" + $0 } ?? "")
            return checkAnchor(fragment, in: markdown, url: relative)
        }
        guard index.tree.contains(target), !SiteIndex.isMarkdown(target) || kind != .link else {
            let hint = followsDocusaurus(path, kind: kind, pageSource: pageSource) ? DocusaurusFileLinks.hint(path, tree: index.tree) : nil
            return .failed(.error, code: missingCode(kind), message: "\(noun(kind)) '\(url)' not found" + (hint.map { " (\($0))" } ?? ""))
        }
        uses(target)
        guard let output = assets.outputPath(for: target) else {
            return .failed(.error, code: .unreadableAsset, message: "cannot read '\(url)'")
        }
        return .rewritten(HTMLText.encodeURL(RelativePath.relative(from: route, to: output)) + tail)
    }

    /// The file of the tree a path names; nil when it leaves the content root. Not-found paths come back
    /// as the first place tried, for the message.
    private func fileTarget(_ path: String, kind: Kind, file: String, pageSource: String) -> String? {
        if followsDocusaurus(path, kind: kind, pageSource: pageSource) {
            let places = DocusaurusFileLinks.candidates(path, from: file, tree: index.tree).compactMap { $0 }
            return places.first(where: index.tree.contains) ?? places.first
        }
        guard let target = RelativePath.resolve(path, from: path.hasPrefix("/") ? "" : RelativePath.directory(of: file)) else { return nil }
        // Root-absolute paths: the content root first, then the `docs/` folder in it; Docusaurus serves
        // `static/` at the site root, so `/img/x.png` may be `static/img/x.png`.
        if path.hasPrefix("/"), !index.tree.contains(target), index.markdownFile(for: target) == nil {
            return ["docs/" + target, "static/" + target].first { index.tree.contains($0) || index.markdownFile(for: $0) != nil } ?? target
        }
        return target
    }

    /// A `.md`/`.mdx` link on a Docusaurus-style page: a file looked up the way Docusaurus does.
    private func followsDocusaurus(_ path: String, kind: Kind, pageSource: String) -> Bool {
        kind == .link && SiteIndex.isMarkdown(path) && index.flavor.isDocusaurusStyle(pageSource)
    }

    /// A link written as a Docusaurus route (`./data-mapping`, `../guide/setup`, `/docs/guide/setup`): matched
    /// against published paths, relative to the linking page's own published folder.
    private func routeTarget(_ path: String, pageSource: String) -> String? {
        guard !SiteIndex.isMarkdown(path), let page = index.pages[pageSource] else { return nil }
        let isIndex = page.route.hasSuffix("index.html")
        let base = isIndex ? page.published : RelativePath.directory(of: page.published)
        guard let resolved = RelativePath.resolve(path, from: path.hasPrefix("/") ? "" : base)?.trimmingSlashes() else { return nil }
        // `/docs/…` names a doc under Docusaurus' route base (`routeBasePath`, `docs` unless the config says
        // otherwise): from the content root first, then the docs folder inside it, then the root itself.
        if let source = index.byPublished[resolved] { return source }
        let routeBase = index.config.docsRouteBase
        guard path.hasPrefix("/"), routeBase.isEmpty || resolved == routeBase || resolved.hasPrefix(routeBase + "/") else { return nil }
        var route = String(resolved.dropFirst(routeBase.count)).trimmingSlashes()
        // With `versions.json`, the docs folder (Docusaurus' "current" version) is published at `/docs/next/`.
        if index.tree.contains("versions.json"), route == "next" || route.hasPrefix("next/") {
            route = String(route.dropFirst("next".count)).trimmingSlashes()
            if let source = index.byPublished[route.isEmpty ? "docs" : "docs/" + route] { return source }
        }
        return index.byPublished[route.isEmpty ? "docs" : "docs/" + route] ?? index.byPublished[route]
    }

    private func noun(_ kind: Kind) -> String {
        switch kind {
        case .link: return "link target"
        case .image: return "image"
        case .attachment: return "file"
        }
    }

    private func missingCode(_ kind: Kind) -> DiagnosticCode {
        switch kind {
        case .link: return .brokenLink
        case .image: return .missingImage
        case .attachment: return .missingFile
        }
    }

    /// Checks `#fragment` against the page's anchors; `url` is the page's relative URL (nil: this page).
    private func checkAnchor(_ fragment: String?, in source: String, url: String?) -> Resolution {
        guard let fragment, !fragment.isEmpty else { return url.map { .rewritten($0) } ?? .unchanged }
        guard index.anchorsKnown else { return url.map { .rewritten($0 + "#" + fragment) } ?? .unchanged }
        let id = fragment.utf8.contains(0x25) ? fragment.removingPercentEncoding ?? fragment : fragment
        guard index.pages[source]?.anchors.contains(id) == true else {
            return .failed(.error, code: .missingAnchor, message: "anchor '#\(fragment)' not found in \(source)", fallback: url)
        }
        return url.map { .rewritten($0 + "#" + fragment) } ?? .unchanged
    }

    /// A link into another GitBook space: through `spaces:` to a base URL, or to a folder of this tree
    /// (then resolved like any root-absolute link, so built pages are linked locally).
    private func crossSpace(_ space: GitBookSpaceLink, kind: Kind, file: String, route: String, pageSource: String) -> Resolution {
        guard let target = index.config.spaces[space.id] else {
            return .failed(.warning, code: .unknownSpace,
                           message: "link into GitBook space '\(space.id)', which runsmith.yml does not map (spaces:)")
        }
        if target.contains("://") {
            let base = target.hasSuffix("/") ? String(target.dropLast()) : target
            return .rewritten(base + (space.path.isEmpty ? "" : "/" + space.path))
        }
        let folder = RelativePath.resolve(target, from: "") ?? target
        let local = "/" + [folder, space.path].filter { !$0.isEmpty }.joined(separator: "/")
        let resolution = resolve(local, kind: kind, file: file, route: route, pageSource: pageSource)
        if case .failed(let severity, let code, let message, let fallback) = resolution {
            return .failed(severity, code: code, message: "\(message) (GitBook space '\(space.id)' is mapped to \(folder)/)", fallback: fallback)
        }
        return resolution
    }

    static func scheme(of url: String) -> String? {
        guard let colon = url.utf8.firstIndex(of: 0x3A) else { return nil }
        let scheme = url.utf8[..<colon]
        // ASCII (every scheme there is) read as bytes; anything else asks Character as before.
        guard scheme.allSatisfy({ $0 < 0x80 }) else {
            let text = Substring(scheme)
            guard let first = text.first, first.isLetter,
                  text.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
            return text.lowercased()
        }
        func letter(_ byte: UInt8) -> Bool { (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        guard let first = scheme.first, letter(first),
              scheme.allSatisfy({ letter($0) || (0x30...0x39).contains($0) || $0 == 0x2B || $0 == 0x2D || $0 == 0x2E }) else { return nil }
        return String(decoding: scheme.map { (0x41...0x5A).contains($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
    }

    static func splitFragment(_ url: String) -> (String, String?) { split(url, at: 0x23) }

    static func splitQuery(_ url: String) -> (String, String?) { split(url, at: 0x3F) }

    /// Before and after the first `mark` (an ASCII byte), read as bytes.
    private static func split(_ url: String, at mark: UInt8) -> (String, String?) {
        let bytes = url.utf8
        guard let found = bytes.firstIndex(of: mark) else { return (url, nil) }
        return (String(decoding: bytes[..<found], as: UTF8.self), String(decoding: bytes[bytes.index(after: found)...], as: UTF8.self))
    }
}
