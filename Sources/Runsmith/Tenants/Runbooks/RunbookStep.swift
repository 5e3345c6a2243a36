/// One section of a runbook as it is compiled for one tenant (`CompileProfile.runbookStep`): what its
/// transforms need going in, and what they find coming out. Made, compiled and read on one thread.
final class RunbookStep {
    let number: Int
    let section: Runbook.Section
    /// The level of the section's heading in its page (1 for a whole page): its headings move under the step.
    let level: Int
    let links: RunbookLinks

    /// The section's heading (nil for a whole page), found by `SectionCut`.
    var heading: ParsedPage.Heading?
    /// This tenant's version of the page has no such section (its conditions removed it).
    var missing = false
    /// The checklist items of a step section (`Checklist.entries`), and once compiled, each one's HTML.
    var entries: [Checklist.Entry] = []
    var items: [Checklist.Item.Text] = []

    init(number: Int, section: Runbook.Section, level: Int, links: RunbookLinks) {
        self.number = number
        self.section = section
        self.level = level
        self.links = links
    }
}

/// Keeps the step's section of the page: from its heading up to the next heading at its level or above;
/// the step's own heading takes the heading's place. A whole-page step keeps everything.
struct SectionCut: PageTransform {
    let step: RunbookStep

    func apply(to page: ParsedPage) {
        guard let id = step.section.section else { return }
        guard let heading = page.headings.first(where: { $0.id == id }), let start = heading.node else {
            step.missing = true
            while let child = page.document.root.firstChild { child.remove() }
            return
        }
        step.heading = heading
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

/// A step section's checklist items, read before formulas become MathML (an item keeps its TeX).
struct ChecklistItemTransform: PageTransform {
    let step: RunbookStep

    func apply(to page: ParsedPage) {
        if step.section.step { step.entries = Checklist.entries(in: page.document.root) }
    }
}

/// The items' HTML, once every transform is done: inline formatting, links resolved for the runbook
/// (the checklist sits beside it), formulas as MathML. The transforms after `ChecklistItemTransform`
/// replace leaves only, so the nodes it kept are still in the tree.
struct ChecklistItemHTML: PageTransform {
    let step: RunbookStep

    func apply(to page: ParsedPage) {
        step.items = step.entries.map { entry in
            let html = entry.inlines.map { String(decoding: page.document.renderHTML(childrenOf: $0), as: UTF8.self) }
            return .init(plain: entry.text, html: html?.trimmingCharacters(in: .whitespacesAndNewlines) ?? HTMLText.escape(entry.text))
        }
        step.entries = []
    }
}
