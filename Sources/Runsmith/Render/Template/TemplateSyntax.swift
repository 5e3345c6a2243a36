/// A Mustache template parsed once per build into nodes: text as bytes, tags as what they ask for.
/// What it reads: `{{name}}` (escaped), `{{{name}}}` and `{{&name}}` (as they are), dotted names and `.`,
/// sections `{{#name}}…{{/name}}` and `{{^name}}…{{/name}}`, partials `{{> name}}`, comments `{{! … }}`,
/// delimiter changes `{{=<% %>=}}`, and the spec's standalone lines (a line holding only a section,
/// comment, partial or delimiter tag leaves no trace, and a standalone partial is indented as its tag).
/// Template inheritance and transforms (`{{ f(name) }}`) are not read: such a template does not parse.
indirect enum TemplateNode: Sendable {
    case text([UInt8])
    case value([String], escaped: Bool)
    case section([String], inverted: Bool, [TemplateNode])
    case partial(String, indent: [UInt8])
}

struct TemplateSyntaxError: Error {
    var message: String
    /// 1-based line and byte column in the template's text.
    var line: Int
    var column: Int
}

enum TemplateSyntax {
    static func parse(_ text: String) throws(TemplateSyntaxError) -> [TemplateNode] {
        let b = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        struct Frame { var path: [String]; var name: String; var inverted: Bool; var nodes: [TemplateNode]; var opened = 0 }
        var stack = [Frame(path: [], name: "", inverted: false, nodes: [])]
        func fail(_ message: String, at offset: Int) -> TemplateSyntaxError {
            let before = b[..<min(offset, b.count)]
            let line = before.filter { $0 == 0x0A }.count + 1
            let column = offset - (before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0) + 1
            return TemplateSyntaxError(message: message, line: line, column: column)
        }
        func addText(_ bytes: ArraySlice<UInt8>) {
            guard !bytes.isEmpty else { return }
            if case .text(let earlier)? = stack[stack.count - 1].nodes.last {
                stack[stack.count - 1].nodes[stack[stack.count - 1].nodes.count - 1] = .text(earlier + bytes)
            } else {
                stack[stack.count - 1].nodes.append(.text(Array(bytes)))
            }
        }
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 }
        var pos = 0
        while pos < b.count {
            guard let start = find(open, in: b, from: pos) else { addText(b[pos...]); break }
            var i = start + open.count
            var kind: UInt8 = 0
            if i < b.count, Array("#^/!>&=%".utf8).contains(b[i]) {
                kind = b[i]; i += 1
            } else if i < b.count, b[i] == 0x7B, open == Array("{{".utf8) {
                kind = 0x7B; i += 1
            }
            let closer = kind == 0x3D ? [0x3D] + close : kind == 0x7B ? [0x7D] + close : close
            guard let end = find(closer, in: b, from: i) else { throw fail("unfinished tag", at: start) }
            let content = String(String(decoding: b[i..<end], as: UTF8.self)[...].trimmingWhitespace())
            let after = end + closer.count
            var lineStart = start
            while lineStart > 0, b[lineStart - 1] != 0x0A { lineStart -= 1 }
            var lineEnd = after
            while lineEnd < b.count, blank(b[lineEnd]) { lineEnd += 1 }
            let endsLine = lineEnd == b.count || b[lineEnd] == 0x0A || (b[lineEnd] == 0x0D && lineEnd + 1 < b.count && b[lineEnd + 1] == 0x0A)
            let standalone = Array("#^/!>=%".utf8).contains(kind) && lineStart >= pos && b[lineStart..<start].allSatisfy(blank) && endsLine
            var indent: [UInt8] = []
            if standalone {
                addText(b[pos..<lineStart])
                indent = Array(b[lineStart..<start])
                pos = lineEnd == b.count ? lineEnd : lineEnd + (b[lineEnd] == 0x0D ? 2 : 1)
            } else {
                addText(b[pos..<start])
                pos = after
            }
            switch kind {
            case 0x21, 0x25: break  // a comment; a pragma
            case 0x3D:
                let parts = content.split(whereSeparator: { $0 == " " || $0 == "\t" })
                guard parts.count == 2 else { throw fail("invalid delimiters", at: start) }
                (open, close) = (Array(parts[0].utf8), Array(parts[1].utf8))
            case 0x23, 0x5E:
                stack.append(Frame(path: try path(content, at: start), name: content, inverted: kind == 0x5E, nodes: [], opened: start))
            case 0x2F:
                guard stack.count > 1 else { throw fail("unexpected section end", at: start) }
                guard stack[stack.count - 1].name == content else { throw fail("expected section end", at: start) }
                let done = stack.removeLast()
                stack[stack.count - 1].nodes.append(.section(done.path, inverted: done.inverted, done.nodes))
            case 0x3E: stack[stack.count - 1].nodes.append(.partial(content, indent: indent))
            case 0x26, 0x7B: stack[stack.count - 1].nodes.append(.value(try path(content, at: start), escaped: false))
            default: stack[stack.count - 1].nodes.append(.value(try path(content, at: start), escaped: true))
            }
        }
        // Reported at the section never closed.
        guard stack.count == 1 else { throw fail("expected section end", at: stack[stack.count - 1].opened) }
        return stack[0].nodes

        func path(_ name: String, at offset: Int) throws(TemplateSyntaxError) -> [String] {
            if name == "." { return ["."] }
            let parts = name.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            guard !name.isEmpty, parts.allSatisfy({ !$0.isEmpty && !$0.contains { "(){}<>$ \t".contains($0) } }) else {
                throw fail("'\(name)' is not a name (template inheritance and transforms are not read)", at: offset)
            }
            return parts
        }
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        var i = start
        while i <= bytes.count - needle.count {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }
}
