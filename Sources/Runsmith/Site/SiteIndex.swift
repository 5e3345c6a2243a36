/// What every page may know about every other: routes, titles, anchors. Built once after the parse
/// phase, read by the link transform and the templates.
public struct SiteIndex: Sendable {
    public struct Page: Sendable, Equatable, Codable {
        public var source: String
        public var route: String
        /// Path on the published site, no extension (`guide/setup`, `kratos/social-signin/apple`).
        public var published: String
        public var title: String
        public var description: String?
        public var anchors: Set<String>
        /// Heading id → level (the title is 1): runbooks move a section's headings under their step.
        public var headingLevels: [String: Int] = [:]
        /// False for pages in the tree that this build does not write (not in SUMMARY.md).
        public var built: Bool
        /// A page this build meant to write but could not read as markdown (binary, bad UTF-8 or frontmatter).
        public var unreadable = false
        /// It has conditions: a tenant's version of it may lack some of its anchors.
        public var conditional = false
    }

    public var pages: [String: Page] = [:]
    /// Published path → source, for links written as routes (`./data-mapping`, `/docs/guide/setup`).
    public var byPublished: [String: String] = [:]
    /// Docusaurus doc id → source (`pagination_next: setup`).
    public var docIDs: [String: String] = [:]
    /// Output route → source, for the pages this build writes.
    public var byRoute: [String: String] = [:]
    public var tree: ContentTree
    public var config: SiteConfig
    /// Decides which pages follow Docusaurus' link rules (`DocusaurusFileLinks`).
    public var flavor: Flavor = .gitbook
    /// False in the provisional index of the parse phase, made before any page's headings are known:
    /// links with `#fragments` are then taken as they are (and checked again against the real index).
    public var anchorsKnown = true

    public init(tree: ContentTree, config: SiteConfig) {
        self.tree = tree
        self.config = config
    }

    static let markdownExtensions = [".md", ".mdx"]

    public static func isMarkdown(_ path: String) -> Bool {
        markdownExtensions.contains { path.lowercased().hasSuffix($0) }
    }

    /// The markdown file a link path names: the file itself, `dir/` → README/index, or the path plus `.md`.
    public func markdownFile(for path: String) -> String? {
        if tree.contains(path), Self.isMarkdown(path) { return path }
        let dir = path.hasSuffix("/") ? String(path.dropLast()) : path
        if tree.directories.contains(dir) {
            for name in ["README.md", "readme.md", "index.md", "README.mdx", "index.mdx"] {
                let candidate = dir.isEmpty ? name : dir + "/" + name
                if tree.contains(candidate) { return candidate }
            }
        }
        for ext in Self.markdownExtensions where tree.contains(path + ext) { return path + ext }
        return nil
    }
}

/// Output paths for source pages.
public enum Routes {
    /// `a/b.md` → `a/b.html`; `a/README.md` → `a/index.html`.
    public static func output(for source: String) -> String {
        let (dir, stem) = split(source)
        if isIndex(stem) { return dir.isEmpty ? "index.html" : dir + "/index.html" }
        return (dir.isEmpty ? "" : dir + "/") + stem + ".html"
    }

    /// The page's path on the published site (`site_url` + this), GitBook style: no extension, README → folder.
    public static func published(for source: String) -> String {
        let (dir, stem) = split(source)
        if isIndex(stem) { return dir }
        return (dir.isEmpty ? "" : dir + "/") + stem
    }

    static func split(_ source: String) -> (String, String) {
        let dir = RelativePath.directory(of: source)
        var name = dir.isEmpty ? source : String(source.dropFirst(dir.count + 1))
        if let dot = name.lastIndex(of: ".") { name = String(name[..<dot]) }
        return (dir, name)
    }

    static func isIndex(_ stem: String) -> Bool { stem.lowercased() == "readme" || stem == "index" }
}
