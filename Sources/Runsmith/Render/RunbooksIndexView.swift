/// `runbooks-index.mustache`: `_tenants/index.html`, every tenant's runbooks with their checklist and JSON.
struct RunbooksIndexView: TemplateView {
    static let template = "runbooks-index"

    struct Row {
        var tenantName: String
        /// The tenant's own page, relative to `_tenants/index.html`.
        var homeURL: String
        var runbookTitle: String
        /// Relative to `_tenants/index.html`.
        var pageURL: String
        var checklistURL: String
        var jsonURL: String
    }

    var rows: [Row]
}

extension RunbooksIndexView.Row {
    init(tenant: Tenant, runbookID: String, runbookTitle: String) {
        let folder = "\(tenant.id)/\(runbookID)/"
        self.init(tenantName: tenant.name, homeURL: "\(tenant.id)/index.html", runbookTitle: runbookTitle, pageURL: folder + "index.html",
                  checklistURL: folder + "checklist.html", jsonURL: folder + "runbook.json")
    }
}
