/// Finds `[text](url)` and `![alt](url)` that markdown could not parse — usually a URL with spaces
/// (`image (308).png`) that needs `<…>` — which would otherwise reach readers as raw text.
public struct UnparsedLinkCheck: PageTransform {
    public init() {}

    public func apply(to page: ParsedPage) {
        var lineStarts: [Int]? = nil
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
                // `\[text]\(url)` shows brackets on purpose: the block's source must hold more unescaped
                // link syntax than the links and images markdown made of it.
                if lineStarts == nil { lineStarts = Self.lineStarts(page.source.text) }
                let source = Self.sourceBytes(of: block, in: page.source.text, lineStarts: lineStarts!)
                let made = block.descendants().filter { $0.kind == .link || $0.kind == .image }.count
                guard Self.unescapedLinkSyntax(source) > made else { break }
                let isImage = text[..<close.lowerBound].contains("![")
                page.report(.error, .unparsedLink,
                            "this \(isImage ? "image" : "link") is not valid markdown and would show as raw text",
                            at: first!, note: "a URL with spaces must be written in angle brackets: ![alt](<my image.png>)")
                break
            }
        }
    }

    static func lineStarts(_ text: [UInt8]) -> [Int] {
        var starts = [0]
        for (i, b) in text.enumerated() where b == 0x0A { starts.append(i + 1) }
        return starts
    }

    /// The preprocessed markdown of `block`'s lines, which still has the writer's backslashes.
    static func sourceBytes(of block: MarkdownNode, in text: [UInt8], lineStarts: [Int]) -> ArraySlice<UInt8> {
        let first = max(1, block.startLine), last = max(first, block.endLine)
        guard first <= lineStarts.count else { return [] }
        let end = last < lineStarts.count ? lineStarts[last] : text.count
        return text[lineStarts[first - 1]..<end]
    }

    /// How many times an unescaped `]` directly followed by an unescaped `(` closes an unescaped `[`.
    static func unescapedLinkSyntax(_ bytes: ArraySlice<UInt8>) -> Int {
        var open = 0, count = 0, i = bytes.startIndex
        func escaped(_ j: Int) -> Bool {
            var backslashes = 0, k = j - 1
            while k >= bytes.startIndex, bytes[k] == UInt8(ascii: "\\") { backslashes += 1; k -= 1 }
            return backslashes % 2 == 1
        }
        while i < bytes.endIndex {
            let c = bytes[i]
            if c == UInt8(ascii: "["), !escaped(i) { open += 1 }
            if open > 0, c == UInt8(ascii: "]"), !escaped(i) {
                open -= 1
                if i + 1 < bytes.endIndex, bytes[i + 1] == UInt8(ascii: "(") { count += 1 }
            }
            i += 1
        }
        return count
    }
}
