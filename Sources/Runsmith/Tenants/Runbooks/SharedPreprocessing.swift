import Synchronization

/// Step pages without conditions, preprocessed once per build and shared by every tenant's runbooks.
final class SharedPreprocessing: Sendable {
    private let pages = Mutex<[String: (PreprocessedPage?, [Diagnostic])]>([:])

    func page(_ source: String, _ make: () -> (PreprocessedPage?, [Diagnostic])) -> (PreprocessedPage?, [Diagnostic]) {
        if let known = pages.withLock({ $0[source] }) { return known }
        let made = make()
        pages.withLock { $0[source] = made }
        return made
    }
}
