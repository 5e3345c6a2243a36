import Crypto
import Foundation

/// `_tenants/<id>/manifest.json`: every other file of a tenant's folder with its size and SHA-256, and where
/// the build came from, so that whoever receives the folder can check that it is whole and unchanged
/// (docs/tenants.md shows the `sha256sum -c` line).
struct TenantManifest: Codable {
    static let currentSchemaVersion = 1
    static let name = "manifest.json"

    struct File: Codable {
        /// Relative to the tenant's folder.
        var path: String
        var bytes: Int
        var sha256: String
    }

    var schemaVersion = currentSchemaVersion
    var tenant: String
    var generator = Provenance.generator
    /// The docs' git commit, when they are in git.
    var sourceCommit: String?
    /// Only with `SOURCE_DATE_EPOCH`, so that builds stay reproducible.
    var builtAt: String?
    var files: [File]

    /// Path → the bytes last listed there and their SHA-256.
    typealias Hashes = [String: (bytes: [UInt8], sha256: String)]

    /// A manifest in each tenant's folder of `result`; problems reading a copied file.
    /// `known`: the hashes of the last manifests, kept up to date. A file whose bytes are those listed
    /// last time is not hashed again (`serve` makes every manifest on every change, most files unchanged);
    /// a file copied into many tenants' folders is read and hashed once; the rest are hashed on all cores.
    static func add(to result: inout SiteBuilder.Result, provenance: Provenance, known: inout Hashes) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var listed: [(tenant: String, path: String, bytes: [UInt8])] = []
        func list(_ path: String, _ bytes: [UInt8]) {
            guard let tenant = TenantFolder.tenant(of: path) else { return }
            listed.append((tenant, path, bytes))
        }
        for (path, bytes) in result.files { list(path, bytes) }
        var sources: [URL: [UInt8]] = [:]
        for (path, source) in result.copies where TenantFolder.tenant(of: path) != nil {
            if let bytes = sources[source] { list(path, bytes); continue }
            do {
                let bytes = try FileBytes.read(source.path)
                sources[source] = bytes
                list(path, bytes)
            } catch {
                diagnostics.append(.error(.unreadableAsset, "cannot read \(source.lastPathComponent) for \(path): \(ContentTree.reason(error))", at: nil))
            }
        }
        let last = known, files = listed
        let hashes = Parallel.map(files.count) { i -> String in
            if let kept = last[files[i].path], kept.bytes == files[i].bytes { return kept.sha256 }
            return PageCache.hex(SHA256.hash(data: files[i].bytes))
        }
        known = [:]
        var folders: [String: [File]] = [:]
        for (file, sha256) in zip(files, hashes) {
            known[file.path] = (file.bytes, sha256)
            folders[file.tenant, default: []].append(File(path: String(file.path.dropFirst(TenantFolder.path(file.tenant, "").count)),
                                                          bytes: file.bytes.count, sha256: sha256))
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        for (tenant, files) in folders.sorted(by: { $0.key < $1.key }) {
            let manifest = TenantManifest(tenant: tenant, sourceCommit: provenance.commit, builtAt: provenance.buildTime,
                                          files: files.sorted { $0.path < $1.path })
            do { result.files[TenantFolder.path(tenant, name)] = Array(try encoder.encode(manifest)) + [0x0A] } catch {
                diagnostics.append(.error(.writeFailed, "cannot write \(TenantFolder.path(tenant, name)): \(error)", at: nil))
            }
        }
        return diagnostics
    }
}
