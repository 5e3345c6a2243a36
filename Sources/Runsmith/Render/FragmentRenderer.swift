/// `runsmith render`: one markdown file through preprocess, parse and the page-local transforms to an
/// HTML fragment, like the `cmark` command. Links are left as written (there is no site to resolve them in).
public enum FragmentRenderer {
    public static func render(_ bytes: [UInt8], path: String, read: @escaping Preprocessor.Reader = { _ in nil },
                              preset: SlugPreset? = nil, tenant: TenantContext? = nil) -> (html: [UInt8], diagnostics: [Diagnostic]) {
        // As in a site without `slug_preset:`: `.mdx` pages take Docusaurus' ids, the others GitBook's.
        let preset = preset ?? (path.lowercased().hasSuffix(".mdx") ? .docusaurus : .gitbook)
        var preprocessor = Preprocessor(read: read)
        preprocessor.tenant = tenant
        preprocessor.tenants = tenant.map { TenantSet(schema: $0.schema) }
        let (preprocessed, diagnostics) = preprocessor.run(path: path, bytes: bytes)
        guard let pre = preprocessed else { return ([], diagnostics) }
        let page = ParsedPage(source: pre, document: MarkdownDocument(bytes: pre.text))
        page.diagnostics = diagnostics.filter { $0.code != "empty-page" }
        DirectiveTransform().apply(to: page)
        if let tenant { VariableSubstitution(context: tenant).apply(to: page) }
        InlineComponentTransform().apply(to: page)
        IconTransform().apply(to: page)
        HTMLSanitizer().apply(to: page)
        UnparsedLinkCheck().apply(to: page)
        CardsTableTransform().apply(to: page)
        HeadingTransform(preset: preset, liftsTitle: false).apply(to: page)
        MathTransform().apply(to: page)
        CodeBlockTransform().apply(to: page)
        return (page.document.renderHTML(), sortedDiagnostics(page.diagnostics))
    }
}
