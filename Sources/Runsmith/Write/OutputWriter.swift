import Foundation

/// The write stage: everything goes into a fresh temporary folder beside the output, which then
/// trades places with the output in one atomic exchange (`renameat2(RENAME_EXCHANGE)`), so a build
/// crashed or killed at any moment leaves the previous site whole at its path.
public struct OutputWriter: Sendable {
    public let destination: URL

    public init(destination: URL) { self.destination = destination.standardizedFileURL }

    /// The folder every output holds: only a folder that has it (or an empty one) is ever replaced.
    public static let marker = "_runsmith"

    /// Why writing to `destination` would destroy something that is not a previous output, or nil when safe:
    /// the docs themselves (or a folder holding them), or a non-empty folder Runsmith did not write.
    public func refusal(docsRoot: URL) -> String? {
        let out = destination.resolvingSymlinksInPath().path
        let root = docsRoot.standardizedFileURL.resolvingSymlinksInPath().path
        if out == root || root.hasPrefix(out == "/" ? "/" : out + "/") {
            return "output folder \(destination.path) holds the docs root: building there would delete the sources"
        }
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: out, isDirectory: &isDir) else { return nil }
        guard isDir.boolValue else { return "output \(destination.path) exists and is not a folder" }
        let entries = (try? fm.contentsOfDirectory(atPath: out)) ?? []
        var markerIsFolder: ObjCBool = false
        if entries.isEmpty || fm.fileExists(atPath: out + "/" + Self.marker, isDirectory: &markerIsFolder) && markerIsFolder.boolValue {
            return nil
        }
        return "output folder \(destination.path) is not empty and was not written by Runsmith (no \(Self.marker)/ in it); refusing to replace it"
    }

    /// Writes `bytes` to a new file at `path`; the error, if any.
    static func writeFile(_ path: String, _ bytes: [UInt8]) -> CocoaError? {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path]) }
        defer { close(fd) }
        return bytes.withUnsafeBytes { buffer -> CocoaError? in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
                }
                offset += written
            }
            return nil
        }
    }

    /// `files`: output path → bytes; `copies`: output path → source file to copy.
    public func write(files: [String: [UInt8]], copies: [String: URL]) throws {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let pid = ProcessInfo.processInfo.processIdentifier
        removeAbandoned(in: parent)
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).runsmith-new-\(pid)")
        let retired = parent.appendingPathComponent(".\(destination.lastPathComponent).runsmith-old-\(pid)")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            // `_runsmith/` marks the folder as Runsmith's even when it holds no theme file (a shard of a build).
            let folders = Set(files.keys.map(RelativePath.directory(of:)) + copies.keys.map(RelativePath.directory(of:)) + [Self.marker])
                .filter { !$0.isEmpty }
            for folder in folders.sorted() {
                try fm.createDirectory(at: staging.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            // Files on all cores, each with one open/write/close; a folder's files by one thread, one after
            // another: creating files in one folder from two threads at once contends for its lock in the
            // kernel (with the search index's thousand files in one folder, more time than the writing).
            let byFolder = Dictionary(grouping: files.keys, by: RelativePath.directory(of:)).sorted { $0.key < $1.key }.map { $0.value.sorted() }
            let failures = Parallel.map(byFolder.count) { i in
                byFolder[i].lazy.compactMap { path in Self.writeFile(staging.path + "/" + path, files[path]!) }.first
            }
            if let failure = failures.compactMap({ $0 }).first { throw failure }
            for (path, source) in copies.sorted(by: { $0.key < $1.key }) {
                try fm.copyItem(at: source, to: staging.appendingPathComponent(path))
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        // Swap: the old output stays complete until the new one is in place.
        if fm.fileExists(atPath: destination.path), Self.exchange(staging.path, destination.path) {
            try? fm.removeItem(at: staging)
        } else if fm.fileExists(atPath: destination.path) {
            // No atomic exchange here (not Linux, or a file system without it): two renames, a moment apart.
            try fm.moveItem(at: destination, to: retired)
            do { try fm.moveItem(at: staging, to: destination) } catch {
                try? fm.moveItem(at: retired, to: destination)
                throw error
            }
            try? fm.removeItem(at: retired)
        } else {
            try fm.moveItem(at: staging, to: destination)
        }
    }

    /// Swaps two paths in one step; false when the system cannot.
    static func exchange(_ a: String, _ b: String) -> Bool {
        typealias Renameat2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        // glibc has renameat2 since 2.28, but Swift's Glibc module does not declare it; RTLD_DEFAULT is nil.
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: Renameat2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
    }

    /// Staging and retired folders of builds of this output that were killed before they finished
    /// (their process is gone): they would otherwise pile up beside the output.
    func removeAbandoned(in parent: URL) {
        let prefixes = [".\(destination.lastPathComponent).runsmith-new-", ".\(destination.lastPathComponent).runsmith-old-"]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: parent.path)) ?? [] {
            guard let prefix = prefixes.first(where: name.hasPrefix), let pid = Int32(name.dropFirst(prefix.count)),
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
