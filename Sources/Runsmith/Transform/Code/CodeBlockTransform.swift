/// Every fenced and indented code block: its language's colours from the highlighter, and Docusaurus'
/// fence features: `title="…"` as a caption, `{1,3-4}` line highlights, `// highlight-next-line` /
/// `highlight-start` / `highlight-end` magic comments (the comment lines go), and `showLineNumbers`
/// (which GitBook's `{% code lineNumbers="true" %}` sets too). A block that needs none of it, or
/// whose language the highlighter does not know, is left to cmark's renderer.
struct CodeBlockTransform: PageTransform {
    /// nil: `highlight: off`, or a compile that shows no code (the golden tests).
    var highlighter: CodeHighlighter?

    /// Languages that are plain text by name: never sent to the highlighter.
    static let plainLanguages: Set<String> = ["text", "txt", "plain", "plaintext", "none", "output", "log"]

    private struct Block {
        var node: MarkdownNode
        var meta: FenceMeta
        var lines: [String]
        var marked: Set<Int>
        /// Magic comment lines were dropped: the code differs from what cmark would show.
        var dropsLines: Bool
        var sample: CodeSample?
    }

    func apply(to page: ParsedPage) {
        var blocks: [Block] = []
        for node in page.document.root.descendants() where node.kind == .codeBlock {
            let meta = FenceMeta(node.fenceInfo ?? "")
            var lines = (node.literal ?? "").split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            let (kept, marked) = Self.applyMagicComments(lines)
            let sample = meta.language.flatMap { language in
                highlighter != nil && !kept.isEmpty && !Self.plainLanguages.contains(language.lowercased())
                    ? CodeSample(language: language, code: kept.joined(separator: "\n") + "\n") : nil
            }
            blocks.append(Block(node: node, meta: meta, lines: kept, marked: marked.union(meta.highlights),
                                dropsLines: kept.count != lines.count, sample: sample))
        }
        let samples = blocks.compactMap(\.sample)
        var colours: [CodeSample: [CodeToken]] = [:]
        if let highlighter, !samples.isEmpty {
            switch highlighter.tokens(for: samples) {
            case .success(let answers): for (sample, tokens) in zip(samples, answers) { colours[sample] = tokens }
            case .failure(let failure): page.diagnostics.append(failure.diagnostic)
            }
        }
        for block in blocks {
            let tokenLines = block.sample.flatMap { colours[$0] }.flatMap(Self.htmlLines)
            let coloured = tokenLines.flatMap { $0.count == block.lines.count ? $0 : nil }
            let lines = coloured ?? block.lines.map(HTMLText.escapeText)
            let meta = block.meta
            guard tokenLines != nil || meta.title != nil || meta.showLineNumbers || !block.marked.isEmpty || block.dropsLines
            else { continue }
            let language = meta.language.map { " class=\"language-\(HTMLText.escape($0))\"" } ?? ""
            var html = meta.showLineNumbers ? "<pre data-line-numbers=\"true\">" : "<pre>"
            html += "<code\(language)>"
            for (i, line) in lines.enumerated() {
                html += "<span class=\"rs-line\(block.marked.contains(i + 1) ? " rs-highlight" : "")\">\(line)</span>\n"
            }
            html += "</code></pre>\n"
            if let title = meta.title {
                html = "<figure class=\"rs-code\">\n<figcaption class=\"rs-code-title\">\(HTMLText.escape(title))</figcaption>\n" + html + "</figure>\n"
            }
            block.node.insertBefore(.htmlBlock(html))
            block.node.remove()
        }
    }

    /// The tokens as HTML, one string per line: each run of a class in its `<span>`, plain text bare.
    static func htmlLines(_ tokens: [CodeToken]) -> [String] {
        var lines: [String] = [], current = ""
        for token in tokens {
            for (i, piece) in token.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if i > 0 { lines.append(current); current = "" }
                guard !piece.isEmpty else { continue }
                let text = HTMLText.escapeText(String(piece))
                current += token.kind.isEmpty ? text : "<span class=\"\(token.kind)\">\(text)</span>"
            }
        }
        if !current.isEmpty { lines.append(current) }
        return lines
    }

    /// Drops the magic comment lines and returns the (1-based) numbers of the lines they mark.
    static func applyMagicComments(_ lines: [String]) -> (lines: [String], highlighted: Set<Int>) {
        var kept: [String] = []
        var marked: Set<Int> = []
        var nextLine = false, inRange = false
        for line in lines {
            switch magic(line) {
            case "highlight-next-line": nextLine = true
            case "highlight-start": inRange = true
            case "highlight-end": inRange = false
            default:
                kept.append(line)
                if nextLine || inRange { marked.insert(kept.count) }
                nextLine = false
            }
        }
        return (kept, marked)
    }

    /// `highlight-next-line` for `// highlight-next-line`, `# highlight-next-line`, `<!-- highlight-start -->`, `/* highlight-end */`.
    static func magic(_ line: String) -> String? {
        var s = Substring(line).trimmingWhitespace()
        for opener in ["//", "#", "<!--", "/*", "--", ";"] where s.hasPrefix(opener) {
            s = s.dropFirst(opener.count)
            break
        }
        for closer in ["-->", "*/"] where s.hasSuffix(closer) { s = s.dropLast(closer.count) }
        let word = s.trimmingWhitespace()
        return ["highlight-next-line", "highlight-start", "highlight-end"].contains(String(word)) ? String(word) : nil
    }
}
