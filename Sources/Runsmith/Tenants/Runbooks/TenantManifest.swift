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

    /// A manifest in each tenant's folder of `result`; problems reading a copied file.
    static func add(to result: inout SiteBuilder.Result, provenance: Provenance) -> [Diagnostic] {
        var folders: [String: [File]] = [:], diagnostics: [Diagnostic] = []
        func list(_ path: String, _ bytes: [UInt8]) {
            guard let tenant = TenantFolder.tenant(of: path) else { return }
            let file = String(path.dropFirst(TenantFolder.path(tenant, "").count))
            folders[tenant, default: []].append(File(path: file, bytes: bytes.count, sha256: PageCache.hex(SHA256.hash(data: bytes))))
        }
        for (path, bytes) in result.files { list(path, bytes) }
        for (path, source) in result.copies where TenantFolder.tenant(of: path) != nil {
            do { list(path, [UInt8](try Data(contentsOf: source))) } catch {
                diagnostics.append(.error(.unreadableAsset, "cannot read \(source.lastPathComponent) for \(path): \(ContentTree.reason(error))", at: nil))
            }
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
