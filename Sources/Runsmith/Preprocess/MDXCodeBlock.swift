/// Docusaurus' `<CodeBlock language="json" title="x.json">{`…`}</CodeBlock>`: its one child is a string
/// (a template literal or a quoted string), written out here as the fenced code block it shows, so the
/// code gets the same language, title and rendering as a ```` ```json title="x.json" ```` fence.
struct MDXCodeBlock {
    var language: String?
    var title: String?
    var showLineNumbers: Bool
    /// The code, one entry per line, each with the source line it came from.
    var lines: [(text: ArraySlice<UInt8>, line: Int)]
    /// The child is an expression only a Docusaurus build can evaluate (`{tsExample}`): its source text.
    var unevaluated: String?
    /// Offset just past `</CodeBlock>` in the scanned bytes.
    var end: Int

    static let closing = Array("</CodeBlock>".utf8)

    /// Reads the element whose opening tag is `tag`, in `bytes` (a file), the tag starting on line `line`
    /// at offset `start`. Nil when the element is never closed.
    init?(_ tag: JSXTag, in bytes: ArraySlice<UInt8>, tagStart start: Int, line: Int) {
        language = tag.attributes["language"] ?? tag.attributes["className"].flatMap { c in
            c.split(separator: " ").first { $0.hasPrefix("language-") }.map { String($0.dropFirst("language-".count)) }
        }
        title = tag.attributes["title"]
        showLineNumbers = tag.attributes["showLineNumbers"] != nil
        lines = []
        unevaluated = nil
        if tag.selfClosing { end = tag.end; return }
        guard let close = LineScan.find(Self.closing, in: bytes, from: tag.end) else { return nil }
        end = close + Self.closing.count
        func lineOf(_ offset: Int) -> Int { line + bytes[start..<offset].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
        var i = tag.end
        while i < close, bytes[i] == 0x20 || bytes[i] == 0x09 || bytes[i] == 0x0A || bytes[i] == 0x0D { i += 1 }
        guard i < close else { return }
        var body: ArraySlice<UInt8>
        var bodyStart = i
        if bytes[i] == UInt8(ascii: "{") {
            guard let e = JSXTag.expressionEnd(bytes, from: i), e <= close else { return nil }
            var a = i + 1, b = e - 1
            while a < b, Self.isSpace(bytes[a]) { a += 1 }
            while b > a, Self.isSpace(bytes[b - 1]) { b -= 1 }
            guard b - a >= 2, let quote = [UInt8(ascii: "`"), UInt8(ascii: "\""), UInt8(ascii: "'")].first(where: { $0 == bytes[a] }),
                  bytes[b - 1] == quote else {
                unevaluated = String(decoding: bytes[a..<b], as: UTF8.self)
                return
            }
            body = ArraySlice(Self.unescape(bytes[(a + 1)..<(b - 1)]))
            bodyStart = a + 1
        } else {
            body = bytes[i..<close]
        }
        // A template literal's first line break directly after the backtick is not part of the code.
        var lineNumber = lineOf(bodyStart)
        if body.starts(with: [0x0D, 0x0A]) { body = body.dropFirst() }
        if body.first == 0x0A { body = body.dropFirst(); lineNumber += 1 }
        while let last = body.last, Self.isSpace(last) || last == 0x0A { body = body.dropLast() }
        for text in body.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lines.append((text.last == 0x0D ? text.dropLast() : text, lineNumber))
            lineNumber += 1
        }
    }

    /// The opening fence: longer than any run of backticks in the code, with the language and title.
    var fence: (open: [UInt8], close: [UInt8]) {
        var longest = 0
        for (text, _) in lines {
            var run = 0
            for b in text { run = b == UInt8(ascii: "`") ? run + 1 : 0; longest = max(longest, run) }
        }
        let ticks = Array(repeating: UInt8(ascii: "`"), count: max(3, longest + 1))
        var info = language ?? ""
        if let title { info += " title=\"\(title.replacingOccurrences(of: "\"", with: "'"))\"" }
        if showLineNumbers { info += " showLineNumbers" }
        return (ticks + Array(info.utf8), ticks)
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x0D || b == 0x0A }

    /// JavaScript string escapes: `\n`, `\t`, `` \` ``, `\${`, `\\`, `\"`, `\'`; any other backslash stays.
    static func unescape(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = bytes.startIndex
        while i < bytes.endIndex {
            if bytes[i] == UInt8(ascii: "\\"), i + 1 < bytes.endIndex {
                let next = bytes[i + 1]
                switch next {
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "`"), UInt8(ascii: "$"), UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "'"): out.append(next)
                default: out.append(contentsOf: [bytes[i], next])
                }
                i += 2
                continue
            }
            out.append(bytes[i])
            i += 1
        }
        return out
    }

}

extension PreprocessRun {
    /// Writes a `<CodeBlock>` element as a fenced code block, each code line mapped to its source line.
    mutating func codeBlockElement(_ block: MDXCodeBlock, context: LineContext, scan: FileScan) {
        let location = context.location(context.lead.count + 1)
        if let expression = block.unevaluated {
            // An imported raw-loader file was reported at its import already.
            if !scan.unreadableImports.contains(expression) {
                diagnostics.append(.warning(.unknownComponent,
                                            "<CodeBlock> shows '{\(expression)}', which only a Docusaurus build can evaluate; it is left out",
                                            at: location, includeChain: page.chains[context.chain]))
            }
            return
        }
        let (open, close) = block.fence
        let placed = context.indent
        emit(placed, open, origin: context.origin)
        for (text, line) in block.lines {
            var origin = context.origin
            origin.line = Int32(line)
            emit(placed, text, origin: origin)
        }
        emit(placed, close, origin: context.origin)
    }
}
