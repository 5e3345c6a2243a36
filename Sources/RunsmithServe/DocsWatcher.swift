import Foundation

/// Notices changes under the docs root and says which files changed (paths relative to the root), or
/// nil when it cannot tell (then everything is built again). On Linux it listens to inotify, which hears
/// of a save within milliseconds; where that is not available, or with `interval` set, it polls every
/// file's modification time and size. Both catch editors that save by writing a new file and renaming
/// it over the old one. Bursts (an editor's temp file, write and rename) arrive as one change.
public struct DocsWatcher: Sendable {
    public let root: URL
    /// Poll at this interval instead of listening to inotify.
    public let interval: Duration?

    public init(root: URL, interval: Duration? = nil) {
        self.root = root.standardizedFileURL.resolvingSymlinksInPath()
        self.interval = interval
    }

    static let skipped: Set<String> = [".git", "node_modules", ".build", "_site"]
    /// How long a burst of events may take before it is reported as one change.
    static let settle = Duration.milliseconds(15)

    /// Calls `changed` after every change, until the task is cancelled.
    public func run(changed: @Sendable (Set<String>?) async -> Void) async {
        if interval == nil, let inotify = Inotify(root: root, skipped: Self.skipped) {
            await inotify.run(changed: changed)
            return
        }
        await poll(every: interval ?? .milliseconds(250), changed: changed)
    }

    private func poll(every interval: Duration, changed: @Sendable (Set<String>?) async -> Void) async {
        var last = fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = fingerprint()
            guard now != last else { continue }
            let paths = Set(now.keys).union(last.keys).filter { now[$0] != last[$0] }
            last = now
            await changed(paths)
        }
    }

    /// Path relative to the root → (modified, size) of every file under it.
    public func fingerprint() -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey, .isDirectoryKey]) else {
            return result
        }
        let prefix = root.path + "/"
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey, .isDirectoryKey])
            if values?.isDirectory == true {
                if Self.skipped.contains(url.lastPathComponent) { walker.skipDescendants() }
                continue
            }
            let path = url.path
            guard path.hasPrefix(prefix) else { continue }
            result[String(path.dropFirst(prefix.count))] = [values?.contentModificationDate?.timeIntervalSince1970 ?? 0, Double(values?.fileSize ?? 0)]
        }
        return result
    }
}
