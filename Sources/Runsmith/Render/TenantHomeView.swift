import Mustache

/// `tenant-home.mustache`: `_tenants/<id>/index.html`, what one tenant is handed — each runbook with its
/// checklist, single file (with `--single-file`) and JSON.
struct TenantHomeView: TemplateView {
    static let template = "tenant-home"

    struct Entry {
        var title: String
        /// Relative to the tenant's folder.
        var pageURL: String
        var checklistURL: String
        var jsonURL: String
        var singleFileURL: String?
    }

    var tenantName: String
    var runbooks: [Entry]
}

extension TenantHomeView: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "tenantName": tenantName
        case "runbooks": runbooks
        default: nil
        }
    }
}

extension TenantHomeView.Entry: MustacheParent {
    func child(named name: String) -> Any? {
        switch name {
        case "title": title
        case "pageURL": pageURL
        case "checklistURL": checklistURL
        case "jsonURL": jsonURL
        case "singleFileURL": singleFileURL
        default: nil
        }
    }
}

extension TenantHomeView.Entry {
    init(runbookID: String, title: String, singleFile: Bool) {
        self.init(title: title, pageURL: "\(runbookID)/index.html", checklistURL: "\(runbookID)/checklist.html",
                  jsonURL: "\(runbookID)/runbook.json", singleFileURL: singleFile ? "\(runbookID).html" : nil)
    }
}
