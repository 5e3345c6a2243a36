/// The one way a page becomes HTML: preprocess, parse with cmark, the profile's transforms, render.
/// `runsmith build` and `serve` (profile `.site`), the runbooks (`.runbookStep`), `runsmith render`
/// (`.fragment`) and the golden tests all call `compile`.
struct PageCompiler {
    var preprocessor: Preprocessor
    /// Tenant values put into the tree (named placeholders for a site with a schema but no tenant);
    /// nil: `{{ }}` stays as written.
    var values: TenantContext?
    /// The heading-id rule of a page.
    var preset: @Sendable (String) -> SlugPreset
    /// What colours code blocks; nil leaves them uncoloured.
    var highlighter: CodeHighlighter?

    /// A page's text, or its preprocessing already done (runbook steps share one per page without conditions).
    enum Source {
        case bytes([UInt8])
        case preprocessed(PreprocessedPage?, [Diagnostic])
    }

    /// The compiled page, or nil with the reasons when preprocessing failed.
    func compile(_ source: Source, path: String, profile: CompileProfile) -> (CompiledPage?, [Diagnostic]) {
        let (preprocessed, problems): (PreprocessedPage?, [Diagnostic])
        switch source {
        case .bytes(let bytes): (preprocessed, problems) = preprocessor.run(path: path, bytes: bytes)
        case .preprocessed(let page, let diagnostics): (preprocessed, problems) = (page, diagnostics)
        }
        guard let pre = preprocessed else { return (nil, problems) }
        let page = ParsedPage(source: pre, document: MarkdownDocument(bytes: pre.text))
        // A fragment may be empty (`echo | runsmith render -`); a page of a site may not.
        page.diagnostics = profile.isFragment ? problems.filter { $0.code != .emptyPage } : problems
        let slots = LinkLog(key: LinkSlots.key(of: pre.text))
        for transform in profile.transforms(self, path: path, slots: slots) { transform.apply(to: page) }
        return (CompiledPage(page, slots: slots, body: profile.output, keepsText: profile.keepsText), [])
    }
}

extension CompileProfile {
    var isFragment: Bool { if case .fragment = self { true } else { false } }
    /// What the body is rendered as: HTML, nothing (only the page's facts are wanted), or the plain
    /// text `runsmith diff` compares.
    enum Output { case html, none, plainText }

    var output: Output {
        switch self {
        case .site(let page): page.rendersBody ? .html : .none
        case .anchors: .none
        case .runbookStep, .fragment: .html
        case .readableText: .plainText
        }
    }
    /// Runbook steps keep their text for the leak audit.
    var keepsText: Bool { if case .runbookStep = self { true } else { false } }
}
