import Foundation
import XCTest
@testable import Runsmith

/// A docs tree written into a fresh temporary folder, removed (with any output beside it) when released.
final class TempTree {
    let root: URL
    /// A folder beside the tree for build output.
    let output: URL

    init(_ files: [String: String]) throws {
        let id = UUID().uuidString
        root = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-test-\(id)")
        output = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-test-\(id)-out")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for (path, text) in files { try write(path, Data(text.utf8)) }
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
        try? FileManager.default.removeItem(at: output)
    }

    func write(_ path: String, _ data: Data) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url)
    }

    func check() -> SiteBuilder.Result { SiteBuilder(options: .init(root: root, output: nil)).run() }

    func build() -> SiteBuilder.Result { SiteBuilder(options: .init(root: root, output: output)).run() }
}

/// Renders markdown as `runsmith render` does, with files for includes.
func fragment(_ markdown: String, files: [String: String] = [:], path: String = "page.md",
              tenant: TenantContext? = nil, highlights: Bool = false) -> (String, [Diagnostic]) {
    let all = files.merging([path: markdown]) { a, _ in a }
    let (html, diagnostics) = FragmentRenderer.render(Array(markdown.utf8), path: path, read: { all[$0].map { Array($0.utf8) } },
                                                      tenant: tenant, highlightsCode: highlights)
    return (String(decoding: html, as: UTF8.self), diagnostics)
}

/// `path:line:col: severity: message` for each diagnostic: what tests compare.
func lines(_ diagnostics: [Diagnostic]) -> [String] { diagnostics.map(\.description) }

/// The differential oracles' two builds of `root` (nothing written): as Runsmith builds it, and with
/// `other` changing how (`linksBySlots`, `sharesSteps`, `rendersByReference`).
func bothWays(_ root: URL, other: (IncrementalBuild) -> Void) -> (SiteBuilder.Result, SiteBuilder.Result) {
    let usual = IncrementalBuild(options: .init(root: root, output: nil)).update()
    let changed = IncrementalBuild(options: .init(root: root, output: nil))
    other(changed)
    return (usual, changed.update())
}

/// The differential oracles: a build made one way (`got`) has every file, copy and problem of the build
/// made the plain way (`expected`). `how` names the way, in the failure.
func assertSameBuild(_ got: SiteBuilder.Result, _ expected: SiteBuilder.Result, how: String,
                     file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertEqual(lines(got.diagnostics), lines(expected.diagnostics), file: file, line: line)
    XCTAssertEqual(Set(got.files.keys), Set(expected.files.keys), file: file, line: line)
    for (path, bytes) in expected.files where got.files[path] != bytes {
        XCTFail("\(path) differs \(how):\n\(String(decoding: got.files[path] ?? [], as: UTF8.self).prefix(3000))\n---\n"
                + String(decoding: bytes, as: UTF8.self).prefix(3000), file: file, line: line)
    }
    XCTAssertEqual(got.copies, expected.copies, file: file, line: line)
}

/// The repository's root folder (tests read content/ and ../shared/fixtures from it).
let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The HTML that `_runsmith/sidebar.js` inserts: its one string literal, read as JSON.
func sidebarList(_ result: SiteBuilder.Result) throws -> String {
    let script = String(decoding: try XCTUnwrap(result.files["_runsmith/sidebar.js"]), as: UTF8.self)
    let start = try XCTUnwrap(script.range(of: "holder.innerHTML = "))
    let end = try XCTUnwrap(script.range(of: ";\n", range: start.upperBound..<script.endIndex))
    XCTAssertFalse(script.contains("</"), "nothing in the script can end a <script> element")
    let literal = Data(script[start.upperBound..<end.lowerBound].utf8)
    return try XCTUnwrap(JSONSerialization.jsonObject(with: literal, options: .fragmentsAllowed) as? String)
}

/// What a program writes to standard output (its errors dropped): `pdftotext`, `pdfinfo`, Chromium's `--dump-dom`.
func runTool(_ executable: String, _ arguments: [String]) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    let out = Pipe()
    process.standardOutput = out
    process.standardError = FileHandle.nullDevice
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}

/// Chromium (to print PDFs) and poppler-utils (to read them back) are installed, or the test fails; it is
/// skipped only with RUNSMITH_SKIP_BROWSER=1.
func requirePrintEngine() throws {
    if PDFPrinter.find() != nil, FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") { return }
    if ProcessInfo.processInfo.environment["RUNSMITH_SKIP_BROWSER"] == "1" { throw XCTSkip("RUNSMITH_SKIP_BROWSER=1") }
    throw MissingTool(message: "chromium and poppler-utils are needed: `make test` installs them")
}

struct MissingTool: Error, CustomStringConvertible {
    var message: String
    var description: String { message }
}

/// The smallest project with a checklist: tenant `acme` (org `acme-org`), a home page, and runbook `r`
/// whose one step section is `steps.md`, `# Steps` followed by `steps`.
func oneStepRunbook(steps: String) -> [String: String] {
    [
        "tenants/schema.yml": "variables:\n  org: { type: string, required: true }\n",
        "tenants/acme.yml": "id: acme\nname: Acme\nvars: { org: acme-org }\n",
        "README.md": "# Home\n",
        "steps.md": "# Steps\n\n" + steps,
        "runbooks/r.yml": "title: R\nsections:\n  - page: steps.md\n    step: true\n",
    ]
}
