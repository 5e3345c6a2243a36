import Foundation

/// With `RUNSMITH_TRACE` set, each build says on stderr how long its stages took: what `bench/` and
/// a profile start from.
final class StageClock {
    private let enabled = ProcessInfo.processInfo.environment["RUNSMITH_TRACE"] != nil
    private var last = ContinuousClock.now
    private var stages: [String] = []

    func mark(_ stage: String) {
        guard enabled else { return }
        let now = ContinuousClock.now
        stages.append("\(stage) \(Int((now - last) / .microseconds(100)) / 10) ms")
        last = now
    }

    /// A count worth seeing next to the times (`12 pages parsed twice`).
    func note(_ text: String) {
        if enabled { stages.append(text) }
    }

    func report() {
        guard enabled else { return }
        mark("finish")
        FileHandle.standardError.write(Data(("runsmith: trace: " + stages.joined(separator: ", ") + "\n").utf8))
    }
}
