import CLibXML2

/// One piece of raw HTML from a page (an HTML block or inline tag as cmark cut it), read by libxml2's
/// HTML parser into a flat list of events: start tags with their decoded attributes, end tags, text.
///
/// A page's HTML is cut into pieces that need not balance: GitBook's `<details>` opens in one block and
/// closes in another. A tree parser would close what is open at the end of each piece and drop end tags
/// it has no element for. So the piece is parsed between two elements of our own, and of what libxml2
/// reports only what the piece itself says is kept:
/// - nothing after our closing sentinel, and no end tag implied by the end of the input;
/// - an end tag libxml2 found nothing open for (its "Unexpected end tag" error) comes out as `.strayEnd`,
///   for the sanitizer to match against what earlier pieces opened.
/// End tags libxml2 implies inside the piece (`<p>a<div>` closes the `p`) come out as `.end`, as a
/// browser would close them.
///
/// Before libxml2 reads it, the piece is cut where a browser would read it otherwise than CommonMark
/// (`HTMLFragment+Parts.swift`): processing instructions, declarations and CDATA sections, and a tag
/// the piece ends inside, come out whole as events of their own.
public enum HTMLFragment {
    public enum Event: Equatable, Sendable {
        /// `value` is nil for an attribute written without `=` (`<details open>`). Entities are decoded.
        case start(name: String, attributes: [Attribute], offset: Int)
        case end(name: String, offset: Int)
        case strayEnd(name: String, offset: Int)
        case text(String)
        /// `<?php … ?>`, `<!DOCTYPE html>` or `<![CDATA[ … ]]>`, whole as CommonMark delimits it (a
        /// browser would end it at the first `>`). `offset` is where it starts.
        case special(Special, source: String, offset: Int)
        /// A tag the piece ends inside (no `>`), and all that follows it. `offset` is where it starts.
        case unterminatedTag(source: String, offset: Int)
    }

    public enum Special: Equatable, Sendable {
        case processingInstruction, declaration, cdata
    }

    public struct Attribute: Equatable, Sendable {
        public var name: String
        public var value: String?
        public init(_ name: String, _ value: String?) { self.name = name; self.value = value }
    }

    static let opening = Array("<runsmith-fragment>".utf8)
    static let sentinel = "runsmith-end-of-fragment"
    static let closing = Array("<\(sentinel)>".utf8)

    /// libxml2's global tables, set up once before any thread parses.
    private static let ready: Void = { xmlInitParser() }()

    /// The events of `html`, in order. A tag's offset is a byte offset into `html` at its end (libxml2
    /// reports a start tag at its `>`, an end tag past it).
    public static func events(_ html: String) -> [Event] {
        let bytes = Array(html.utf8)
        let parts = parts(bytes)
        if parts.count == 1, case .html = parts[0] { return parse(bytes[...], base: 0) }
        var events: [Event] = []
        for part in parts {
            switch part {
            case .html(let range):
                events += parse(bytes[range], base: range.lowerBound)
            case .special(let kind, let range):
                events.append(.special(kind, source: String(decoding: bytes[range], as: UTF8.self), offset: range.lowerBound))
            case .unterminatedTag(let range):
                events.append(.unterminatedTag(source: String(decoding: bytes[range], as: UTF8.self), offset: range.lowerBound))
            }
        }
        return events
    }

