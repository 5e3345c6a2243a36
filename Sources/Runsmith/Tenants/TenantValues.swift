import Foundation
import Yams

/// Typed values from tenant YAML, checked against the schema's types.
enum TenantValues {
    static func isVariableName(_ name: String) -> Bool {
        guard let first = name.first, first.isLetter || first == "_" else { return false }
        return name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
    }

    /// The node's value as `type`, or why it is not one.
    static func typed(_ node: Node, as type: TenantSchema.VariableType, name: String) -> Result<ConditionValue, TypeMismatch> {
        switch type {
        case .string:
            guard let scalar = node.scalar else { return .failure(.init("expected a string, found \(kind(node))")) }
            return .success(.string(scalar.string))
        case .bool:
            // YAML 1.2's booleans only: YAML 1.1 also read `yes`, `no`, `on` and `off` (and Norway's `NO`) as bools.
            guard let scalar = node.scalar, scalar.style == .plain, let b = ["true": true, "false": false][scalar.string.lowercased()] else {
                let found = node.scalar.map { $0.style == .plain ? "'\($0.string)'" : "a quoted string" } ?? kind(node)
                return .failure(.init("expected true or false, found \(found)"))
            }
            return .success(.bool(b))
        case .int:
            guard let i = node.int, node.scalar != nil else { return .failure(.init("expected a whole number, found \(kind(node))")) }
            return .success(.number(Double(i)))
        case .url:
            guard let s = node.scalar?.string, let url = URL(string: s), let scheme = url.scheme, ["http", "https"].contains(scheme),
                  url.host != nil else { return .failure(.init("expected an http(s) URL, found \(kind(node))")) }
            return .success(.string(s))
        case .choice(let values):
            guard let s = node.scalar?.string, values.contains(s) else {
                return .failure(.init("'\(node.scalar?.string ?? kind(node))' is not one of: \(values.joined(separator: ", "))"))
            }
            return .success(.string(s))
        case .list(let element):
            guard let items = node.sequence else { return .failure(.init("expected a list, found \(kind(node))")) }
            var result: [ConditionValue] = []
            for (i, item) in items.enumerated() {
                switch typed(item, as: element, name: name) {
                case .success(let v): result.append(v)
                case .failure(let m): return .failure(.init("item \(i + 1): \(m.message)"))
                }
            }
            return .success(.list(result))
        }
    }

    struct TypeMismatch: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    static func kind(_ node: Node) -> String {
        if node.sequence != nil { return "a list" }
        if node.mapping != nil { return "a mapping" }
        guard let s = node.scalar?.string else { return "nothing" }
        return "'\(s)'"
    }
}
