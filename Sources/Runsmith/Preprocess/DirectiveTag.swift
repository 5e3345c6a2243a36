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
            bytes.contains { $0 >= 0x80 } ? .none : .some(parseASCII(bytes))
        }
        if case .some(.some(let tag)) = ascii { return tag }
        return parseCharacters(inner)
    }

    /// `parseCharacters` on ASCII text, byte by byte.
    static func parseASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> DirectiveTag? {
        func blank(_ byte: UInt8) -> Bool { byte == 0x20 || (0x09...0x0D).contains(byte) }
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var start = 0, end = bytes.count
        while start < end, blank(bytes[start]) { start += 1 }
        var nameEnd = start
        while nameEnd < end, !blank(bytes[nameEnd]) { nameEnd += 1 }
        guard nameEnd > start else { return nil }
        var i = nameEnd
        while i < end, blank(bytes[i]) { i += 1 }
        while end > i, blank(bytes[end - 1]) { end -= 1 }
        var tag = DirectiveTag(name: text(start..<nameEnd), arguments: [:], positional: [], rest: text(i..<end))
        func quoted() -> String? {
            let quote = bytes[i]
            guard quote == 0x22 || quote == 0x27 else { return nil }
            var value: [UInt8] = []
            i += 1
            while i < end, bytes[i] != quote {
                if bytes[i] == 0x5C, i + 1 < end, bytes[i + 1] == quote { i += 1 }
                value.append(bytes[i])
                i += 1
            }
            if i < end { i += 1 }
            return String(decoding: value, as: UTF8.self)
        }
        while true {
            while i < end, blank(bytes[i]) { i += 1 }
            guard i < end else { break }
            if let value = quoted() { tag.positional.append(value); continue }
            let keyStart = i
            while i < end, !blank(bytes[i]), bytes[i] != 0x3D { i += 1 }
            let key = text(keyStart..<i)
            guard i < end, bytes[i] == 0x3D else {
                if !key.isEmpty { tag.arguments[key] = "true" }
                continue
            }
            i += 1
            if i < end, let value = quoted() {
                tag.arguments[key] = value
            } else {
                let valueStart = i
                while i < end, !blank(bytes[i]) { i += 1 }
                tag.arguments[key] = text(valueStart..<i)
            }
        }
        return tag
    }

    /// The tag read character by character: what any text, ASCII or not, means.
    static func parseCharacters(_ inner: Substring) -> DirectiveTag? {
        let trimmed = inner.drop(while: \.isWhitespace)
        let name = trimmed.prefix { !$0.isWhitespace }
        guard !name.isEmpty else { return nil }
        let rest = trimmed.dropFirst(name.count).trimmingWhitespace()
        var tag = DirectiveTag(name: String(name), arguments: [:], positional: [], rest: String(rest))
        var i = rest.startIndex
        func skipSpace() { while i < rest.endIndex, rest[i].isWhitespace { i = rest.index(after: i) } }
        func quoted() -> String? {
            let quote = rest[i]
            guard quote == "\"" || quote == "'" else { return nil }
            var value = ""
            i = rest.index(after: i)
            while i < rest.endIndex, rest[i] != quote {
                if rest[i] == "\\", rest.index(after: i) < rest.endIndex, rest[rest.index(after: i)] == quote {
                    i = rest.index(after: i)
                }
                value.append(rest[i])
                i = rest.index(after: i)
            }
            if i < rest.endIndex { i = rest.index(after: i) }
            return value
        }
        while true {
            skipSpace()
            guard i < rest.endIndex else { break }
            if let value = quoted() { tag.positional.append(value); continue }
            let keyStart = i
            while i < rest.endIndex, !rest[i].isWhitespace, rest[i] != "=" { i = rest.index(after: i) }
            let key = String(rest[keyStart..<i])
            guard i < rest.endIndex, rest[i] == "=" else {
                if !key.isEmpty { tag.arguments[key] = "true" }
                continue
            }
            i = rest.index(after: i)
            if i < rest.endIndex, let value = quoted() {
                tag.arguments[key] = value
            } else {
                let valueStart = i
                while i < rest.endIndex, !rest[i].isWhitespace { i = rest.index(after: i) }
                tag.arguments[key] = String(rest[valueStart..<i])
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