    /// libxml2's events for one stretch of a piece that starts at byte `base` of it.
    private static func parse(_ html: ArraySlice<UInt8>, base: Int) -> [Event] {
        _ = ready
        var input = opening
        input.append(contentsOf: html)
        input.append(contentsOf: closing)
        let collector = Collector(inputLength: input.count, prefix: opening.count, base: base)
        let context: htmlParserCtxtPtr? = input.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) {
                htmlCreateMemoryParserCtxt($0, Int32(buffer.count))
            }
        }
        guard let context else { return [.text(String(decoding: html, as: UTF8.self))] }
        defer { htmlFreeParserCtxt(context) }
        // Without this, libxml2 reads the bytes as ISO-8859-1 (HTML's old default): `Straße` → `StraÃe`.
        _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
        _ = htmlCtxtUseOptions(context, Int32(HTML_PARSE_NOIMPLIED.rawValue | HTML_PARSE_NONET.rawValue
                                                  | HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOWARNING.rawValue))
        collector.context = context
        // Only our callbacks: no document is built.
        context.pointee.sax.pointee = htmlSAXHandler()
        install(context.pointee.sax)
        context.pointee.userData = Unmanaged.passUnretained(collector).toOpaque()
        withExtendedLifetime(collector) { _ = htmlParseDocument(context) }
        collector.flush()
        return collector.events
    }

    private static func install(_ sax: UnsafeMutablePointer<htmlSAXHandler>) {
        sax.pointee.initialized = runsmith_sax2_magic()
        sax.pointee.startElement = { user, name, attributes in
            let c = Collector.from(user), name = String(cString: name!)
            guard c.live else { return }
            c.flush()
            if name == HTMLFragment.sentinel { c.live = false; return }
            if name == "runsmith-fragment" { return }
            var list: [Attribute] = []
            var i = 0
            while let attributes, let attribute = attributes[i] {
                list.append(Attribute(String(cString: attribute), attributes[i + 1].map { String(cString: $0) }))
                i += 2
            }
            c.events.append(.start(name: name, attributes: list, offset: c.offset))
        }
        sax.pointee.endElement = { user, name in
            let c = Collector.from(user), name = String(cString: name!)
            guard c.live, name != "runsmith-fragment", c.consumed < c.inputLength else { return }
            c.flush()
            c.events.append(.end(name: name, offset: c.offset))
        }
        let characters: charactersSAXFunc = { user, bytes, length in
            let c = Collector.from(user)
            guard c.live, let bytes else { return }
            // libxml2 hands over long text in chunks: gathered here, one event when the next tag comes.
            c.text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: Int(length)))
        }
        sax.pointee.characters = characters
        sax.pointee.ignorableWhitespace = characters
        sax.pointee.cdataBlock = characters
        sax.pointee.serror = { user, error in
            guard let user, let error else { return }
            let c = Collector.from(user)
            // XML_ERR_TAG_NAME_MISMATCH without a second name: "Unexpected end tag : name".
            guard c.live, error.pointee.code == Int32(XML_ERR_TAG_NAME_MISMATCH.rawValue), error.pointee.str2 == nil,
                  let name = error.pointee.str1 else { return }
            c.flush()
            c.events.append(.strayEnd(name: String(cString: name), offset: c.offset))
        }
    }

    private final class Collector {
        var events: [Event] = []
        var text: [UInt8] = []
        /// False once our closing sentinel was read: what follows is libxml2 closing up.
        var live = true
        var context: htmlParserCtxtPtr?
        let prefix: Int
        /// Where the stretch being read starts in the piece.
        let base: Int
        /// An end tag reported with all of the input read was implied by its end (when an unclosed
        /// comment or `<script>` swallowed the sentinel).
        let inputLength: Int

        init(inputLength: Int, prefix: Int, base: Int) {
            self.prefix = prefix
            self.base = base
            self.inputLength = inputLength
        }

        func flush() {
            guard !text.isEmpty else { return }
            events.append(.text(String(decoding: text, as: UTF8.self)))
            text.removeAll(keepingCapacity: true)
        }

        var consumed: Int { context.map { Int(xmlByteConsumed($0)) } ?? 0 }
        /// Bytes of the piece read so far.
        var offset: Int { base + max(0, consumed - prefix) }

        static func from(_ user: UnsafeMutableRawPointer?) -> Collector {
            Unmanaged<Collector>.fromOpaque(user!).takeUnretainedValue()
        }
    }
}
