/// Docusaurus' rules for where a doc is published: number prefixes stripped from file and folder names
/// (`10_config-with-cli.mdx` → `config-with-cli`), the file name replaced by the frontmatter `id`, and a
/// `slug` overriding both (relative to the folder, or from the root when it starts with `/`).
public enum DocusaurusRoutes {
    /// `10_config-with-cli` → `config-with-cli`; `01-intro` → `intro`; `2024-report` stays (no separator run).
    public static func stripNumberPrefix(_ name: String) -> String {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return name }
        var rest = name.dropFirst(digits.count)
        let separators = rest.prefix { $0 == "_" || $0 == "-" || $0 == "." || $0 == " " }
        guard !separators.isEmpty else { return name }
        rest = rest.dropFirst(separators.count)
        return rest.isEmpty ? name : String(rest)
    }

    /// The doc id: frontmatter `id`, else the file name without extension and number prefix.
    public static func id(of source: String, frontmatter: Frontmatter) -> String {
        frontmatter.id ?? stripNumberPrefix(Routes.split(source).1)
    }

    /// The published path (no extension): `kratos/social-signin/apple`; an index doc is its folder.
    public static func published(for source: String, frontmatter: Frontmatter) -> String {
        let folder = RelativePath.directory(of: source).split(separator: "/").map { stripNumberPrefix(String($0)) }
            .joined(separator: "/")
        if let slug = frontmatter.slug, !slug.isEmpty {
            let path = slug.hasPrefix("/") ? String(slug.dropFirst()) : (folder.isEmpty ? slug : folder + "/" + slug)
            return (RelativePath.resolve(path, from: "") ?? path).trimmingSlashes()
        }
        let stem = Routes.split(source).1
        if frontmatter.id == nil, Routes.isIndex(stem) { return folder }
        let id = self.id(of: source, frontmatter: frontmatter)
        return folder.isEmpty ? id : folder + "/" + id
    }

    /// `a/b` → `a/b.html`; the root or a folder index → `index.html` in it.
    public static func output(forPublished path: String, isIndex: Bool) -> String {
        if path.isEmpty { return "index.html" }
        return isIndex ? path + "/index.html" : path + ".html"
    }
}

extension String {
    func trimmingSlashes() -> String {
        var s = Substring(self)
        while s.hasPrefix("/") { s = s.dropFirst() }
        while s.hasSuffix("/") { s = s.dropLast() }
        return String(s)
    }
}
