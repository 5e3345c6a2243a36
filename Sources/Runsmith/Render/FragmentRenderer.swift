/// `runsmith render`: one markdown file compiled as a fragment (`CompileProfile.fragment`), like the
/// `cmark` command. Links are left as written (there is no site to resolve them in).
public enum FragmentRenderer {
    public static func render(_ bytes: [UInt8], path: String, read: @escaping Preprocessor.Reader = { _ in nil },
                              preset: SlugPreset? = nil, tenant: TenantContext? = nil,
                              highlightsCode: Bool = false) -> (html: [UInt8], diagnostics: [Diagnostic]) {
        // As in a site without `slug_preset:`: `.mdx` pages take Docusaurus' ids, the others GitBook's.
        let preset = preset ?? (path.lowercased().hasSuffix(".mdx") ? .docusaurus : .gitbook)
        var preprocessor = Preprocessor(read: read)
        preprocessor.tenant = tenant
        preprocessor.tenants = tenant.map { TenantSet(schema: $0.schema) }
        let compiler = PageCompiler(preprocessor: preprocessor, values: tenant, preset: { _ in preset },
                                    highlighter: highlightsCode ? PygmentsHighlighter.shared : nil)
        let (page, problems) = compiler.compile(.bytes(bytes), path: path, profile: .fragment)
        guard let page else { return ([], DiagnosticLimit.capPage(problems)) }
        return (page.body ?? [], DiagnosticLimit.cap(sortedDiagnostics(page.diagnostics)))
    }
}
