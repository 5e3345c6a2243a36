import Foundation

/// `{{ tenant.name }}`, `{{ vars.ado_org | upcase }}`, `{{ vars.region | default: "eu" }}`: a reference to
/// tenant data. Only the `tenant` and `vars` namespaces (and GitBook's `visitor.claims.unsigned`) are ours;
/// any other `{{ … }}` — Helm, Go templates, Handlebars in code samples — is left exactly as written.
public struct VariableReference: Equatable, Sendable {
    public enum Filter: Equatable, Sendable { case upcase, downcase, urlencode, fallback(String) }

    public var name: [String]
    public var filters: [Filter]

    public enum Parsed: Equatable { case ours(VariableReference), notOurs, invalid(String) }

    /// Parses the text between `{{` and `}}`.
    public static func parse(_ inner: Substring) -> Parsed {
        let parts = splitFilters(inner)
        let head = parts[0].trimmingWhitespace()
        let name = head.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        let first = name[0]
        guard ["tenant", "vars", "visitor"].contains(first) else {
            // `{{ var.org }}`, `{{ tenants.name }}`: a namespace typo would otherwise reach readers as written.
            if name.count >= 2, name.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } }),
               let meant = NameSuggestion.nearest(first, among: ["vars", "tenant"], within: first.count > 4 ? 2 : 1) {
                return .invalid("'\(head)' is in no namespace of ours: did you mean '\(([meant] + name.dropFirst()).joined(separator: "."))'?")
            }
            return .notOurs
        }
        guard name.count >= 2, name.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" } }) else {
            return first == "visitor" ? .notOurs : .invalid("'\(head)' is not a variable name")
        }
        var reference = VariableReference(name: name, filters: [])
        for raw in parts.dropFirst() {
            let filter = raw.trimmingWhitespace()
            switch filter {
            case "upcase": reference.filters.append(.upcase)
            case "downcase": reference.filters.append(.downcase)
            case "urlencode": reference.filters.append(.urlencode)
            default:
                guard filter.hasPrefix("default:") else {
                    return .invalid("unknown filter '\(filter)' (upcase, downcase, urlencode, default: \"…\")")
                }
                let argument = filter.dropFirst("default:".count).trimmingWhitespace()
                guard argument.count >= 2, let q = argument.first, q == "\"" || q == "'", argument.last == q else {
                    return .invalid("default: needs a quoted value, as in default: \"n/a\"")
                }
                reference.filters.append(.fallback(String(argument.dropFirst().dropLast())))
            }
        }
        return .ours(reference)
    }

    /// Splits on `|` outside quotes.
    static func splitFilters(_ text: Substring) -> [Substring] {
        var parts: [Substring] = []
        var start = text.startIndex
        var quote: Character? = nil
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if let q = quote { if c == q { quote = nil } } else if c == "\"" || c == "'" { quote = c } else if c == "|" {
                parts.append(text[start..<i])
                start = text.index(after: i)
            }
            i = text.index(after: i)
        }
        parts.append(text[start...])
        return parts
    }

    /// The text the reference stands for, filters applied; a secret is a placeholder, never its value.
    public func resolve(in context: TenantContext) -> Result<String, TenantContext.Problem> {
        let mapped = TenantSet.mapClaims(name, context.claims)
        let dotted = name.joined(separator: ".")
        if mapped.count == 2, mapped[0] == "vars", let variable = context.schema.variables[mapped[1]], variable.secret {
            return .success("‹secret: \(variable.name)›")
        }
        let known = mapped.count == 2 && (mapped[0] == "tenant" ? ["id", "name"].contains(mapped[1]) : context.schema.variables[mapped[1]] != nil)
        guard known else {
            let declared = mapped.first == "tenant" ? ["id", "name"] : Array(context.schema.variables.keys)
            let meant = mapped.count == 2 ? NameSuggestion.nearest(mapped[1], among: declared).map { "; did you mean '\(mapped[0]).\($0)'?" } : nil
            return .failure(.init(code: .undeclaredVariable, message: "'\(dotted)' is not a declared variable (\(TenantSchema.path))\(meant ?? "")"))
        }
        var value: String? = nil
        switch context.tenant.value(of: mapped) {
        case .string(let s)?: value = s
        case .number(let n)?: value = n == n.rounded() ? String(Int(n)) : String(n)
        case .bool(let b)?: value = String(b)
        case .list(let items)?:
            // A list reads as words in a sentence: `research, manufacturing` (an empty list has no value).
            let words = items.map { item -> String in if case .string(let s) = item { return s } else { return item.display } }
            value = words.isEmpty ? nil : words.joined(separator: ", ")
        case .null?, nil: value = nil
        }
        for filter in filters {
            switch filter {
            case .fallback(let text): if value == nil || value == "" { value = text }
            case .upcase: value = value?.uppercased()
            case .downcase: value = value?.lowercased()
            case .urlencode: value = value?.addingPercentEncoding(withAllowedCharacters: .urlUnreserved)
            }
        }
        guard let value else {
            return .failure(.init(code: .missingVariable, message: "tenant '\(context.tenant.id)' has no value for '\(dotted)' (add `| default: \"…\"`)"))
        }
        return .success(value)
    }
}

