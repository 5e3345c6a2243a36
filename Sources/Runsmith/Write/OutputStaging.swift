import Foundation
import Synchronization

/// The temporary folder a build writes into beside its output, then swaps with it (`finish`). Pages can
/// be written into it as they are rendered (`write`, from any thread), so a build need not hold every
/// page until the end; `discard` removes it when the build writes nothing after all.
final class OutputStaging: Sendable {
    let destination: URL
    let folder: URL
    private let retired: URL
    /// The output this build replaces: files it already holds are linked, not written (`PreviousOutput`).
    private let previous: PreviousOutput?
    private struct Written {
        /// Folders made so far, relative to `folder`.
        var folders: Set<String> = [""]
        var failure: CocoaError?
    }
    private let written = Mutex(Written())

    /// Makes the staging folder (and removes those of killed builds of the same output).
    init(destination: URL) throws {
        self.destination = destination.standardizedFileURL
        let fm = FileManager.default
        let parent = self.destination.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let writer = OutputWriter(destination: self.destination), name = self.destination.lastPathComponent
        writer.removeAbandoned(in: parent)
        let pid = ProcessInfo.processInfo.processIdentifier
        folder = parent.appendingPathComponent(".\(name).runsmith-new-\(pid)")
        retired = parent.appendingPathComponent(".\(name).runsmith-old-\(pid)")
        previous = PreviousOutput(destination: self.destination)
        try? fm.removeItem(at: folder)
        // `_runsmith/` marks the folder as Runsmith's even when it holds no theme file (a shard of a build).
        try fm.createDirectory(at: folder.appendingPathComponent(OutputWriter.marker), withIntermediateDirectories: true)
    }

    /// Writes one file now, making its folder once; the first failure is thrown by `finish`.
    func write(_ path: String, _ bytes: [UInt8]) {
        let directory = RelativePath.directory(of: path)
        let ready = written.withLock { state -> Bool in
            guard state.failure == nil else { return false }
            if !state.folders.contains(directory) {
                do {
                    try FileManager.default.createDirectory(at: folder.appendingPathComponent(directory), withIntermediateDirectories: true)
                } catch {
                    state.failure = CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: directory])
                    return false
                }
                state.folders.insert(directory)
            }
            return true
        }
        guard ready, let failure = place(path, bytes, root: folder.path) else { return }
        written.withLock { state in if state.failure == nil { state.failure = failure } }
    }

    /// Writes the rest (`files`: path → bytes; `copies`: path → source file), then puts the folder in
    /// the output's place. On an error the folder is removed and the output left as it was.
    func finish(files: [String: [UInt8]], copies: [String: URL]) throws {
        let fm = FileManager.default
        do {
            if let failure = written.withLock({ $0.failure }) { throw failure }
            let made = written.withLock { $0.folders }
            let folders = Set(files.keys.map(RelativePath.directory(of:)) + copies.keys.map(RelativePath.directory(of:))).subtracting(made)
            for directory in folders.sorted() {
                try fm.createDirectory(at: folder.appendingPathComponent(directory), withIntermediateDirectories: true)
            }
            // Files on all cores, each with one open/write/close; a folder's files by one thread, one after
            // another: creating files in one folder from two threads at once contends for its lock in the
            // kernel (with the search index's thousand files in one folder, more time than the writing).
            let byFolder = Dictionary(grouping: files.keys, by: RelativePath.directory(of:)).sorted { $0.key < $1.key }.map { $0.value.sorted() }
            let root = folder.path
            let failures = Parallel.map(byFolder.count) { i in
                byFolder[i].lazy.compactMap { path in self.place(path, files[path]!, root: root) }.first
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
            for (path, source) in copies.sorted(by: { $0.key < $1.key }) {
                try fm.copyItem(at: source, to: folder.appendingPathComponent(path))
            }
        } catch {
            discard()
            throw error
        }
        // Swap: the old output stays complete until the new one is in place.
        if fm.fileExists(atPath: destination.path), OutputWriter.exchange(folder.path, destination.path) {
            try? fm.removeItem(at: folder)
        } else if fm.fileExists(atPath: destination.path) {
            // No atomic exchange here (not Linux, or a file system without it): two renames, a moment apart.
            try fm.moveItem(at: destination, to: retired)
            do { try fm.moveItem(at: folder, to: destination) } catch {
                try? fm.moveItem(at: retired, to: destination)
                throw error
            }
            try? fm.removeItem(at: retired)
        } else {
            try fm.moveItem(at: folder, to: destination)
        }
    }

    /// One file into the staging folder: linked from the previous output when it holds the same bytes,
    /// written otherwise; the error, if any.
    private func place(_ path: String, _ bytes: [UInt8], root: String) -> CocoaError? {
        if let previous, previous.link(path, holding: bytes, to: root + "/" + path) { return nil }
        return OutputWriter.writeFile(root + "/" + path, bytes)
    }

    /// Removes the folder and everything written into it.
    func discard() {
        try? FileManager.default.removeItem(at: folder)
    }
}
