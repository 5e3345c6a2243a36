/// One section of a runbook as it is compiled for one tenant (`CompileProfile.runbookStep`): what its
/// transforms need going in, and what they find coming out. Made, compiled and read on one thread.
final class RunbookStep {
    let number: Int
    let section: Runbook.Section
    /// The level of the section's heading in its page (1 for a whole page): its headings move under the step.
    let level: Int
    let links: RunbookLinks

    /// What `SectionCut` found of the section.
    let cut = SectionCut.Found()
    /// The section's heading (nil for a whole page).
    var heading: ParsedPage.Heading? { cut.heading }
    /// This tenant's version of the page has no such section (its conditions removed it).
    var missing: Bool { cut.missing }
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
