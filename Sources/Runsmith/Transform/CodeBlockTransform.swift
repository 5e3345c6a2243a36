/// Docusaurus code-fence features: `title="…"` as a caption, `{1,3-4}` line highlights,
/// `// highlight-next-line` / `highlight-start` / `highlight-end` magic comments (the comment lines
/// go), and `showLineNumbers`. A fence that uses none of them is left to cmark's renderer.
public struct CodeBlockTransform: PageTransform {
    public init() {}

    public func apply(to page: ParsedPage) {
        for node in page.document.root.descendants() where node.kind == .codeBlock {
            let meta = FenceMeta(node.fenceInfo ?? "")
            let literal = node.literal ?? ""
            var lines = literal.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if lines.last == "" { lines.removeLast() }
            let (kept, marked) = Self.applyMagicComments(lines)
            let highlighted = marked.union(meta.highlights)
            guard meta.title != nil || meta.showLineNumbers || !highlighted.isEmpty || kept.count != lines.count else { continue }
            let language = meta.language.map { " class=\"language-\(HTMLText.escape($0))\"" } ?? ""
            var html = meta.showLineNumbers ? "<pre data-line-numbers=\"true\">" : "<pre>"
            html += "<code\(language)>"
            for (i, line) in kept.enumerated() {
                html += "<span class=\"rs-line\(highlighted.contains(i + 1) ? " rs-highlight" : "")\">\(HTMLText.escape(line))</span>\n"
            }
            html += "</code></pre>\n"
            if let title = meta.title {
                html = "<figure class=\"rs-code\">\n<figcaption class=\"rs-code-title\">\(HTMLText.escape(title))</figcaption>\n" + html + "</figure>\n"
            }
            node.insertBefore(.htmlBlock(html))
            node.remove()
        }
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

/// The info string of a fence: language, then Docusaurus' `title="…"`, `{1,3-4}` and `showLineNumbers`.
struct FenceMeta: Equatable {
    var language: String?
    var title: String?
    var highlights: Set<Int> = []
    var showLineNumbers = false

    init(_ info: String) {
        let words = info.split(separator: " ", maxSplits: 1)
        if let first = words.first, !first.hasPrefix("{"), !first.contains("=") { language = String(first) }
        let rest = language == nil ? Substring(info) : (words.count > 1 ? words[1] : "")
        if let t = rest.range(of: "title=") {
            let after = rest[t.upperBound...]
            if let quote = after.first, quote == "\"" || quote == "'", let end = after.dropFirst().firstIndex(of: quote) {
                title = String(after[after.index(after: after.startIndex)..<end])
            } else {
                title = String(after.prefix { $0 != " " })
            }
        }
        if let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            for part in rest[rest.index(after: open)..<close].split(separator: ",") {
                let bounds = part.split(separator: "-").compactMap { Int($0.trimmingWhitespace()) }
                if bounds.count == 1 { highlights.insert(bounds[0]) }
                if bounds.count == 2, bounds[0] <= bounds[1] { highlights.formUnion(bounds[0]...bounds[1]) }
            }
        }
        showLineNumbers = rest.contains("showLineNumbers")
    }
}
