/// After a build, each tenant's output is searched for values that belong only to other tenants. A hit
/// fails the build, names the file, and keeps that tenant's output from being written at all.
/// A value counts when it is distinctive: at least four characters, not one of the tenant's own values,
/// and not already in the shared docs (an enum value like `server` is ordinary text there).
/// All values are looked for in one pass over each file (`ValueSearch`).
struct LeakAudit: Sendable {
    /// Each tenant's distinctive values (secrets never appear, so they are not looked for).
    let values: [(tenant: Tenant, values: Set<String>)]
    /// Every value as written, then HTML-escaped where that differs.
    private let search: ValueSearch
    /// Pattern index → the value it spells; the first `rawCount` patterns are the values as written.
    private let valueOf: [String]
    private let rawCount: Int

    init(tenants: [Tenant], schema: TenantSchema) {
        values = tenants.map { tenant in
            var out: Set<String> = [tenant.name]
            for (name, value) in tenant.values where schema.variables[name]?.secret != true {
                switch value {
                case .string(let s): out.insert(s)
                case .list(let items): for case .string(let s) in items { out.insert(s) }
                default: break
                }
            }
            return (tenant, out.filter { $0.count >= 4 })
        }
        let all = Set(values.flatMap(\.values)).sorted()
        var patterns = all, valueOf = all
        for value in all where HTMLText.escape(value) != value {
            patterns.append(HTMLText.escape(value))
            valueOf.append(value)
        }
        search = ValueSearch(patterns)
        self.valueOf = valueOf
        rawCount = all.count
    }

    /// The values a file shows (as written or escaped).
    func values(in bytes: [UInt8]) -> Set<String> { Set(search.matches(in: bytes).map { valueOf[$0] }) }

    /// Values that a shared (not tenant-specific) file shows as written: ordinary text, never a leak.
    func sharedValues(in bytes: [UInt8]) -> Set<String> {
        Set(search.matches(in: bytes).filter { $0 < rawCount }.map { valueOf[$0] })
    }

    /// Checks every tenant's files in `files`; a tenant with a leak has all its files taken out.
    /// `shared`: the values the shared docs show. The tenants are audited side by side, each on its own
    /// files, found in one pass over the names.
    func audit(_ files: inout [String: [UInt8]], shared: Set<String>) -> [Diagnostic] {
        let outputs = files.keys.reduce(into: [String: [String]]()) { outputs, key in
            if let tenant = TenantFolder.tenant(of: key) { outputs[tenant, default: []].append(key) }
        }
        let read = files
        let found = Parallel.map(values.count) { i -> [Diagnostic] in
            let (tenant, own) = values[i]
            var owners: [String: [String]] = [:]
            for (other, theirs) in values where other.id != tenant.id {
                for value in theirs where !own.contains(value) && !shared.contains(value) { owners[value, default: []].append(other.id) }
            }
            var diagnostics: [Diagnostic] = []
            // The search index is made of this tenant's runbook steps alone, the text its pages (read here)
            // show; but its terms are folded (`Services` → `services`), and folded, an ordinary word can
            // spell another tenant's value without any of that tenant's text being there.
            for key in (outputs[tenant.id] ?? []).sorted() where !SearchIndex.isIndexFile(key) {
                for value in values(in: read[key]!).sorted() {
                    for owner in owners[value] ?? [] {
                        diagnostics.append(.error(.tenantLeak, "\(key) contains '\(value)', a value of tenant '\(owner)'",
                                                  at: SourceLocation(path: tenant.path), note: "nothing was written for tenant '\(tenant.id)'"))
                    }
                }
            }
            return diagnostics
        }
        for ((tenant, _), diagnostics) in zip(values, found) where !diagnostics.isEmpty {
            for key in outputs[tenant.id] ?? [] { files.removeValue(forKey: key) }
        }
        return found.flatMap { $0 }
    }

    /// Text with runs of whitespace as one space, for comparing what a page says.
    static func plain(_ text: String) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var space = false
        for scalar in text.unicodeScalars {
            // ASCII decided by its byte; only other scalars ask Unicode's properties.
            let blank = scalar.isASCII ? (scalar.value == 0x20 || (0x09...0x0D).contains(scalar.value)) : scalar.properties.isWhitespace
            if blank {
                space = !out.isEmpty
            } else {
                if space { out.append(0x20); space = false }
                if scalar.isASCII { out.append(UInt8(scalar.value)) } else { out += String(scalar).utf8 }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The text of an HTML page: tags dropped, entities decoded.
    static func text(ofHTML html: String) -> String {
        // `<` and `>` are single bytes that no other character's UTF-8 holds: read as bytes.
        var out: [UInt8] = []
        out.reserveCapacity(html.utf8.count)
        var inTag = false
        for byte in html.utf8 {
            if byte == 0x3C { inTag = true; out.append(0x20) } else if byte == 0x3E { inTag = false } else if !inTag { out.append(byte) }
        }
        return HTMLText.decodeEntities(String(decoding: out, as: UTF8.self))
    }
}
