/// Where Docusaurus (3.9+) looks for the file that a `.md`/`.mdx` link names: docusaurus-utils
/// `markdownLinks.ts` `resolveMarkdownLinkPathname`, as changed by facebook/docusaurus#11397.
/// See docs/docusaurus.md, "How links resolve".
enum DocusaurusFileLinks {
    /// The places to try, in order, as paths of the tree; nil for one that leaves the content root.
    /// `file` is the file the link is written in (a partial's own path for a link inside a partial).
    static func candidates(_ path: String, from file: String, tree: ContentTree) -> [String?] {
        // The content root is the site folder when it holds `docs/`, else the docs folder itself, whose
        // site folder (the parent) is only reached through a leading `docs/`.
        let docsFolder = tree.directories.contains("docs") ? "docs" : ""
        func fromDocs(_ p: String) -> String? { RelativePath.resolve(String(p.drop { $0 == "/" }), from: docsFolder) }
        func fromSite(_ p: String) -> String? {
            let rest = String(p.drop { $0 == "/" })
            if !docsFolder.isEmpty { return RelativePath.resolve(rest, from: "") }
            return rest.hasPrefix("docs/") ? RelativePath.resolve(String(rest.dropFirst("docs/".count)), from: "") : nil
        }
        let local = RelativePath.resolve(path, from: RelativePath.directory(of: file))
        var places: [String?]
        if path.hasPrefix("@site/") {
            places = [fromSite(String(path.dropFirst("@site/".count)))]
        } else if path.hasPrefix("/") {
            places = [fromDocs(path), fromSite(path)]
        } else if path.hasPrefix("./") || path.hasPrefix("../") {
            places = [local]
        } else {
            places = [local, fromDocs(path), fromSite(path)]
        }
        // The same place twice (the docs folder is the root) is tried once.
        var seen: Set<String> = []
        return places.filter { $0.map { seen.insert($0).inserted } ?? true }
    }

    /// Why a `./x.md` link that the docs folder has is not taken from there: Docusaurus looks next to the file only.
    static func hint(_ path: String, tree: ContentTree) -> String? {
        guard path.hasPrefix("./") else { return nil }
        let bare = String(path.dropFirst(2))
        let docsFolder = tree.directories.contains("docs") ? "docs" : ""
        guard let there = RelativePath.resolve(bare, from: docsFolder), tree.contains(there) else { return nil }
        return "'./' and '../' links are looked up only next to the file; \(there) is reached as '/\(bare)'"
    }
}
