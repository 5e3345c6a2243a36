import Foundation

/// ```` ```mdx-code-block ```` fences: Docusaurus unwraps them, so their content is live MDX (imports,
/// JSX, even ordinary code fences inside a four-backtick one). The fence lines themselves are dropped.
struct MDXBlockTracker {
    private var open: [(char: UInt8, count: Int)] = []

    /// True when `line` opens or closes an mdx-code-block (and is to be dropped).
    mutating func consume(_ line: ArraySlice<UInt8>) -> Bool {
        var i = line.startIndex
        while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
        guard i < line.endIndex, line[i] == UInt8(ascii: "`") || line[i] == UInt8(ascii: "~") else { return false }
        let char = line[i]
        var count = 0
        while i + count < line.endIndex, line[i + count] == char { count += 1 }
        guard count >= 3 else { return false }
        let info = String(decoding: line[(i + count)...], as: UTF8.self).trimmingCharacters(in: .whitespaces)
        if info == "mdx-code-block" {
            open.append((char, count))
            return true
        }
        if info.isEmpty, let top = open.last, top.char == char, count >= top.count {
            open.removeLast()
            return true
        }
        return false
    }
}

/// `{props.name}` inside a partial, replaced by the value the `<Partial name="…" />` passed (as text).
enum MDXProps {
    /// The line with its props filled in, or nil when it uses none.
    static func substitute(_ line: ArraySlice<UInt8>, _ props: [String: String]) -> ArraySlice<UInt8>? {
        var text = String(decoding: line, as: UTF8.self)
        guard text.contains("{props.") else { return nil }
        // In markdown the value is backslash-escaped so that it reads as text, never as markup; inside a
        // component's attributes (`<TabItem label="{props.x}">`) it is taken as it is.
        let trimmed = text.drop { $0 == " " || $0 == "\t" }
        let inTag = trimmed.hasPrefix("<") && trimmed.dropFirst().first.map { $0.isUppercase } == true
        for (name, value) in props {
            let escaped = inTag ? value : value.map { c in c.isASCII && (c.isPunctuation || c.isSymbol) ? "\\\(c)" : String(c) }.joined()
            text = text.replacingOccurrences(of: "{props.\(name)}", with: escaped)
        }
        return ArraySlice(Array(text.utf8))
    }
}

extension PreprocessRun {
    /// MDX at the start of a line: `import`/`export` statements, `{/* comments */}` and JSX elements.
    /// Returns false when the line is plain markdown.
    /// `substituted`: the line had `{props.x}` filled in, so it is no longer a slice of the file and a
    /// JSX tag on it is read from the line alone.
    mutating func mdxLine(_ line: ArraySlice<UInt8>, substituted: Bool, context: LineContext, scan: inout FileScan,
                          cursor: inout LineCursor) -> Bool {
        let body = line.dropFirst(context.lead.count)
        let text = String(decoding: body, as: UTF8.self)
        if text.hasPrefix("import ") || text.hasPrefix("export ") {
            var statement = text
            // An import may span lines until its `from '…'`; an export until its braces balance.
            while !Self.statementComplete(statement), let (next, _) = cursor.next() {
                statement += "\n" + String(decoding: next, as: UTF8.self)
            }
            if text.hasPrefix("import ") { importStatement(statement, context: context, scan: &scan) }
            return true
        }
        if text.hasPrefix("{/*") {
            var comment = text
            while !comment.contains("*/}"), let (next, _) = cursor.next() { comment += String(decoding: next, as: UTF8.self) }
            let after = comment.range(of: "*/}").map { comment[$0.upperBound...] } ?? ""
            if !after.allSatisfy(\.isWhitespace) { emit(context.placed, Array(after.utf8), origin: context.origin) }
            return true
        }
        let source = substituted ? line : cursor.bytes[...]
        guard body.first == UInt8(ascii: "<"), let tag = JSXTag.scan(source, at: body.startIndex) else {
            return mdxHTMLLine(line, context: context)
        }
        if tag.name == "CodeBlock", !tag.closing,
           let block = MDXCodeBlock(tag, in: source, tagStart: body.startIndex, line: context.number) {
            if block.end > line.endIndex { cursor.advance(past: block.end - 1) }
            codeBlockElement(block, context: context, scan: scan)
            return true
        }
        if tag.end > line.endIndex { cursor.advance(past: tag.end - 1) }
        jsxElement(tag, context: context, scan: &scan)
        // What follows the tag on its last line: children text and, for one-line elements, the closing tag.
        let lineEnd = source[tag.end...].firstIndex(of: 0x0A) ?? source.endIndex
        var rest = String(decoding: source[tag.end..<lineEnd], as: UTF8.self)
        if rest.hasSuffix("\r") { rest.removeLast() }
        if rest.trimmingCharacters(in: .whitespaces).isEmpty { return true }
        var closing: JSXTag? = nil
        if let close = rest.range(of: "</\(tag.name)>", options: .backwards) {
            closing = JSXTag(name: tag.name, closing: true, selfClosing: false, attributes: [:], end: 0)
            rest = String(rest[..<close.lowerBound])
        }
        let children = Self.withoutExpressions(rest)
        if !children.trimmingCharacters(in: .whitespaces).isEmpty {
            emit(context.placed, Array(children.utf8), origin: context.origin)
        }
        if let closing { jsxElement(closing, context: context, scan: &scan) }
        return true
    }

