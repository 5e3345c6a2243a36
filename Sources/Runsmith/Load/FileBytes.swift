import Foundation

/// A file's bytes read straight into an array, in as many bytes as `fstat` says it holds (and what it
/// grew by since). `Data(contentsOf:)` then `[UInt8](data)` reads each byte into one buffer and copies it
/// into another: every page of a build, every cache entry, the cached search index (tens of MB).
enum FileBytes {
    /// The bytes, or Foundation's own error for the file (`Data(contentsOf:)` asked again) when it
    /// cannot be opened or read here: the messages a reader sees stay those of before.
    static func read(_ path: String) throws -> [UInt8] {
        if let bytes = direct(path) { return bytes }
        return [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// nil on any failure, for the caller to find out why.
    private static func direct(_ path: String) -> [UInt8]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        let size = Int(info.st_size)
        var failed = false
        var bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, count in
            count = 0
            while count < size {
                let n = Glibc.read(fd, buffer.baseAddress! + count, size - count)
                if n > 0 { count += n } else if n < 0, errno == EINTR { continue } else { failed = n < 0; return }
            }
        }
        // A file that grew since `fstat`: the rest, to its end.
        while !failed, bytes.count >= size {
            let end = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4096) { chunk -> Bool in
                let n = Glibc.read(fd, chunk.baseAddress, chunk.count)
                if n > 0 { bytes += chunk[..<n]; return false }
                if n < 0, errno == EINTR { return false }
                failed = n < 0
                return true
            }
            if end { break }
        }
        guard !failed else { return nil }
        return bytes
    }
}
