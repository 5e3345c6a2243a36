/// `runbooks-index.mustache`: `runbooks.html`, every tenant's runbooks with their checklist and JSON.
struct RunbooksIndexView: TemplateView {
    static let template = "runbooks-index"

    struct Row {
        var tenantName: String
        var runbookTitle: String
        /// Relative to `runbooks.html`.
        var pageURL: String
        var checklistURL: String
        var jsonURL: String
    }

    var rows: [Row]
}

extension RunbooksIndexView.Row {
    init(tenant: Tenant, runbookID: String, runbookTitle: String) {
        let folder = "\(tenant.id)/\(runbookID)/"
        self.init(tenantName: tenant.name, runbookTitle: runbookTitle, pageURL: folder + "index.html",
                  checklistURL: folder + "checklist.html", jsonURL: folder + "runbook.json")
    }
}
