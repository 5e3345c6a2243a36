/// GitBook's `$$…$$` formulas, which the preprocessor wrote as code marked as math (so that markdown
/// leaves the TeX alone), become MathML; a formula beyond `TeXMath` is shown as its TeX with a warning.
/// A ```` ```math ```` fence, GitHub's way of writing a formula, is one too.
public struct MathTransform: PageTransform {
    /// Starts the code span that stands for an inline formula: a private-use character no writer types.
    static let inlineMarker = "\u{E000}"

    public init() {}

    public func apply(to page: ParsedPage) {
        for node in page.document.root.descendants() {
            if node.kind == .code, let literal = node.literal, literal.hasPrefix(Self.inlineMarker) {
                node.insertBefore(.htmlInline(html(String(literal.dropFirst()), display: false, page: page, node: node)))
                node.remove()
            } else if node.kind == .codeBlock, node.isFenced, node.fenceInfo?.trimmingBlankEnds == "math" {
                let tex = (node.literal ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
                node.insertBefore(.htmlBlock("<p class=\"rs-math\">" + html(tex, display: true, page: page, node: node) + "</p>\n"))
                node.remove()
            }
        }
    }

    private func html(_ tex: String, display: Bool, page: ParsedPage, node: MarkdownNode) -> String {
        do {
            return try TeXMath.mathML(tex, display: display)
        } catch {
            page.report(.warning, .unrenderedMath, "this formula uses \(error.what), which Runsmith cannot typeset: it is shown as TeX",
                        at: node)
            return "<code class=\"rs-math-source\">\(HTMLText.escape(tex))</code>"
        }
    }
}
