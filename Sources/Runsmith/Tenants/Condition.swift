/// The condition language of `{% if %}`, `{% elsif %}`, `{% unless %}` and runbook `when:` fields: Liquid/Jinja-like
/// tests over dotted names, e.g. `tenant.id == "acme" and not vars.legacy`.

/// A value a condition works with: what a name resolves to, a literal, or a result.
public enum ConditionValue: Equatable, Sendable {
    case string(String), number(Double), bool(Bool), list([ConditionValue]), null

    /// Wider than Liquid (where only false and nil are falsy): a `when:` field naming a variable that is set but
    /// empty or zero should skip the step, which is what authors coming from shells and YAML expect.
    public var isTruthy: Bool {
        switch self {
        case .bool(let b): b
        case .string(let s): !s.isEmpty
        case .number(let n): n != 0
        case .list(let items): !items.isEmpty
        case .null: false
        }
    }

    /// The value as written in a condition, for messages: quotes show that `"3"` is not `3`.
    public var display: String {
        switch self {
        case .string(let s):
            var escaped = ""
            for c in s { escaped += c == "\"" || c == "\\" ? "\\\(c)" : String(c) }
            return "\"\(escaped)\""
        case .number(let n):
            // Whole numbers print without Swift's `.0`, as the author wrote them.
            return n == n.rounded() && abs(n) < 1e15 ? String(Int(n)) : String(n)
        case .bool(let b): return String(b)
        case .list(let items): return "[" + items.map(\.display).joined(separator: ", ") + "]"
        case .null: return "null"
        }
    }

    /// The type's name in messages.
    var kind: String {
        switch self {
        case .string: "string"
        case .number: "number"
        case .bool: "bool"
        case .list: "list"
        case .null: "null"
        }
    }

    /// `self contains item`: a list holds an equal element, a string a substring; nil when the question makes no sense.
    func has(_ item: ConditionValue) -> Bool? {
        switch (self, item) {
        case (.list(let items), _): items.contains(item)
        // Every string contains the empty string, as in Liquid.
        case (.string(let s), .string(let part)): part.isEmpty || s.contains(part)
        default: nil
        }
    }
}

public enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", greater = ">", lessOrEqual = "<=", greaterOrEqual = ">="

    /// The result, or nil when ordering values of different or unordered types (`"3" < 4` is a mistake, not false).
    func apply(_ l: ConditionValue, _ r: ConditionValue) -> Bool? {
        switch (self, l, r) {
        case (.equal, _, _): l == r
        case (.notEqual, _, _): l != r
        case (_, .number(let x), .number(let y)): order(x, y)
        case (_, .string(let x), .string(let y)): order(x, y)
        default: nil
        }
    }

    private func order<T: Comparable>(_ x: T, _ y: T) -> Bool {
        switch self {
        case .equal: x == y
        case .notEqual: x != y
        case .less: x < y
        case .greater: x > y
        case .lessOrEqual: x <= y
        case .greaterOrEqual: x >= y
        }
    }
}

public struct ConditionError: Error, Equatable, Sendable {
    public var message: String
    /// 0-based character offset into the condition's source, for file:line:col.
    public var offset: Int
}

