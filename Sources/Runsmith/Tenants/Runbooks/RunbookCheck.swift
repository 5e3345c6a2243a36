/// The pre-flight `runsmith check` runs for tailoring: every runbook against the site (its pages and
/// sections exist) and against every tenant (its conditions can be decided), all reported at once.
public enum RunbookCheck {
    public static func check(_ tenants: TenantSet, index: SiteIndex, claims: [String: String]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for runbook in tenants.runbooks {
            // The runbook's own text, checked once against the schema (a tenant's missing value is reported with it).
            diagnostics += runbook.tailored(for: .placeholders(schema: tenants.schema)).1
            for section in runbook.sections {
                guard let page = section.source(in: index), let entry = index.pages[page] else {
                    diagnostics.append(.error(.invalidRunbook, "runbook '\(runbook.id)' names page '\(section.page)', which does not exist",
                                              at: section.location))
                    continue
                }
                if let id = section.section, entry.built, !entry.anchors.contains(id) {
                    diagnostics.append(.error(.invalidRunbook, "page '\(section.page)' has no section '#\(id)'", at: section.location,
                                              note: "sections are heading ids: \(entry.anchors.sorted().prefix(8).joined(separator: ", "))"))
                }
            }
            // A condition no tenant can decide is one error at its `when:`, naming the tenants.
            let conditions = [(runbook.when, runbook.whenLocation ?? SourceLocation(path: runbook.path))]
                + runbook.sections.map { ($0.when, $0.whenLocation ?? $0.location) }
            for case let (condition?, location) in conditions
            where tenants.undeclared(in: condition, at: location, claims: claims).isEmpty {
                // Undeclared names and mistyped comparisons were reported when the runbook was loaded.
                var failing: [String: [String]] = [:], order: [String] = []
                for tenant in tenants.tenants {
                    do { _ = try condition.isTrue { tenant.value(of: TenantSet.mapClaims($0, claims)) } } catch {
                        if failing[error.message] == nil { order.append(error.message) }
                        failing[error.message, default: []].append(tenant.id)
                    }
                }
                for message in order {
                    let ids = failing[message]!
                    diagnostics.append(.error(.invalidCondition, "\(message) (tenant\(ids.count == 1 ? "" : "s") \(ids.joined(separator: ", ")))", at: location))
                }
            }
        }
        return diagnostics
    }
}
