import Yams

public enum Flavor: String, Sendable, CaseIterable {
    case gitbook, docusaurus

    /// Pages written the Docusaurus way: every page of a Docusaurus tree, and `.mdx` pages anywhere.
    public func isDocusaurusStyle(_ page: String) -> Bool { self == .docusaurus || page.lowercased().hasSuffix(".mdx") }
}

/// `runsmith.yml` at the docs root: every key optional, unknown keys are errors.
public struct SiteConfig: Sendable {
    public var flavor: Flavor?
    /// The site's name in the header; defaults to the home page's title.
    public var title: String?
    /// Where pages outside this build live (`https://docs.example.com`), without a trailing slash.
    public var siteURL: String?
    public var slugPreset: SlugPreset?
    /// GitBook space id → a folder inside the root (`folder/`) or a base URL (`https://…`).
    public var spaces: [String: String] = [:]
    /// GitBook adaptive content: claim name (`visitor.claims.unsigned.<claim>`) → tenant variable.
    public var claims: [String: String] = [:]
    /// Diagnostic code → severity (`off` drops it).
    public var severity: [DiagnosticCode: Severity?] = [:]
    /// `limits:` what a page may grow to through its includes.
    public var limits = PreprocessLimits()
    /// "Edit this page": a URL with `{path}` where a page's source path (from the docs root) goes.
    public var editURL: String?
    /// The header's logo, links and repository link.
    public var header = HeaderConfig()
    /// "Last updated" on each docs page, from git (`last_updated: false` turns it off).
    public var showsLastUpdated = true
    /// `highlight: off` leaves code uncoloured (and Pygments unasked).
    public var highlightsCode = true
    /// Docusaurus' `routeBasePath` for docs, from docusaurus.config.js (`""` when docs are the site root).
    public var docsRouteBase = "docs"

    public init() {}

    public static let fileName = "runsmith.yml"
    static let keys = Set(["title", "flavor", "site_url", "slug_preset", "spaces", "severity", "claims", "limits", "edit_url",
                           "highlight", "last_updated"]).union(HeaderConfig.keys)

    /// Decodes `runsmith.yml`; every problem is a located diagnostic.
    public static func decode(_ text: String, path: String = fileName) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        var diagnostics: [Diagnostic] = []
        let source = YAMLSource(path: path, text: text, firstLine: 1)
        let root: Node?
        do { root = try source.compose() } catch { return (config, [error.diagnostic]) }
        guard let root else { return (config, []) }
        for (key, value, at) in source.fields(of: root, allowed: keys, what: path, into: &diagnostics) {
            func bad(_ message: String) { diagnostics.append(.error(.invalidConfig, message, at: at)) }
            switch key {
            case "title":
                guard let t = value.string, !t.isEmpty else { bad("title must be text"); continue }
                config.title = t
            case "flavor":
                guard let f = value.string.flatMap(Flavor.init(rawValue:)) else {
                    bad("flavor must be one of: gitbook, docusaurus"); continue
                }
                config.flavor = f
            case "edit_url":
                guard let url = value.string, url.hasPrefix("http://") || url.hasPrefix("https://"), url.contains("{path}") else {
                    bad("edit_url must be an http(s) URL with {path} where the page's file goes"); continue
                }
                config.editURL = url
            case _ where HeaderConfig.keys.contains(key):
                config.header.read(key, value, at: at, source: source, into: &diagnostics)
            case "last_updated":
                guard let shows = value.bool else { bad("last_updated must be true or false"); continue }
                config.showsLastUpdated = shows
            case "highlight":
                guard let mode = value.string, ["pygments", "off"].contains(mode) else {
                    bad("highlight must be pygments or off"); continue
                }
                config.highlightsCode = mode == "pygments"
            case "site_url":
                guard let url = value.string, url.hasPrefix("http://") || url.hasPrefix("https://") else {
                    bad("site_url must be an http(s) URL"); continue
                }
                config.siteURL = url.hasSuffix("/") ? String(url.dropLast()) : url
            case "slug_preset":
                guard let preset = value.string.flatMap(SlugPreset.init(rawValue:)) else {
                    bad("slug_preset must be one of: \(SlugPreset.allCases.map(\.rawValue).joined(separator: ", "))"); continue
                }
                config.slugPreset = preset
            case "spaces", "claims", "limits", "severity":
                config.readMapping(key, value, at: at, source: source, into: &diagnostics)
            default: break
            }
        }
        return (config, sortedDiagnostics(diagnostics))
    }

    /// Applies the severity overrides; nil when the diagnostic is turned off.
    public func adjusted(_ diagnostic: Diagnostic) -> Diagnostic? {
        guard let override = severity[diagnostic.code] else { return diagnostic }
        guard let level = override else { return nil }
        var d = diagnostic
        d.severity = level
        return d
    }
}
