import CCmarkGFM
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A cmark-gfm document tree. The one place that owns C pointers: the parser (which owns the
/// extension list the renderer needs) and the root node, both freed in `deinit`.
/// Not `Sendable`: a document lives and dies on the thread that parsed it (a page's compile), so the
/// compiler keeps every C tree on one thread.
public final class MarkdownDocument {
    public static let parseOptions: Int32 =
        CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8 | CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES
    public static let renderOptions: Int32 = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES
    public static let extensionNames = ["table", "tasklist", "strikethrough", "autolink"]

    private let parser: OpaquePointer
    public let root: MarkdownNode

    /// cmark-gfm keeps the inline extensions' special characters (autolink's `:` and `w`, strikethrough's
    /// `~`) in one global table that each parser sets at the start of its inline pass and clears at the end
    /// (blocks.c, `process_inlines`), so two pages finishing side by side lost autolinks now and then.
    /// The inline pass (`cmark_parser_finish`) runs one page at a time; block parsing stays parallel.
    /// A `Mutex` over nothing: what it guards is that C table.
    private static let inlinePass = Mutex(())

    private static let registered: Bool = {
        cmark_gfm_core_extensions_ensure_registered()
        return true
    }()

    /// Parses UTF-8 markdown bytes with the GFM extensions attached.
    public init(bytes: [UInt8], options: Int32 = MarkdownDocument.parseOptions) {
        _ = Self.registered
        let parser: OpaquePointer = cmark_parser_new(options)
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) {
                cmark_parser_attach_syntax_extension(parser, ext)
            }
        }
        bytes.withUnsafeBufferPointer { buf in
            buf.baseAddress.map { base in
                base.withMemoryRebound(to: CChar.self, capacity: buf.count) {
                    cmark_parser_feed(parser, $0, buf.count)
                }
            }
        }
        // Set inside rather than returned: a C pointer is not `Sendable`, and `withLock` hands its result over as `sending`.
        var document: OpaquePointer?
        Self.inlinePass.withLock { _ in document = cmark_parser_finish(parser) }
        self.parser = parser
        root = MarkdownNode(document!)
    }

    deinit {
        cmark_node_free(root.pointer)
        cmark_parser_free(parser)
    }

    /// Renders the (possibly transformed) tree with cmark's own C HTML renderer.
    public func renderHTML(options: Int32 = MarkdownDocument.renderOptions) -> [UInt8] {
        render(root, options: options)
    }

    /// The HTML of a node's children alone (a paragraph's inlines without its `<p>`), by the same renderer.
    /// The node must belong to this document.
    public func renderHTML(childrenOf node: MarkdownNode, options: Int32 = MarkdownDocument.renderOptions) -> [UInt8] {
        node.children.flatMap { render($0, options: options) }
    }

    /// The tree as plain text, by cmark's plain-text renderer (no line wrapping): what a reader reads,
    /// without markup.
    public func renderPlainText(options: Int32 = MarkdownDocument.renderOptions) -> [UInt8] {
        renderPlainText(of: root, options: options)
    }

    /// One node of this document (and what it holds) as plain text.
    public func renderPlainText(of node: MarkdownNode, options: Int32 = MarkdownDocument.renderOptions) -> [UInt8] {
        bytes(cmark_render_plaintext(node.pointer, options, 0))
    }

    private func render(_ node: MarkdownNode, options: Int32) -> [UInt8] {
        bytes(cmark_render_html(node.pointer, options, cmark_parser_get_syntax_extensions(parser)))
    }

    /// A C string cmark allocated, copied and freed.
    private func bytes(_ cString: UnsafeMutablePointer<CChar>?) -> [UInt8] {
        guard let cString else { return [] }
        defer { free(cString) }
        let length = strlen(cString)
        return cString.withMemoryRebound(to: UInt8.self, capacity: length) {
            Array(UnsafeBufferPointer(start: $0, count: length))
        }
    }
}
