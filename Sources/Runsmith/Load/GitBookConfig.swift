import Yams

/// `.gitbook.yaml`: where the docs live inside the repository and GitBook's redirects.
public struct GitBookConfig: Sendable {
    public var root = ""
    /// `root:` pointed above the repository (`../`): refused.
    public var rootEscapes = false
    public var readme = "README.md"
    public var summary = "SUMMARY.md"
    /// Old path (no extension) → markdown file, both relative to `root`.
    public var redirects: [(from: String, to: String, at: SourceLocation)] = []

    public static let fileName = ".gitbook.yaml"

    public static func decode(_ text: String, path: String = fileName) -> (GitBookConfig, [Diagnostic]) {
        var config = GitBookConfig()
        var diagnostics: [Diagnostic] = []
        let source = YAMLSource(path: path, text: text, firstLine: 1)
        let root: Node?
        do { root = try source.compose() } catch { return (config, [error.diagnostic]) }
        guard let root else { return (config, []) }
        for (key, value, at) in source.fields(of: root, allowed: ["root", "structure", "redirects"], what: path, into: &diagnostics) {
            switch key {
            case "root":
                if let root = RelativePath.resolve(value.string ?? "", from: "") { config.root = root } else { config.rootEscapes = true }
            case "structure":
                for (k, v, _) in source.fields(of: value, allowed: ["readme", "summary"], what: "structure", into: &diagnostics) {
                    if k == "readme" { config.readme = v.string ?? config.readme } else { config.summary = v.string ?? config.summary }
                }
            case "redirects":
                guard let mapping = value.mapping else {
                    diagnostics.append(.error(.invalidConfig, "redirects must map old paths to pages", at: at)); continue
                }
                for (from, to) in mapping {
                    guard let f = from.string, let t = to.string else { continue }
                    config.redirects.append((f, t, source.location(from.mark)))
                }
            default: break
            }
        }
        return (config, sortedDiagnostics(diagnostics))
    }
}
