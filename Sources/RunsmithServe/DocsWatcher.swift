import Foundation

/// Notices changes under the docs root by polling: every file's modification time and size. Polling
/// works everywhere and catches editors that save by writing a new file and renaming it over the old.
public struct DocsWatcher: Sendable {
    public let root: URL
    public let interval: Duration

    public init(root: URL, interval: Duration = .milliseconds(250)) {
        self.root = root.standardizedFileURL
        self.interval = interval
    }

    static let skipped: Set<String> = [".git", "node_modules", ".build", "_site"]

    /// Path → (modified, size) of every file under the root.
    public func fingerprint() -> [String: [Double]] {
        var result: [String: [Double]] = [:]
        let fm = FileManager.default
        guard let walker = fm.enumerator(at: root, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey, .isDirectoryKey]) else {
            return result
        }
        for case let url as URL in walker {
            let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey, .isDirectoryKey])
            if values?.isDirectory == true {
                if Self.skipped.contains(url.lastPathComponent) { walker.skipDescendants() }
                continue
            }
            result[url.path] = [values?.contentModificationDate?.timeIntervalSince1970 ?? 0, Double(values?.fileSize ?? 0)]
        }
        return result
    }

    /// Calls `changed` after every change, until the task is cancelled.
    public func run(changed: @Sendable () async -> Void) async {
        var last = fingerprint()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = fingerprint()
            if now != last {
                last = now
                await changed()
            }
        }
    }
}
