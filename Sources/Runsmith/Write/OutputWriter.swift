import Foundation

/// The write stage: everything goes into a fresh temporary folder beside the output, which then
/// replaces the output in one rename, so a crashed or killed build leaves the previous site whole.
public struct OutputWriter: Sendable {
    public let destination: URL

    public init(destination: URL) { self.destination = destination.standardizedFileURL }

    /// `files`: output path → bytes; `copies`: output path → source file to copy.
    public func write(files: [String: [UInt8]], copies: [String: URL]) throws {
        let fm = FileManager.default
        let parent = destination.deletingLastPathComponent()
        try fm.createDirectory(at: parent, withIntermediateDirectories: true)
        let pid = ProcessInfo.processInfo.processIdentifier
        let staging = parent.appendingPathComponent(".\(destination.lastPathComponent).runsmith-new-\(pid)")
        let retired = parent.appendingPathComponent(".\(destination.lastPathComponent).runsmith-old-\(pid)")
        try? fm.removeItem(at: staging)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            var made: Set<String> = []
            func ensureFolder(of path: String) throws {
                let dir = RelativePath.directory(of: path)
                guard !dir.isEmpty, !made.contains(dir) else { return }
                try fm.createDirectory(at: staging.appendingPathComponent(dir), withIntermediateDirectories: true)
                made.insert(dir)
            }
            for (path, bytes) in files.sorted(by: { $0.key < $1.key }) {
                try ensureFolder(of: path)
                try Data(bytes).write(to: staging.appendingPathComponent(path))
            }
            for (path, source) in copies.sorted(by: { $0.key < $1.key }) {
                try ensureFolder(of: path)
                try fm.copyItem(at: source, to: staging.appendingPathComponent(path))
            }
        } catch {
            try? fm.removeItem(at: staging)
            throw error
        }
        // Swap: the old output stays complete until the new one is in place.
        if fm.fileExists(atPath: destination.path) {
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
}
