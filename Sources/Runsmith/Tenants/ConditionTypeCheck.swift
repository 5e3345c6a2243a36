/// Conditions checked against the schema's types once, where they are written, before any tenant is
/// tried: `vars.tier == "premum"` (not one of the enum's values), an enum or a string compared with a
/// number, `vars.sso == "true"` (a bool compared with a string) can never hold for any tenant, and would
/// otherwise drop a step or a branch for everyone without a word.
extension TenantSchema {
    /// One message per comparison that cannot mean what it says.
    func typeProblems(in condition: Condition, claims: [String: String]) -> [String] {
        switch condition {
        case .literal, .name: return []
        case .not(let a): return typeProblems(in: a, claims: claims)
        case .and(let a, let b), .or(let a, let b):
            return typeProblems(in: a, claims: claims) + typeProblems(in: b, claims: claims)
        case .compare(let a, let op, let b):
            let ordered = op != .equal && op != .notEqual
            if let (name, type) = variable(a, claims), case .literal(let value) = b {
                return mismatch(name, type, value, ordered: ordered).map { [$0] } ?? []
            }
            if let (name, type) = variable(b, claims), case .literal(let value) = a {
                return mismatch(name, type, value, ordered: ordered).map { [$0] } ?? []
            }
            return []
        case .contains(let a, let b):
            // `vars.regions contains "eu"`: the element must fit the list.
            guard let (name, type) = variable(a, claims), case .list(let element) = type, case .literal(let value) = b else { return [] }
            return mismatch("each element of " + name, element, value).map { [$0] } ?? []
        case .isIn(let a, let b):
            if let (name, type) = variable(b, claims), case .list(let element) = type, case .literal(let value) = a {
                return mismatch("each element of " + name, element, value).map { [$0] } ?? []
            }
            // `vars.tier in ["basic", "premum"]`: each listed value must fit the variable.
            if let (name, type) = variable(a, claims), case .literal(.list(let values)) = b {
                return values.compactMap { mismatch(name, type, $0) }
            }
            return []
        }
    }

    /// A `vars.` name with its declared type, as `'vars.tier'`.
    private func variable(_ condition: Condition, _ claims: [String: String]) -> (String, VariableType)? {
        guard case .name(let path) = condition else { return nil }
        let mapped = TenantSet.mapClaims(path, claims)
        guard mapped.count == 2, mapped[0] == "vars", let declared = variables[mapped[1]] else { return nil }
        return ("'\(path.joined(separator: "."))'", declared.type)
    }

    /// `ordered`: the comparison is `<`, `>`, `<=` or `>=`, which needs a number or a string on both sides.
    private func mismatch(_ name: String, _ type: VariableType, _ value: ConditionValue, ordered: Bool = false) -> String? {
        switch (type, value) {
        case (_, .null): return nil
        case (.int, .number), (.string, .string), (.url, .string), (.choice, .string) where ordered: return nil
        case _ where ordered:
            return "\(name) is \(type), and \(value.display) is a \(value.kind): they cannot be ordered"
        case (.choice(let values), .string(let s)):
            guard !values.contains(s) else { return nil }
            let meant = NameSuggestion.nearest(s, among: values).map { "; did you mean \"\($0)\"?" } ?? ""
            return "\(name) is \(type): \(value.display) is not one of its values\(meant)"
        case (.string, .string), (.url, .string), (.bool, .bool), (.int, .number), (.list, .list):
            return nil
        case (.bool, .string(let s)) where s == "true" || s == "false":
            return "\(name) is a bool: compare it with \(s), not \(value.display)"
        default:
            return "\(name) is \(type), and \(value.display) is a \(value.kind): they are never equal"
        }
    }
}
