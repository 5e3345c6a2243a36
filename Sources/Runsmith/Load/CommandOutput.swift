import Foundation

/// What a command (found on the PATH) writes to stdout, or nil when it cannot start or fails. Read by
/// `read(2)`, past EINTR: Foundation's `readDataToEndOfFile` traps on EINTR, which a child's exit
/// signal causes when other threads run processes of their own (the highlighter's Pythons).
enum CommandOutput {
    static func run(_ arguments: [String]) -> [UInt8]? {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        child.arguments = arguments
        let out = Pipe()
        child.standardOutput = out
        child.standardError = FileHandle.nullDevice
        guard (try? child.run()) != nil else { return nil }
        let fd = out.fileHandleForReading.fileDescriptor
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if count > 0 { bytes += chunk[..<count]; continue }
            if count < 0, errno == EINTR { continue }
            break
        }
        child.waitUntilExit()
        return child.terminationStatus == 0 ? bytes : nil
    }
}
