/// The load stage for tailoring: `tenants/schema.yml`, every `tenants/<id>.yml` and `runbooks/<id>.yml`
/// of the docs root, decoded and cross-checked (a condition may only name declared variables).
public struct TenantSet: Sendable {
    public var schema = TenantSchema()
    public var tenants: [Tenant] = []
    public var runbooks: [Runbook] = []

    /// True when the docs root has a schema: then every condition must name declared variables.
    public var isDeclared = false

    public init() {}

    /// Just a schema: for checking and deciding conditions without tenant or runbook files.
    public init(schema: TenantSchema) {
        self.schema = schema
        isDeclared = true
    }

    public static func load(from tree: ContentTree) -> (TenantSet, [Diagnostic]) {
        var set = TenantSet()
        var diagnostics: [Diagnostic] = []
        if let bytes = tree.readListed(TenantSchema.path, diagnostics: &diagnostics) {
            let (schema, d) = TenantSchema.decode(String(decoding: bytes, as: UTF8.self))
            set.schema = schema
            set.isDeclared = true
            diagnostics += d
        }
        for file in tree.files where file.hasPrefix("tenants/") && file != TenantSchema.path && Self.isYAML(file) {
            guard !file.dropFirst("tenants/".count).contains("/") else { continue }
            guard set.isDeclared else {
                diagnostics.append(.error(.invalidTenant, "tenant files need \(TenantSchema.path) to declare their variables",
                                          at: SourceLocation(path: file)))
                break
            }
            guard let bytes = tree.readListed(file, diagnostics: &diagnostics) else { continue }
            let (tenant, d) = Tenant.decode(String(decoding: bytes, as: UTF8.self), path: file, schema: set.schema)
            diagnostics += d
            if let tenant { set.tenants.append(tenant) }
        }
        for file in tree.files where file.hasPrefix("runbooks/") && Self.isYAML(file) {
            guard let bytes = tree.readListed(file, diagnostics: &diagnostics) else { continue }
            let (runbook, d) = Runbook.decode(String(decoding: bytes, as: UTF8.self), path: file)
            diagnostics += d
            guard let runbook else { continue }
            for (condition, at) in [(runbook.when, runbook.whenLocation ?? SourceLocation(path: file))]
                + runbook.sections.map({ ($0.when, $0.whenLocation ?? $0.location) }) {
                if let condition { diagnostics += set.undeclared(in: condition, at: at) }
            }
            set.runbooks.append(runbook)
        }
        set.tenants.sort { $0.id < $1.id }
        set.runbooks.sort { $0.id < $1.id }
        return (set, sortedDiagnostics(diagnostics))
    }

    /// One tenant and the schema, read directly (no listing of the tree): for `runsmith render --tenant`.
    public static func context(for id: String, read: Preprocessor.Reader, claims: [String: String] = [:]) -> (TenantContext?, [Diagnostic]) {
        func load(_ path: String, _ problems: inout [Diagnostic]) -> [UInt8]? {
            do { return try read(path) } catch {
                problems.append(.error(.unreadableFile, "cannot read \(path): \(ContentTree.reason(error))", at: SourceLocation(path: path)))
                return nil
            }
        }
        var problems: [Diagnostic] = []
        guard let schemaBytes = load(TenantSchema.path, &problems) else {
            guard problems.isEmpty else { return (nil, problems) }
            return (nil, [.error(.invalidTenant, "no \(TenantSchema.path) here to declare tenant variables", at: nil)])
        }
        let (schema, d1) = TenantSchema.decode(String(decoding: schemaBytes, as: UTF8.self))
        let path = "tenants/\(id).yml"
        guard TenantValues.isVariableName(id.replacingOccurrences(of: "-", with: "_")), let bytes = load(path, &problems) else {
            guard problems.isEmpty else { return (nil, d1 + problems) }
            return (nil, d1 + [.error(.invalidTenant, "no tenant '\(id)' (looked for \(path))", at: nil)])
        }
        let (tenant, d2) = Tenant.decode(String(decoding: bytes, as: UTF8.self), path: path, schema: schema)
        return (tenant.map { TenantContext(tenant: $0, schema: schema, claims: claims) }, d1 + d2)
    }

    static func isYAML(_ file: String) -> Bool { file.hasSuffix(".yml") || file.hasSuffix(".yaml") }

    /// Names a condition uses that no schema declares — `vars.x` must be a variable, `tenant.` only `id`
    /// and `name` — and comparisons its types rule out (`ConditionTypeCheck`). Each is an error, never
    /// silently false.
    public func undeclared(in condition: Condition, at location: SourceLocation, claims: [String: String] = [:]) -> [Diagnostic] {
        let names = condition.names.compactMap { name -> Diagnostic? in
            let resolved = Self.mapClaims(name, claims)
            if resolved.count == 2, resolved[0] == "tenant", ["id", "name"].contains(resolved[1]) { return nil }
            if resolved.count == 2, resolved[0] == "vars", schema.variables[resolved[1]] != nil { return nil }
            let dotted = name.joined(separator: ".")
            return .error(.undeclaredVariable, "condition uses '\(dotted)', which \(TenantSchema.path) does not declare", at: location,
                          note: name.first == "visitor" ? "map GitBook claims onto variables with `claims:` in runsmith.yml" : nil)
        }
        guard names.isEmpty else { return names }
        return schema.typeProblems(in: condition, claims: claims).map { .error(.invalidCondition, $0, at: location) }
    }

    /// GitBook adaptive content: `visitor.claims.unsigned.<claim>` → `vars.<variable>` through `claims:`.
    public static func mapClaims(_ name: [String], _ claims: [String: String]) -> [String] {
        guard name.count == 4, name[0] == "visitor", name[1] == "claims", name[2] == "unsigned" else { return name }
        return ["vars", claims[name[3]] ?? name[3]]
    }
}
