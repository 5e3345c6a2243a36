import Foundation

/// Resolves one link or image URL written in a page against the site index: pages become relative
/// URLs to their output, assets are copied under content-hash names, everything else is reported.
public struct LinkResolver: Sendable {
    public enum Kind: Sendable { case link, image }
    public enum Resolution: Equatable, Sendable {
        case unchanged
        case rewritten(String)
        case failed(Severity, code: String, message: String)
    }

    public let index: SiteIndex
    public let assets: AssetCatalog

    public init(index: SiteIndex, assets: AssetCatalog) {
        self.index = index
        self.assets = assets
    }

    /// `url` as written in `file` (the include file for included lines), on the page whose output is `route`.
    public func resolve(_ url: String, kind: Kind, file: String, route: String, pageSource: String) -> Resolution {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty {
            return kind == .image ? .failed(.error, code: "missing-image", message: "image has no URL") : .unchanged
        }
        if trimmed == "broken-reference" || trimmed.hasPrefix("broken-reference#") {
            return .failed(.error, code: "broken-link", message: "GitBook marked this link as 'broken-reference': its target was deleted or moved")
        }
        if let space = GitBookSpaceLink(trimmed) { return crossSpace(space) }
        if let scheme = Self.scheme(of: trimmed) {
            if scheme == "file" { return .failed(.error, code: "path-escapes-root", message: "'file:' URLs are never followed") }
            return .unchanged
        }
        if trimmed.hasPrefix("//") { return .unchanged }
        let (pathPart, fragment) = Self.splitFragment(trimmed)
        let path = (pathPart.removingPercentEncoding ?? pathPart).components(separatedBy: "?")[0]
        if path.isEmpty {
            return checkAnchor(fragment, in: pageSource, url: route.split(separator: "/").last.map(String.init) ?? route,
                               linkText: trimmed, route: route, keep: true)
        }
        guard let target = RelativePath.resolve(path, from: path.hasPrefix("/") ? "" : RelativePath.directory(of: file)) else {
            return .failed(.error, code: "path-escapes-root", message: "'\(url)' leaves the content root")
        }
        if index.tree.escapingLinks.contains(target) {
            return .failed(.error, code: "path-escapes-root", message: "'\(url)' is a symlink pointing outside the content root")
        }
        if kind == .link, let markdown = index.markdownFile(for: target) {
            guard let page = index.pages[markdown], page.built else {
                guard let site = index.config.siteURL else {
                    return .failed(.error, code: "unbuilt-page",
                                   message: "'\(url)' is a page that this build does not include, and runsmith.yml has no site_url to link to")
                }
                return .rewritten(site + "/" + HTMLText.encodeURL(Routes.published(for: markdown)) + (fragment.map { "#" + $0 } ?? ""))
            }
            let relative = RelativePath.relative(from: route, to: page.route)
            return checkAnchor(fragment, in: markdown, url: relative, linkText: url, route: route, keep: false)
        }
        guard index.tree.contains(target), !SiteIndex.isMarkdown(target) || kind == .image else {
            let what = kind == .image ? "image" : "link target"
            return .failed(.error, code: kind == .image ? "missing-image" : "broken-link", message: "\(what) '\(url)' not found")
        }
        guard let output = assets.outputPath(for: target) else {
            return .failed(.error, code: "unreadable-asset", message: "cannot read '\(url)'")
        }
        return .rewritten(HTMLText.encodeURL(RelativePath.relative(from: route, to: output)) + (fragment.map { "#" + $0 } ?? ""))
    }

    private func checkAnchor(_ fragment: String?, in source: String, url: String, linkText: String, route: String,
                             keep: Bool) -> Resolution {
        let encoded = HTMLText.encodeURL(url)
        guard let fragment, !fragment.isEmpty else { return keep ? .unchanged : .rewritten(encoded) }
        let id = fragment.removingPercentEncoding ?? fragment
        let anchors = index.pages[source]?.anchors ?? []
        guard anchors.contains(id) else {
            return .failed(.error, code: "missing-anchor", message: "anchor '#\(fragment)' not found in \(source)")
        }
        return keep ? .unchanged : .rewritten(encoded + "#" + fragment)
    }

    private func crossSpace(_ space: GitBookSpaceLink) -> Resolution {
        guard let target = index.config.spaces[space.id] else {
            return .failed(.warning, code: "unknown-space",
                           message: "link into GitBook space '\(space.id)', which runsmith.yml does not map (spaces:)")
        }
        let (path, fragment) = Self.splitFragment(space.path)
        if target.contains("://") {
            let base = target.hasSuffix("/") ? String(target.dropLast()) : target
            return .rewritten(base + (path.isEmpty ? "" : "/" + path) + (fragment.map { "#" + $0 } ?? ""))
        }
        guard let site = index.config.siteURL else {
            return .failed(.error, code: "unbuilt-page", message: "cross-space link needs site_url in runsmith.yml")
        }
        let folder = RelativePath.resolve(target, from: "") ?? target
        return .rewritten(site + "/" + [folder, path].filter { !$0.isEmpty }.joined(separator: "/") + (fragment.map { "#" + $0 } ?? ""))
    }

    static func scheme(of url: String) -> String? {
        guard let colon = url.firstIndex(of: ":") else { return nil }
        let scheme = url[..<colon]
        guard let first = scheme.first, first.isLetter,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == "." }) else { return nil }
        return scheme.lowercased()
    }

    static func splitFragment(_ url: String) -> (String, String?) {
        guard let hash = url.firstIndex(of: "#") else { return (url, nil) }
        return (String(url[..<hash]), String(url[url.index(after: hash)...]))
    }
}
