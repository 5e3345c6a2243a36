import Foundation

/// Pygments (the Python highlighter, from Debian's `python3-pygments` or PyPI) in long-lived `python3`
/// processes, one per core at most, for the whole run: each page's code blocks go to a free process in
/// one request, so pages compiled side by side are coloured side by side. Answers are kept, so a block
/// shared by many pages or tenants is lexed once. The processes serve every build of a run (`serve`
/// keeps them); a build starts the first as it loads (`prewarm`, unless its pages come from the cache),
/// the others when pages ask at once; `render` starts one when a block first needs it.
/// A language whose lexer is only its rules (Bash, SQL, JavaScript, Go… but not YAML or JSON) is asked
/// for them once and lexed here (`NativeLexer`), on the page's own thread, with the same answer.
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
    /// Guards `lexers`: the lexers run here, by fence language (nil: Python lexes that language).
    private let lexerState = NSLock()
    private var lexers: [String: NativeLexer?] = [:]

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
        var asked: [CodeSample] = []
        var lexed: [(CodeSample, [CodeToken])] = []
        for sample in Set(samples.filter { have[$0] == nil }) {
            if let tokens = lexedHere(sample) { lexed.append((sample, tokens)) } else { asked.append(sample) }
        }
        if !lexed.isEmpty {
            state.withLock {
                for (sample, tokens) in lexed {
                    known[sample] = .some(tokens)
                    knownBytes += sample.code.utf8.count
                }
            }
            for (sample, tokens) in lexed { have[sample] = .some(tokens) }
        }
        if !asked.isEmpty {
            let answers: [[CodeToken]?]
            do { answers = try ask { process throws(HighlighterFailure) in try process.request(asked) } } catch {
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

    /// Starts the first process now, on a thread of its own, so that Python's start (some 0.1 s of CPU)
    /// overlaps the build's loading rather than its busiest stage. The others start when two pages ask
    /// at once: most code is lexed here once its lexer's rules are in (`NativeLexer`), and a process
    /// that would only have handed them over is CPU taken from the build. The first found interpreter
    /// starts the rest directly (no second pass through a launcher). Problems wait for the first real
    /// request, which reports them.
    func prewarm() {
        Thread.detachNewThread { [self] in
            let (lock, process) = processes[0]
            lock.lock()
            defer { lock.unlock() }
            try? process.start(startOrder)
            remember(process)
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

    /// The tokens `NativeLexer` gives, when the language's lexer runs here and the code is as Pygments
    /// would lex it (no carriage return to normalize, no byte-order mark to drop).
    private func lexedHere(_ sample: CodeSample) -> [CodeToken]? {
        let code = sample.code.utf8
        guard !code.contains(0x0D), !code.starts(with: [0xEF, 0xBB, 0xBF]) else { return nil }
        return nativeLexer(sample.language)?.tokens(of: sample.code)
    }

    /// The lexer for `language`, asked of the first process the first time (waiting for it, rather than
    /// starting another while it starts; other threads wanting a lexer wait too).
    private func nativeLexer(_ language: String) -> NativeLexer? {
        lexerState.lock()
        defer { lexerState.unlock() }
        if let known = lexers[language] { return known }
        let table = try? ask(of: 0) { process throws(HighlighterFailure) in try process.table(language) }
        let lexer = table.flatMap(NativeLexer.init)
        lexers[language] = .some(lexer)
        return lexer
    }

    /// The process `index` answers once free; without an index, a free process, else the next in turn.
    private func ask<Answer>(of index: Int? = nil, _ question: (PygmentsProcess) throws(HighlighterFailure) -> Answer) throws(HighlighterFailure) -> Answer {
        if let index { processes[index].lock.lock() }
        let chosen = index ?? processes.firstIndex { $0.lock.try() } ?? {
            let i = state.withLock { next = (next + 1) % processes.count; return next }
            processes[i].lock.lock()
            return i
        }()
        let (lock, process) = processes[chosen]
        defer { lock.unlock() }
        do {
            try process.start(startOrder)
            remember(process)
            return try question(process)
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
