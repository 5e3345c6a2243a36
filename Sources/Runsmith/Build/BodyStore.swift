import Foundation
import Synchronization

/// Compiled page bodies between phase 1 and their layout, in an unlinked temporary file rather than in
/// memory: every page is compiled before the site index exists, so a build held every body at once (at
/// 10,000 pages, most of its peak memory). `runsmith build` only; the preview keeps its pages.
final class BodyStore: Sendable {
    private let descriptor: Int32
    private struct Places {
        var end = 0
        var bodies: [String: (offset: Int, count: Int)] = [:]
    }
    private let places = Mutex(Places())

    /// nil when no temporary file can be made: the bodies then stay in memory.
    init?(folder: URL = FileManager.default.temporaryDirectory) {
        var template = Array(folder.appendingPathComponent("runsmith-bodies-XXXXXX").path.utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else { return nil }
        // Gone from the folder at once: the file lives as long as the descriptor, even if the build is killed.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Keeps `bytes` as `path`'s body; false when they could not be written (keep them in memory then).
    func put(_ path: String, _ bytes: [UInt8]) -> Bool {
        let offset = places.withLock { places -> Int in
            defer { places.end += bytes.count }
            return places.end
        }
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var done = 0
            while done < buffer.count {
                let n = pwrite(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(offset + done))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
        if written { places.withLock { $0.bodies[path] = (offset, bytes.count) } }
        return written
    }

    /// Whether `path`'s body is here (taken or not).
    func holds(_ path: String) -> Bool { places.withLock { $0.bodies[path] != nil } }

    /// `path`'s body as put; nil when none was put, or it cannot be read back.
    func read(_ path: String) -> [UInt8]? {
        guard let place = places.withLock({ $0.bodies[path] }) else { return nil }
        var bytes = [UInt8](repeating: 0, count: place.count)
        let complete = bytes.withUnsafeMutableBytes { buffer -> Bool in
            var done = 0
            while done < buffer.count {
                let n = pread(descriptor, buffer.baseAddress! + done, buffer.count - done, off_t(place.offset + done))
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { return false }
                done += n
            }
            return true
        }
        return complete ? bytes : nil
    }
}
