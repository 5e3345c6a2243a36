import Foundation

/// The state of preprocessing one page: output buffer, line map, directive table and the open-block stack.
struct PreprocessRun {
    var page: PreprocessedPage
    let settings: Preprocessor
    var diagnostics: [Diagnostic] = []
    /// Indices of open block directives, innermost last.
    var stack: [Int] = []
    private var fileIndex: [String: Int32] = [:]
    /// Openers seen per (enclosing directive, name): numbers tabs and branches without rescanning.
    private var siblings: [String: Int] = [:]
    private var overLimit = false

    init(page: PreprocessedPage, settings: Preprocessor) {
        self.page = page
        self.settings = settings
    }

    mutating func index(of file: String) -> Int32 {
        if let i = fileIndex[file] { return i }
        let i = Int32(page.files.count)
        page.files.append(file)
        fileIndex[file] = i
        return i
    }

    mutating func emit<C: Collection>(_ indent: [UInt8], _ content: C, origin: LineOrigin) where C.Element == UInt8 {
        page.text.append(contentsOf: indent)
        page.text.append(contentsOf: content)
        page.text.append(0x0A)
        page.lines.append(origin)
    }

    /// Expands one file's body into the output, re-indented by `indent` (an include inside a list item).
    mutating func expand(file: String, bytes: [UInt8], from offset: Int, firstLine: Int,
                         indent: [UInt8], chain: Int, active: [String]) {
        let fileID = index(of: file)
        let stackBase = stack.count
        var fence = FenceTracker()
        // Where an open `{% raw %}` started: its lines are copied as written until `{% endraw %}`.
        var rawOpened: SourceLocation? = nil
        let indentedCode = IndentedCode.lines(in: bytes, from: offset, firstLine: firstLine)
        var start = offset
        var lineNumber = firstLine
        while start < bytes.count {
            if overLimit { return }
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            var line = bytes[start..<end]
            if line.last == 0x0D { line = line.dropLast() }
            let origin = LineOrigin(file: fileID, line: Int32(lineNumber), columnShift: -Int32(indent.count), chain: Int32(chain))
            defer { start = end + 1; lineNumber += 1 }
            let inCode = fence.consume(line) || indentedCode.contains(lineNumber)
            if inCode || (rawOpened == nil && !startsWithTag(line)) {
                emit(indent, line, origin: origin)
                continue
            }
            let text = String(decoding: line, as: UTF8.self)
            let lead = line.prefix { $0 == 0x20 || $0 == 0x09 }
            let location = { (column: Int) in SourceLocation(path: file, line: lineNumber, column: column) }
            if rawOpened != nil {
                if text.trimmingCharacters(in: .whitespaces) == "{% endraw %}" {
                    rawOpened = nil
                } else {
                    emitLiteral(indent, line, origin: origin)
                }
                continue
            }
            segments: for segment in DirectiveLine.segments(Substring(text)) {
                switch segment {
                case .text(let t, let column):
                    var o = origin
                    o.columnShift = Int32(column - 1 - lead.count) - Int32(indent.count)
                    emit(indent + lead, Array(t.utf8), origin: o)
                case .unclosed(let column):
                    diagnostics.append(.error("unclosed-tag", "'{%' without a closing '%}'", at: location(column),
                                              includeChain: page.chains[chain]))
                case .tag(let inner, let column, let source):
                    guard let tag = DirectiveTag.parse(inner) else {
                        diagnostics.append(.error("invalid-tag", "empty '{% %}' tag", at: location(column),
                                                  includeChain: page.chains[chain]))
                        continue
                    }
                    if tag.name == "raw" {
                        // The rest of the line is literal; `{% raw %}…{% endraw %}` may close on the same line.
                        let rest = text[source.endIndex...]
                        if let close = rest.range(of: "{% endraw %}") {
                            emitLiteral(indent + lead, Array(rest[..<close.lowerBound].utf8), origin: origin)
                        } else {
                            rawOpened = location(column)
                            if !rest.allSatisfy(\.isWhitespace) { emitLiteral(indent + lead, Array(rest.utf8), origin: origin) }
                        }
                        break segments
                    }
                    if tag.name == "endraw" {
                        diagnostics.append(.error("unmatched-closer", "'{% endraw %}' without an open '{% raw %}'",
                                                  at: location(column), includeChain: page.chains[chain]))
                        continue
                    }
                    handle(tag, source: String(source), at: location(column), file: file, indent: indent + lead,
                           origin: origin, chain: chain, active: active)
                }
            }
        }
        if let rawOpened {
            diagnostics.append(.error("unclosed-block", "'{% raw %}' is never closed (expected '{% endraw %}')",
                                      at: rawOpened, includeChain: page.chains[chain]))
        }
        if stack.count > stackBase { closeUnclosed(downTo: stackBase) }
    }

