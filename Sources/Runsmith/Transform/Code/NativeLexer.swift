/// A Pygments `RegexLexer` run here, on its own table (`LexerTable`), the way
/// `RegexLexer.get_tokens_unprocessed` runs it in Python: at each position the current state's rules
/// are tried in order and the first that matches yields its tokens, moves past its match and changes
/// the state stack; where none matches, a newline resets the stack to `root` and any other character
/// is an error token of its own. Neighbouring tokens of one class merge, as the script merges them.
/// The answer is Pygments' own, without Python: `NativeLexerTests` compares the two.
struct NativeLexer: Sendable {
    private struct Rule: Sendable {
        var pattern: CompiledPattern
        var action: LexerTable.Rule.Action
        var next: Transition
    }

    private enum Step: Sendable { case pop, push, enter(Int) }
    private enum Transition: Sendable { case none, pop(Int), steps([Step]) }

    private let states: [[Rule]]
    private let root: Int
    private let error: String, newline: String
    /// Groups of the widest pattern: the size of a match's room.
    private let groups: Int

    /// nil when a pattern or a state cannot be taken over (the lexer then stays in Python).
    init?(_ table: LexerTable) {
        let names = table.states.keys.sorted()
        let index = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        guard let root = index["root"] else { return nil }
        var states: [[Rule]] = []
        for name in names {
            var rules: [Rule] = []
            for rule in table.states[name]! {
                guard let options = PatternOptions(pythonFlags: rule.flags),
                      let source = PythonPattern.pcre2(rule.pattern, verbose: options.verbose),
                      let pattern = CompiledPattern(source, options: options) else { return nil }
                let transition: Transition
                switch rule.next {
                case .none: transition = .none
                case .pop(let count): transition = .pop(count)
                case .push: transition = .steps([.push])
                case .steps(let steps):
                    var resolved: [Step] = []
                    for step in steps {
                        switch step {
                        case "#pop": resolved.append(.pop)
                        case "#push": resolved.append(.push)
                        default:
                            guard let target = index[step] else { return nil }
                            resolved.append(.enter(target))
                        }
                    }
                    transition = .steps(resolved)
                }
                rules.append(Rule(pattern: pattern, action: Self.plain(rule.action), next: transition))
            }
            states.append(rules)
        }
        self.states = states
        self.root = root
        (error, newline) = (Self.plain(table.error), Self.plain(table.newline))
        groups = states.joined().map(\.pattern.groups).max() ?? 0
    }

    /// The script's `-` for plain text is "" here, as `PygmentsAnswer` reads it.
    private static func plain(_ kind: String) -> String { kind == "-" ? "" : kind }

    private static func plain(_ action: LexerTable.Rule.Action) -> LexerTable.Rule.Action {
        switch action {
        case .none: .none
        case .token(let kind): .token(plain(kind))
        case .groups(let kinds): .groups(kinds.map { $0.map(plain) })
        }
    }

    /// The block's tokens; nil when Pygments itself must answer: PCRE2 gave up on a match (a limit),
    /// a rule names a group its pattern lacks, or the tokens do not spell the code.
    func tokens(of code: String) -> [CodeToken]? {
        var code = code
        return code.withUTF8 { run($0) }
    }

    private func run(_ text: UnsafeBufferPointer<UInt8>) -> [CodeToken]? {
        let match = PatternMatch(groups: groups)
        var runs = TokenRuns(text)
        var stack = [root], pos = 0, stalled = 0
        while true {
            var matched = false
            for rule in states[stack[stack.count - 1]] {
                switch rule.pattern.match(text, at: pos, into: match) {
                case .none: continue
                case .failed: return nil
                case .matched: break
                }
                let whole = match.range(0)!
                switch rule.action {
                case .none: break
                case .token(let kind): runs.add(kind, whole)
                case .groups(let kinds):
                    guard kinds.count <= rule.pattern.groups else { return nil }
                    for (i, kind) in kinds.enumerated() {
                        if let kind, let range = match.range(i + 1), !range.isEmpty { runs.add(kind, range) }
                    }
                }
                stalled = whole.upperBound == pos ? stalled + 1 : 0
                pos = whole.upperBound
                switch rule.next {
                case .none: break
                case .pop(let count):
                    stack.removeLast(count >= stack.count ? stack.count - 1 : count)
                case .steps(let steps):
                    for step in steps {
                        switch step {
                        case .pop: if stack.count > 1 { stack.removeLast() }
                        case .push: stack.append(stack[stack.count - 1])
                        case .enter(let state): stack.append(state)
                        }
                    }
                }
                matched = true
                break
            }
            // Python would loop for ever on a rule that matches nothing and moves nowhere; here the
            // block stays plain.
            if stalled > 10_000 { return [CodeToken(kind: "", text: String(decoding: text, as: UTF8.self))] }
            if matched { continue }
            guard pos < text.count else { break }
            if text[pos] == 0x0A {
                stack = [root]
                runs.add(newline, pos..<pos + 1)
                pos += 1
                continue
            }
            let width = UTF8Width.of(text[pos])
            runs.add(error, pos..<min(pos + width, text.count))
            pos += width
        }
        return runs.finish()
    }
}

/// Tokens gathered into runs of one class, the way the script merges them (a run is closed when a token
/// of another class follows it, empty tokens included), and checked to spell the text in order.
private struct TokenRuns {
    let text: UnsafeBufferPointer<UInt8>
    var runs: [CodeToken] = []
    var kind: String?
    var bytes: [UInt8] = []
    var open = false
    /// How much of the text the tokens so far spell; nil once they stray from it.
    var spelled: Int? = 0

    init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

    mutating func add(_ next: String, _ range: Range<Int>) {
        if open, next != kind { close() }
        kind = next
        open = true
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[range]))
        guard let at = spelled else { return }
        if range.lowerBound == at || (at + range.count <= text.count && text[at..<at + range.count].elementsEqual(text[range])) {
            spelled = at + range.count
        } else {
            spelled = nil
        }
    }

    private mutating func close() {
        runs.append(CodeToken(kind: kind ?? "", text: String(decoding: bytes, as: UTF8.self)))
        bytes.removeAll(keepingCapacity: true)
        open = false
    }

    mutating func finish() -> [CodeToken]? {
        if open { close() }
        return spelled == text.count ? runs : nil
    }
}

enum UTF8Width {
    /// Bytes of the character whose first byte this is.
    static func of(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
