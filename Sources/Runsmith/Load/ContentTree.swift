import Foundation

/// The files under the docs root. Every path is relative to the root, `/`-separated, normalized.
/// Nothing outside the root is ever read: symlinks that leave it are listed apart and refused.
public struct ContentTree: Sendable {
    public let root: URL
    /// `root.path`, made once: a URL's path is built again on every call.
    private let rootPath: String
    /// Regular files (and symlinks resolving inside the root), sorted.
    public let files: [String]
    public let fileSet: Set<String>
    public let directories: Set<String>
    /// Symlinks whose target lies outside the root.
    public let escapingLinks: Set<String>

    static let skippedDirectories: Set<String> = [".git", "node_modules", ".build"]

    public init(root: URL, excluding excluded: [URL] = []) throws {
        let rootURL = root.standardizedFileURL.resolvingSymlinksInPath()
        self.root = rootURL
        let rootPath = rootURL.path
        let excludedPaths = excluded.map { $0.standardizedFileURL.resolvingSymlinksInPath().path }
        var files: [String] = []
        var dirs: Set<String> = [""]
        var escaping: Set<String> = []
        let fm = FileManager.default
        func walk(_ rel: String) throws {
            let abs = rel.isEmpty ? rootPath : rootPath + "/" + rel
            for name in try fm.contentsOfDirectory(atPath: abs).sorted() {
                let childRel = rel.isEmpty ? name : rel + "/" + name
                let childAbs = abs + "/" + name
                if excludedPaths.contains(childAbs) { continue }
                let attrs = try? fm.attributesOfItem(atPath: childAbs)
                let type = attrs?[.type] as? FileAttributeType
                if type == .typeSymbolicLink {
                    let target = URL(fileURLWithPath: childAbs).resolvingSymlinksInPath().path
                    guard target == rootPath || target.hasPrefix(rootPath + "/") else {
                        escaping.insert(childRel); continue
                    }
                    var isDir: ObjCBool = false
                    if fm.fileExists(atPath: target, isDirectory: &isDir) {
                        if !isDir.boolValue { files.append(childRel) }
                    } else if let written = try? fm.destinationOfSymbolicLink(atPath: childAbs),
                              case let aim = URL(fileURLWithPath: written, relativeTo: URL(fileURLWithPath: abs, isDirectory: true)).standardizedFileURL.path,
                              aim.hasPrefix(rootPath + "/") {
                        // A broken link into the root is listed too: reading it fails with an error at its path,
                        // where dropping it would make `tenants/b.yml` or `runsmith.yml` quietly absent.
                        files.append(childRel)
                    } else {
                        escaping.insert(childRel)
                    }
                    continue
                }
                if type == .typeDirectory {
                    if Self.skippedDirectories.contains(name) { continue }
                    dirs.insert(childRel)
                    try walk(childRel)
                } else if type == .typeRegular {
                    files.append(childRel)
                }
            }
        }
        try walk("")
        self.files = files.sorted()
        self.fileSet = Set(files)
        self.directories = dirs
        self.escapingLinks = escaping
        self.rootPath = rootPath
    }

    public func contains(_ path: String) -> Bool { fileSet.contains(path) }

    /// Reads a file of the tree; refuses anything not listed (outside the root, escaping symlink).
    public func read(_ path: String) throws -> [UInt8] {
        guard fileSet.contains(path) else { throw CocoaError(.fileNoSuchFile) }
        return try FileBytes.read(rootPath + "/" + path)
    }

    /// A file the build depends on (config, SUMMARY.md, tenants, runbooks): nil when the tree has none;
    /// nil with an `unreadable-file` error when the tree lists it but it cannot be read — never taken
    /// for a missing file, which would quietly build with defaults.
    public func readListed(_ path: String, diagnostics: inout [Diagnostic]) -> [UInt8]? {
        guard fileSet.contains(path) else { return nil }
        do { return try read(path) } catch {
            diagnostics.append(.error(.unreadableFile, "cannot read \(path): \(Self.reason(error))", at: SourceLocation(path: path)))
            return nil
        }
    }

    /// Why a listed file could not be read, in a few words.
    static func reason(_ error: Error) -> String {
        switch (error as? CocoaError)?.code {
        case .fileReadNoSuchFile?, .fileNoSuchFile?: return "it does not exist (a broken symbolic link?)"
        case .fileReadNoPermission?: return "permission denied"
        case .fileReadInapplicableStringEncoding?: return "it is not UTF-8 text"
        default: return (error as NSError).localizedDescription
        }
    }

    public func absolute(_ path: String) -> URL { root.appendingPathComponent(path) }

    /// Reads root-relative paths without listing the tree first (`runsmith render`), with the same
    /// confinement: a path or symlink that resolves outside `root` reads as missing.
    public static func confinedReader(root: URL) -> Preprocessor.Reader {
        let base = root.standardizedFileURL.resolvingSymlinksInPath().path
        return { path in
            guard let relative = RelativePath.resolve(path, from: "") else { return nil }
            let target = URL(fileURLWithPath: base).appendingPathComponent(relative).resolvingSymlinksInPath().path
            guard target.hasPrefix(base + "/"), FileManager.default.fileExists(atPath: target) else { return nil }
            return try FileBytes.read(target)
        }
    }
}
