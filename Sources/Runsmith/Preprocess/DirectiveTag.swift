/// One `{% name args %}` tag as written.
public struct DirectiveTag: Sendable, Equatable {
    public var name: String
    /// `key="value"` arguments (quotes removed, `\"` unescaped).
    public var arguments: [String: String]
    /// Bare quoted values: `{% include "a.md" %}` → ["a.md"].
    public var positional: [String]
    /// Everything after the name, trimmed: the condition of `{% if … %}`.
    public var rest: String

    /// Parses the text between `{%` and `%}`; nil when it has no name.
    public static func parse(_ inner: Substring) -> DirectiveTag? {
        // Nearly every tag is ASCII, where a character is a byte (CR LF aside, blank either way): read as
        // bytes, without the grapheme breaking and Unicode properties of `Character` (3% of compiling a page).
        let ascii = inner.utf8.withContiguousStorageIfAvailable { bytes -> DirectiveTag?? in
            guard !bytes.contains(where: { $0 >= 0x80 }) else { return .none }
            return .some(read(bytes, blank: { $0 == 0x20 || (0x09...0x0D).contains($0) }, unit: { UInt8($0.value) },
                              string: { String(decoding: $0, as: UTF8.self) }))
        }
        if case .some(.some(let tag)) = ascii { return tag }
        return parseCharacters(inner)
    }

    /// The tag read character by character: what any text, ASCII or not, means.
    static func parseCharacters(_ inner: Substring) -> DirectiveTag? {
        read(inner, blank: \.isWhitespace, unit: { Character($0) }, string: { String($0) })
    }

    /// The tag's grammar, over its characters or, for ASCII text, its bytes: `blank` says what separates,
    /// `unit` spells a punctuation mark in those units, `string` makes text of them.
    private static func read<Units: BidirectionalCollection>(
        _ units: Units, blank: (Units.Element) -> Bool, unit: (Unicode.Scalar) -> Units.Element,
        string: ([Units.Element]) -> String
    ) -> DirectiveTag? where Units.Element: Equatable {
        let (doubleQuote, singleQuote, backslash, equals) = (unit("\""), unit("'"), unit("\\"), unit("="))
        var start = units.startIndex, end = units.endIndex
        while start < end, blank(units[start]) { start = units.index(after: start) }
        var nameEnd = start
        while nameEnd < end, !blank(units[nameEnd]) { nameEnd = units.index(after: nameEnd) }
        guard nameEnd > start else { return nil }
        var i = nameEnd
        while i < end, blank(units[i]) { i = units.index(after: i) }
        while end > i, blank(units[units.index(before: end)]) { end = units.index(before: end) }
        var tag = DirectiveTag(name: string(Array(units[start..<nameEnd])), arguments: [:], positional: [],
                               rest: string(Array(units[i..<end])))
        func quoted() -> String? {
            let quote = units[i]
            guard quote == doubleQuote || quote == singleQuote else { return nil }
            var value: [Units.Element] = []
            i = units.index(after: i)
            while i < end, units[i] != quote {
                let next = units.index(after: i)
                if units[i] == backslash, next < end, units[next] == quote { i = next }
                value.append(units[i])
                i = units.index(after: i)
            }
            if i < end { i = units.index(after: i) }
            return string(value)
        }
        while true {
            while i < end, blank(units[i]) { i = units.index(after: i) }
            guard i < end else { break }
            if let value = quoted() { tag.positional.append(value); continue }
            let keyStart = i
            while i < end, !blank(units[i]), units[i] != equals { i = units.index(after: i) }
            let key = string(Array(units[keyStart..<i]))
            guard i < end, units[i] == equals else {
                if !key.isEmpty { tag.arguments[key] = "true" }
                continue
            }
            i = units.index(after: i)
            if i < end, let value = quoted() {
                tag.arguments[key] = value
            } else {
                let valueStart = i
                while i < end, !blank(units[i]) { i = units.index(after: i) }
                tag.arguments[key] = string(Array(units[valueStart..<i]))
            }
        }
        return tag
    }
}

/// A directive line split into tags and the text between them, with 1-based byte columns.
enum DirectiveLineSegment: Equatable {
    case tag(inner: Substring, column: Int, source: Substring)
    case text(Substring, column: Int)
    /// `{%` with no `%}` on the line.
    case unclosed(column: Int)
}

enum DirectiveLine {
    /// Splits `line` (starting at byte offset `from`, the first `{%`) into segments.
    static func segments(_ line: Substring) -> [DirectiveLineSegment] {
        var result: [DirectiveLineSegment] = []
        let utf8 = line.utf8
        var i = utf8.startIndex
        func column(_ index: String.Index) -> Int { utf8.distance(from: utf8.startIndex, to: index) + 1 }
        while i < utf8.endIndex {
            // Skip spaces between segments.
            while i < utf8.endIndex, utf8[i] == 0x20 || utf8[i] == 0x09 { i = utf8.index(after: i) }
            guard i < utf8.endIndex else { break }
            let next = utf8.index(after: i)
            if utf8[i] == UInt8(ascii: "{"), next < utf8.endIndex, utf8[next] == UInt8(ascii: "%") {
                guard let close = closingIndex(line, after: utf8.index(after: next)) else {
                    result.append(.unclosed(column: column(i)))
                    return result
                }
                let inner = line[utf8.index(after: next)..<close]
                let end = utf8.index(close, offsetBy: 2)
                result.append(.tag(inner: inner, column: column(i), source: line[i..<end]))
                i = end
            } else {
                // Text runs to the next `{%` (or the end of the line).
                var j = i
                while j < utf8.endIndex {
                    let k = utf8.index(after: j)
                    if utf8[j] == UInt8(ascii: "{"), k < utf8.endIndex, utf8[k] == UInt8(ascii: "%") { break }
                    j = k
                }
                var textEnd = j
                while textEnd > i, utf8[utf8.index(before: textEnd)] == 0x20 { textEnd = utf8.index(before: textEnd) }
                result.append(.text(line[i..<textEnd], column: column(i)))
                i = j
            }
        }
        return result
    }

    /// Index of the `%}` closing a tag, skipping quoted strings.
    static func closingIndex(_ line: Substring, after start: String.Index) -> String.Index? {
        let utf8 = line.utf8
        var i = start
        var quote: UInt8? = nil
        while i < utf8.endIndex {
            let c = utf8[i]
            if let q = quote {
                if c == UInt8(ascii: "\\") { i = utf8.index(after: i); if i < utf8.endIndex { i = utf8.index(after: i) }; continue }
                if c == q { quote = nil }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                quote = c
            } else if c == UInt8(ascii: "%") {
                let k = utf8.index(after: i)
                if k < utf8.endIndex, utf8[k] == UInt8(ascii: "}") { return i }
            }
            i = utf8.index(after: i)
        }
        return nil
    }
}

extension Substring {
    func trimmingWhitespace() -> Substring {
        var s = self
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return s
    }
}
