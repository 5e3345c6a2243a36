import Foundation
import Runsmith

/// The fuzz target: one page through preprocess → parse → transform → render, with includes and
/// partials from an in-memory tree, twice: as a GitBook page for every reader, and as a Docusaurus MDX
/// page for one tenant (conditions decided, variables filled in).
///
/// An input is the page, then NUL-separated files `inc/1.md`, `inc/2.md`, …; any other path a page
/// includes is read from content/, held in memory from the start, so the example's own pages resolve
/// their includes. `make fuzz SECONDS=N` runs it under libFuzzer with AddressSanitizer, and
/// `make fuzz-regressions` (in .ci/run) runs every input kept in Tests/Fuzz/regressions once under it.
/// Built without `-DRUNSMITH_FUZZ` (as `swift build` does) it replays files, `runsmith-fuzz FILE…`,
/// for a debugger.
enum FuzzCase {
    static let content = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("content")

    static let files: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        guard let tree = try? ContentTree(root: content) else { return files }
        for path in tree.files { files[path] = try? tree.read(path) }
        return files
    }()

    static let tenant: TenantContext? = {
        guard let schemaBytes = files["tenants/schema.yml"],
              let (path, bytes) = files.filter({ $0.key.hasPrefix("tenants/") && $0.key != "tenants/schema.yml" }).min(by: { $0.key < $1.key })
        else { return nil }
        let schema = TenantSchema.decode(String(decoding: schemaBytes, as: UTF8.self)).0
        return Tenant.decode(String(decoding: bytes, as: UTF8.self), path: path, schema: schema).0
            .map { TenantContext(tenant: $0, schema: schema) }
    }()

    static func run(_ input: [UInt8]) {
        let parts = input.split(separator: 0, omittingEmptySubsequences: false)
        var tree = files
        for (i, part) in parts.dropFirst().enumerated() { tree["inc/\(i + 1).md"] = Array(part) }
        let page = Array(parts.first ?? [])
        let known = tree
        let read: Preprocessor.Reader = { known[$0] }
        _ = FragmentRenderer.render(page, path: "page.md", read: read)
        _ = FragmentRenderer.render(page, path: "page.mdx", read: read, preset: .docusaurus, tenant: tenant)
    }
}

#if RUNSMITH_FUZZ
/// libFuzzer's own driver, started from our `main` (SwiftPM gives every executable its main).
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                         _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
                         _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// What libFuzzer's runtime links against; the driver above is handed the same function.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    FuzzCase.run(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
#endif

@main
struct FuzzMain {
    static func main() {
        #if RUNSMITH_FUZZ
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzOneInput))
        #else
        for path in CommandLine.arguments.dropFirst() {
            guard let data = FileManager.default.contents(atPath: path) else {
                FileHandle.standardError.write(Data("runsmith-fuzz: cannot read \(path)\n".utf8))
                exit(2)
            }
            FuzzCase.run([UInt8](data))
            print("ok \(path)")
        }
        #endif
    }
}
