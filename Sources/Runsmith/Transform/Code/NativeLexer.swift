/// A Pygments `RegexLexer` run here, on its own rules (`LexerTable`), the way
/// `RegexLexer.get_tokens_unprocessed` runs it in Python: at each position the current state's rules
/// are tried in order and the first that matches yields its tokens, moves past its match and changes
/// the state stack; where none matches, a newline resets the stack to `root` and any other character
/// is an error token of its own. A rule may hand its match (or a group of it) to a lexer of its own
/// (`using`), which lexes that text alone, from the stack it names. Neighbouring tokens of one class
/// merge, as the script merges them. The answer is Pygments' own: `NativeLexerTests` compares the two.
struct NativeLexer: Sendable {
    private enum Action: Sendable {
        case none, token(String), groups([Action]), using(lexer: Int, stack: [Int])
    }

    private struct Rule: Sendable {
        var pattern: CompiledPattern
        var action: Action
        var next: Transition
    }

    private enum Step: Sendable { case pop, push, enter(Int) }
    private enum Transition: Sendable { case none, pop(Int), steps([Step]) }

    private struct Lexer: Sendable {
        var states: [[Rule]] = []
        var root = 0
    }

    /// The fence's lexer first, then those its rules hand text to.
    private let lexers: [Lexer]
    private let error: String, newline: String
    /// Groups of the widest pattern: the size of a match's room.
    private let groups: Int

    /// nil when a pattern, a state or a lexer cannot be taken over (the language then stays in Python).
    init?(_ table: LexerTable) {
        let keys = [table.main] + table.lexers.keys.filter { $0 != table.main }.sorted()
        let lexerIndex = Dictionary(uniqueKeysWithValues: keys.enumerated().map { ($1, $0) })
        var stateIndex: [[String: Int]] = []
        for key in keys {
            guard let states = table.lexers[key] else { return nil }
            stateIndex.append(Dictionary(uniqueKeysWithValues: states.keys.sorted().enumerated().map { ($1, $0) }))
        }
        func action(_ given: LexerTable.Action) -> Action? {
            switch given {
            case .none: return Action.none
            case .token(let kind): return .token(Self.plain(kind))
            case .groups(let inner):
                // A group's own action reads that group; `bygroups` within `bygroups` would need more.
                let resolved = inner.compactMap { $0.isGroups ? nil : action($0) }
                return resolved.count == inner.count ? .groups(resolved) : nil
            case .using(let key, let stack):
                guard let lexer = lexerIndex[key] else { return nil }
                let states = stack.compactMap { stateIndex[lexer][$0] }
                return states.count == stack.count && !states.isEmpty ? .using(lexer: lexer, stack: states) : nil
            }
        }
        var lexers: [Lexer] = []
        for (l, key) in keys.enumerated() {
            let index = stateIndex[l]
            guard let root = index["root"] else { return nil }
            var lexer = Lexer(root: root)
            for name in index.keys.sorted() {
                var rules: [Rule] = []
                for rule in table.lexers[key]![name]! {
                    guard let options = PatternOptions(pythonFlags: rule.flags),
                          let source = PythonPattern.pcre2(rule.pattern, verbose: options.verbose),
                          let pattern = CompiledPattern(source, options: options),
                          let yields = action(rule.action),
                          let next = Self.transition(rule.next, index) else { return nil }
                    rules.append(Rule(pattern: pattern, action: yields, next: next))
                }
                lexer.states.append(rules)
            }
            lexers.append(lexer)
        }
        self.lexers = lexers
        (error, newline) = (Self.plain(table.error), Self.plain(table.newline))
        groups = lexers.flatMap(\.states).joined().map(\.pattern.groups).max() ?? 0
    }

    private static func transition(_ next: LexerTable.Rule.Next, _ index: [String: Int]) -> Transition? {
        switch next {
        case .none: return Transition.none
        // Pygments writes pops as negative numbers; anything else is a table this loop does not know.
        case .pop(let count): return count > 0 ? .pop(count) : nil
        case .push: return .steps([.push])
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
            return .steps(resolved)
        }
    }

    /// The script's `-` for plain text is "" here, as `PygmentsAnswer` reads it.
    private static func plain(_ kind: String) -> String { kind == "-" ? "" : kind }

    /// The block's tokens; nil when Pygments itself must answer: PCRE2 gave up on a match (a limit),
    /// a rule names a group its pattern lacks, or the tokens do not spell the code.
    func tokens(of code: String) -> [CodeToken]? {
        var code = code
        return code.withUTF8 { text in
            var runs = TokenRuns(text)
            switch run(0, text, at: 0, stack: [lexers[0].root], into: &runs) {
            case .done: return runs.finish()
            case .unsure: return nil
            case .stalled: return [CodeToken(kind: "", text: String(decoding: text, as: UTF8.self))]
            }
        }
    }

    private enum Outcome { case done, unsure, stalled }

    /// Lexes `text` (which starts at byte `offset` of the block) with lexer `l` from `stack`.
    private func run(_ l: Int, _ text: UnsafeBufferPointer<UInt8>, at offset: Int, stack start: [Int],
                     into runs: inout TokenRuns) -> Outcome {
        let lexer = lexers[l]
        let match = PatternMatch(groups: groups)
        var stack = start, pos = 0, stalled = 0
        // Yields one action's tokens for `range` of the text (`group` of the match).
        func yield(_ action: Action, _ range: Range<Int>, rule: Rule) -> Outcome {
            switch action {
            case .none: return .done
            case .token(let kind):
                runs.add(kind, (range.lowerBound + offset)..<(range.upperBound + offset))
                return .done
            case .groups(let actions):
                guard actions.count <= rule.pattern.groups else { return .unsure }
                for (i, inner) in actions.enumerated() {
                    guard let part = match.range(i + 1) else { continue }
                    if case .token = inner, part.isEmpty { continue }
                    let outcome = yield(inner, part, rule: rule)
                    if outcome != .done { return outcome }
                }
                return .done
            case .using(let other, let stack):
                // The other lexer sees the matched text alone (a buffer of its bytes): its `^` and `\A` match
                // where it starts, and no lookbehind reaches before it.
                return run(other, UnsafeBufferPointer(rebasing: text[range]), at: offset + range.lowerBound, stack: stack, into: &runs)
            }
        }
        while true {
            var matched = false
            for rule in lexer.states[stack[stack.count - 1]] {
                switch rule.pattern.match(text, at: pos, into: match) {
                case .none: continue
                case .failed: return .unsure
                case .matched: break
                }
                let whole = match.range(0)!
                let outcome = yield(rule.action, whole, rule: rule)
                if outcome != .done { return outcome }
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
            if stalled > 10_000 { return .stalled }
            if matched { continue }
            guard pos < text.count else { return .done }
            if text[pos] == 0x0A {
                stack = [lexer.root]
                runs.add(newline, (pos + offset)..<(pos + offset + 1))
                pos += 1
                continue
            }
            let width = min(UTF8Width.of(text[pos]), text.count - pos)
            runs.add(error, (pos + offset)..<(pos + offset + width))
            pos += width
        }
    }
}

enum UTF8Width {
    /// Bytes of the character whose first byte this is.
    static func of(_ lead: UInt8) -> Int {
        lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