    static func statementComplete(_ statement: String) -> Bool {
        if statement.hasPrefix("import ") {
            return statement.range(of: #"(from\s*)?['"][^'"]*['"]\s*;?\s*$"#, options: .regularExpression) != nil
        }
        let opens = statement.filter { $0 == "{" || $0 == "(" || $0 == "[" }.count
        let closes = statement.filter { $0 == "}" || $0 == ")" || $0 == "]" }.count
        return opens <= closes
    }

    /// `[{label: 'Native', value: 'native'}, …]`: value → label, for string literals written in either order.
    static func tabLabels(_ values: String) -> [String: String] {
        var labels: [String: String] = [:]
        for object in values.split(separator: "}") {
            var fields: [String: String] = [:]
            var rest = object[...]
            while let colon = rest.firstIndex(of: ":") {
                let key = rest[..<colon].reversed().drop { $0 == " " || $0 == "\n" || $0 == "\"" || $0 == "'" }
                    .prefix { $0.isLetter }.reversed()
                var after = rest[rest.index(after: colon)...].drop { $0 == " " || $0 == "\n" }
                guard let quote = after.first, quote == "'" || quote == "\"" || quote == "`" else { rest = after; continue }
                after = after.dropFirst()
                guard let end = after.firstIndex(of: quote) else { break }
                fields[String(key)] = String(after[..<end])
                rest = after[after.index(after: end)...]
            }
            if let value = fields["value"], let label = fields["label"] { labels[value] = label }
        }
        return labels
    }

    /// `{expression}` children cannot be evaluated outside Docusaurus: they are left out.
    static func withoutExpressions(_ text: String) -> String {
        var out = ""
        var depth = 0
        for c in text {
            if c == "{" { depth += 1 } else if c == "}" && depth > 0 { depth -= 1 } else if depth == 0 { out.append(c) }
        }
        return out
    }

    /// Records `import X from './_partial.mdx'` as a partial; warns about code that only a bundler can load.
    private mutating func importStatement(_ statement: String, context: LineContext, scan: inout FileScan) {
        guard let quote = statement.lastIndex(where: { $0 == "'" || $0 == "\"" }),
              let open = statement[..<quote].lastIndex(of: statement[quote]) else { return }
        let path = String(statement[statement.index(after: open)..<quote])
        let clause = statement.dropFirst("import ".count).components(separatedBy: " from ").first ?? ""
        let defaultName = clause.split(separator: ",").first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
        let isName = !defaultName.isEmpty && defaultName.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" } && !defaultName.hasPrefix("{")
        if path.hasPrefix("!!raw-loader!") {
            scan.unreadableImports.insert(defaultName)
            diagnostics.append(.warning(.unknownComponent,
                                        "'\(defaultName)' is loaded with !!raw-loader! from '\(path.dropFirst("!!raw-loader!".count))', which only a Docusaurus build can read; it is left out",
                                        at: context.location(context.lead.count + 1), includeChain: page.chains[context.chain]))
            return
        }
        let clean = path.replacingOccurrences(of: "\\", with: "")
        guard isName, SiteIndex.isMarkdown(clean) else { return }
        if clean.hasPrefix("./") || clean.hasPrefix("../") {
            scan.partials[defaultName] = clean
        } else if clean.hasPrefix("@site/") {
            // `@site/` is the Docusaurus site root: the content root, or the folder above a `docs/` root.
            let rest = String(clean.dropFirst("@site/".count))
            let candidates = ["/" + rest] + (rest.hasPrefix("docs/") ? ["/" + rest.dropFirst("docs/".count)] : [])
            // A file that is there but cannot be read is the one meant: its expansion reports it.
            let read = settings.read
            let exists = { (path: String) -> Bool in
                do { return try read(path) != nil } catch { return true }
            }
            scan.partials[defaultName] = candidates.first { exists(String($0.dropFirst())) } ?? candidates[0]
        }
    }

    private mutating func jsxElement(_ tag: JSXTag, context: LineContext, scan: inout FileScan) {
        let location = context.location(context.lead.count + 1)
        let source = "<\(tag.closing ? "/" : "")\(tag.name)>"
        func directive(_ name: String, _ role: DirectiveInstance.Role, _ arguments: [String: String] = [:]) -> DirectiveInstance {
            DirectiveInstance(name: name, role: role,
                              tag: DirectiveTag(name: tag.name, arguments: arguments, positional: [], rest: ""),
                              location: location, chain: context.chain, partner: nil, parent: nil, source: source, syntax: .jsx)
        }
        let name: String
        switch tag.name {
        case "Tabs": name = "tabs"
        case "TabItem": name = "tab"
        default:
            if let partial = scan.partials[tag.name], !tag.closing {
                include(partial, at: location, context: context, props: tag.attributes, kind: "partial")
                return
            }
            name = "component"
            if !tag.closing {
                diagnostics.append(.warning(.unknownComponent, InlineComponentTransform.message(tag.name),
                                            at: location, includeChain: page.chains[context.chain]))
            }
        }
        if tag.closing {
            closeJSX(name, tag: tag, directive: directive(name, .close), context: context)
        } else if !tag.selfClosing {
            var arguments = tag.attributes
            if name == "tab" {
                // Older Docusaurus names the labels on `<Tabs values={[{label: 'Native', value: 'native'}]}>`.
                let value = tag.attributes["value"], tabs = stack.last.map { page.directives[$0].tag.arguments }
                let listed = tabs?["values"].map(Self.tabLabels)
                arguments["title"] = tag.attributes["label"] ?? value.flatMap { listed?[$0] } ?? value ?? ""
                // `<Tabs defaultValue="react">` opens that tab, as `default` on the item does.
                if let value, tabs?["defaultValue"] == value { arguments["default"] = "true" }
            }
            open(directive(name, .open, arguments), context: context)
        }
    }

    private mutating func closeJSX(_ name: String, tag: JSXTag, directive: DirectiveInstance, context: LineContext) {
        guard let top = stack.last else {
            diagnostics.append(.error(.unmatchedCloser, "'</\(tag.name)>' without an open '<\(tag.name)>'",
                                      at: directive.location, includeChain: page.chains[context.chain]))
            return
        }
        let open = page.directives[top]
        guard open.name == name, open.tag.name == tag.name else {
            diagnostics.append(.error(.mismatchedTag, "\(open.displayName) is closed by '</\(tag.name)>' at line \(context.number)",
                                      at: open.location, includeChain: page.chains[open.chain], note: "close it with \(open.expectedCloser)"))
            guard let match = stack.lastIndex(where: { page.directives[$0].name == name && page.directives[$0].tag.name == tag.name }) else { return }
            for stale in stack[(match + 1)...] { page.directives[stale].role = .standalone }
            stack.removeSubrange((match + 1)...)
            return closeTop(directive, context: context)
        }
        closeTop(directive, context: context)
    }
}
