import Foundation

/// The state of preprocessing one page: output buffer, line map, directive table and the open-block stack.
/// Each syntax (GitBook tags, Docusaurus admonitions, MDX) is an extension of this type in its own file.
struct PreprocessRun {
    var page: PreprocessedPage
    let settings: Preprocessor
    var diagnostics: [Diagnostic] = []
    /// Indices of open block directives, innermost last.
    var stack: [Int] = []
    var overLimit = false
    /// Includes and partials expanded so far (`PreprocessLimits.maxIncludes`).
    var expansions = 0
    /// Each included file as read, checked and split, by path.
    var loadedIncludes: [String: Result<([UInt8], FrontmatterSplit), DiagnosticError>] = [:]
    private var fileIndex: [String: Int32] = [:]
    /// Openers seen per (enclosing directive, name): numbers tabs and branches without rescanning.
    /// Per parent (slot 0: the page's top level, slot i + 1: directive i), how many children of each name it
    /// has so far: small tables, not one keyed by parent that grows with every directive of the page.
    private var siblings: [[String: Int]] = [[:]]
    /// `{% if %}` decided for a tenant, innermost last.
    var conditionals: [ConditionalFrame] = []

    struct ConditionalFrame {
        /// Some branch of this `if` was taken already.
        var taken: Bool
        /// The current branch is the one taken.
        var active: Bool
        let location: SourceLocation
        let tag: String
    }

    /// Inside a branch this tenant does not get: nothing is emitted.
    var suppressed: Bool { conditionals.contains { !$0.active } }

    init(page: PreprocessedPage, settings: Preprocessor) {
        self.page = page
        self.settings = settings
    }

    /// Per-file state of the line scan.
    struct FileScan {
        var fence = FenceTracker()
        var mdxBlocks = MDXBlockTracker()
        /// Where an open `{% raw %}` started: its lines are copied as written until `{% endraw %}`.
        var rawOpened: SourceLocation? = nil
        /// MDX `import X from './_x.mdx'`: component name → partial file.
        var partials: [String: String] = [:]
        /// Names imported from files only a Docusaurus build can load (`!!raw-loader!`), reported at the import.
        var unreadableImports: Set<String> = []
        let indentedCode: Set<Int>
        /// MDX syntax (imports, JSX, `{/* */}`) is read in `.mdx` files and in Docusaurus trees.
        let mdx: Bool
        /// `{props.x}` values inside a partial.
        let props: [String: String]
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

    /// A line shown exactly as written: never read as tags, never reported.
    mutating func emitLiteral<C: Collection>(_ indent: [UInt8], _ content: C, origin: LineOrigin) where C.Element == UInt8 {
        emit(indent, content, origin: origin)
        page.literalLines.insert(page.lines.count)
    }

    /// Expands one file's body into the output, re-indented by `indent` (an include inside a list item).
    mutating func expand(file: String, bytes: [UInt8], from offset: Int, firstLine: Int,
                         indent: [UInt8], chain: Int, active: [String], props: [String: String] = [:]) {
        let fileID = index(of: file)
        let stackBase = stack.count
        let conditionalBase = conditionals.count
        // MDX has no indented code: a tag indented four spaces there is a tag.
        let mdx = settings.readsMDX(file)
        var scan = FileScan(indentedCode: mdx ? [] : IndentedCode.lines(in: bytes, from: offset, firstLine: firstLine),
                            mdx: mdx, props: props)
        var cursor = LineCursor(bytes, from: offset, firstLine: firstLine)
        while let (raw, number) = cursor.next() {
            if overLimit { return }
            var line = raw
            let origin = LineOrigin(file: fileID, line: Int32(number), columnShift: -Int32(indent.count), chain: Int32(chain))
            // mdx-code-block fences only wrap live MDX: the fence lines go, their content stays.
            if scan.mdx, !scan.fence.inFence, scan.mdxBlocks.consume(line) { continue }
            if scan.fence.consume(line) || scan.indentedCode.contains(number) {
                if suppressed { withhold(line) } else { emit(indent, line, origin: origin) }
                continue
            }
            var substituted = false
            if !scan.props.isEmpty, let filled = MDXProps.substitute(line, scan.props) {
                line = filled
                substituted = true
            }
            let context = LineContext(file: file, number: number, indent: indent,
                                      lead: line.prefix { $0 == 0x20 || $0 == 0x09 }, origin: origin, chain: chain, active: active)
            if scan.rawOpened != nil {
                if !suppressed { rawLine(line, context: context, scan: &scan) }
            } else if LiquidTags.startsLine(line) {
                liquidLine(line, context: context, scan: &scan)
            } else if suppressed {
                withhold(line)
            } else if let admonition = AdmonitionFence(line) {
                admonitionLine(admonition, context: context)
            } else if !scan.mdx, line.contains(UInt8(ascii: "$")), mathLine(line, context: context, cursor: &cursor) {
                continue
            } else if !scan.mdx || !mdxLine(line, substituted: substituted, context: context, scan: &scan, cursor: &cursor) {
                emit(indent, line, origin: origin)
            }
        }
        if let opened = scan.rawOpened {
            diagnostics.append(.error(.unclosedBlock, "'{% raw %}' is never closed (expected '{% endraw %}')",
                                      at: opened, includeChain: page.chains[chain]))
        }
        if stack.count > stackBase { closeUnclosed(downTo: stackBase) }
        if conditionals.count > conditionalBase {
            for frame in conditionals[conditionalBase...] {
                diagnostics.append(.error(.unclosedBlock, "'{% \(frame.tag) %}' is never closed (expected '{% end\(frame.tag) %}')",
                                          at: frame.location, includeChain: page.chains[chain]))
            }
            conditionals.removeSubrange(conditionalBase...)
        }
    }

