import Foundation

/// GitBook's `{% tag %}` syntax: lines that start with `{%` hold one or more tags (and text between them).
enum LiquidTags {
    static func startsLine(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        return line[first] == UInt8(ascii: "{") && first + 1 < line.endIndex && line[first + 1] == UInt8(ascii: "%")
    }
}

extension PreprocessRun {
    /// A line inside `{% raw %}`: copied as written until a line holding only `{% endraw %}`.
    mutating func rawLine(_ line: ArraySlice<UInt8>, context: LineContext, scan: inout FileScan) {
        if String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces) == "{% endraw %}" {
            scan.rawOpened = nil
        } else {
            emitLiteral(context.indent, line, origin: context.origin)
        }
    }

    mutating func liquidLine(_ line: ArraySlice<UInt8>, context: LineContext, scan: inout FileScan) {
        let text = String(decoding: line, as: UTF8.self)
        let chainList = page.chains[context.chain]
        for segment in DirectiveLine.segments(Substring(text)) {
            // In a branch this tenant does not get, only the tags that end or switch branches count.
            if suppressed {
                guard case .tag(let inner, let column, _) = segment, let tag = DirectiveTag.parse(inner),
                      Conditionals.tags.contains(tag.name) else { continue }
                conditional(tag, at: context.location(column), context: context)
                continue
            }
            switch segment {
            case .text(let t, let column):
                var o = context.origin
                o.columnShift = Int32(column - 1 - context.lead.count) - Int32(context.indent.count)
                emit(context.placed, Array(t.utf8), origin: o)
            case .unclosed(let column):
                diagnostics.append(.error(.unclosedTag, "'{%' without a closing '%}'", at: context.location(column),
                                          includeChain: chainList))
            case .tag(let inner, let column, let source):
                guard let tag = DirectiveTag.parse(inner) else {
                    diagnostics.append(.error(.invalidTag, "empty '{% %}' tag", at: context.location(column), includeChain: chainList))
                    continue
                }
                if tag.name == "raw" {
                    // The rest of the line is literal; `{% raw %}…{% endraw %}` may close on the same line.
                    let rest = text[source.endIndex...]
                    if let close = rest.range(of: "{% endraw %}") {
                        emitLiteral(context.placed, Array(rest[..<close.lowerBound].utf8), origin: context.origin)
                    } else {
                        scan.rawOpened = context.location(column)
                        if !rest.allSatisfy(\.isWhitespace) { emitLiteral(context.placed, Array(rest.utf8), origin: context.origin) }
                    }
                    return
                }
                if tag.name == "endraw" {
                    diagnostics.append(.error(.unmatchedCloser, "'{% endraw %}' without an open '{% raw %}'",
                                              at: context.location(column), includeChain: chainList))
                    continue
                }
                handle(tag, source: String(source), at: context.location(column), context: context)
            }
        }
    }

    private mutating func handle(_ tag: DirectiveTag, source: String, at location: SourceLocation, context: LineContext) {
        let chainList = page.chains[context.chain]
        func instance(_ role: DirectiveInstance.Role) -> DirectiveInstance {
            DirectiveInstance(name: tag.name, role: role, tag: tag, location: location, chain: context.chain,
                              partner: nil, parent: stack.last, source: source)
        }
        if Conditionals.tags.contains(tag.name) { page.conditional = true }
        if Conditionals.tags.contains(tag.name), settings.tenant != nil {
            conditional(tag, at: location, context: context)
            return
        }
        if ["if", "elsif", "unless"].contains(tag.name) {
            // Kept for every reader, but it must parse, and its names must exist when a schema declares them.
            checkCondition(tag, at: location, context: context)
        }
        if tag.name == "include" {
            guard let reference = tag.positional.first ?? tag.arguments["src"], !reference.isEmpty else {
                diagnostics.append(.error(.invalidInclude, "'{% include %}' needs a quoted path", at: location, includeChain: chainList))
                return
            }
            include(reference, at: location, context: context)
            return
        }
        if DirectiveCatalog.isIntegration(tag.name) {
            diagnostics.append(.warning(.integrationDropped,
                                        "GitBook integration block '\(tag.name)' cannot be rendered offline; it was left out",
                                        at: location, includeChain: chainList))
            return
        }
        if let opener = DirectiveCatalog.closed(by: tag.name) {
            close(opener, tag: tag, source: source, at: location, context: context)
            return
        }
        switch DirectiveCatalog.shapes[tag.name] {
        case nil:
            diagnostics.append(.error(.unknownTag, "unknown GitBook tag '{% \(tag.name) %}'", at: location,
                                      includeChain: chainList,
                                      note: "known tags: \((DirectiveCatalog.shapes.keys + ["raw"]).sorted().joined(separator: ", "))"))
        case .standalone:
            marker(instance(.standalone), indent: context.placed, origin: context.origin)
        case .branch:
            popOptional()
            // `if` always runs a branch on the stack: close it and open the next one inside the same `if`.
            guard let branch = stack.last, page.directives[branch].name == "branch" else {
                diagnostics.append(.error(.misplacedTag, "'{% \(tag.name) %}' outside an '{% if %}' block",
                                          at: location, includeChain: chainList))
                return
            }
            var closer = instance(.close)
            closer.name = "branch"
            closeTop(closer, context: context)
            openBranch(tag, source: source, at: location, context: context)
        case .block(let parent):
            popOptional()
            if let parent, stack.last.map({ page.directives[$0].name }) != parent {
                diagnostics.append(.error(.misplacedTag, "'{% \(tag.name) %}' must be directly inside '{% \(parent) %}'",
                                          at: location, includeChain: chainList))
            }
            open(instance(.open), context: context)
            if tag.name == "if" || tag.name == "unless" {
                openBranch(tag, source: source, at: location, context: context)
            }
        case .optionalBlock:
            popOptional()
            open(instance(.open), context: context)
        }
    }

    /// `if`/`unless` hold branches: the first opens with the `if`, `elsif`/`else` start the next.
    private mutating func openBranch(_ tag: DirectiveTag, source: String, at location: SourceLocation, context: LineContext) {
        open(DirectiveInstance(name: "branch", role: .open, tag: tag, location: location, chain: context.chain,
                               partner: nil, parent: nil, source: source), context: context)
    }

    /// Optional blocks (`embed`, `file`) left open when another tag arrives stand alone.
    private mutating func popOptional() {
        while let top = stack.last, DirectiveCatalog.shapes[page.directives[top].name] == .optionalBlock {
            page.directives[top].role = .standalone
            stack.removeLast()
        }
    }

    private mutating func close(_ opener: String, tag: DirectiveTag, source: String, at location: SourceLocation,
                                context: LineContext) {
        func closer(_ name: String) -> DirectiveInstance {
            DirectiveInstance(name: name, role: .close, tag: tag, location: location, chain: context.chain,
                              partner: nil, parent: nil, source: source)
        }
        if opener == "if" || opener == "unless", let top = stack.last, page.directives[top].name == "branch" {
            closeTop(closer("branch"), context: context)
        }
        if DirectiveCatalog.shapes[opener] != .optionalBlock { popOptional() }
        guard let top = stack.last else {
            diagnostics.append(.error(.unmatchedCloser, "'{% \(tag.name) %}' without an open '{% \(opener) %}'",
                                      at: location, includeChain: page.chains[context.chain]))
            return
        }
        let open = page.directives[top]
        guard open.name == opener else {
            diagnostics.append(.error(.mismatchedTag,
                                      "\(open.displayName) is closed by '{% \(tag.name) %}' at line \(location.line)",
                                      at: open.location, includeChain: page.chains[open.chain],
                                      note: "close it with \(open.expectedCloser)"))
            // Recover: close up to a matching opener if there is one, otherwise drop the closer.
            guard let match = stack.lastIndex(where: { page.directives[$0].name == opener }) else { return }
            for stale in stack[(match + 1)...] { page.directives[stale].role = .standalone }
            stack.removeSubrange((match + 1)...)
            return close(opener, tag: tag, source: source, at: location, context: context)
        }
        closeTop(closer(opener), context: context)
    }
}
