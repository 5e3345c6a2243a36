import Foundation

/// Turns the path of an `{% include "…" %}` into a root-relative file path: relative to the including
/// file, or through the GitBook space map for `https://app.gitbook.com/s/<space>/…` includes.
public enum IncludeResolver {
    public struct Failure: Error, Sendable {
        public var code: DiagnosticCode
        public var message: String
        public var note: String?
    }

    public static func resolve(_ reference: String, from file: String, spaces: [String: String]) -> Result<String, Failure> {
        let decoded = reference.removingPercentEncoding ?? reference
        if let space = GitBookSpaceLink(decoded) {
            guard let target = spaces[space.id] else {
                return .failure(Failure(code: .unmappedInclude, message: "include from GitBook space '\(space.id)' which runsmith.yml does not map",
                                        note: "add `spaces: { \(space.id): folder/ }` to runsmith.yml"))
            }
            guard !target.contains("://") else {
                return .failure(Failure(code: .remoteInclude, message: "include from space '\(space.id)', which is mapped to a URL: only folders can be included"))
            }
            guard let path = RelativePath.resolve(space.path, from: RelativePath.resolve(target, from: "") ?? "") else {
                return .failure(Failure(code: .pathEscapesRoot, message: "include path leaves the content root"))
            }
            return .success(path)
        }
        if decoded.contains("://") || decoded.hasPrefix("file:") {
            return .failure(Failure(code: .remoteInclude, message: "cannot include '\(reference)': only files inside the content root can be included"))
        }
        guard let path = RelativePath.resolve(decoded, from: RelativePath.directory(of: file)) else {
            return .failure(Failure(code: .pathEscapesRoot, message: "include path '\(reference)' leaves the content root"))
        }
        return .success(path)
    }
}

/// `https://app.gitbook.com/s/<space-id>/<path>`: a link or include into another GitBook space.
public struct GitBookSpaceLink: Sendable, Equatable {
    public var id: String
    public var path: String

    public init?(_ url: String) {
        let prefixes = ["https://app.gitbook.com/s/", "http://app.gitbook.com/s/"]
        guard let prefix = prefixes.first(where: url.hasPrefix) else { return nil }
        let rest = url.dropFirst(prefix.count)
        let id = rest.prefix { $0 != "/" && $0 != "#" && $0 != "?" }
        guard !id.isEmpty else { return nil }
        self.id = String(id)
        var path = rest.dropFirst(id.count)
        if path.hasPrefix("/") { path = path.dropFirst() }
        self.path = String(path)
    }
}
