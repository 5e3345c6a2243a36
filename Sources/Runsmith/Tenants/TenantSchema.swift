import Yams

/// `tenants/schema.yml`: the closed world of tenant variables. Every variable has a type, is required
/// or has a default, may be secret (never written into any output) and has a description.
///
/// ```yaml
/// variables:
///   ado_org: { type: string, required: true, description: Azure DevOps organization }
///   deployment: { type: enum, values: [services, server], default: services }
///   projects: { type: list, of: string, default: [] }
///   pat: { type: string, secret: true }
/// ```
public struct TenantSchema: Sendable {
    public indirect enum VariableType: Sendable, Equatable, CustomStringConvertible {
        case string, bool, int, url
        case choice([String])
        case list(VariableType)

        public var description: String {
            switch self {
            case .string: return "string"
            case .bool: return "bool"
            case .int: return "int"
            case .url: return "url"
            case .choice(let values): return "enum (\(values.joined(separator: ", ")))"
            case .list(let element): return "list of \(element)"
            }
        }
    }

    public struct Variable: Sendable, Equatable {
        public var name: String
        public var type: VariableType
        public var required: Bool
        public var defaultValue: ConditionValue?
        public var secret: Bool
        public var description: String?
        public var location: SourceLocation
    }

    public var variables: [String: Variable] = [:]
    public static let path = "tenants/schema.yml"

    public init() {}

    static let variableKeys: Set<String> = ["type", "values", "of", "required", "default", "secret", "description"]

    public static func decode(_ text: String, path: String = TenantSchema.path) -> (TenantSchema, [Diagnostic]) {
        var schema = TenantSchema()
        var diagnostics: [Diagnostic] = []
        let source = YAMLSource(path: path, text: text, firstLine: 1)
        let root: Node?
        do { root = try source.compose() } catch { return (schema, [error.diagnostic]) }
        guard let root else { return (schema, []) }
        for (key, value, _) in source.fields(of: root, allowed: ["variables"], what: path, into: &diagnostics) where key == "variables" {
            guard let mapping = value.mapping else {
                diagnostics.append(.error(.invalidTenant, "variables must map each variable name to its definition", at: source.location(value.mark)))
                continue
            }
            for (nameNode, definition) in mapping {
                let at = source.location(nameNode.mark)
                guard let name = nameNode.string, TenantValues.isVariableName(name) else {
                    diagnostics.append(.error(.invalidTenant, "variable names are letters, digits and _ ('\(nameNode.string ?? "")')", at: at))
                    continue
                }
                if let variable = decodeVariable(name, definition, at: at, source: source, into: &diagnostics) {
                    schema.variables[name] = variable
                }
            }
        }
        return (schema, sortedDiagnostics(diagnostics))
    }

    private static func decodeVariable(_ name: String, _ node: Node, at: SourceLocation, source: YAMLSource,
                                       into diagnostics: inout [Diagnostic]) -> Variable? {
        let fields = source.fields(of: node, allowed: variableKeys, what: "variable '\(name)'", into: &diagnostics)
        var values: [String: (Node, SourceLocation)] = [:]
        for (key, value, location) in fields { values[key] = (value, location) }
        func fail(_ message: String, _ location: SourceLocation = at) -> Variable? {
            diagnostics.append(.error(.invalidTenant, message, at: location))
            return nil
        }
        guard let (typeNode, typeAt) = values["type"], let typeName = typeNode.string else {
            return fail("variable '\(name)' needs a type: string, bool, int, url, enum or list")
        }
        func scalarType(_ name: String?, values: Node?) -> VariableType? {
            switch name {
            case "string": return .string
            case "bool": return .bool
            case "int": return .int
            case "url": return .url
            case "enum":
                guard let list = values?.sequence?.compactMap(\.string), !list.isEmpty else { return nil }
                return .choice(list)
            default: return nil
            }
        }
        let type: VariableType
        if typeName == "list" {
            guard let element = scalarType(values["of"]?.0.string, values: values["values"]?.0) else {
                return fail("a list variable needs `of:` string, bool, int, url or enum (with `values:`)", typeAt)
            }
            type = .list(element)
        } else if let scalar = scalarType(typeName, values: values["values"]?.0) {
            type = scalar
        } else {
            return fail(typeName == "enum" ? "enum variable '\(name)' needs `values:`, a list of its allowed values"
                                           : "unknown type '\(typeName)' (string, bool, int, url, enum, list)", typeAt)
        }
        let required = values["required"]?.0.bool ?? false
        var defaultValue: ConditionValue? = nil
        if let (node, location) = values["default"] {
            switch TenantValues.typed(node, as: type, name: name) {
            case .success(let value): defaultValue = value
            case .failure(let mismatch): return fail("default of '\(name)': \(mismatch.message)", location)
            }
        }
        if required, defaultValue != nil { return fail("variable '\(name)' is required and has a default: choose one") }
        if !required, defaultValue == nil, case .list = type { defaultValue = .list([]) }
        return Variable(name: name, type: type, required: required, defaultValue: defaultValue,
                        secret: values["secret"]?.0.bool ?? false, description: values["description"]?.0.string, location: at)
    }
}