    /// A line shown exactly as written: never read as tags, never reported.
    private mutating func emitLiteral<C: Collection>(_ indent: [UInt8], _ content: C, origin: LineOrigin) where C.Element == UInt8 {
        emit(indent, content, origin: origin)
        page.literalLines.insert(page.lines.count)
    }

    private func startsWithTag(_ line: ArraySlice<UInt8>) -> Bool {
        guard let first = line.firstIndex(where: { $0 != 0x20 && $0 != 0x09 }) else { return false }
        return line[first] == UInt8(ascii: "{") && first + 1 < line.endIndex && line[first + 1] == UInt8(ascii: "%")
    }

    private mutating func handle(_ tag: DirectiveTag, source: String, at location: SourceLocation, file: String,
                                 indent: [UInt8], origin: LineOrigin, chain: Int, active: [String]) {
        let chainList = page.chains[chain]
        func instance(_ role: DirectiveInstance.Role) -> DirectiveInstance {
            DirectiveInstance(name: tag.name, role: role, tag: tag, location: location, chain: chain,
                              partner: nil, parent: stack.last, source: source)
        }
        if tag.name == "include" {
            include(tag, at: location, file: file, indent: indent, chain: chain, active: active)
            return
        }
        if DirectiveCatalog.isIntegration(tag.name) {
            diagnostics.append(.warning("integration-dropped",
                                        "GitBook integration block '\(tag.name)' cannot be rendered offline; it was left out",
                                        at: location, includeChain: chainList))
            return
        }
        if let opener = DirectiveCatalog.closed(by: tag.name) {
            close(opener, tag: tag, source: source, at: location, indent: indent, origin: origin, chain: chain)
            return
        }
        switch DirectiveCatalog.shapes[tag.name] {
        case nil:
            diagnostics.append(.error("unknown-tag", "unknown GitBook tag '{% \(tag.name) %}'", at: location,
                                      includeChain: chainList,
                                      note: "known tags: \((DirectiveCatalog.shapes.keys + ["raw"]).sorted().joined(separator: ", "))"))
        case .standalone:
            marker(instance(.standalone), indent: indent, origin: origin)
        case .branch:
            popOptional()
            // `if` always runs a branch on the stack: close it and open the next one inside the same `if`.
            guard let branch = stack.last, page.directives[branch].name == "branch" else {
                diagnostics.append(.error("misplaced-tag", "'{% \(tag.name) %}' outside an '{% if %}' block",
                                          at: location, includeChain: chainList))
                return
            }
            stack.removeLast()
            var closer = instance(.close)
            closer.name = "branch"
            closer.partner = branch
            closer.parent = stack.last
            let closerIndex = marker(closer, indent: indent, origin: origin)
            page.directives[branch].partner = closerIndex
            openBranch(tag, source: source, at: location, indent: indent, origin: origin, chain: chain)
        case .block(let parent):
            popOptional()
            if let parent, stack.last.map({ page.directives[$0].name }) != parent {
                diagnostics.append(.error("misplaced-tag", "'{% \(tag.name) %}' must be directly inside '{% \(parent) %}'",
                                          at: location, includeChain: chainList))
            }
            var open = instance(.open)
            open.index = siblingCount(named: tag.name)
            let i = marker(open, indent: indent, origin: origin)
            stack.append(i)
            if tag.name == "if" || tag.name == "unless" {
                openBranch(tag, source: source, at: location, indent: indent, origin: origin, chain: chain)
            }
        case .optionalBlock:
            popOptional()
            let i = marker(instance(.open), indent: indent, origin: origin)
            stack.append(i)
        }
    }

    /// `if`/`unless` hold branches: the first opens with the `if`, `elsif`/`else` start the next.
    private mutating func openBranch(_ tag: DirectiveTag, source: String, at location: SourceLocation,
                                     indent: [UInt8], origin: LineOrigin, chain: Int) {
        var branch = DirectiveInstance(name: "branch", role: .open, tag: tag, location: location, chain: chain,
                                       partner: nil, parent: stack.last, source: source)
        branch.index = siblingCount(named: "branch")
        let i = marker(branch, indent: indent, origin: origin)
        stack.append(i)
    }

    private mutating func siblingCount(named name: String) -> Int {
        let key = "\(stack.last ?? -1)/\(name)"
        defer { siblings[key, default: 0] += 1 }
        return siblings[key, default: 0]
    }

    /// Optional blocks (`embed`, `file`) left open when another tag arrives stand alone.
    private mutating func popOptional() {
        while let top = stack.last, DirectiveCatalog.shapes[page.directives[top].name] == .optionalBlock {
            page.directives[top].role = .standalone
            stack.removeLast()
        }
    }

