/// A Pygments `RegexLexer`'s rules as its Python process hands them over (`PygmentsHighlighter.script`,
/// request `X`): per state, each rule's pattern and `re` flags, what it yields (one token class, or one
/// per group as `bygroups` does), and where it goes next. Token classes are the short ones the theme
/// colours, already reduced as the script reduces them.
struct LexerTable: Decodable {
    var states: [String: [Rule]]
    /// The classes of a character no rule matched, and of the newline that then resets the state.
    var error: String
    var newline: String

    struct Rule: Decodable {
        var pattern: String
        var flags: Int
        var action: Action
        var next: Next

        enum Action: Equatable { case none, token(String), groups([String?]) }
        /// Python's forms: none, `-n` (pop n, keeping the first), `"#push"`, or a list of steps.
        enum Next: Equatable { case none, pop(Int), push, steps([String]) }

        init(from decoder: any Decoder) throws {
            var fields = try decoder.unkeyedContainer()
            pattern = try fields.decode(String.self)
            flags = try fields.decode(Int.self)
            if try fields.decodeNil() {
                action = .none
            } else if let kind = try? fields.decode(String.self) {
                action = .token(kind)
            } else {
                action = .groups(try fields.decode([String?].self))
            }
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
