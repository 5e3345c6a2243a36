import Foundation

/// When each file under the docs root was last changed in git, for the pages' "Last updated": one
/// `git log` over the whole tree (as Hugo's `enableGitInfo` reads it), never one process per page.
/// Empty when the root is not in a git work tree, when git is missing, or with `last_updated: false`.
public struct GitHistory: Sendable {
    /// Path (relative to the docs root) → the commit time (Unix seconds) of its last change.
    var lastChanged: [String: Int] = [:]

    public init() {}

    /// Runs `git log --name-only` once under `root`: newest commits first, so a file's first sighting
    /// is its last change. Renames count as changes (`--no-renames`).
    public static func read(root: URL) -> GitHistory {
        guard let log = CommandOutput.run(["git", "-C", root.path, "log", "--format=%x00%ct", "--name-only", "--no-renames",
                                           "--relative", "-z", "--", "."]) else { return GitHistory() }
        var history = GitHistory()
        history.lastChanged = parse(log)
        return history
    }

    /// `git log -z --format=%x00%ct --name-only`: per commit a NUL, its time, a NUL and a newline, then
    /// each file name ended by a NUL.
    static func parse(_ bytes: [UInt8]) -> [String: Int] {
        var result: [String: Int] = [:]
        var time: Int?
        var expectTime = false
        for field in bytes.split(separator: 0, omittingEmptySubsequences: false) {
            if field.isEmpty { expectTime = true; continue }
            if expectTime {
                time = Int(String(decoding: field, as: UTF8.self))
                expectTime = false
                continue
            }
            let name = String(decoding: field.first == 0x0A ? field.dropFirst() : field[...], as: UTF8.self)
            if let time, !name.isEmpty, result[name] == nil { result[name] = time }
        }
        return result
    }

    /// The newest change among `paths` (a page and its includes), nil when git knows none of them.
    public func lastChange(of paths: [String]) -> Int? { paths.compactMap { lastChanged[$0] }.max() }
}