    private mutating func close(_ opener: String, tag: DirectiveTag, source: String, at location: SourceLocation,
                                indent: [UInt8], origin: LineOrigin, chain: Int) {
        if opener == "if" || opener == "unless", let top = stack.last, page.directives[top].name == "branch" {
            let branch = stack.removeLast()
            var closer = DirectiveInstance(name: "branch", role: .close, tag: tag, location: location, chain: chain,
                                           partner: branch, parent: stack.last, source: source)
            closer.partner = branch
            page.directives[branch].partner = marker(closer, indent: indent, origin: origin)
        }
        if DirectiveCatalog.shapes[opener] != .optionalBlock { popOptional() }
        guard let top = stack.last else {
            diagnostics.append(.error("unmatched-closer", "'{% \(tag.name) %}' without an open '{% \(opener) %}'",
                                      at: location, includeChain: page.chains[chain]))
            return
        }
        let open = page.directives[top]
        guard open.name == opener else {
            diagnostics.append(.error("mismatched-tag",
                                      "'{% \(open.name) %}' is closed by '{% \(tag.name) %}' at line \(location.line)",
                                      at: open.location, includeChain: page.chains[open.chain],
                                      note: "close it with '{% end\(open.name) %}'"))
            // Recover: close up to a matching opener if there is one, otherwise drop the closer.
            guard let match = stack.lastIndex(where: { page.directives[$0].name == opener }) else { return }
            for stale in stack[(match + 1)...] { page.directives[stale].role = .standalone }
            stack.removeSubrange((match + 1)...)
            return close(opener, tag: tag, source: source, at: location, indent: indent, origin: origin, chain: chain)
        }
        stack.removeLast()
        let closer = DirectiveInstance(name: opener, role: .close, tag: tag, location: location, chain: chain,
                                       partner: top, parent: stack.last, source: source)
        page.directives[top].partner = marker(closer, indent: indent, origin: origin)
    }

    /// Reports blocks still open at the end of a file (at their opener) and turns them into standalone tags.
    mutating func closeUnclosed(downTo base: Int) {
        while stack.count > base {
            let i = stack.removeLast()
            let d = page.directives[i]
            page.directives[i].role = .standalone
            if DirectiveCatalog.shapes[d.name] == .optionalBlock || d.name == "branch" { continue }
            diagnostics.append(.error("unclosed-block", "'{% \(d.name) %}' is never closed (expected '{% end\(d.name) %}')",
                                      at: d.location, includeChain: page.chains[d.chain]))
        }
    }

    /// Writes `<!--rs:N-->` as its own HTML block (blank lines around it) and records the instance.
    @discardableResult
    private mutating func marker(_ directive: DirectiveInstance, indent: [UInt8], origin: LineOrigin) -> Int {
        let i = page.directives.count
        page.directives.append(directive)
        emit([], [], origin: origin)
        emit(indent, Array("\(PreprocessedPage.markerPrefix)\(i)-->".utf8), origin: origin)
        emit([], [], origin: origin)
        return i
    }

    private mutating func include(_ tag: DirectiveTag, at location: SourceLocation, file: String, indent: [UInt8],
                                  chain: Int, active: [String]) {
        let chainList = page.chains[chain]
        func fail(_ code: String, _ message: String, note: String? = nil) {
            diagnostics.append(.error(code, message, at: location, includeChain: chainList, note: note))
        }
        guard let reference = tag.positional.first ?? tag.arguments["src"], !reference.isEmpty else {
            return fail("invalid-include", "'{% include %}' needs a quoted path")
        }
        let target: String
        switch IncludeResolver.resolve(reference, from: file, spaces: settings.spaces) {
        case .success(let path): target = path
        case .failure(let error): return fail(error.code, error.message, note: error.note)
        }
        if active.contains(target) {
            let steps = (chainList + [location]).map { "\($0.path):\($0.line)" } + [target]
            return fail("include-cycle", "include cycle: \(steps.joined(separator: " → "))")
        }
        if active.count > settings.limits.maxIncludeDepth {
            return fail("include-depth", "includes nested deeper than the limit of \(settings.limits.maxIncludeDepth)")
        }
        guard let bytes = settings.read(target) else {
            return fail("missing-include", "included file '\(reference)' not found (looked for \(target))")
        }
        let split: FrontmatterSplit
        switch SourceText.validate(bytes, path: target).flatMap({ v in FrontmatterSplit.split(v, path: target).map { (v, $0) } }) {
        case .failure(let error):
            var d = error.diagnostic
            d.includeChain = chainList + [location]
            diagnostics.append(d)
            return
        case .success(let (valid, s)):
            split = s
            page.includedFiles.insert(target)
            if page.text.count + valid.count > settings.limits.maxExpandedBytes {
                overLimit = true
                return fail("expanded-size", "page grows past \(settings.limits.maxExpandedBytes) bytes with its includes")
            }
            page.chains.append(chainList + [location])
            expand(file: target, bytes: valid, from: split.bodyOffset, firstLine: split.bodyLine,
                   indent: indent, chain: page.chains.count - 1, active: active + [target])
        }
    }
}
