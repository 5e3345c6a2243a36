/// MDX components used inside a line of text (`Go to <ConsoleLink route="…" />.`) reach cmark as inline
/// HTML. Outside Docusaurus they cannot run: the tags are removed (children, if any, stay as text) and
/// reported, so no raw `<Component>` ever reaches readers.
public struct InlineComponentTransform: PageTransform {
    public init() {}

    public func apply(to page: ParsedPage) {
        for node in page.document.root.descendants() where node.kind == .htmlInline {
            guard let html = node.literal, let name = Self.componentName(html) else { continue }
            if !html.hasPrefix("</") {
                page.report(.warning, .unknownComponent, Self.message(name), at: node)
            }
            node.remove()
        }
    }

    /// `ConsoleLink` for `<ConsoleLink …>`, `<ConsoleLink/>` or `</ConsoleLink>`; nil for HTML tags.
    static func componentName(_ html: String) -> String? {
        var rest = html.dropFirst()
        if rest.hasPrefix("/") { rest = rest.dropFirst() }
        guard let first = rest.first, first.isUppercase, first.isASCII else { return nil }
        return String(rest.prefix { $0.isLetter || $0.isNumber || $0 == "." || $0 == "_" })
    }

    static func message(_ name: String) -> String {
        "component <\(name)> is only available inside Docusaurus: it is left out (its content, if any, is shown plainly)"
    }
}
