/// Finds `[text](url)` and `![alt](url)` that markdown could not parse — usually a URL with spaces
/// (`image (308).png`) that needs `<…>` — which would otherwise reach readers as raw text.
public struct UnparsedLinkCheck: PageTransform {
    public init() {}

    public func apply(to page: ParsedPage) {
        for block in page.document.root.descendants() where block.kind == .paragraph || block.kind == .tableCell || block.kind == .heading {
            // A bracket that made no link stays in the text; without one there is nothing to find.
            guard block.children.contains(where: { $0.kind == .text && $0.literalContains("]") }) else { continue }
            var text = ""
            var first: MarkdownNode?
            for child in block.children {
                guard child.kind == .text, let literal = child.literal else { text = ""; first = nil; continue }
                if first == nil { first = child }
                text += literal
                guard let close = text.range(of: "]("), text[..<close.lowerBound].contains("["),
                      text[close.upperBound...].contains(")") else { continue }
                // `\[text]\(url)` shows brackets on purpose: only unescaped link syntax in the source counts.
                guard Self.hasUnescapedLinkSyntax(Self.sourceBytes(of: block, in: page.source.text)) else { break }
                let isImage = text[..<close.lowerBound].contains("![")
                page.report(.error, "unparsed-link",
                            "this \(isImage ? "image" : "link") is not valid markdown and would show as raw text",
                            at: first!, note: "a URL with spaces must be written in angle brackets: ![alt](<my image.png>)")
                break
            }
        }
    }

    /// The preprocessed markdown of `block`'s lines, which still has the writer's backslashes.
    static func sourceBytes(of block: MarkdownNode, in text: [UInt8]) -> ArraySlice<UInt8> {
        var line = 1, start = text.startIndex, i = text.startIndex
        while i < text.endIndex, line < block.startLine {
            if text[i] == 0x0A { line += 1; start = i + 1 }
            i += 1
        }
        var end = start
        while end < text.endIndex, line <= block.endLine {
            if text[end] == 0x0A { line += 1 }
            end += 1
        }
        return text[start..<end]
    }

    /// An unescaped `[` and, after it, an unescaped `]` directly followed by an unescaped `(`.
    static func hasUnescapedLinkSyntax(_ bytes: ArraySlice<UInt8>) -> Bool {
        var opened = false, i = bytes.startIndex
        func escaped(_ j: Int) -> Bool {
            var backslashes = 0, k = j - 1
            while k >= bytes.startIndex, bytes[k] == UInt8(ascii: "\\") { backslashes += 1; k -= 1 }
            return backslashes % 2 == 1
        }
        while i < bytes.endIndex {
            let c = bytes[i]
            if c == UInt8(ascii: "["), !escaped(i) { opened = true }
            if opened, c == UInt8(ascii: "]"), !escaped(i), i + 1 < bytes.endIndex, bytes[i + 1] == UInt8(ascii: "(") { return true }
            i += 1
        }
        return false
    }
}
