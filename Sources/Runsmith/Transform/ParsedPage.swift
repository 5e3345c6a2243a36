/// A page after parsing: the cmark tree plus everything the transforms learn about it.
/// A class because transforms edit it in place. Not `Sendable`: a page is compiled on one thread and
/// only its `CompiledPage` (plain values) leaves it.
public final class ParsedPage {
    public let source: PreprocessedPage
    public let document: MarkdownDocument
    public var diagnostics: [Diagnostic] = []
    /// Tab sets (by their parent directive, -1 at the top) in which some tab names itself the default:
    /// found once, not once per tab.
    lazy var tabSetsWithDefault: Set<Int> = Set(source.directives.filter { $0.name == "tab" && $0.role != .close
        && $0.tag.arguments["default"] != nil }.map { $0.parent ?? -1 })
    /// The leading `# Title`, lifted out of the body so the template can place it.
    public var title: String?
    public var titleID: String?
    public var headings: [Heading] = []
    /// Every id a link may point at: heading ids, explicit `<a id>`, `id=` in raw HTML.
    public var anchors: Set<String> = []
    /// Pages and files of the tree that the page's links and images named (filled by `LinkTransform`).
    public var uses: Set<String> = []
    /// The page's text cut at its headings, for the search index (`SearchSections`).
    var searchSections: [SearchSection] = []
    /// Each tenant value the page shows, where it shows it.
    public var values: [ShownValue] = []
    /// Blocks whose HTML shows a link (content-ref cards, file downloads): written by `LinkTransform`.
    var linkedBlocks: [(node: MarkdownNode, directive: Int)] = []

    public struct Heading: Equatable {
        public var level: Int
        public var id: String
        public var text: String
        /// The block that now stands for the heading in the tree (runbooks cut sections at it).
        public var node: MarkdownNode? = nil
        /// Where the heading was written (through includes): what runbook steps point back to.
        public var location: SourceLocation? = nil
    }

    public init(source: PreprocessedPage, document: MarkdownDocument) {
        self.source = source
        self.document = document
    }

    public var path: String { source.path }

    /// Where a node came from (through the include chain).
    public func origin(of node: MarkdownNode) -> (location: SourceLocation, chain: [SourceLocation]) {
        source.origin(line: node.startLine, column: node.startColumn)
    }

    public func report(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at node: MarkdownNode, note: String? = nil) {
        let (location, chain) = origin(of: node)
        diagnostics.append(Diagnostic(severity, code, message, at: location, includeChain: chain, note: note))
    }

    /// Where a directive was written (through the include chain).
    public func origin(ofDirective index: Int) -> (location: SourceLocation, chain: [SourceLocation]) {
        let d = source.directives[index]
        return (d.location, source.chains[d.chain])
    }

    public func report(_ severity: Severity, _ code: DiagnosticCode, _ message: String, directive index: Int, note: String? = nil) {
        let (location, chain) = origin(ofDirective: index)
        diagnostics.append(Diagnostic(severity, code, message, at: location, includeChain: chain, note: note))
    }
}

/// One transform over a parsed page: the only way the pipeline changes cmark's tree.
public protocol PageTransform {
    func apply(to page: ParsedPage)
}
