import Foundation

/// Pygments (the Python highlighter, from Debian's `python3-pygments` or PyPI) in long-lived `python3`
/// processes, one per core at most, for the whole run: each page's code blocks go to a free process in
/// one request, so pages compiled side by side are coloured side by side. Answers are kept, so a block
/// shared by many pages or tenants is lexed once. The processes serve every build of a run (`serve`
/// keeps them); a build starts them as it loads (`prewarm`), `render` when a block first needs one.
final class PygmentsHighlighter: CodeHighlighter, @unchecked Sendable {
    static let shared = PygmentsHighlighter(interpreters: interpreters())

    /// The Pythons tried in turn until one imports pygments.
    private let candidates: [URL]
    private let processes: [(lock: NSLock, process: PygmentsProcess)]
    /// Guards `known`, `knownBytes`, `failure`, `next` and `found`.
    private let state = NSLock()
    private var known: [CodeSample: [CodeToken]?] = [:]
    private var knownBytes = 0
    private var failure: HighlighterFailure?
    private var next = 0
    /// The interpreter the first started process ran (`sys.executable`).
    private var found: URL?
    /// The answers kept, at most (by the code's bytes): the rest are asked again.
    private let memoryLimit = 8 << 20

    init(interpreters: [URL], processes count: Int = min(ProcessInfo.processInfo.activeProcessorCount, 4)) {
        candidates = interpreters
        processes = (0..<max(count, 1)).map { _ in (NSLock(), PygmentsProcess()) }
    }

    func tokens(for samples: [CodeSample]) -> Result<[[CodeToken]?], HighlighterFailure> {
        var have: [CodeSample: [CodeToken]?] = [:]
        state.lock()
        if let failure { state.unlock(); return .failure(failure) }
        for sample in samples { if let answer = known[sample] { have[sample] = answer } }
        state.unlock()
        let asked = Array(Set(samples.filter { have[$0] == nil }))
        if !asked.isEmpty {
            let answers: [[CodeToken]?]
            do { answers = try ask(asked) } catch {
                state.withLock { failure = failure ?? error }
                return .failure(error)
            }
            state.withLock {
                if knownBytes > memoryLimit { known = [:]; knownBytes = 0 }
                for (sample, answer) in zip(asked, answers) {
                    known[sample] = .some(answer)
                    knownBytes += sample.code.utf8.count
                    have[sample] = .some(answer)
                }
            }
        }
        return .success(samples.map { have[$0] ?? nil })
    }

    /// Starts every process now, on a thread of its own, so that Python's start (some 0.1 s of CPU
    /// each) overlaps the build's loading rather than its busiest stage. The first found interpreter
    /// starts the rest directly (no second pass through a launcher). Problems wait for the first real
    /// request, which reports them.
    func prewarm() {
        Thread.detachNewThread { [self] in
            for (lock, process) in processes {
                lock.lock()
                defer { lock.unlock() }
                try? process.start(startOrder)
                remember(process)
            }
        }
    }

    /// Where to look for Python: where a running process found it, else the candidates.
    private var startOrder: [URL] {
        // `found` is set once and only read after; the processes are looked at under their locks.
        if let found = state.withLock({ found }) { return [found] + candidates }
        return candidates
    }

    private func remember(_ process: PygmentsProcess) {
        guard let interpreter = process.interpreter else { return }
        state.withLock { found = found ?? interpreter }
    }

    /// A free process answers, else the next in turn once it is free.
    private func ask(_ samples: [CodeSample]) throws(HighlighterFailure) -> [[CodeToken]?] {
        let chosen = processes.firstIndex { $0.lock.try() } ?? {
            let i = state.withLock { next = (next + 1) % processes.count; return next }
            processes[i].lock.lock()
            return i
        }()
        let (lock, process) = processes[chosen]
        defer { lock.unlock() }
        do {
            try process.start(startOrder)
            remember(process)
            return try process.request(samples)
        } catch {
            process.stop()
            throw error
        }
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
}
