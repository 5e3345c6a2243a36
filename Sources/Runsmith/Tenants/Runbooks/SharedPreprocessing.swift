import Synchronization

/// Step pages preprocessed once per build and shared by every tenant's runbooks: a page without
/// conditions once for all, a page with conditions once per version of it (`version`).
final class SharedPreprocessing: Sendable {
    private let pages = Mutex<[String: (PreprocessedPage?, [Diagnostic])]>([:])
    /// Source → each version made so far, with the tenant values its conditions read.
    private let versions = Mutex<[String: [(reads: [ConditionReads.Read], page: PreprocessedPage)]]>([:])

    func page(_ source: String, _ make: () -> (PreprocessedPage?, [Diagnostic])) -> (PreprocessedPage?, [Diagnostic]) {
        if let known = pages.withLock({ $0[source] }) { return known }
        let made = make()
        pages.withLock { $0[source] = made }
        return made
    }

    /// A page with conditions as `tenant` gets it: a version made for a tenant that answered every
    /// question its conditions asked the same way, or one made now (`make` hears the questions). A run
    /// with problems is not kept: its messages may name the tenant.
    func version(_ source: String, for tenant: Tenant,
                 _ make: (ConditionReads) -> (PreprocessedPage?, [Diagnostic])) -> (PreprocessedPage?, [Diagnostic]) {
        let known = versions.withLock { $0[source] ?? [] }
        if let same = known.first(where: { ConditionReads.answers($0.reads, for: tenant) }) { return (same.page, []) }
        let reads = ConditionReads()
        let made = make(reads)
        if made.1.isEmpty, let page = made.0 { versions.withLock { $0[source, default: []].append((reads.all, page)) } }
        return made
    }
}
