/// `checklist.mustache`: a runbook's items as a sign-off sheet to tick in the browser, print and sign.
struct ChecklistView: TemplateView {
    static let template = "checklist"

    struct Item {
        /// Stable: what a tick is stored under.
        var id: String
        /// Runbook and section: where a changed item's old tick is reported.
        var key: String
        /// `2.` for a step that is one item, `2.1` for the first item of step 2.
        var number: String
        var text: String
        var owner: String?
        var estimate: String?
        var verify: String?
    }

    var tenantID: String
    var runbookID: String
    var items: [Item]
    var itemCount: Int
    /// The provenance line, for the `provenance` partial.
    var provenance: String

    init(tenantID: String, runbookID: String, items: [Item], provenance: String) {
        self.tenantID = tenantID
        self.runbookID = runbookID
        self.items = items
        itemCount = items.count
        self.provenance = provenance
    }
}

extension ChecklistView.Item {
    init(_ item: Checklist.Item) {
        self.init(id: item.id, key: item.key, number: item.number, text: item.text, owner: item.section.owner,
                  estimate: item.section.estimate.map(Runbook.duration), verify: item.section.verify)
    }
}
