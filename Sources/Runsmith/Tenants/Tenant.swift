import Yams

/// `tenants/<id>.yml`: one customer. Its `vars:` are checked against the schema; defaults fill the rest.
///
/// ```yaml
/// id: contoso
/// name: Contoso Ltd
/// vars:
///   ado_org: contoso-eng
///   deployment: services
/// ```
public struct Tenant: Sendable, Equatable {
    public var id: String
    public var name: String
    /// Every schema variable: the tenant's value or the default.
    public var values: [String: ConditionValue]
    public var path: String

    static let keys: Set<String> = ["id", "name", "vars"]

    /// The value of a dotted name in conditions and `{{ }}`: `tenant.id`, `tenant.name`, `vars.x`.
    public func value(of name: [String]) -> ConditionValue? {
        switch (name.first, name.count) {
        case ("tenant", 2) where name[1] == "id": return .string(id)
        case ("tenant", 2) where name[1] == "name": return .string(self.name)
        case ("vars", 2): return values[name[1]]
        default: return nil
        }
    }

    public static func decode(_ text: String, path: String, schema: TenantSchema) -> (Tenant?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let source = YAMLSource(path: path, text: text, firstLine: 1)
        let root: Node?
        do { root = try source.compose() } catch { return (nil, [error.diagnostic]) }
        let fileID = Routes.split(path).1
        guard let root else {
            return (nil, [.error(.invalidTenant, "tenant file is empty", at: SourceLocation(path: path))])
        }
        var tenant = Tenant(id: fileID, name: fileID, values: [:], path: path)
        var given: [String: (Node, SourceLocation)] = [:]
        var varsAt = SourceLocation(path: path)
        for (key, value, at) in source.fields(of: root, allowed: keys, what: "tenant \(path)", into: &diagnostics) {
            switch key {
            case "id":
                guard let id = value.string, id == fileID else {
                    diagnostics.append(.error(.invalidTenant, "id '\(value.string ?? "")' must match the file name '\(fileID)'", at: source.location(value.mark)))
                    continue
                }
                tenant.id = id
            case "name":
                tenant.name = value.string ?? fileID
            case "vars":
                varsAt = at
                guard let mapping = value.mapping else {
                    diagnostics.append(.error(.invalidTenant, "vars must map variable names to values", at: at))
                    continue
                }
                for (name, v) in mapping { given[name.string ?? ""] = (v, source.location(name.mark)) }
            default: break
            }
        }
        for (name, (node, at)) in given.sorted(by: { $0.key < $1.key }) {
            guard let variable = schema.variables[name] else {
                diagnostics.append(.error(.unknownVariable, "tenant sets '\(name)', which \(TenantSchema.path) does not declare", at: at,
                                          note: "declared: \(schema.variables.keys.sorted().joined(separator: ", "))"))
                continue
            }
            switch TenantValues.typed(node, as: variable.type, name: name) {
            case .success(let value): tenant.values[name] = value
            case .failure(let mismatch):
                diagnostics.append(.error(.invalidVariable, "'\(name)' is \(variable.type): \(mismatch.message)",
                                          at: source.location(node.mark)))
            }
        }
        for variable in schema.variables.values.sorted(by: { $0.name < $1.name }) where tenant.values[variable.name] == nil {
            if let fallback = variable.defaultValue {
                tenant.values[variable.name] = fallback
            } else if variable.required {
                diagnostics.append(.error(.missingVariable, "tenant '\(tenant.id)' does not set required variable '\(variable.name)'", at: varsAt))
            } else {
                tenant.values[variable.name] = .null
            }
        }
        return (diagnostics.contains { $0.severity == .error } ? nil : tenant, sortedDiagnostics(diagnostics))
    }
}
