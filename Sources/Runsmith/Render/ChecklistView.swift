/// `checklist.mustache`: a runbook's items as a sign-off sheet to tick in the browser, print and sign,
/// grouped by step: each step's owner, estimate and check once, then its items.
struct ChecklistView: TemplateView {
    static let template = "checklist"

    struct Step {
        var number: Int
        var title: String
        /// The step on the runbook page (`index.html#step-2`).
        var stepURL: String
        var owner: String?
        var estimate: String?
        var verify: String?
        /// Owner or estimate is there (a phone shows them under the title).
        var hasFacts: Bool
        var items: [Item]
        /// The step is one item itself: its row is the step's row.
        var isItem: Bool
    }

    struct Item {
        /// Stable: what a tick is stored under.
        var id: String
        /// Runbook and section: where a changed item's old tick is reported.
        var key: String
        /// Runbook, section and place: the item a changed item's old tick is reported on.
        var slot: String
        /// `2.` for a step that is one item, `2.1` for the first item of step 2.
        var number: String
        /// Plain: the `aria-label` and what a changed item's note quotes.
        var text: String
        /// With its inline formatting and links: `{{{html}}}`.
        var html: String
    }

    var tenantID: String
    var runbookID: String
    var steps: [Step]
    var itemCount: Int
    /// The provenance line, for the `provenance` partial.
    var provenance: String

    init(tenantID: String, runbookID: String, steps: [Step], provenance: String) {
        self.tenantID = tenantID
        self.runbookID = runbookID
        self.steps = steps
        itemCount = steps.reduce(0) { $0 + $1.items.count }
        self.provenance = provenance
    }
}

extension ChecklistView.Step {
    /// The step's items, with its owner, estimate and check. `runbookPage`: where the runbook's steps are
    /// (`index.html` beside it; empty in the runbook's own page, which bundles its checklist).
    init(_ step: RunbookBuilder.Step, items: [Checklist.Item], runbookPage: String) {
        self.init(number: step.number, title: step.title, stepURL: "\(runbookPage)#step-\(step.number)", owner: step.section.owner,
                  estimate: step.section.estimate.map(Runbook.duration), verify: step.section.verify,
                  hasFacts: step.section.owner != nil || step.section.estimate != nil,
                  items: items.map { .init(id: $0.id, key: $0.key, slot: $0.slot, number: $0.number, text: $0.text.plain, html: $0.text.html) },
                  isItem: step.items.isEmpty)
    }
}
