import Foundation

/// What a command (found on the PATH) writes to stdout, or nil when it cannot start or fails. Read by
/// `DescriptorRead`, not Foundation, which traps when a signal interrupts the read.
enum CommandOutput {
    static func run(_ arguments: [String]) -> [UInt8]? {
        let child = Process()
        child.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        child.arguments = arguments
        let out = Pipe()
        child.standardOutput = out
        child.standardError = FileHandle.nullDevice
        guard (try? child.run()) != nil else { return nil }
        var bytes: [UInt8] = []
        while let chunk = DescriptorRead.chunk(out.fileHandleForReading.fileDescriptor) { bytes += chunk }
        child.waitUntilExit()
        return child.terminationStatus == 0 ? bytes : nil
    }
}
