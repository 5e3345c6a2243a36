import Synchronization

/// Content gated away from a tenant that its runbook page shows anyway (a shared intro, …), unless the
/// tenant gets that text elsewhere in its steps. The withheld lines are read as text, and searched for,
/// once per build for each set of them: tenants who get the same versions of their steps withhold the same.
final class WithheldTexts: Sendable {
    private struct Search: Sendable {
        var texts: [String]
        var search: ValueSearch
    }

    /// The withheld lines of a runbook's steps → their texts worth looking for, and the search for them.
    private let searches = Mutex<[[String]: Search?]>([:])

    /// A withheld text that `html` (the runbook page) shows and the steps' own text does not.
    func leak(shownIn html: String, steps: [RunbookBuilder.Step]) -> String? {
        guard let found = search(steps.flatMap(\.withheld)) else { return nil }
        // Every withheld text looked for at once, in what the runbook shows and in what this tenant gets anyway.
        let shown = found.search.matches(in: Array(LeakAudit.plain(LeakAudit.text(ofHTML: html)).utf8))
        let kept = found.search.matches(in: Array(steps.map(\.kept).joined(separator: "\n").utf8))
        return shown.subtracting(kept).min().map { found.texts[$0] }
    }

    private func search(_ lines: [String]) -> Search? {
        guard !lines.isEmpty else { return nil }
        if let known = searches.withLock({ $0[lines] }) { return known }
        let texts = lines.map { line in
            let document = MarkdownDocument(bytes: Array(line.utf8))
            // The nodes live only as long as their document.
            return withExtendedLifetime(document) { LeakAudit.plain(document.root.plainText) }
        }.filter { $0.count >= 24 }
        let made = texts.isEmpty ? nil : Search(texts: texts, search: ValueSearch(texts))
        searches.withLock { $0[lines] = made }
        return made
    }
}
