import Foundation

/// The write stage: everything goes into a fresh temporary folder beside the output (`OutputStaging`),
/// which then trades places with the output in one atomic exchange (`renameat2(RENAME_EXCHANGE)`), so a
/// build crashed or killed at any moment leaves the previous site whole at its path.
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
        try OutputStaging(destination: destination).finish(files: files, copies: copies)
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
