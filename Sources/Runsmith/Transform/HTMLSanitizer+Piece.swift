extension HTMLSanitizer {
    /// One HTML block or inline tag, written out again from libxml2's reading of it through the allowlist.
    struct Piece {
        let html: String
        let node: MarkdownNode
        let page: ParsedPage
        var scope: Scope
        private var out = ""
        /// Read when a warning needs a line and column, once for the piece.
        private var locator: TagLocator?
        /// The elements removed with their content that this piece is inside, outermost first.
        private(set) var skipping: [String]
        /// The `<i>` this piece opened and has not closed, true for icons, and how many are icons.
        /// (Between inline tags, `IconTransform` removed the icon's text already.)
        private var italics: [Bool] = []
        private var icons = 0

        init(html: String, node: MarkdownNode, page: ParsedPage, scope: Scope, skipping: [String] = []) {
            self.html = html
            self.node = node
            self.page = page
            self.scope = scope
            self.skipping = skipping
        }

        mutating func clean() -> String {
            for event in HTMLFragment.events(html) {
                switch event {
                case .start(let name, let attributes, let offset):
                    start(name, attributes, offset: offset)
                case .end(let name, _):
                    if skipping.isEmpty, name == "i", let icon = italics.popLast(), icon { icons -= 1 }
                    if !skipping.isEmpty {
                        if !HTMLAllowlist.void.contains(name) { skipping.removeLast() }
                    } else if isClosable(name) {
                        close(name)
                    }
                case .strayEnd(let name, let offset):
                    // The end of a removed element that an earlier inline piece opened.
                    if let index = skipping.lastIndex(of: name) { skipping.removeSubrange(index...) }
                    guard skipping.isEmpty, isClosable(name) else { continue }
                    if scope.open.contains(where: { $0.name == name }) {
                        close(name)
                    } else {
                        report(.warning, .unbalancedHtml, "</\(name)> closes nothing that HTML in this block opened: it is left out", offset, tag: name)
                    }
                case .text(let text):
                    // GitBook writes an icon as `<i class="fa-gear">:gear:</i>` and shows only the icon.
                    if skipping.isEmpty, icons == 0 { out += HTMLText.escapeText(text) }
                case .special(let kind, let source, let offset):
                    guard skipping.isEmpty else { continue }
                    report(.warning, .unknownHtml, "\(Self.describe(kind, source)) is removed: it is not page text", at: offset,
                           note: "to show it as written, put it in a code span or a code block")
                case .unterminatedTag(let source, let offset):
                    guard skipping.isEmpty else { continue }
                    out += HTMLText.escapeText(source)
                    let tag = source.prefix { !$0.isWhitespace && $0 != ">" }
                    report(.warning, .unknownHtml, "tag \(tag) has no closing '>' in this HTML block: it is shown as text (as HTML it would swallow what follows)",
                           at: offset)
                }
            }
            return out
        }

        /// `<?php … ?>`, `<!DOCTYPE …>`, `<![CDATA[ … ]]>`: named as written, the rest elided.
        private static func describe(_ kind: HTMLFragment.Special, _ source: String) -> String {
            let name = source.dropFirst(2).prefix(40).prefix { $0.isLetter || $0.isNumber || "-_:.".contains($0) }
            switch kind {
            case .processingInstruction: return "processing instruction <?\(name) … ?>"
            case .declaration: return "declaration <!\(name) …>"
            case .cdata: return "CDATA section <![CDATA[ … ]]>"
            }
        }

        private func isClosable(_ name: String) -> Bool {
            HTMLAllowlist.verdict(tag: name) == .allowed && !HTMLAllowlist.void.contains(name)
        }

        private mutating func start(_ name: String, _ attributes: [HTMLFragment.Attribute], offset: Int) {
            let void = HTMLAllowlist.void.contains(name)
            if !skipping.isEmpty {
                if !void { skipping.append(name) }
                return
            }
            switch HTMLAllowlist.verdict(tag: name) {
            case .allowed:
                guard var tag = startTag(name, attributes, offset: offset) else { return }
                let icon = name == "i" && IconTransform.isIcon(attributes)
                // The icon is drawn from its class; to a screen reader it is nothing.
                if icon, !attributes.contains(where: { $0.name.lowercased() == "aria-hidden" }) {
                    tag.insert(contentsOf: " aria-hidden=\"true\"", at: tag.index(before: tag.endIndex))
                }
                out += tag
                if !void {
                    scope.open.append(.init(name: name, html: html, line: node.startLine, column: node.startColumn, offset: offset))
                }
                if name == "i" {
                    italics.append(icon)
                    if icon { icons += 1 }
                }
            case .unknown:
                report(.warning, .unknownHtml, "<\(name)> is not an allowed HTML tag: it is left out, its content kept", offset, tag: name,
                     note: "the allowed tags are listed in docs/syntax.md#raw-html")
            case .dropped(let unsafe):
                if unsafe {
                    report(.warning, .unsafeHtml, "<\(name)> is removed with its content: scripts, styles, frames, plugins and forms never reach readers", offset, tag: name)
                } else {
                    report(.warning, .unknownHtml, "<\(name)> is removed with its content: it is not page text", offset, tag: name)
                }
                if !void { skipping = [name] }
            }
        }

        /// The tag with its allowed attributes; nil when the element itself must go (an image whose
        /// source was unsafe would show as a broken image).
        private mutating func startTag(_ name: String, _ attributes: [HTMLFragment.Attribute], offset: Int) -> String? {
            var tag = "<" + name
            for attribute in attributes {
                // MDX pages write JSX's spelling of `class`.
                let key = attribute.name == "className" || attribute.name == "classname" ? "class" : attribute.name.lowercased()
                if key.hasPrefix("on") {
                    report(.warning, .unsafeHtml, "event handler '\(key)' on <\(name)> is removed: pages never run scripts", offset, tag: name)
                    continue
                }
                guard HTMLAllowlist.allows(attribute: key, on: name) else {
                    report(.warning, .unknownHtml, "attribute '\(key)' on <\(name)> is not allowed: it is left out", offset, tag: name)
                    continue
                }
                if let value = attribute.value {
                    if value.hasPrefix("{") {
                        report(.warning, .unknownHtml, "attribute '\(key)' on <\(name)> is a JSX expression, which only Docusaurus can evaluate: it is left out",
                               offset, tag: name)
                        continue
                    }
                    if key == "style", let problem = HTMLAllowlist.styleProblem(value) {
                        report(.warning, .unsafeHtml, "style on <\(name)> is removed: it uses \(problem)", offset, tag: name)
                        continue
                    }
                    let urls = key == "srcset" ? value.split(separator: ",").map(String.init)
                        : HTMLAllowlist.urlAttributes.contains(key) ? [value] : []
                    if let scheme = urls.lazy.compactMap(HTMLAllowlist.unsafeScheme).first {
                        if name == "img", key == "src" {
                            report(.warning, .unsafeUrl, "<img> with a '\(scheme):' URL is removed", offset, tag: name)
                            return nil
                        }
                        report(.warning, .unsafeUrl, "'\(scheme):' URL in \(key) of <\(name)> is removed", offset, tag: name)
                        continue
                    }
                }
                tag += " " + key
                if let value = attribute.value { tag += "=\"" + HTMLText.escape(value) + "\"" }
            }
            return tag + ">"
        }

        /// Closes `name` and every element opened after it. A `</p>` is written only when the page
        /// wrote it: a browser has often closed the paragraph already, and a stray `</p>` makes an empty one.
        private mutating func close(_ name: String) {
            guard let index = scope.open.lastIndex(where: { $0.name == name }) else { return }
            for (i, element) in scope.open.enumerated().reversed() where i >= index && (i == index || element.name != "p") {
                out += "</\(element.name)>"
            }
            scope.open.removeSubrange(index...)
        }

        private mutating func report(_ severity: Severity, _ code: DiagnosticCode, _ message: String, _ offset: Int, tag: String, note: String? = nil) {
            let start = locate().start(ofTag: tag, endingAt: offset)
            report(severity, code, message, at: start, note: note)
        }

        /// `start` is the byte of the piece where what is reported starts.
        private mutating func report(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at start: Int, note: String? = nil) {
            let (location, chain) = locate().origin(start, in: page)
            page.diagnostics.append(Diagnostic(severity, code, message, at: location, includeChain: chain, note: note))
        }

        private mutating func locate() -> TagLocator {
            if locator == nil { locator = TagLocator(html: html, line: node.startLine, column: node.startColumn) }
            return locator!
        }
    }

    /// Where a tag of one piece of HTML stands in the page's files.
    struct TagLocator {
        let bytes: [UInt8]
        let lineStarts: [Int]
        /// Where the piece's node starts.
        let line: Int, column: Int

        init(html: String, line: Int, column: Int) {
            let bytes = Array(html.utf8)
            self.bytes = bytes
            lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
            self.line = line
            self.column = column
        }

        /// Where the tag named `tag` that ends at `offset` starts (`<tag` or `</tag`).
        func origin(_ offset: Int, tag: String, in page: ParsedPage) -> (SourceLocation, [SourceLocation]) {
            origin(start(ofTag: tag, endingAt: offset), in: page)
        }

        /// The byte where the tag named `tag` that ends at `offset` starts.
        func start(ofTag tag: String, endingAt offset: Int) -> Int {
            let name = Array(tag.utf8)
            func startsTag(_ i: Int) -> Bool {
                guard bytes[i] == UInt8(ascii: "<") else { return false }
                let n = i + 1 < bytes.count && bytes[i + 1] == UInt8(ascii: "/") ? i + 2 : i + 1
                guard n + name.count <= bytes.count else { return false }
                return zip(bytes[n..<(n + name.count)], name).allSatisfy { ($0 | 0x20) == $1 || $0 == $1 }
            }
            var start = min(offset, bytes.count) - 1
            while start > 0, !startsTag(start) { start -= 1 }
            return max(start, 0)
        }

        /// Where byte `start` of the piece stands in the page's files.
        func origin(_ start: Int, in page: ParsedPage) -> (SourceLocation, [SourceLocation]) {
            // The last line that starts at or before `start` (a binary search: a piece may warn thousands of times).
            var low = 0, high = lineStarts.count - 1
            while low < high {
                let middle = (low + high + 1) / 2
                if lineStarts[middle] <= start { low = middle } else { high = middle - 1 }
            }
            let column = low == 0 ? self.column + start : start - lineStarts[low] + 1
            return page.source.origin(line: line + low, column: column)
        }
    }
}
