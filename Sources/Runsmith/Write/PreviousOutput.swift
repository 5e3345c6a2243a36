import Foundation

/// The output of the last build, where a file of this build may already be, byte for byte. Such a file
/// is hard-linked into the staging folder instead of written again: creating thousands of files right
/// after the last build's were deleted is most of a build that changed little (ext4 looks long for an
/// inode it may reuse), and a linked file frees no inode when the old output is removed.
///
/// A file is taken only when nothing but this build could tell it apart from a fresh one: a regular
/// file (not a link), inside the old output (no folder on its way is a link out of it), with no other
/// name, owned by this user, with the mode a new file gets, and the same bytes, read through the same
/// descriptor whose inode is then linked. It keeps the time it was first written, which is when its
/// content last changed.
struct PreviousOutput: Sendable {
    let root: String
    /// `root` with every symbolic link resolved: where an opened file must turn out to be.
    private let resolvedRoot: String
    /// The mode a file written now gets: 0644 less the umask.
    private let mode: mode_t

    /// Nil when there is no previous output folder at `destination`, or the umask cannot be read.
    init?(destination: URL) {
        var info = stat()
        guard lstat(destination.path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR, let mask = Self.umask() else { return nil }
        guard let resolved = realpath(destination.path, nil) else { return nil }
        defer { free(resolved) }
        root = destination.path
        resolvedRoot = String(cString: resolved)
        mode = 0o644 & ~mask
    }

    /// The process's umask, read from `/proc/self/status`: setting it to read it back (the only other
    /// way) would give files that other threads create meanwhile the wrong mode.
    static func umask() -> mode_t? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("Umask:") }) else { return nil }
        return mode_t(line.dropFirst("Umask:".count).trimmingCharacters(in: .whitespaces), radix: 8)
    }

    /// Links the previous output's `path` to `target` when it holds `bytes`; false when it was not taken.
    func link(_ path: String, holding bytes: [UInt8], to target: String) -> Bool {
        let fd = open(root + "/" + path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_mode & 0o7777 == mode, info.st_nlink == 1,
              info.st_uid == geteuid(), info.st_size == bytes.count, opened(fd) == resolvedRoot + "/" + path,
              Self.holds(fd, bytes) else { return false }
        // The inode just read, not whatever the name points at by now.
        return linkat(AT_FDCWD, "/proc/self/fd/\(fd)", AT_FDCWD, target, AT_SYMLINK_FOLLOW) == 0
    }

    /// Where the file open at `fd` is: a folder of the old output replaced by a symbolic link would
    /// otherwise lead the link outside it, to a file that stays shared with the new output.
    private func opened(_ fd: Int32) -> String? {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let count = readlink("/proc/self/fd/\(fd)", &buffer, buffer.count - 1)
        guard count > 0 else { return nil }
        return String(decoding: buffer[..<count].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether the file open at `fd` reads exactly `bytes` (its size already matched).
    private static func holds(_ fd: Int32, _ bytes: [UInt8]) -> Bool {
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var offset = 0
        while offset < bytes.count {
            let count = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress!, min($0.count, bytes.count - offset)) }
            if count < 0, errno == EINTR { continue }
            guard count > 0 else { return false }
            let same = buffer.withUnsafeBytes { old in
                bytes.withUnsafeBytes { new in memcmp(old.baseAddress!, new.baseAddress! + offset, count) == 0 }
            }
            guard same else { return false }
            offset += count
        }
        return true
    }
}
