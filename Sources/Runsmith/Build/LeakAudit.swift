/// After a build, each tenant's output is searched for values that belong only to other tenants. A hit
/// fails the build, names the file, and keeps that tenant's output from being written at all.
/// A value counts when it is distinctive: at least four characters, not one of the tenant's own values,
/// and not already in the shared docs (an enum value like `server` is ordinary text there).
enum LeakAudit {
    /// Text with runs of whitespace as one space, for comparing what a page says.
    static func plain(_ text: String) -> String {
        text.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// The text of an HTML page: tags dropped, entities decoded.
    static func text(ofHTML html: String) -> String {
        var out = "", inTag = false
        for c in html {
            if c == "<" { inTag = true; out.append(" ") } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        return HTMLText.decodeEntities(out)
    }

    static func audit(_ files: inout [String: [UInt8]], tenants: [Tenant], schema: TenantSchema) -> [Diagnostic] {
        let prefixes = tenants.map { $0.id + "/" }
        let shared = files.filter { key, _ in !prefixes.contains { key.hasPrefix($0) } }.values
            .map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n")
        func values(_ tenant: Tenant) -> Set<String> {
            var out: Set<String> = [tenant.name]
            for (name, value) in tenant.values where schema.variables[name]?.secret != true {
                switch value {
                case .string(let s): out.insert(s)
                case .list(let items): for case .string(let s) in items { out.insert(s) }
                default: break
                }
            }
            return out.filter { $0.count >= 4 && !shared.contains($0) }
        }
        var diagnostics: [Diagnostic] = []
        for tenant in tenants {
            let own = values(tenant)
            let foreign = tenants.filter { $0.id != tenant.id }.flatMap { other in values(other).subtracting(own).map { ($0, other.id) } }
            let outputs = files.keys.filter { $0.hasPrefix(tenant.id + "/") }.sorted()
            var leaked = false
            for key in outputs {
                let text = String(decoding: files[key]!, as: UTF8.self)
                for (value, owner) in foreign where text.contains(value) || text.contains(HTMLText.escape(value)) {
                    diagnostics.append(.error("tenant-leak", "\(key) contains '\(value)', a value of tenant '\(owner)'",
                                              at: SourceLocation(path: tenant.path), note: "nothing was written for tenant '\(tenant.id)'"))
                    leaked = true
                }
            }
            if leaked { outputs.forEach { files.removeValue(forKey: $0) } }
        }
        return diagnostics
    }
}
