/// `runsmith diff A B`: which runbooks, and which of their sections and steps, one tenant gets and the
/// other does not — decided with the same conditions the build uses.
public enum TenantDiff {
    public static func diff(_ set: TenantSet, _ a: String, _ b: String, runbook only: String? = nil,
                            claims: [String: String] = [:]) -> Result<String, DiagnosticError> {
        guard let ta = set.tenants.first(where: { $0.id == a }) else { return .failure(DiagnosticError(.error(.invalidTenant, "no tenant '\(a)'", at: nil))) }
        guard let tb = set.tenants.first(where: { $0.id == b }) else { return .failure(DiagnosticError(.error(.invalidTenant, "no tenant '\(b)'", at: nil))) }
        let runbooks = set.runbooks.filter { only == nil || $0.id == only }
        if let only, runbooks.isEmpty { return .failure(DiagnosticError(.error(.invalidRunbook, "no runbook '\(only)'", at: nil))) }
        func gets(_ tenant: Tenant, _ condition: Condition?) -> Bool {
            guard let condition else { return true }
            return (try? condition.isTrue { tenant.value(of: TenantSet.mapClaims($0, claims)) }) ?? false
        }
        var out = ""
        for runbook in runbooks {
            let (inA, inB) = (gets(ta, runbook.when), gets(tb, runbook.when))
            switch (inA, inB) {
            case (false, false): out += "\(runbook.id): neither\n"; continue
            case (true, false): out += "\(runbook.id): only \(a)\n"; continue
            case (false, true): out += "\(runbook.id): only \(b)\n"; continue
            case (true, true): break
            }
            var lines: [String] = []
            for section in runbook.sections {
                let name = section.title ?? section.page + (section.section.map { "#" + $0 } ?? "")
                switch (gets(ta, section.when), gets(tb, section.when)) {
                case (true, false): lines.append("  only \(a): \(name)")
                case (false, true): lines.append("  only \(b): \(name)")
                default: continue
                }
            }
            out += "\(runbook.id): both\(lines.isEmpty ? ", the same sections" : "")\n" + lines.map { $0 + "\n" }.joined()
        }
        return .success(out)
    }
}
