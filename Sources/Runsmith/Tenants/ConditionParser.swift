/// Parses condition text (`vars.plan == "pro" and not tenant.id in ["a", "b"]`) into a `Condition`.
public enum ConditionParser {
    public static func parse(_ source: String) throws(ConditionError) -> Condition {
        try ParsedCondition(source).condition
    }
}

struct ConditionToken {
    enum Kind: Equatable {
        /// A literal or a name, already a leaf of the tree.
        case operand(Condition)
        /// Punctuation and keyword operators, with `&&`, `||`, `!` already turned into `and`, `or`, `not`.
        case symbol(String)
    }
    var kind: Kind
    var offset: Int
    /// As written, for messages.
    var text: String

    func isSymbol(_ names: String...) -> Bool {
        guard case .symbol(let s) = kind else { return false }
        return names.contains(s)
    }

    var startsExpression: Bool { if case .symbol = kind { isSymbol("(", "[", "not") } else { true } }
}

/// Recursive descent, one function per precedence level, loosest first: or, and, not, comparison, primary.
struct ConditionTokenParser {
    let chars: [Character]
    var position = 0
    /// The next unconsumed token, nil at the end. Lexing on demand reports errors in source order.
    var peek: ConditionToken?
    var offsets: [Int] = []

    static let operators: Set = ["and", "or", "not", "contains", "in"]
    static let words: [String: ConditionValue] = ["true": .bool(true), "false": .bool(false), "null": .null, "nil": .null]
    /// Longer symbols first, so `<=` is not read as `<` and `=`. GitBook's own conditions are JavaScript
    /// and write `===`/`!==`: for strings, numbers and booleans they mean `==`/`!=`.
    static let symbols = ["===", "!==", "==", "!=", "<=", ">=", "&&", "||", "<", ">", "!", "(", ")", "[", "]", ","]
    static let aliases = ["&&": "and", "||": "or", "!": "not", "===": "==", "!==": "!="]

    init(_ chars: [Character]) { self.chars = chars }

    mutating func parseAll() throws(ConditionError) -> Condition {
        try advance()
        guard peek != nil else { throw ConditionError(message: "empty condition", offset: 0) }
        let result = try parseOr()
        if let extra = peek { throw unexpected(extra) }
        return result
    }

    mutating func parseOr() throws(ConditionError) -> Condition {
        var left = try parseAnd()
        while let op = peek, op.isSymbol("or") {
            try consumeOperator(op)
            let right = try parseAnd()
            left = node(.or(left, right), op)
        }
        return left
    }

    mutating func parseAnd() throws(ConditionError) -> Condition {
        var left = try parseNot()
        while let op = peek, op.isSymbol("and") {
            try consumeOperator(op)
            let right = try parseNot()
            left = node(.and(left, right), op)
        }
        return left
    }

    /// `not` binds looser than comparisons, as in Jinja: `not a == b` is `not (a == b)`.
    mutating func parseNot() throws(ConditionError) -> Condition {
        guard let op = peek, op.isSymbol("not") else { return try parseComparison() }
        try consumeOperator(op)
        let operand = try parseNot()
        return node(.not(operand), op)
    }

    mutating func parseComparison() throws(ConditionError) -> Condition {
        let left = try parsePrimary()
        guard let op = peek, let build = Self.comparison(op) else { return left }
        try consumeOperator(op)
        let right = try parsePrimary()
        // `a == b == c` means something different in every language; refuse it rather than guess.
        if let again = peek, Self.comparison(again) != nil {
            throw ConditionError(message: "comparisons cannot be chained; join them with 'and'", offset: again.offset)
        }
        return node(build(left, right), op)
    }

    /// Builds the comparison a token stands for; nil when it is not a comparison.
    static func comparison(_ token: ConditionToken) -> ((Condition, Condition) -> Condition)? {
        guard case .symbol(let s) = token.kind else { return nil }
        if s == "contains" { return Condition.contains }
        if s == "in" { return Condition.isIn }
        return ComparisonOperator(rawValue: s).map { op in { .compare($0, op, $1) } }
    }

    mutating func parsePrimary() throws(ConditionError) -> Condition {
        guard let token = peek else { throw ConditionError(message: "unexpected end of condition", offset: chars.count) }
        switch token.kind {
        case .operand(let leaf):
            try advance()
            return node(leaf, token)
        case .symbol("("):
            try consumeOperator(token)
            let inner = try parseOr()
            guard let close = peek else { throw ConditionError(message: "unclosed '('", offset: token.offset) }
            guard close.isSymbol(")") else { throw unexpected(close) }
            try advance()
            return inner
        case .symbol("["):
            let list = try parseList(token)
            return node(.literal(list), token)
        default:
            throw unexpected(token)
        }
    }

