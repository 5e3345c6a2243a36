import Foundation

/// What a command (found on the PATH) writes to stdout, or nil when it cannot start or fails.
///
/// Started with `posix_spawnp` and reaped with `waitpid`, not Foundation's `Process`: its
/// `waitUntilExit` polls a run loop every 50 ms, which cost every build and `check` 100 ms for its two
/// `git` runs. Read by `DescriptorRead`, as Foundation's reads trap when a signal interrupts them.
enum CommandOutput {
    static func run(_ arguments: [String]) -> [UInt8]? {
        guard !arguments.isEmpty else { return nil }
        var pipe: [Int32] = [0, 0]
        // Close-on-exec from the start: a process another thread starts meanwhile (Pygments, long-lived)
        // must not inherit the write end, or this read would wait for it.
        guard systemPipe2(&pipe, O_CLOEXEC) == 0 else { return nil }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, pipe[1], 1)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for case let pointer? in argv { free(pointer) } }
        var pid = pid_t()
        let started = posix_spawnp(&pid, arguments[0], &actions, nil, argv, environ)
        Glibc.close(pipe[1])
        defer { Glibc.close(pipe[0]) }
        guard started == 0 else { return nil }
        var bytes: [UInt8] = []
        while let chunk = DescriptorRead.chunk(pipe[0]) { bytes += chunk }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 {
            guard errno == EINTR else { return nil }
        }
        // Exited (low seven bits zero) with status 0.
        return status & 0x7f == 0 && (status >> 8) & 0xff == 0 ? bytes : nil
    }
}

/// glibc's `pipe2(2)`, which the Glibc module does not export (it needs `_GNU_SOURCE`).
@_silgen_name("pipe2")
private func systemPipe2(_ fds: UnsafeMutablePointer<Int32>, _ flags: Int32) -> Int32
