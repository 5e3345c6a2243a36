/// Lowercase (HTML) elements in MDX are JSX: attribute values may be expressions, and markdown between
/// the tags is parsed. CommonMark reads them as raw HTML instead, so a line is made to say the same:
/// - `href={"x"}`, ``href={`x`}`` → `href="x"`; `style={{marginTop: 8, border: "1px solid"}}` →
///   `style="margin-top: 8px; border: 1px solid"`; any other expression is quoted (`"{v}"`) for the
///   sanitizer, which leaves it out with a warning — never broken HTML shown as text;
/// - a line of tags alone (`<div className="card">`, `</div>`) becomes an HTML block of its own, so the
///   markdown after it is parsed, as MDX does, rather than swallowed into the HTML block.
enum MDXHTMLLine {
    /// The line rewritten, and whether it is to stand alone between blank lines; nil when nothing changes.
    static func rewrite(_ line: ArraySlice<UInt8>) -> (line: [UInt8], standsAlone: Bool)? {
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        var changed = false, i = line.startIndex
        var onlyTags = true, sawTag = false
        // Once a tag ran off the end of the line, no later `<` can close one: linear on hostile lines.
        var tagsPossible = true
        while i < line.endIndex {
            let c = line[i]
            if c == UInt8(ascii: "`") {
                // A code span is shown as written.
                let end = LineScan.codeSpanEnd(line, at: i)
                out.append(contentsOf: line[i..<end])
                i = end
                onlyTags = false
                continue
            }
            if c == UInt8(ascii: "<"), tagsPossible {
                switch htmlTag(line, at: i) {
                case .tag(let tag, let end, let rewritten):
                    out.append(contentsOf: tag)
                    changed = changed || rewritten
                    sawTag = true
                    i = end
                    continue
                case .unterminated: tagsPossible = false
                case .notATag: break
                }
            }
            if c != 0x20 && c != 0x09 { onlyTags = false }
            out.append(c)
            i += 1
        }
        let standsAlone = sawTag && onlyTags && line.first(where: { $0 != 0x20 && $0 != 0x09 }) == UInt8(ascii: "<")
        guard changed || standsAlone else { return nil }
        return (out, standsAlone)
    }

    enum TagScan {
        /// The tag as it is to be written, the offset past it, and whether an attribute was rewritten.
        case tag([UInt8], Int, Bool)
        case notATag
        /// It reads as a tag up to the end of the line.
        case unterminated
    }

    /// The tag starting at `start`: `<name …>`, `</name>` or `<name … />`, with a lowercase name.
    private static func htmlTag(_ line: ArraySlice<UInt8>, at start: Int) -> TagScan {
        var i = start + 1
        if i < line.endIndex, line[i] == UInt8(ascii: "/") { i += 1 }
        guard i < line.endIndex, line[i] >= UInt8(ascii: "a"), line[i] <= UInt8(ascii: "z") else { return .notATag }
        while i < line.endIndex, JSXTag.isNameByte(line[i]) { i += 1 }
        var out = Array(line[start..<i])
        var rewritten = false
        while i < line.endIndex {
            let c = line[i]
            if c == 0x20 || c == 0x09 { out.append(c); i += 1; continue }
            if c == UInt8(ascii: ">") { out.append(c); return .tag(out, i + 1, rewritten) }
            if c == UInt8(ascii: "/"), i + 1 < line.endIndex, line[i + 1] == UInt8(ascii: ">") {
                out.append(contentsOf: [c, line[i + 1]])
                return .tag(out, i + 2, rewritten)
            }
            guard JSXTag.isNameByte(c) else { return .notATag }
            let keyStart = i
            while i < line.endIndex, JSXTag.isNameByte(line[i]) || line[i] == UInt8(ascii: ":") { i += 1 }
            let key = line[keyStart..<i]
            out.append(contentsOf: key)
            guard i < line.endIndex, line[i] == UInt8(ascii: "=") else { continue }
            i += 1
            guard i < line.endIndex else { return .unterminated }
            switch line[i] {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                guard let close = line[(i + 1)...].firstIndex(of: line[i]) else { return .unterminated }
                out.append(UInt8(ascii: "="))
                out.append(contentsOf: line[i...close])
                i = close + 1
            case UInt8(ascii: "{"):
                guard let end = JSXTag.expressionEnd(line, from: i) else { return .unterminated }
                let expression = String(decoding: line[(i + 1)..<(end - 1)], as: UTF8.self)
                let value = key.elementsEqual("style".utf8) ? cssText(expression) ?? "{\(expression)}" : literal(expression) ?? "{\(expression)}"
                out.append(contentsOf: Array("=\"".utf8) + Array(HTMLText.escape(value).utf8) + [UInt8(ascii: "\"")])
                rewritten = true
                i = end
            default:
                while i < line.endIndex, line[i] != 0x20, line[i] != UInt8(ascii: ">") { out.append(line[i]); i += 1 }
            }
        }
        return .unterminated
    }

