/// Docusaurus' rules for where a doc is published: number prefixes stripped from file and folder names
/// (`10_config-with-cli.mdx` → `config-with-cli`), the file name replaced by the frontmatter `id`, and a
/// `slug` overriding both (relative to the folder, or from the root when it starts with `/`).
public enum DocusaurusRoutes {
    /// `10_config-with-cli` → `config-with-cli`; `01 - intro` → `intro`; `2024report`, `01 intro` (no `-_.`),
    /// `2021-11-report` and `7.0-notes` (dates and versions) stay. plugin-content-docs `numberPrefix.ts`.
    public static func stripNumberPrefix(_ name: String) -> String {
        func isSeparator(_ c: Character) -> Bool { c == "-" || c == "_" || c == "." }
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return name }
        var rest = name.dropFirst(digits.count)
        // `\d+[-_.]\d+` looks like a date or a version, never a prefix.
        if let first = rest.first, isSeparator(first), let second = rest.dropFirst().first, second.isASCII, second.isNumber {
            return name
        }
        rest = rest.drop(while: { $0.isWhitespace })
        let separators = rest.prefix(while: isSeparator)
        guard !separators.isEmpty else { return name }
        rest = rest.dropFirst(separators.count).drop(while: { $0.isWhitespace })
        guard let first = rest.first, !isSeparator(first), !first.isWhitespace else { return name }
        return String(rest)
    }

    /// `index`, `readme` or the folder's own name (`releases/releases.md`), in any case: the doc published
    /// at its folder's route. The names are compared as written, number prefixes and all (docs.ts `isCategoryIndex`).
    public static func isCategoryIndex(_ source: String) -> Bool {
        let (folder, stem) = Routes.split(source)
        let folderName = folder.split(separator: "/").last.map { $0.lowercased() }
        return ["index", "readme", folderName].contains(stem.lowercased())
    }

    /// A category index without a `slug` sits at its folder, whatever its `id` (slug.ts `getSlug`).
    public static func isIndex(_ source: String, frontmatter: Frontmatter) -> Bool {
        (frontmatter.slug ?? "").isEmpty && isCategoryIndex(source)
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
        if isIndex(source, frontmatter: frontmatter) { return folder }
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
