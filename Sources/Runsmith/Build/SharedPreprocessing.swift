import Foundation

/// Step pages without conditions, preprocessed once per build and shared by every tenant's runbooks.
final class SharedPreprocessing: @unchecked Sendable {
    private let lock = NSLock()
    private var pages: [String: (PreprocessedPage?, [Diagnostic])?] = [:]

    func page(_ source: String, _ make: () -> (PreprocessedPage?, [Diagnostic])?) -> (PreprocessedPage?, [Diagnostic])? {
        lock.lock()
        if let known = pages[source] { lock.unlock(); return known }
        lock.unlock()
        let made = make()
        lock.lock()
        pages[source] = made
        lock.unlock()
        return made
    }
}
