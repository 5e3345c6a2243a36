import Synchronization

/// The term counts of texts already read, for indexes made from the same texts: 100 tenants' runbooks
/// share most of their steps, whose text was read 100 times. Looked up by the text itself.
final class TextTermCounts: Sendable {
    private let known = Mutex<[String: [(term: String, count: Int)]]>([:])

    func counts(of text: String) -> [(term: String, count: Int)] {
        if let counts = known.withLock({ $0[text] }) { return counts }
        let counts = SearchIndex.textCounts(text)
        known.withLock { $0[text] = counts }
        return counts
    }
}
