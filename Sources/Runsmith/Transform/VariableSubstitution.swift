/// Puts one tenant's values into a page — on cmark's tree, never into the source text, so a value is
/// always data: in text and code it is escaped by cmark's renderer, in URLs it is percent-encoded, in
/// raw HTML it is HTML-escaped. `**bold**` or `<script>` in a value shows literally.
public struct VariableSubstitution: PageTransform {
    public let context: TenantContext

    public init(context: TenantContext) { self.context = context }

    public func apply(to page: ParsedPage) {
        substituteTextRuns(page.document.root, page: page)
        for node in page.document.root.descendants() where !page.source.literalLines.contains(node.startLine) {
            switch node.kind {
            case .code, .codeBlock:
                replace(node, page: page) { $0 }
            case .link, .image:
                if let url = node.url, url.includes("{{") {
                    let (value, problems) = context.substitute(url, escape: HTMLText.encodeURL, resolved: shown(on: page, at: node))
                    report(problems, node: node, page: page)
                    node.url = value
                }
            case .htmlInline, .htmlBlock:
                guard node.markerIndex == nil, node.literal != nil else { continue }
                replace(node, page: page, escape: HTMLText.escape)
            default:
                continue
            }
        }
    }

    private func replace(_ node: MarkdownNode, page: ParsedPage, escape: (String) -> String) {
        guard node.literalContains("{{"), let literal = node.literal else { return }
        let (value, problems) = context.substitute(literal, escape: escape, resolved: shown(on: page, at: node))
        report(problems, node: node, page: page)
        if value != literal { node.literal = value }
    }

    /// cmark may split `{{ vars.ado_org }}` over several text nodes (at `_`, `[`, …): each run of
    /// adjacent text nodes is joined, substituted, and written back into its first node.
    private func substituteTextRuns(_ parent: MarkdownNode, page: ParsedPage) {
        var child = parent.firstChild
        while let node = child {
            guard node.kind == .text else {
                if node.firstChild != nil { substituteTextRuns(node, page: page) }
                child = node.next
                continue
            }
            var run = [node]
            var next = node.next
            while let n = next, n.kind == .text { run.append(n); next = n.next }
            // `{` is not special to cmark, so a `{{` is never split between two text nodes.
            if run.contains(where: { $0.literalContains("{{") }), !page.source.literalLines.contains(node.startLine) {
                let joined = run.compactMap(\.literal).joined()
                let (value, problems) = context.substitute(joined, escape: { $0 }, resolved: shown(on: page, at: node))
                report(problems, node: node, page: page)
                if value != joined {
                    node.literal = value
                    run.dropFirst().forEach { $0.remove() }
                }
            }
            child = next
        }
    }

    /// Notes each value put in, with where its node was written.
    private func shown(on page: ParsedPage, at node: MarkdownNode) -> (String, String) -> Void {
        { reference, value in page.values.append(ShownValue(reference: reference, value: value, location: page.origin(of: node).0)) }
    }

    private func report(_ problems: [(offset: Int, problem: TenantContext.Problem)], node: MarkdownNode, page: ParsedPage) {
        for (offset, problem) in problems {
            var (location, chain) = page.origin(of: node)
            if node.kind == .text { location.column += offset }
            page.diagnostics.append(.error(problem.code, problem.message, at: location, includeChain: chain,
                                           note: context.tenant.path.isEmpty ? nil : "tenant \(context.tenant.id)"))
        }
    }
}

/// A tenant value as a page shows it: what `runsmith diff` compares between two tenants.
public struct ShownValue: Codable, Sendable, Equatable {
    /// The reference as written: `vars.org`, `tenant.name`, `vars.region | upcase`.
    public var reference: String
    /// What it stands for (a secret's placeholder, never the secret).
    public var value: String
    public var location: SourceLocation
}
