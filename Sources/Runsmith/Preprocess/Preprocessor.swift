/// The preprocess stage: strips frontmatter, expands `{% include %}` (recursively, with cycle detection),
/// and replaces every other directive line by a marker HTML block (`<!--rs:N-->`) that the transform
/// stage turns into real nodes. It is line-level and fence-aware; it never parses markdown.
public struct Preprocessor: Sendable {
    /// Reads a file of the tree by root-relative path.
    /// A file's bytes; nil when there is no such file; throws when there is one that cannot be read.
    public typealias Reader = @Sendable (String) throws -> [UInt8]?

    public var read: Reader
    /// Symlinks in the tree that point outside the root (never read): an include of one says so,
    /// rather than "not found".
    public var escapingLinks: Set<String> = []
    public var spaces: [String: String]
    public var limits: PreprocessLimits
    /// In a Docusaurus tree every page is MDX; elsewhere only `.mdx` files are.
    public var flavor: Flavor
    /// The declared variables (tenants/schema.yml): every `{% if %}` may only name these.
    public var tenants: TenantSet?
    /// The tenant a page is built for: `{% if %}` is decided here, and unselected branches never reach
    /// the parser. Without one, every branch is kept and labelled with its condition.
    public var tenant: TenantContext?
    /// GitBook claim → tenant variable (`claims:` in runsmith.yml): how a condition's
    /// `visitor.claims.unsigned.<claim>` is checked against the schema and decided, with a tenant or without.
    public var claims: [String: String] = [:]
    /// Hears each tenant value a condition reads (`SharedPreprocessing`).
    public var conditionReads: ConditionReads?

    public init(read: @escaping Reader, spaces: [String: String] = [:], limits: PreprocessLimits = PreprocessLimits(),
                flavor: Flavor = .gitbook) {
        self.read = read
        self.spaces = spaces
        self.limits = limits
        self.flavor = flavor
    }

    func readsMDX(_ file: String) -> Bool { flavor == .docusaurus || file.lowercased().hasSuffix(".mdx") }

    /// Preprocesses one page; `bytes` are the page's raw file bytes. No page when the file cannot be read
    /// as markdown at all (binary, invalid UTF-8, broken frontmatter): it is reported, never rendered.
    public func run(path: String, bytes: [UInt8]) -> (PreprocessedPage?, [Diagnostic]) {
        var run = PreprocessRun(page: PreprocessedPage(path: path), settings: self)
        switch SourceText.validate(bytes, path: path).flatMap({ valid in
            FrontmatterSplit.split(valid, path: path).map { (valid, $0) }
        }) {
        case .failure(let error):
            return (nil, [error.diagnostic])
        case .success(let (valid, split)):
            run.page.frontmatter = split.frontmatter
            if valid[split.bodyOffset...].allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
                run.diagnostics.append(.error(.emptyPage, "page has no content",
                                              at: SourceLocation(path: path, line: split.bodyLine, column: 1)))
            }
            run.expand(file: path, bytes: valid, from: split.bodyOffset, firstLine: split.bodyLine,
                       indent: [], chain: 0, active: [path])
            run.closeUnclosed(downTo: 0)
            if readsMDX(path) { MDXIndentation.flatten(&run.page) }
            return (run.page, run.diagnostics)
        }
    }
}
