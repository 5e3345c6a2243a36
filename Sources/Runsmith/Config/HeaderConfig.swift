import Yams

/// The header's logo, links and repository link: `logo:`, `links:` and `repository:` in runsmith.yml.
/// Every page the build writes shows them, the tenant folders' pages and single files too.
public struct HeaderConfig: Sendable, Equatable {
    public struct Link: Sendable, Equatable {
        public var title: String
        public var url: String
    }

    /// An image file under the docs root, and where runsmith.yml names it (for a missing file).
    public struct Logo: Sendable, Equatable {
        public var path: String
        public var at: SourceLocation
        /// Its name under `_runsmith/`: `logo.svg`, `logo.png`…
        public var asset: String { "logo." + (path.split(separator: ".").last.map { $0.lowercased() } ?? "") }
    }

    public var logo: Logo?
    public var links: [Link] = []
    /// The docs' source repository (`https://github.com/acme/docs`).
    public var repository: String?

    /// What a tenant's pages show: the logo and links, not the docs' repository (which may be private;
    /// customers read runbooks, not their sources).
    public var forTenants: HeaderConfig {
        var header = self
        header.repository = nil
        return header
    }

    static let keys: Set<String> = ["logo", "links", "repository"]
    static let imageTypes: Set<String> = ["svg", "png", "jpg", "jpeg", "webp", "gif"]

    /// What the repository link says: its host's name, else "Repository".
    public var repositoryName: String? {
        guard let repository else { return nil }
        let host = repository.split(separator: "/").dropFirst().first?.lowercased() ?? ""
        for (domain, name) in [("github.", "GitHub"), ("gitlab.", "GitLab"), ("bitbucket.", "Bitbucket"), ("dev.azure.com", "Azure Repos")]
        where host.hasPrefix(domain) || host.contains("." + domain) || host == domain {
            return name
        }
        return "Repository"
    }

    static func isWebURL(_ value: String) -> Bool {
        (value.hasPrefix("https://") || value.hasPrefix("http://")) && !value.contains(where: \.isWhitespace)
    }

    /// Reads one of `keys`; each problem is an `invalid-config` error where it is written.
    mutating func read(_ key: String, _ value: Node, at: SourceLocation, source: YAMLSource, into diagnostics: inout [Diagnostic]) {
        func bad(_ message: String, _ location: SourceLocation? = nil) {
            diagnostics.append(.error(.invalidConfig, message, at: location ?? at))
        }
        switch key {
        case "logo":
            guard let path = value.string, !path.isEmpty, !path.hasPrefix("/"), !path.split(separator: "/").contains(".."),
                  let type = path.split(separator: ".").last?.lowercased(), path.contains("."), Self.imageTypes.contains(type) else {
                bad("logo must be an image file inside the docs root (\(Self.imageTypes.sorted().joined(separator: ", ")))")
                return
            }
            logo = Logo(path: path, at: source.location(value.mark))
        case "repository":
            guard let url = value.string, Self.isWebURL(url) else { bad("repository must be an http(s) URL"); return }
            repository = url.hasSuffix("/") ? String(url.dropLast()) : url
        default:
            guard let items = value.sequence else { bad("links must be a list of `- title: …` / `url: https://…`"); return }
            for item in items {
                let at = source.location(item.mark)
                guard let fields = item.mapping, let title = fields["title"]?.string, !title.isEmpty,
                      let url = fields["url"]?.string, fields.count == 2 else {
                    bad("links: each link is `title:` and `url:`, nothing else", at); continue
                }
                guard Self.isWebURL(url) else { bad("links: '\(title)' must have an http(s) URL", at); continue }
                links.append(Link(title: title, url: url))
            }
        }
    }
}