    /// `"x"`, `'x'` or `` `x` `` without `${…}`: the string; nil for any other expression.
    static func literal(_ expression: String) -> String? {
        let t = expression.trimmingCharacters(in: .whitespaces)
        guard t.count >= 2, let q = t.first, q == "\"" || q == "'" || q == "`", t.last == q else { return nil }
        let inner = t.dropFirst().dropLast()
        guard !inner.contains(q), q != "`" || !inner.contains("${") else { return nil }
        return String(decoding: MDXCodeBlock.unescape(ArraySlice(inner.utf8)), as: UTF8.self)
    }

    /// A React style object of literal values as CSS: camelCase names in kebab-case, bare numbers in
    /// pixels (except the unitless properties); nil when a value is not a literal.
    static func cssText(_ expression: String) -> String? {
        let t = expression.trimmingCharacters(in: .whitespaces)
        guard t.hasPrefix("{"), t.hasSuffix("}") else { return nil }
        var declarations: [String] = []
        for pair in topLevelParts(t.dropFirst().dropLast()) {
            let parts = pair.split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty else {
                if pair.allSatisfy(\.isWhitespace) { continue }
                return nil
            }
            var name = parts[0]
            if let q = name.first, q == "\"" || q == "'" { name = String(name.dropFirst().dropLast()) }
            guard name.allSatisfy({ $0.isLetter || $0 == "-" }) else { return nil }
            let css = name.reduce(into: "") { s, ch in s += ch.isUppercase ? "-" + ch.lowercased() : String(ch) }
            let value: String
            if let text = literal(parts[1]) { value = text }
            else if Double(parts[1]) != nil { value = unitless.contains(css) || parts[1] == "0" ? parts[1] : parts[1] + "px" }
            else { return nil }
            declarations.append("\(css): \(value)")
        }
        return declarations.joined(separator: "; ")
    }

    /// `a: "x, y", b: rgba(0,0,0,.1)` → its two declarations: commas inside quotes or parentheses do not split.
    static func topLevelParts(_ text: Substring) -> [Substring] {
        var parts: [Substring] = [], start = text.startIndex, depth = 0
        var quote: Character? = nil
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if let q = quote { if c == q { quote = nil } }
            else if c == "\"" || c == "'" || c == "`" { quote = c }
            else if c == "(" { depth += 1 } else if c == ")" { depth = max(0, depth - 1) }
            else if c == ",", depth == 0 { parts.append(text[start..<i]); start = text.index(after: i) }
            i = text.index(after: i)
        }
        parts.append(text[start...])
        return parts
    }

    static let unitless: Set = ["opacity", "z-index", "font-weight", "line-height", "flex", "flex-grow", "flex-shrink", "order", "zoom"]
}

extension PreprocessRun {
    /// A plain MDX line with HTML: rewritten, or set apart as a block. False when it is to be emitted as it is.
    mutating func mdxHTMLLine(_ line: ArraySlice<UInt8>, context: LineContext) -> Bool {
        guard line.contains(UInt8(ascii: "<")), let (text, standsAlone) = MDXHTMLLine.rewrite(line.dropFirst(context.lead.count)) else { return false }
        if standsAlone { emit([], [], origin: context.origin) }
        emit(context.placed, text, origin: context.origin)
        if standsAlone { emit([], [], origin: context.origin) }
        return true
    }
}
