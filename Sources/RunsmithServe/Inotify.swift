#if canImport(Glibc)
import Glibc
import Foundation

/// Linux inotify over the docs tree: one watch per folder (new folders are watched as they appear).
/// Reports files closed after writing, moved in or out, created or deleted. When the kernel's queue
/// overflows, it cannot tell what changed and says so (nil).
/// Not `Sendable`: `DocsWatcher.run` makes one and awaits its `run` in the same task.
final class Inotify {
    private let fd: Int32
    private let root: String
    private let skipped: Set<String>
    /// Watch descriptor → folder, relative to the root ("" for the root). Only touched by `run`.
    private var folders: [Int32: String] = [:]

    static let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_DELETE_SELF)

    /// nil when inotify is not available or the tree has more folders than the kernel allows watches.
    init?(root: URL, skipped: Set<String>) {
        fd = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        self.root = root.path
        self.skipped = skipped
        guard watchTree("") else {
            close(fd)
            return nil
        }
    }

    deinit { close(fd) }

    /// Watches `folder` and every folder below it.
    private func watchTree(_ folder: String) -> Bool {
        let path = folder.isEmpty ? root : root + "/" + folder
        let wd = inotify_add_watch(fd, path, Self.mask)
        guard wd >= 0 else { return false }
        folders[wd] = folder
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where !skipped.contains(name) {
            let child = folder.isEmpty ? name : folder + "/" + name
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + child, isDirectory: &isDir), isDir.boolValue,
               (try? FileManager.default.destinationOfSymbolicLink(atPath: root + "/" + child)) == nil {
                guard watchTree(child) else { return false }
            }
        }
        return true
    }

    /// Reads events until the task is cancelled; each burst becomes one call.
    func run(changed: @Sendable (Set<String>?) async -> Void) async {
        while !Task.isCancelled {
            var paths: Set<String> = []
            var overflow = false
            guard drain(into: &paths, overflow: &overflow) else {
                try? await Task.sleep(for: .milliseconds(10))
                continue
            }
            // Let the burst finish: an editor writes a temp file, then renames it over the page.
            try? await Task.sleep(for: DocsWatcher.settle)
            while drain(into: &paths, overflow: &overflow) {}
            if overflow { await changed(nil) } else if !paths.isEmpty { await changed(paths) }
        }
    }

    /// Reads what is queued; false when nothing was.
    private func drain(into paths: inout Set<String>, overflow: inout Bool) -> Bool {
        let size = 64 * 1024
        var buffer = [UInt8](repeating: 0, count: size)
        let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, size) }
        guard count > 0 else { return false }
        var offset = 0
        while offset + 16 <= count {
            let (wd, mask, length) = buffer.withUnsafeBytes { raw in
                (raw.loadUnaligned(fromByteOffset: offset, as: Int32.self),
                 raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self),
                 Int(raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self)))
            }
            let nameBytes = buffer[(offset + 16)..<min(offset + 16 + length, count)].prefix { $0 != 0 }
            offset += 16 + length
            if mask & UInt32(IN_Q_OVERFLOW) != 0 { overflow = true; continue }
            guard let folder = folders[wd] else { continue }
            if mask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil; continue }
            let name = String(decoding: nameBytes, as: UTF8.self)
            guard !name.isEmpty, !skipped.contains(name) else { continue }
            let path = folder.isEmpty ? name : folder + "/" + name
            if mask & UInt32(IN_ISDIR) != 0 {
                // A new folder (maybe moved in with files): watch it and report what is in it.
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    if !watchTree(path) { overflow = true }
                    for file in FileManager.default.enumerator(atPath: root + "/" + path)?.compactMap({ $0 as? String }) ?? [] {
                        paths.insert(path + "/" + file)
                    }
                } else {
                    // A folder removed or moved away: what was in it is unknown here.
                    overflow = true
                }
                continue
            }
            paths.insert(path)
        }
        return true
    }
}
#else
import Foundation

/// No inotify on this system: the watcher polls.
final class Inotify {
    init?(root: URL, skipped: Set<String>) { return nil }
    func run(changed: @Sendable (Set<String>?) async -> Void) async {}
}
#endif