extension CharacterSet {
    /// RFC 3986 unreserved characters: what `urlencode` leaves alone.
    static let urlUnreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
}

/// One tenant's data as pages see it.
public struct TenantContext: Sendable {
    public var tenant: Tenant
    public var schema: TenantSchema
    public var claims: [String: String]

    public init(tenant: Tenant, schema: TenantSchema, claims: [String: String] = [:]) {
        self.tenant = tenant
        self.schema = schema
        self.claims = claims
    }

    /// The docs site, built for no tenant: every variable shows as a placeholder naming it (`‹vars.ado_org›`),
    /// so readers never see raw `{{ }}`, and names are still checked against the schema.
    public static func placeholders(schema: TenantSchema) -> TenantContext {
        var values: [String: ConditionValue] = [:]
        for name in schema.variables.keys { values[name] = .string("‹vars.\(name)›") }
        return TenantContext(tenant: Tenant(id: "‹tenant.id›", name: "‹tenant.name›", values: values, path: ""), schema: schema)
    }

    public struct Problem: Error, Equatable, Sendable {
        public var code: DiagnosticCode
        public var message: String
    }

    /// What stands where a reference could not be filled in (an error was reported): its name as a
    /// placeholder, never the raw `{{ }}` a reader would take for a broken page.
    static func unresolved(_ inner: Substring) -> String { "‹\(inner.trimmingWhitespace())›" }

    /// Replaces every `{{ … }}` of ours in `text`, each value passed through `escape` for where it lands.
    /// Returns the text and the problems with the byte offset of their `{{`. `resolved` hears each
    /// reference as written (`vars.org | upcase`) with the value it stands for.
    public func substitute(_ text: String, escape: (String) -> String,
                           resolved: ((String, String) -> Void)? = nil) -> (String, [(offset: Int, problem: Problem)]) {
        // On the UTF-8 bytes: a `Substring.range(of:)` per reference went through Foundation and copied
        // the rest of the text each time, which made a line of 40,000 references quadratic.
        let bytes = Array(text.utf8)
        guard var open = Self.find(0x7B, in: bytes, from: 0) else { return (text, []) }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var problems: [(Int, Problem)] = []
        var done = 0
        // The same reference written many times is parsed and resolved once.
        var known: [Substring: (text: [UInt8]?, problem: Problem?, value: String?)] = [:]
        while let close = Self.find(0x7D, in: bytes, from: open + 2) {
            out += bytes[done..<open]
            let inner = Substring(String(decoding: bytes[(open + 2)..<close], as: UTF8.self))
            let filled = known[inner] ?? fill(inner, escape: escape)
            known[inner] = filled
            if let problem = filled.problem { problems.append((open, problem)) }
            if let value = filled.value { resolved?(String(inner.trimmingWhitespace()), value) }
            if let text = filled.text { out += text } else { out += bytes[open..<(close + 2)] }
            done = close + 2
            guard let next = Self.find(0x7B, in: bytes, from: done) else { break }
            open = next
        }
        out += bytes[done...]
        return (String(decoding: out, as: UTF8.self), problems)
    }

    /// What stands for one `{{ inner }}`: the escaped value, or its placeholder and the problem; nil
    /// text for a `{{ }}` that is not ours (it stays as written).
    private func fill(_ inner: Substring, escape: (String) -> String) -> (text: [UInt8]?, problem: Problem?, value: String?) {
        switch VariableReference.parse(inner) {
        case .notOurs:
            return (nil, nil, nil)
        case .invalid(let message):
            return (Array(escape(Self.unresolved(inner)).utf8), Problem(code: .invalidVariable, message: message), nil)
        case .ours(let reference):
            switch reference.resolve(in: self) {
            case .success(let value): return (Array(escape(value).utf8), nil, value)
            case .failure(let problem): return (Array(escape(Self.unresolved(inner)).utf8), problem, nil)
            }
        }
    }

    /// Where `brace brace` (`{{` or `}}`) next starts in `bytes`, from `start`.
    static func find(_ brace: UInt8, in bytes: [UInt8], from start: Int) -> Int? {
        var i = start
        while i + 1 < bytes.count {
            if bytes[i] == brace {
                if bytes[i + 1] == brace { return i }
            }
            i += 1
        }
        return nil
    }
}
