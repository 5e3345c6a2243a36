import Foundation

/// Pygments (the Python highlighter, from Debian's `python3-pygments` or PyPI) in one long-lived
/// `python3` process for the whole run: each page's code blocks go over its pipes in one request, and
/// the answers are kept, so a block shared by many pages or tenants is lexed once. One process serves
/// every build of a run (`serve` keeps it), started at the first block that needs it.
final class PygmentsHighlighter: CodeHighlighter, @unchecked Sendable {
    static let shared = PygmentsHighlighter(interpreters: interpreters())

    /// The Pythons tried in turn until one imports pygments.
    private let candidates: [URL]
    init(interpreters: [URL]) { candidates = interpreters }

    /// Guards everything below: one request at a time goes over the pipes.
    private let lock = NSLock()
    private var process: Process?
    private var input: FileHandle?
    private var output: FileHandle?
    private var pending: [UInt8] = []
    private var failure: HighlighterFailure?
    private var known: [CodeSample: [CodeToken]?] = [:]
    private var knownBytes = 0
    /// The answers kept, at most (by the code's bytes): the rest are asked again.
    private let memoryLimit = 8 << 20
    /// Pygments' version, once started ("2.20.0").
    private(set) var version: String?

    func tokens(for samples: [CodeSample]) -> Result<[[CodeToken]?], HighlighterFailure> {
        lock.lock()
        defer { lock.unlock() }
        if let failure { return .failure(failure) }
        let asked = Array(Set(samples.filter { known[$0] == nil }))
        if !asked.isEmpty {
            do {
                try startIfNeeded()
                let answers = try request(asked)
                if knownBytes > memoryLimit { known = [:]; knownBytes = 0 }
                for (sample, answer) in zip(asked, answers) {
                    known[sample] = .some(answer)
                    knownBytes += sample.code.utf8.count
                }
            } catch let error as HighlighterFailure {
                failure = error
                stop()
                return .failure(error)
            } catch {
                failure = HighlighterFailure(reason: "\(error)")
                stop()
                return .failure(failure!)
            }
        }
        return .success(samples.map { known[$0] ?? nil })
    }

    // MARK: The process

    private func startIfNeeded() throws {
        guard process == nil else { return }
        // A write to a process that died must be an error here, not the end of runsmith.
        signal(SIGPIPE, SIG_IGN)
        var reasons: [String] = []
        for python in candidates {
            let child = Process()
            child.executableURL = python
            child.arguments = ["-c", Self.script]
            let toChild = Pipe(), fromChild = Pipe()
            child.standardInput = toChild
            child.standardOutput = fromChild
            child.standardError = FileHandle.nullDevice
            do { try child.run() } catch { reasons.append("\(python.path) did not start"); continue }
            (process, input, output, pending) = (child, toChild.fileHandleForWriting, fromChild.fileHandleForReading, [])
            if let hello = try? readLine(), hello.hasPrefix("pygments ") {
                version = String(hello.dropFirst("pygments ".count))
                return
            }
            stop()
            reasons.append("\(python.path) has no pygments module")
        }
        throw HighlighterFailure(reason: reasons.isEmpty ? "no python3 found on PATH" : reasons.joined(separator: "; "))
    }

    private func stop() {
        try? input?.close()
        process?.terminate()
        (process, input, output) = (nil, nil, nil)
    }

    /// `RUNSMITH_PYTHON` when set; else `python3` on the PATH, then Debian's.
    static func interpreters() -> [URL] {
        let env = ProcessInfo.processInfo.environment
        if let chosen = env["RUNSMITH_PYTHON"], !chosen.isEmpty { return [URL(fileURLWithPath: chosen)] }
        var found = (env["PATH"] ?? "").split(separator: ":").map { "\($0)/python3" }
            .filter { FileManager.default.isExecutableFile(atPath: $0) }
        found.append("/usr/bin/python3")
        var seen = Set<String>()
        return found.filter { seen.insert($0).inserted }.map { URL(fileURLWithPath: $0) }
    }

    // MARK: The wire: counts and byte lengths on lines of their own, the text as it is.

    private func request(_ samples: [CodeSample]) throws -> [[CodeToken]?] {
        var message = Array("\(samples.count)\n".utf8)
        for sample in samples {
            let code = Array(sample.code.utf8)
            let name = sample.language.filter { !$0.isNewline }
            message += Array("\(name)\n\(code.count)\n".utf8) + code
        }
        do { try input?.write(contentsOf: message) } catch { throw HighlighterFailure(reason: "the Pygments process stopped") }
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

    private func readLine() throws -> String {
        while true {
            if let end = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[..<end], as: UTF8.self)
                pending.removeSubrange(...end)
                return line
            }
            try fill()
        }
    }

    private func read(_ count: Int) throws -> [UInt8] {
        while pending.count < count { try fill() }
        defer { pending.removeFirst(count) }
        return Array(pending[..<count])
    }

    private func fill() throws {
        // `availableData` returns what the pipe holds (waiting for some); `read(upToCount:)` would wait for all.
        guard let chunk = output?.availableData, !chunk.isEmpty else {
            throw HighlighterFailure(reason: "the Pygments process stopped")
        }
        pending += chunk
    }
}
