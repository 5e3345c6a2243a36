import Foundation
import XCTest
@testable import Runsmith

/// What a release build must guarantee whatever happens to it: killed at any moment, the previous output
/// is whole; built twice, or on one thread and on all of them, the output is the same to the byte.
final class ReleaseHardeningTests: XCTestCase {
    /// Relative path → SHA-256 of each file under `folder`, and the folder's own entries.
    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var out: [String: Data] = [:]
        let base = folder.resolvingSymlinksInPath().path + "/"
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey])! {
            guard try url.resourceValues(forKeys: [.isRegularFileKey]).isRegularFile == true else { continue }
            out[String(url.resolvingSymlinksInPath().path.dropFirst(base.count))] = try Data(contentsOf: url)
        }
        return out
    }

    private func runsmith(_ arguments: [String], environment: [String: String] = [:]) throws -> Process {
        let process = Process()
        process.executableURL = CommandLineTests.binary
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    private func generated(pages: Int, words: String) -> [String: String] {
        var files = ["SUMMARY.md": "# Contents\n\n" + (0..<pages).map { "* [Page \($0)](p/\($0).md)\n" }.joined()]
        for i in 0..<pages {
            files["p/\(i).md"] = "# Page \(i)\n\n" + String(repeating: "\(words) [next](\((i + 1) % pages).md).\n\n", count: 40)
        }
        return files
    }

    func testABuildKilledAtAnyMomentLeavesThePreviousOutputWhole() throws {
        let tree = try TempTree(generated(pages: 1500, words: "First version"))
        let first = try runsmith(["build", tree.root.path, "--out", tree.output.path])
        first.waitUntilExit()
        XCTAssertEqual(first.terminationStatus, 0)
        let before = try snapshot(tree.output)
        XCTAssertGreaterThan(before.count, 1500)
        for (path, text) in generated(pages: 1500, words: "Second version") { try tree.write(path, Data(text.utf8)) }
        var killedMidway = 0
        for delay in [0.02, 0.1, 0.25, 0.5, 0.8, 1.2, 1.8, 2.5] {
            let build = try runsmith(["build", tree.root.path, "--out", tree.output.path])
            Thread.sleep(forTimeInterval: delay)
            let wasRunning = build.isRunning
            kill(build.processIdentifier, SIGKILL)
            build.waitUntilExit()
            let after = try snapshot(tree.output)
            if wasRunning && build.terminationReason == .uncaughtSignal {
                killedMidway += 1
                // Killed: the output is the first build's, or the second's if the exchange happened just before.
                let second = after["p/0.html"].map { String(decoding: $0, as: UTF8.self).contains("Second version") } ?? false
                if !second { XCTAssertEqual(after, before, "killed after \(delay) s: the previous output is not whole") }
                else { XCTAssertEqual(after.count, before.count, "killed after \(delay) s: the new output is not whole") }
            }
        }
        XCTAssertGreaterThan(killedMidway, 2, "the builds were killed while running")
        // What the killed builds left beside the output is cleared by the next one.
        let finished = try runsmith(["build", tree.root.path, "--out", tree.output.path])
        finished.waitUntilExit()
        XCTAssertEqual(finished.terminationStatus, 0)
        let parent = tree.output.deletingLastPathComponent()
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: parent.path)
            .filter { $0.hasPrefix("." + tree.output.lastPathComponent + ".runsmith-") }
        XCTAssertEqual(leftovers, [])
        XCTAssertTrue(String(decoding: try snapshot(tree.output)["p/0.html"]!, as: UTF8.self).contains("Second version"))
    }

    func testTwoBuildsAreTheSameAndOneThreadBuildsWhatAllCoresBuild() throws {
        var roots = [repositoryRoot.appendingPathComponent("content")]
        for fixture in [CorpusTests.fixture, CorpusTests.ory] where FileManager.default.fileExists(atPath: fixture.path) { roots.append(fixture) }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-repro-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        for (n, root) in roots.enumerated() {
            var outputs: [[String: Data]] = []
            for (k, environment) in [[:], [:], ["RUNSMITH_JOBS": "1"]].enumerated() {
                let out = work.appendingPathComponent("\(n)-\(k)")
                let build = try runsmith(["build", root.path, "--out", out.path, "--single-file"], environment: environment)
                build.waitUntilExit()
                outputs.append(try snapshot(out))
            }
            XCTAssertGreaterThan(outputs[0].count, 10, root.path)
            for k in 1..<outputs.count {
                XCTAssertEqual(Set(outputs[k].keys), Set(outputs[0].keys), root.path)
                for (path, bytes) in outputs[0] where outputs[k][path] != bytes {
                    XCTFail("\(root.lastPathComponent)/\(path) differs between build 1 and build \(k + 1)")
                }
            }
        }
    }
}
