import Foundation

/// `read(2)` on a pipe, past EINTR: Foundation's `readDataToEndOfFile` and `availableData` trap on EINTR,
/// which a child's exit signal causes while other threads run processes of their own.
enum DescriptorRead {
    /// What the descriptor holds now (waiting for some); nil at its end or on an error.
    static func chunk(_ fd: Int32) -> ArraySlice<UInt8>? {
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 { return buffer[..<count] }
            if count < 0, errno == EINTR { continue }
            return nil
        }
    }
}
