/// Keeps one heading's section of the page: from its heading up to the next heading at its level or
/// above; the heading itself goes (a runbook step's own heading takes its place). No section (nil): the
/// whole page stays.
struct SectionCut: PageTransform {
    /// The heading's id.
    let section: String?
    let found: Found

    /// What the cut found: the heading, or that this version of the page has no such section.
    final class Found {
        var heading: ParsedPage.Heading?
        var missing = false
        /// Where the section is written in its heading's file: from the heading's line up to (not
        /// including) the next heading at its level or above in that file.
        var lines: (path: String, range: Range<Int>)?
    }

    init(section: String?, found: Found = Found()) {
        self.section = section
        self.found = found
    }

    func apply(to page: ParsedPage) {
        guard let id = section else { return }
        guard let heading = page.headings.first(where: { $0.id == id }), let start = heading.node else {
            found.missing = true
            while let child = page.document.root.firstChild { child.remove() }
            return
        }
        found.heading = heading
        if let at = heading.location, let i = page.headings.firstIndex(of: heading) {
            let next = page.headings[(i + 1)...].first { $0.level <= heading.level && $0.location?.path == at.path }
            found.lines = (at.path, at.line..<(next?.location?.line ?? Int.max))
        }
        let levels = Dictionary(page.headings.compactMap { h in h.node.map { ($0, h.level) } }, uniquingKeysWith: { a, _ in a })
        var node = page.document.root.firstChild
        while let n = node, n != start { node = n.next; n.remove() }
        var after = start.next
        start.remove()
        var ended = false
        while let n = after {
            after = n.next
            if let l = levels[n], l <= heading.level { ended = true }
            if ended { n.remove() }
        }
    }
}
