import CCmarkGFM
#if canImport(Glibc)
import Glibc
#endif

/// A thin, typed view of one cmark node. Valid only while its `MarkdownDocument` lives.
/// Not `Sendable`: a node is its document's, on the one thread that parses, transforms and renders it.
public struct MarkdownNode: Hashable {
    /// Internal only because `MarkdownDocument` frees and renders the tree through it; read nowhere outside `Parse/`.
    let pointer: OpaquePointer

    init(_ pointer: OpaquePointer) { self.pointer = pointer }

    public enum Kind: Equatable, Sendable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph, heading
        case thematicBreak, footnoteDefinition, text, softBreak, lineBreak, code, htmlInline
        case customInline, emphasis, strong, link, image, footnoteReference
        case table, tableRow, tableCell, strikethrough, other
    }

    public var kind: Kind {
        let type = cmark_node_get_type(pointer)
        switch type {
        case CMARK_NODE_DOCUMENT: return .document
        case CMARK_NODE_BLOCK_QUOTE: return .blockQuote
        case CMARK_NODE_LIST: return .list
        case CMARK_NODE_ITEM: return .item
        case CMARK_NODE_CODE_BLOCK: return .codeBlock
        case CMARK_NODE_HTML_BLOCK: return .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: return .customBlock
        case CMARK_NODE_PARAGRAPH: return .paragraph
        case CMARK_NODE_HEADING: return .heading
        case CMARK_NODE_THEMATIC_BREAK: return .thematicBreak
        case CMARK_NODE_FOOTNOTE_DEFINITION: return .footnoteDefinition
        case CMARK_NODE_TEXT: return .text
        case CMARK_NODE_SOFTBREAK: return .softBreak
        case CMARK_NODE_LINEBREAK: return .lineBreak
        case CMARK_NODE_CODE: return .code
        case CMARK_NODE_HTML_INLINE: return .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: return .customInline
        case CMARK_NODE_EMPH: return .emphasis
        case CMARK_NODE_STRONG: return .strong
        case CMARK_NODE_LINK: return .link
        case CMARK_NODE_IMAGE: return .image
        case CMARK_NODE_FOOTNOTE_REFERENCE: return .footnoteReference
        case rs_node_table(): return .table
        case rs_node_table_row(): return .tableRow
        case rs_node_table_cell(): return .tableCell
        case rs_node_strikethrough(): return .strikethrough
        default: return .other
        }
    }

    public var parent: MarkdownNode? { cmark_node_parent(pointer).map(MarkdownNode.init) }
    public var firstChild: MarkdownNode? { cmark_node_first_child(pointer).map(MarkdownNode.init) }
    public var lastChild: MarkdownNode? { cmark_node_last_child(pointer).map(MarkdownNode.init) }
    public var next: MarkdownNode? { cmark_node_next(pointer).map(MarkdownNode.init) }
    public var previous: MarkdownNode? { cmark_node_previous(pointer).map(MarkdownNode.init) }

    public var children: [MarkdownNode] {
        var result: [MarkdownNode] = []
        var child = firstChild
        while let node = child { result.append(node); child = node.next }
        return result
    }

    /// 1-based line and byte column in the preprocessed source (cmark's SOURCEPOS).
    public var startLine: Int { Int(cmark_node_get_start_line(pointer)) }
    public var startColumn: Int { Int(cmark_node_get_start_column(pointer)) }
    public var endLine: Int { Int(cmark_node_get_end_line(pointer)) }

    public var literal: String? {
        get { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_literal(pointer, newValue) }
    }
    /// The literal's bytes as cmark holds them, for a scan that needs no Swift string; nil without one.
    public func withLiteralBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) -> R) -> R? {
        guard let literal = cmark_node_get_literal(pointer) else { return nil }
        return body(UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
    }
    /// The directive index of a marker (`<!--rs:12-->`) this HTML is, read from cmark's bytes.
    public var markerIndex: Int? {
        withLiteralBytes { PreprocessedPage.markerIndex(bytes: $0) } ?? nil
    }
    /// Whether the literal holds `needle`, looked for in cmark's own bytes: no Swift string is made, so the
    /// transforms can skip the many text nodes that cannot concern them.
    public func literalContains(_ needle: StaticString) -> Bool {
        guard let literal = cmark_node_get_literal(pointer) else { return false }
        // A string literal's bytes end with a NUL, so they are a C string as they are.
        return strstr(literal, UnsafeRawPointer(needle.utf8Start).assumingMemoryBound(to: CChar.self)) != nil
    }

    public var url: String? {
        get { cmark_node_get_url(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_url(pointer, newValue) }
    }
    public var title: String? {
        get { cmark_node_get_title(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_title(pointer, newValue ?? "") }
    }
    public var fenceInfo: String? {
        get { cmark_node_get_fence_info(pointer).map { String(cString: $0) } }
        nonmutating set { _ = cmark_node_set_fence_info(pointer, newValue ?? "") }
    }
    /// True for ``` and ~~~ code blocks, false for indented ones.
    public var isFenced: Bool {
        var length: Int32 = 0, offset: Int32 = 0
        var char: CChar = 0
        return cmark_node_get_fenced(pointer, &length, &offset, &char) != 0
    }
    public var headingLevel: Int { Int(cmark_node_get_heading_level(pointer)) }
    /// The opening HTML of a custom block or inline (what a directive was rendered to).
    public var onEnter: String { cmark_node_get_on_enter(pointer).map { String(cString: $0) } ?? "" }
    public var isOrderedList: Bool { kind == .list && cmark_node_get_list_type(pointer) == CMARK_ORDERED_LIST }
    public var isTaskItem: Bool {
        cmark_node_get_type_string(pointer).map { String(cString: $0) } == "tasklist"
    }
    /// Whether a task-list item's box is ticked.
    public var isTaskChecked: Bool { cmark_gfm_extensions_get_tasklist_item_checked(pointer) }
    /// A task-list item becomes an ordinary item: the extension no longer draws its box.
    public func dropTaskBox() { cmark_node_set_syntax_extension(pointer, nil) }

    // MARK: Tree edits

    /// A new node of a custom kind whose HTML is `onEnter`, then its children, then `onExit`.
    public static func custom(block: Bool, onEnter: String, onExit: String) -> MarkdownNode {
        let node = MarkdownNode(cmark_node_new(block ? CMARK_NODE_CUSTOM_BLOCK : CMARK_NODE_CUSTOM_INLINE))
        cmark_node_set_on_enter(node.pointer, onEnter)
        cmark_node_set_on_exit(node.pointer, onExit)
        return node
    }

    public static func paragraph() -> MarkdownNode { MarkdownNode(cmark_node_new(CMARK_NODE_PARAGRAPH)) }

    /// Text, code, emphasis, links…: what may stand in a paragraph.
    public var isInline: Bool {
        switch kind {
        case .text, .softBreak, .lineBreak, .code, .htmlInline, .customInline, .emphasis, .strong, .link, .image,
             .footnoteReference, .strikethrough: true
        default: false
        }
    }

    public static func htmlBlock(_ html: String) -> MarkdownNode {
        let node = MarkdownNode(cmark_node_new(CMARK_NODE_HTML_BLOCK))
        node.literal = html
        return node
    }

    public static func htmlInline(_ html: String) -> MarkdownNode {
        let node = MarkdownNode(cmark_node_new(CMARK_NODE_HTML_INLINE))
        node.literal = html
        return node
    }

    public func setCustom(onEnter: String, onExit: String) {
        cmark_node_set_on_enter(pointer, onEnter)
        cmark_node_set_on_exit(pointer, onExit)
    }

    @discardableResult public func insertBefore(_ sibling: MarkdownNode) -> Bool {
        cmark_node_insert_before(pointer, sibling.pointer) == 1
    }
    @discardableResult public func insertAfter(_ sibling: MarkdownNode) -> Bool {
        cmark_node_insert_after(pointer, sibling.pointer) == 1
    }
    @discardableResult public func append(_ child: MarkdownNode) -> Bool {
        cmark_node_append_child(pointer, child.pointer) == 1
    }
    @discardableResult public func prepend(_ child: MarkdownNode) -> Bool {
        cmark_node_prepend_child(pointer, child.pointer) == 1
    }
    public func unlink() { cmark_node_unlink(pointer) }
    /// Unlinks and frees this node and its subtree.
    public func remove() { cmark_node_unlink(pointer); cmark_node_free(pointer) }

    /// Moves every child of this node, in order, to the end of `target`.
    ///
    /// cmark-gfm's inlines may point into their block's own text rather than own a copy (the autolink
    /// extension's bare `https://…` URLs do): once the block is freed, they would be read from freed
    /// memory (found by the fuzzer, in a heading). So every moved inline takes its own copy first.
    public func moveChildren(to target: MarkdownNode) {
        for node in descendants().dropFirst() { node.ownText() }
        while let child = firstChild {
            child.unlink()
            target.append(child)
        }
    }

    /// Puts this node's children where it stands, then removes it: a link becomes its text.
    public func unwrap() {
        for node in descendants().dropFirst() { node.ownText() }
        while let child = firstChild {
            child.unlink()
            insertBefore(child)
        }
        remove()
    }

    /// Makes the node's literal, URL and title its own: reading them through cmark's getters copies a
    /// borrowed chunk into an allocation of the node's.
    private func ownText() {
        switch kind {
        case .link, .image:
            _ = cmark_node_get_url(pointer)
            _ = cmark_node_get_title(pointer)
        default:
            _ = cmark_node_get_literal(pointer)
        }
    }

    /// The concatenated text of text and code descendants (heading titles, link labels). A formula's
    /// code span (a private-use character, then its TeX) counts as its TeX.
    public var plainText: String {
        var out = ""
        func walk(_ node: MarkdownNode) {
            switch node.kind {
            case .text: out += node.literal ?? ""
            case .code: out += (node.literal ?? "").drop { $0 == "\u{E000}" }
            case .softBreak, .lineBreak: out += " "
            default: node.children.forEach(walk)
            }
        }
        walk(self)
        return out
    }

    /// Every node of the subtree in document order (pre-order), this node first. A loop, not recursion:
    /// 10,000 nested quotes must not exhaust a worker thread's stack.
    public func descendants() -> [MarkdownNode] {
        var result = [self]
        var node = firstChild
        while let current = node {
            result.append(current)
            if let child = current.firstChild { node = child; continue }
            var climb: MarkdownNode? = current
            node = nil
            while let up = climb, up != self {
                if let next = up.next { node = next; break }
                climb = up.parent
            }
        }
        return result
    }
}
