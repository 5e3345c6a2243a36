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
                let isImage = text[..<close.lowerBound].contains("![")
                page.report(.error, "unparsed-link",
                            "this \(isImage ? "image" : "link") is not valid markdown and would show as raw text",
                            at: first!, note: "a URL with spaces must be written in angle brackets: ![alt](<my image.png>)")
                break
            }
        }
    }
}
