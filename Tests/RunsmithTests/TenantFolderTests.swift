import Crypto
import Foundation
import XCTest
@testable import Runsmith

/// A tenant's folder is complete on its own and says what it holds: `manifest.json` lists every other
/// file of the folder with its size and SHA-256, checked here by coreutils' `sha256sum -c`.
final class TenantFolderTests: XCTestCase {
    func testTheManifestListsEveryFileOfTheFolderWithItsHash() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-manifest-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        var options = SiteBuilder.Options(root: repositoryRoot.appendingPathComponent("content"), output: work.appendingPathComponent("site"))
        options.tenantsOutput = work.appendingPathComponent("tenants")
        options.singleFile = true
        let result = SiteBuilder(options: options).run()
        XCTAssertTrue(result.written, lines(result.diagnostics).joined(separator: "\n"))
        for tenant in ["contoso", "fabrikam", "northwind"] {
            let folder = work.appendingPathComponent("tenants/\(tenant)")
            let manifest = try JSONDecoder().decode(TenantManifest.self, from: Data(contentsOf: folder.appendingPathComponent("manifest.json")))
            XCTAssertEqual(manifest.tenant, tenant)
            XCTAssertEqual(manifest.schemaVersion, 1)
            var onDisk: [String] = []
            for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])!
            where try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true {
                onDisk.append(String(url.standardizedFileURL.path.dropFirst(folder.standardizedFileURL.path.count + 1)))
            }
            XCTAssertEqual(manifest.files.map(\.path), onDisk.filter { $0 != "manifest.json" }.sorted(), tenant)
            XCTAssertTrue(manifest.files.contains { $0.path.hasPrefix("_runsmith/") }, "the theme travels with the folder")
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/usr/bin/sha256sum")
            check.arguments = ["--check", "--strict", "--quiet"]
            check.currentDirectoryURL = folder
            let input = Pipe()
            check.standardInput = input
            try check.run()
            input.fileHandleForWriting.write(Data(manifest.files.map { "\($0.sha256)  \($0.path)\n" }.joined().utf8))
            try input.fileHandleForWriting.close()
            check.waitUntilExit()
            XCTAssertEqual(check.terminationStatus, 0, "sha256sum -c of \(tenant)'s folder")
            for file in manifest.files {
                let size = try FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(file.path).path)[.size] as? Int
                XCTAssertEqual(size, file.bytes, file.path)
            }
        }
    }

    /// Tenants removed from the docs: the next build empties the tenants' folder rather than leaving the
    /// old customers' runbooks there; a missing PDF engine is its own error before anything is built.
    func testATreeWithoutTenantsEmptiesAnEarlierTenantsFolder() throws {
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-no-tenants-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        var options = SiteBuilder.Options(root: repositoryRoot.appendingPathComponent("content"), output: work.appendingPathComponent("site"))
        options.tenantsOutput = work.appendingPathComponent("tenants")
        XCTAssertTrue(SiteBuilder(options: options).run().written)
        XCTAssertTrue(FileManager.default.fileExists(atPath: work.appendingPathComponent("tenants/contoso/index.html").path))
        let docs = try TempTree(["README.md": "# Home\n"])
        options.root = docs.root
        XCTAssertTrue(SiteBuilder(options: options).run().written)
        // Only the folder Runsmith marks its outputs with stays, so that the next build may replace it again.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: work.appendingPathComponent("tenants").path), [OutputWriter.marker])
    }

    /// The manifests an incremental build makes again hash every file anew that changed, and no other:
    /// after a step's page and a copied image change, each listed hash is that of the file now there.
    func testManifestsAfterAnEditHashTheFilesAsTheyAreNow() throws {
        let tree = try TempTree([
            "tenants/schema.yml": "variables:\n  org: { type: string, required: true }\n",
            "tenants/alpha.yml": "id: alpha\nname: Alpha\nvars: { org: a-org }\n",
            "tenants/beta.yml": "id: beta\nname: Beta\nvars: { org: b-org }\n",
            "README.md": "# Home\n",
            "steps.md": "# Steps\n\nSet up {{ vars.org }}.\n\n![Screen](shot.png)\n",
            "runbooks/r.yml": "title: R\nsections:\n  - page: steps.md\n    step: true\n",
        ])
        try tree.write("shot.png", Data([0x89, 0x50, 0x4E, 0x47, 1]))
        let build = IncrementalBuild(options: .init(root: tree.root, output: nil))
        func check(_ result: SiteBuilder.Result, _ when: String) throws {
            for tenant in ["alpha", "beta"] {
                let bytes = try XCTUnwrap(result.files[TenantFolder.path(tenant, TenantManifest.name)], when)
                let manifest = try JSONDecoder().decode(TenantManifest.self, from: Data(bytes))
                XCTAssertGreaterThan(manifest.files.count, 3, when)
                for file in manifest.files {
                    let path = TenantFolder.path(tenant, file.path)
                    let content = try result.files[path] ?? FileBytes.read(XCTUnwrap(result.copies[path], "\(when): \(path)").path)
                    XCTAssertEqual(file.sha256, PageCache.hex(SHA256.hash(data: content)), "\(when): \(path)")
                    XCTAssertEqual(file.bytes, content.count, "\(when): \(path)")
                }
            }
        }
        try check(build.update(), "first build")
        try tree.write("steps.md", Data("# Steps\n\nSet up {{ vars.org }} again.\n\n![Screen](shot.png)\n".utf8))
        try tree.write("shot.png", Data([0x89, 0x50, 0x4E, 0x47, 2, 3]))
        let edited = build.update(changed: ["steps.md", "shot.png"])
        XCTAssertFalse(edited.rebuiltRunbooks.isEmpty)
        try check(edited, "after the edit")
    }
}
