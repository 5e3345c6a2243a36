/// What Runsmith reads of `docusaurus.config.js` without running it: the docs plugin's `routeBasePath`
/// (`docs` by default; `/` for a docs-only site, plugin-content-docs options), which decides the URL a
/// root-absolute link such as `/guides/setup` names.
public enum DocusaurusConfig {
    public static let fileNames = ["docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.cjs"]

    /// The docs' route base without slashes (`""` for `/`), or nil when the file does not set one for docs.
    /// A `routeBasePath` counts for docs when the nearest plugin key before it is `docs:` or the docs plugin.
    public static func docsRouteBase(in text: String) -> String? {
        let owners: [(token: String, isDocs: Bool)] = [
            ("docs:", true), ("docs :", true), ("plugin-content-docs", true),
            ("blog:", false), ("blog :", false), ("plugin-content-blog", false), ("pages:", false), ("plugin-content-pages", false),
        ]
        var rest = text[...]
        while let key = rest.range(of: "routeBasePath") {
            let before = text[..<key.lowerBound]
            let owner = owners.compactMap { o in before.range(of: o.token, options: .backwards).map { ($0.lowerBound, o.isDocs) } }
                .max { $0.0 < $1.0 }
            rest = text[key.upperBound...]
            var value = rest.drop { $0 == " " || $0 == "\t" }
            guard owner?.1 == true, value.first == ":" else { continue }
            value = value.dropFirst().drop { $0 == " " || $0 == "\t" }
            guard let quote = value.first, quote == "'" || quote == "\"" || quote == "`",
                  let end = value.dropFirst().firstIndex(of: quote) else { continue }
            return String(value[value.index(after: value.startIndex)..<end]).trimmingSlashes()
        }
        return nil
    }
}
