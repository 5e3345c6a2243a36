import Foundation
import XCTest
@testable import Runsmith

/// A build links the files the previous output already holds, byte for byte (`PreviousOutput`), and
/// writes every other: what it leaves must be what a build into an empty folder leaves.
final class PreviousOutputTests: XCTestCase {
    private func tree() throws -> TempTree {
        try TempTree([
            "SUMMARY.md": "# Contents\n\n* [Home](README.md)\n* [Steady](steady.md)\n* [Edited](edited.md)\n",
            "README.md": "# Home\n\nCafé, 中文, 🚀.\n",
            "steady.md": "# Steady\n\nThe same every time.\n",
            "edited.md": "# Edited\n\nFirst words.\n",
        ])
    }

    private func inode(_ url: URL) -> UInt64? {
        var info = stat()
        return lstat(url.path, &info) == 0 ? UInt64(info.st_ino) : nil
    }

    private func files(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let fm = FileManager.default
        for case let path as String in fm.enumerator(atPath: folder.path)! {
            var isDir: ObjCBool = false
            let url = folder.appendingPathComponent(path)
            if fm.fileExists(atPath: url.path, isDirectory: &isDir), !isDir.boolValue { out[path] = try Data(contentsOf: url) }
        }
        return out
    }

    /// The same build into a fresh folder: the reference for every file.
    private func assertSameAsFresh(_ tree: TempTree, file: StaticString = #filePath, line: UInt = #line) throws {
        let fresh = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-fresh-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: fresh) }
        XCTAssertEqual(SiteBuilder(options: .init(root: tree.root, output: fresh)).run().hasErrors, false, file: file, line: line)
        let built = try files(tree.output), reference = try files(fresh)
        XCTAssertEqual(Set(built.keys), Set(reference.keys), file: file, line: line)
        for (path, data) in reference { XCTAssertEqual(built[path], data, path, file: file, line: line) }
    }

    func testUnchangedFilesAreLinkedAndChangedOnesWritten() throws {
        let tree = try tree()
        XCTAssertEqual(tree.build().hasErrors, false)
        let steady = tree.output.appendingPathComponent("steady.html"), edited = tree.output.appendingPathComponent("edited.html")
        let (steadyBefore, editedBefore) = (inode(steady), inode(edited))
        try tree.write("edited.md", Data("# Edited\n\nOther words.\n".utf8))
        XCTAssertEqual(tree.build().hasErrors, false)
        XCTAssertEqual(inode(steady), steadyBefore, "the unchanged page is the same file")
        XCTAssertNotEqual(inode(edited), editedBefore, "the changed page is written anew")
        XCTAssertTrue(try String(contentsOf: edited, encoding: .utf8).contains("Other words."))
        try assertSameAsFresh(tree)
    }

    /// What someone did to the last output is never carried over: a file edited in place (same size),
    /// made private, given a second name, or replaced by a symbolic link.
    func testAFileChangedAfterTheLastBuildIsWrittenAgain() throws {
        let tree = try tree()
        XCTAssertEqual(tree.build().hasErrors, false)
        let fm = FileManager.default
        let home = tree.output.appendingPathComponent("index.html")
        var text = try Data(contentsOf: home)
        text[text.count / 2] = text[text.count / 2] == 0x41 ? 0x42 : 0x41
        try text.write(to: home)
        let steady = tree.output.appendingPathComponent("steady.html")
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: steady.path)
        let edited = tree.output.appendingPathComponent("edited.html")
        let elsewhere = tree.root.deletingLastPathComponent().appendingPathComponent("runsmith-link-\(UUID().uuidString).html")
        defer { try? fm.removeItem(at: elsewhere) }
        try fm.linkItem(at: edited, to: elsewhere)
        let sitemapTarget = tree.root.deletingLastPathComponent().appendingPathComponent("runsmith-target-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: sitemapTarget) }
        let search = try XCTUnwrap(try files(tree.output).keys.first { $0.hasPrefix("_runsmith/search/") })
        try fm.copyItem(at: tree.output.appendingPathComponent(search), to: sitemapTarget)
        try fm.removeItem(at: tree.output.appendingPathComponent(search))
        try fm.createSymbolicLink(at: tree.output.appendingPathComponent(search), withDestinationURL: sitemapTarget)

        XCTAssertEqual(tree.build().hasErrors, false)
        try assertSameAsFresh(tree)
        XCTAssertEqual(try fm.attributesOfItem(atPath: steady.path)[.posixPermissions] as? Int, 0o644 & ~Int(try XCTUnwrap(PreviousOutput.umask())))
        XCTAssertNotEqual(inode(edited), inode(elsewhere), "a file with another name is not shared with it")
        XCTAssertEqual(try fm.attributesOfItem(atPath: tree.output.appendingPathComponent(search).path)[.type] as? FileAttributeType, .typeRegular)
    }

    /// A folder of the last output replaced by a symbolic link to files elsewhere: those files hold the
    /// right bytes, but linking them would share them with a place outside the output.
    func testAFolderLinkedOutOfTheOutputIsNotFollowed() throws {
        let tree = try tree()
        XCTAssertEqual(tree.build().hasErrors, false)
        let fm = FileManager.default
        let folder = tree.output.appendingPathComponent("_runsmith/search")
        let elsewhere = tree.root.deletingLastPathComponent().appendingPathComponent("runsmith-elsewhere-\(UUID().uuidString)")
        defer { try? fm.removeItem(at: elsewhere) }
        try fm.copyItem(at: folder, to: elsewhere)
        try fm.removeItem(at: folder)
        try fm.createSymbolicLink(at: folder, withDestinationURL: elsewhere)

        XCTAssertEqual(tree.build().hasErrors, false)
        try assertSameAsFresh(tree)
        XCTAssertEqual(try fm.attributesOfItem(atPath: folder.path)[.type] as? FileAttributeType, .typeDirectory)
        for name in try fm.contentsOfDirectory(atPath: elsewhere.path) {
            XCTAssertNotEqual(inode(folder.appendingPathComponent(name)), inode(elsewhere.appendingPathComponent(name)), name)
        }
    }
}