    /// `[a, "b", 3]` holds literals only: a list is a `ConditionValue`, not an expression. A trailing comma is fine.
    mutating func parseList(_ open: ConditionToken) throws(ConditionError) -> ConditionValue {
        var items: [ConditionValue] = []
        try advance()
        while let token = peek, !token.isSymbol("]") {
            switch token.kind {
            case .operand(.literal(let v)):
                items.append(v)
                try advance()
            case .symbol("["):
                items.append(try parseList(token))
            case .operand:
                throw ConditionError(message: "a list can only hold literal values, not the name '\(token.text)'", offset: token.offset)
            default:
                throw unexpected(token)
            }
            if let after = peek, after.isSymbol(",") {
                try advance()
            } else if let after = peek, !after.isSymbol("]") {
                throw ConditionError(message: "expected ',' or ']' in list, found '\(after.text)'", offset: after.offset)
            }
        }
        guard peek != nil else { throw ConditionError(message: "unclosed '['", offset: open.offset) }
        try advance()
        return .list(items)
    }

    /// Consumes an operator and checks an operand follows, so `a and` says what is missing and where.
    mutating func consumeOperator(_ op: ConditionToken) throws(ConditionError) {
        try advance()
        guard let next = peek, next.startsExpression else {
            throw ConditionError(message: "expected an expression after '\(op.text)'", offset: op.offset)
        }
    }

    mutating func node(_ condition: Condition, _ token: ConditionToken) -> Condition {
        offsets.append(token.offset)
        return condition
    }

    func unexpected(_ token: ConditionToken) -> ConditionError {
        ConditionError(message: "unexpected '\(token.text)'", offset: token.offset)
    }

    // MARK: Lexing

    mutating func advance() throws(ConditionError) {
        while position < chars.count, chars[position].isWhitespace { position += 1 }
        peek = position < chars.count ? try lexToken() : nil
    }

    mutating func lexToken() throws(ConditionError) -> ConditionToken {
        let start = position, c = chars[position]
        let kind: ConditionToken.Kind
        if c == "\"" || c == "'" {
            kind = .operand(.literal(.string(try lexString())))
        } else if c.isDigit || (c == "-" && position + 1 < chars.count && chars[position + 1].isDigit) {
            kind = .operand(.literal(.number(lexNumber())))
        } else if c.isNameStart {
            kind = try lexWord()
        } else if let symbol = Self.symbols.first(where: { chars[position...].starts(with: $0) }) {
            position += symbol.count
            kind = .symbol(Self.aliases[symbol] ?? symbol)
        } else {
            let hint = c == "=" ? "; use '==' to compare" : ""
            throw ConditionError(message: "unexpected '\(c)'\(hint)", offset: start)
        }
        return ConditionToken(kind: kind, offset: start, text: String(chars[start..<position]))
    }

    /// `\"`, `\'` and `\\` are escapes; any other backslash stays as written, so `"C:\temp"` means what it shows.
    mutating func lexString() throws(ConditionError) -> String {
        let start = position, quote = chars[position]
        var value = ""
        position += 1
        while position < chars.count, chars[position] != quote {
            if chars[position] == "\\", position + 1 < chars.count, "\"'\\".contains(chars[position + 1]) { position += 1 }
            value.append(chars[position])
            position += 1
        }
        guard position < chars.count else { throw ConditionError(message: "unterminated string", offset: start) }
        position += 1
        return value
    }

    mutating func lexNumber() -> Double {
        let start = position
        position += 1  // a digit or a '-' known to precede one
        while position < chars.count, chars[position].isDigit { position += 1 }
        if position + 1 < chars.count, chars[position] == ".", chars[position + 1].isDigit {
            position += 1
            while position < chars.count, chars[position].isDigit { position += 1 }
        }
        // Digits with an optional sign and fraction always parse (huge ones as infinity).
        return Double(String(chars[start..<position])) ?? .infinity
    }

    /// A keyword, a literal word (`true`, `false`, `null`, `nil`), or a dotted name.
    mutating func lexWord() throws(ConditionError) -> ConditionToken.Kind {
        var segments: [(text: String, offset: Int)] = []
        repeat {
            if !segments.isEmpty {  // at a '.'
                guard position + 1 < chars.count, chars[position + 1].isNameStart else {
                    throw ConditionError(message: "expected a name after '.'", offset: position)
                }
                position += 1
            }
            let start = position
            position += 1
            while position < chars.count, chars[position].isNameChar { position += 1 }
            segments.append((String(chars[start..<position]), start))
        } while position < chars.count && chars[position] == "."
        if segments.count == 1, let value = Self.words[segments[0].text] { return .operand(.literal(value)) }
        if segments.count == 1, Self.operators.contains(segments[0].text) { return .symbol(segments[0].text) }
        // `vars.in` is almost surely a typo; keywords stay unambiguous if they never appear inside names.
        if let keyword = segments.first(where: { Self.operators.contains($0.text) || Self.words[$0.text] != nil }) {
            throw ConditionError(message: "'\(keyword.text)' is a keyword and cannot be part of a name", offset: keyword.offset)
        }
        return .operand(.name(segments.map(\.text)))
    }
}

private extension Character {
    var isDigit: Bool { isASCII && isWholeNumber }
    var isNameStart: Bool { isASCII && (isLetter || self == "_") }
    var isNameChar: Bool { isNameStart || isDigit || self == "-" }
}