    mutating func withhold(_ line: ArraySlice<UInt8>) {
        let text = String(decoding: line, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if !text.isEmpty { page.withheld.append(text) }
    }

    /// Reports blocks still open at the end of a file (at their opener) and turns them into standalone tags.
    /// Past `DiagnosticLimit.perFile` of them, the ones further in (further down the file) are one error
    /// that counts them, at the first of them: what `DiagnosticLimit.cap` makes of them anyway, without
    /// a message built for each of 100,000 unclosed `:::note` lines.
    mutating func closeUnclosed(downTo base: Int) {
        let reported = stack[base...].filter {
            let name = page.directives[$0].name
            return DirectiveCatalog.shapes[name] != .optionalBlock && name != "branch"
        }
        let listed = reported.count > DiagnosticLimit.perFile ? reported[..<DiagnosticLimit.perFile] : reported[...]
        if listed.count < reported.count {
            var counted = unclosed(page.directives[reported[listed.count]])
            counted.count = reported.count - listed.count
            diagnostics.append(counted)
        }
        for i in listed.reversed() { diagnostics.append(unclosed(page.directives[i])) }
        for i in stack[base...] { page.directives[i].role = .standalone }
        stack.removeSubrange(base...)
    }

    private func unclosed(_ d: DirectiveInstance) -> Diagnostic {
        .error(.unclosedBlock, "\(d.displayName) is never closed (expected \(d.expectedCloser))",
               at: d.location, includeChain: page.chains[d.chain])
    }

    private static let markerStart = Array(PreprocessedPage.markerPrefix.utf8), markerEnd = Array("-->".utf8)

    /// Writes `<!--rs:N-->` as its own HTML block (blank lines around it) and records the instance.
    @discardableResult
    mutating func marker(_ directive: DirectiveInstance, indent: [UInt8], origin: LineOrigin) -> Int {
        let i = page.directives.count
        page.directives.append(directive)
        siblings.append([:])
        emit([], [], origin: origin)
        let line = Self.markerStart + String(i).utf8 + Self.markerEnd
        emit(indent, line, origin: origin)
        emit([], [], origin: origin)
        return i
    }

    /// Opens a block directive: records it, numbers it among its siblings, pushes it on the stack.
    @discardableResult
    mutating func open(_ directive: DirectiveInstance, context: LineContext) -> Int {
        var d = directive
        d.parent = stack.last
        d.index = siblingCount(named: d.name)
        let i = marker(d, indent: context.placed, origin: context.origin)
        stack.append(i)
        return i
    }

    /// Closes the innermost open directive `top` with a closer marker.
    mutating func closeTop(_ closer: DirectiveInstance, context: LineContext) {
        guard let top = stack.popLast() else { return }
        var c = closer
        c.partner = top
        c.parent = stack.last
        page.directives[top].partner = marker(c, indent: context.placed, origin: context.origin)
    }

    mutating func siblingCount(named name: String) -> Int {
        let slot = (stack.last ?? -1) + 1
        defer { siblings[slot][name, default: 0] += 1 }
        return siblings[slot][name, default: 0]
    }
}
