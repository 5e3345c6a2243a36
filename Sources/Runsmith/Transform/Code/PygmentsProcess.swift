import Foundation

/// One `python3` running `PygmentsHighlighter.script`, and the requests over its pipes. Not thread-safe:
/// its highlighter lends it to one page at a time.
final class PygmentsProcess: @unchecked Sendable {
    private var process: Process?
    private var input: FileHandle?
    private var output: FileHandle?
    private var pending: [UInt8] = []
    /// Pygments' version, once started ("2.20.0").
    private(set) var version: String?
    /// The interpreter itself, as Python names it (`sys.executable`): where a launcher such as pyenv's
    /// shim led. The next process starts it directly.
    private(set) var interpreter: URL?

    var isRunning: Bool { process != nil }

    /// Starts the first of `interpreters` that imports pygments.
    func start(_ interpreters: [URL]) throws(HighlighterFailure) {
        guard process == nil else { return }
        // A write to a process that died must be an error here, not the end of runsmith.
        signal(SIGPIPE, SIG_IGN)
        var reasons: [String] = []
        for python in interpreters {
            let child = Process()
            child.executableURL = python
            child.arguments = ["-c", PygmentsHighlighter.script]
            let toChild = Pipe(), fromChild = Pipe()
            child.standardInput = toChild
            child.standardOutput = fromChild
            child.standardError = FileHandle.nullDevice
            do { try child.run() } catch { reasons.append("\(python.path) did not start"); continue }
            (process, input, output, pending) = (child, toChild.fileHandleForWriting, fromChild.fileHandleForReading, [])
            if let hello = try? readLine(), hello.hasPrefix("pygments ") {
                let words = hello.split(separator: " ", maxSplits: 2)
                version = words.count > 1 ? String(words[1]) : nil
                interpreter = words.count > 2 ? URL(fileURLWithPath: String(words[2])) : nil
                return
            }
            stop()
            reasons.append("\(python.path) has no pygments module")
        }
        throw HighlighterFailure(reason: reasons.isEmpty ? "no python3 found on PATH" : reasons.joined(separator: "; "))
    }

    func stop() {
        try? input?.close()
        process?.terminate()
        (process, input, output) = (nil, nil, nil)
    }

    // MARK: The wire: counts and byte lengths on lines of their own, the text as it is.

    func request(_ samples: [CodeSample]) throws(HighlighterFailure) -> [[CodeToken]?] {
        var message = Array("\(samples.count)\n".utf8)
        for sample in samples {
            let code = Array(sample.code.utf8)
            let name = sample.language.filter { !$0.isNewline }
            message += Array("\(name)\n\(code.count)\n".utf8) + code
        }
        try send(message)
        guard let size = Int(try readLine()) else { throw HighlighterFailure(reason: "Pygments answered out of turn") }
        let payload = try read(size)
        guard let answers = PygmentsAnswer.decode(payload, count: samples.count) else {
            throw HighlighterFailure(reason: "Pygments' answer could not be read")
        }
        // A lexer may change the text (tabs, line ends): such a block stays plain.
        return zip(samples, answers).map { sample, tokens in
            tokens.flatMap { $0.map(\.text).joined() == sample.code ? $0 : nil }
        }
    }

    /// The rules of the lexer for `language` (`LexerTable`); nil when there is none or it is more than
    /// its rules.
    func table(_ language: String) throws(HighlighterFailure) -> LexerTable? {
        try send(Array("X \(language.filter { !$0.isNewline })\n".utf8))
        guard let size = Int(try readLine()) else { throw HighlighterFailure(reason: "Pygments answered out of turn") }
        let payload = try read(size)
        guard payload.first == UInt8(ascii: "{") else { return nil }
        return try? JSONDecoder().decode(LexerTable.self, from: Data(payload))
    }

    private func readLine() throws(HighlighterFailure) -> String {
        while true {
            if let end = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeSubrange(...end)
                return line
            }
            try fill()
        }
    }

    private func read(_ count: Int) throws(HighlighterFailure) -> [UInt8] {
        while pending.count < count { try fill() }
        defer { pending.removeFirst(count) }
        return Array(pending[..<count])
    }

    /// Reads what the pipe holds (waiting for some), by `DescriptorRead`: Foundation's `availableData`
    /// traps on EINTR, which a child's exit signal can cause while another thread waits here.
    private func fill() throws(HighlighterFailure) {
        guard let fd = output?.fileDescriptor, let chunk = DescriptorRead.chunk(fd) else {
            throw HighlighterFailure(reason: "the Pygments process stopped")
        }
        pending += chunk
    }

    /// Writes all of `bytes` by `write(2)`, again past EINTR.
    private func send(_ bytes: [UInt8]) throws(HighlighterFailure) {
        guard let fd = input?.fileDescriptor else { throw HighlighterFailure(reason: "the Pygments process stopped") }
        var sent = 0
        while sent < bytes.count {
            let count = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress! + sent, $0.count - sent) }
            if count > 0 { sent += count; continue }
            if count < 0, errno == EINTR { continue }
            throw HighlighterFailure(reason: "the Pygments process stopped")
        }
    }
}
