/// `{% if %}`/`{% elsif %}`/`{% else %}`/`{% endif %}` and `{% unless %}` decided for one tenant before
/// parsing: the lines of branches the tenant does not get are never emitted, so they reach no parser,
/// search index, JSON or asset. A condition naming an undeclared variable is an error, never false.
enum Conditionals {
    static let tags: Set<String> = ["if", "elsif", "else", "endif", "unless", "endunless"]
}

extension PreprocessRun {
    mutating func conditional(_ tag: DirectiveTag, at location: SourceLocation, context: LineContext) {
        let chain = page.chains[context.chain]
        let outerActive = !conditionals.contains { !$0.active }
        switch tag.name {
        case "if", "unless":
            // Inside a branch that is not taken, nested conditions are checked but not decided.
            let value = checkCondition(tag, at: location, context: context, decide: outerActive)
            let result = tag.name == "unless" ? !(value ?? true) : (value ?? false)
            conditionals.append(ConditionalFrame(taken: result, active: result, location: location, tag: tag.name))
        case "elsif":
            guard var frame = conditionals.popLast(), frame.tag == "if" else {
                return misplaced(tag, at: location, chain: chain)
            }
            let decide = !frame.taken && !conditionals.contains { !$0.active }
            let value = checkCondition(tag, at: location, context: context, decide: decide) ?? false
            frame.active = !frame.taken && value
            frame.taken = frame.taken || frame.active
            conditionals.append(frame)
        case "else":
            guard var frame = conditionals.popLast() else { return misplaced(tag, at: location, chain: chain) }
            frame.active = !frame.taken
            frame.taken = true
            conditionals.append(frame)
        default:  // endif, endunless
            let opener = tag.name == "endif" ? "if" : "unless"
            guard let frame = conditionals.last, frame.tag == opener else {
                diagnostics.append(.error(.unmatchedCloser, "'{% \(tag.name) %}' without an open '{% \(opener) %}'",
                                          at: location, includeChain: chain))
                return
            }
            conditionals.removeLast()
        }
    }

    private mutating func misplaced(_ tag: DirectiveTag, at location: SourceLocation, chain: [SourceLocation]) {
        diagnostics.append(.error(.misplacedTag, "'{% \(tag.name) %}' outside an '{% if %}' block", at: location, includeChain: chain))
    }

    /// Parses the tag's condition, reports a syntax error or an undeclared name at its column, and — when
    /// `decide` and a tenant is set — evaluates it. Nil when it cannot be decided.
    @discardableResult
    mutating func checkCondition(_ tag: DirectiveTag, at location: SourceLocation, context: LineContext, decide: Bool = false) -> Bool? {
        let chain = page.chains[context.chain]
        // The condition starts after `{% name ` in the source line.
        let column = location.column + 3 + tag.name.utf8.count + 1
        let parsed: ParsedCondition
        do { parsed = try ParsedCondition(tag.rest) } catch {
            var at = location
            at.column = column + tag.rest.prefix(error.offset).utf8.count
            diagnostics.append(.error(.invalidCondition, tag.rest.isEmpty ? "'{% \(tag.name) %}' needs a condition" : error.message,
                                      at: at, includeChain: chain))
            return nil
        }
        // The site's claims, read the same with a tenant or without (the tenant's context carries the same).
        let claims = settings.tenant?.claims ?? settings.claims
        if let tenants = settings.tenants, tenants.isDeclared {
            var at = location
            at.column = column
            let problems = tenants.undeclared(in: parsed.condition, at: at, claims: claims)
            diagnostics += problems.map { var d = $0; d.includeChain = chain; return d }
            if !problems.isEmpty { return nil }
        }
        guard decide, let tenant = settings.tenant else { return nil }
        do {
            let holds = try parsed.isTrue { name in
                let asked = TenantSet.mapClaims(name, claims), value = tenant.tenant.value(of: asked)
                settings.conditionReads?.note(asked, value)
                return value
            }
            page.decisions.append(ConditionDecision(location: location, tag: tag.name, condition: tag.rest, holds: holds))
            return holds
        } catch {
            var at = location
            at.column = column + tag.rest.prefix(error.offset).utf8.count
            diagnostics.append(.error(.invalidCondition, error.message, at: at, includeChain: chain, note: "tenant \(tenant.tenant.id)"))
            return nil
        }
    }
}
