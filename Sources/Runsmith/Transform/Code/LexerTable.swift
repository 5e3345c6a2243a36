/// A Pygments `RegexLexer`'s rules as its Python process hands them over (`PygmentsHighlighter.script`,
/// request `X`), with the rules of every lexer they hand text to (`using`): per lexer and state, each
/// rule's pattern and `re` flags, what it yields and where it goes next. Token classes are the short ones
/// the theme colours, already reduced as the script reduces them.
struct LexerTable: Decodable {
    /// The lexer the fence's language names, a key of `lexers`.
    var main: String
    var lexers: [String: [String: [Rule]]]
    /// The classes of a character no rule matched, and of the newline that then resets the state.
    var error: String
    var newline: String

    struct Rule: Decodable {
        var pattern: String
        var flags: Int
        var action: Action
        var next: Next

        /// Python's forms: none, `-n` (pop n, keeping the first), `"#push"`, or a list of steps.
        enum Next: Equatable { case none, pop(Int), push, steps([String]) }

        init(from decoder: any Decoder) throws {
            var fields = try decoder.unkeyedContainer()
            pattern = try fields.decode(String.self)
            flags = try fields.decode(Int.self)
            action = try fields.decode(Action.self)
            if try fields.decodeNil() {
                next = .none
            } else if let count = try? fields.decode(Int.self) {
                next = .pop(-count)
            } else if let name = try? fields.decode(String.self) {
                guard name == "#push" else {
                    throw DecodingError.dataCorruptedError(in: fields, debugDescription: "unknown step \(name)")
                }
                next = .push
            } else {
                next = .steps(try fields.decode([String].self))
            }
        }
    }

    /// What a rule yields: nothing, one token, one per group (`bygroups`, whose groups are actions in
    /// turn), or the tokens of a lexer run on the matched text alone, from a stack of states (`using`).
    enum Action: Decodable, Equatable {
        case none, token(String), groups([Action]), using(lexer: String, stack: [String])

        private enum Key: String, CodingKey { case groups, using, stack }

        var isGroups: Bool { if case .groups = self { true } else { false } }

        init(from decoder: any Decoder) throws {
            if let value = try? decoder.singleValueContainer(), value.decodeNil() {
                self = .none
            } else if let kind = try? decoder.singleValueContainer().decode(String.self) {
                self = .token(kind)
            } else {
                let object = try decoder.container(keyedBy: Key.self)
                if let groups = try object.decodeIfPresent([Action].self, forKey: .groups) {
                    self = .groups(groups)
                } else {
                    self = .using(lexer: try object.decode(String.self, forKey: .using),
                                  stack: try object.decode([String].self, forKey: .stack))
                }
            }
        }
    }
}

extension PatternOptions {
    /// Python's `re` flag bits: IGNORECASE 2, MULTILINE 8, DOTALL 16, VERBOSE 64, ASCII 256. nil for
    /// LOCALE (4), which only byte patterns take.
    init?(pythonFlags flags: Int) {
        guard flags & 4 == 0 else { return nil }
        self.init(ignoreCase: flags & 2 != 0, multiline: flags & 8 != 0, dotAll: flags & 16 != 0,
                  verbose: flags & 64 != 0, unicode: flags & 256 == 0)
    }
}