public indirect enum Condition: Equatable, Sendable {
    case literal(ConditionValue)
    /// A dotted path: `tenant.id`, `vars.ado_org`, `visitor.claims.unsigned.plan`.
    case name([String])
    case not(Condition)
    case and(Condition, Condition), or(Condition, Condition)
    case compare(Condition, ComparisonOperator, Condition)
    /// `a contains b`: list `a` has element `b`, or string `a` has substring `b`.
    case contains(Condition, Condition)
    /// `a in b`: the reverse of `contains`.
    case isIn(Condition, Condition)

    /// Every dotted name used, in source order, without duplicates: what a caller must be able to look up.
    public var names: [[String]] {
        if case .name(let path) = self { return [path] }
        var result: [[String]] = []
        for path in operands.flatMap(\.names) where !result.contains(path) { result.append(path) }
        return result
    }

    /// Evaluates with `lookup` giving a name's value (nil = undefined, which throws naming it).
    /// A bare condition has no source, so its errors have offset 0; `ParsedCondition` reports real offsets.
    public func evaluate(_ lookup: ([String]) -> ConditionValue?) throws(ConditionError) -> ConditionValue {
        try value(nil, [], lookup)
    }

    public func isTrue(_ lookup: ([String]) -> ConditionValue?) throws(ConditionError) -> Bool {
        try evaluate(lookup).isTruthy
    }

    /// Left to right, so `names` comes out in source order.
    private var operands: [Condition] {
        switch self {
        case .literal, .name: []
        case .not(let a): [a]
        case .and(let a, let b), .or(let a, let b), .compare(let a, _, let b), .contains(let a, let b), .isIn(let a, let b):
            [a, b]
        }
    }

    /// Nodes in this subtree; finds a left operand's place among the parser's post-order offsets.
    fileprivate var nodeCount: Int { 1 + operands.reduce(0) { $0 + $1.nodeCount } }

    /// `index` is this node's number in `offsets` (post-order), nil when there are no offsets to report.
    fileprivate func value(_ index: Int?, _ offsets: [Int],
                           _ lookup: ([String]) -> ConditionValue?) throws(ConditionError) -> ConditionValue {
        func fail(_ message: String) -> ConditionError {
            ConditionError(message: message, offset: index.map { offsets[$0] } ?? 0)
        }
        func eval(_ c: Condition, _ i: Int?) throws(ConditionError) -> ConditionValue { try c.value(i, offsets, lookup) }
        // In post-order a right (or only) operand comes just before its parent, the left one before that subtree.
        let right = index.map { $0 - 1 }
        func left(_ b: Condition) -> Int? { index.map { $0 - 1 - b.nodeCount } }
        switch self {
        case .literal(let v):
            return v
        case .name(let path):
            guard let v = lookup(path) else { throw fail("undefined name '\(path.joined(separator: "."))'") }
            return v
        case .not(let a):
            return .bool(!(try eval(a, right).isTruthy))
        case .and(let a, let b):
            // Short-circuit so `vars.x and vars.x.y` can guard a name that is only sometimes defined.
            guard try eval(a, left(b)).isTruthy else { return .bool(false) }
            return .bool(try eval(b, right).isTruthy)
        case .or(let a, let b):
            if try eval(a, left(b)).isTruthy { return .bool(true) }
            return .bool(try eval(b, right).isTruthy)
        case .compare(let a, let op, let b):
            let l = try eval(a, left(b)), r = try eval(b, right)
            guard let result = op.apply(l, r) else { throw fail("cannot compare \(l.kind) with \(r.kind)") }
            return .bool(result)
        case .contains(let a, let b):
            let container = try eval(a, left(b)), item = try eval(b, right)
            guard let result = container.has(item) else { throw fail("cannot check whether \(container.kind) contains \(item.kind)") }
            return .bool(result)
        case .isIn(let a, let b):
            let item = try eval(a, left(b)), container = try eval(b, right)
            guard let result = container.has(item) else { throw fail("cannot check whether \(item.kind) is in \(container.kind)") }
            return .bool(result)
        }
    }
}

/// A condition with the source offset of each of its nodes, so evaluation errors point at the name or operator.
public struct ParsedCondition: Equatable, Sendable {
    public let source: String
    public let condition: Condition
    /// Where each node starts (a name, a literal, an operator), in post-order: the order the parser builds them.
    let offsets: [Int]

    public init(_ source: String) throws(ConditionError) {
        var parser = ConditionTokenParser(Array(source))
        condition = try parser.parseAll()
        offsets = parser.offsets
        self.source = source
    }

    public var names: [[String]] { condition.names }

    public func evaluate(_ lookup: ([String]) -> ConditionValue?) throws(ConditionError) -> ConditionValue {
        try condition.value(offsets.count - 1, offsets, lookup)
    }

    public func isTrue(_ lookup: ([String]) -> ConditionValue?) throws(ConditionError) -> Bool {
        try evaluate(lookup).isTruthy
    }
}
