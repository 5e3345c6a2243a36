import Foundation

/// One JSX element tag as MDX writes it, possibly over several lines:
/// `<TabItem value="cli" label="Ory CLI" default>`, `<CodeFromRemote lang="ts" src="…" />`, `</Tabs>`,
/// `<Mermaid chart={`…`} />`. Attribute values are strings; `{…}` expressions are kept as their source text.
struct JSXTag: Equatable {
    var name: String
    var closing: Bool
    var selfClosing: Bool
    var attributes: [String: String]
    /// Offset just past the tag's `>` in the scanned bytes.
    var end: Int

    /// Scans a tag starting at `bytes[start]` (which must be `<`). Nil when it is not a complete
    /// capitalized-component tag (HTML tags stay HTML).
    static func scan(_ bytes: ArraySlice<UInt8>, at start: Int) -> JSXTag? {
        var i = start
        guard i < bytes.endIndex, bytes[i] == UInt8(ascii: "<") else { return nil }
        i += 1
        var closing = false
        if i < bytes.endIndex, bytes[i] == UInt8(ascii: "/") { closing = true; i += 1 }
        guard i < bytes.endIndex, bytes[i] >= UInt8(ascii: "A"), bytes[i] <= UInt8(ascii: "Z") else { return nil }
        let nameStart = i
        while i < bytes.endIndex, isNameByte(bytes[i]) { i += 1 }
        var tag = JSXTag(name: String(decoding: bytes[nameStart..<i], as: UTF8.self), closing: closing,
                         selfClosing: false, attributes: [:], end: i)
        while i < bytes.endIndex {
            let c = bytes[i]
            if c == 0x20 || c == 0x0A || c == 0x09 || c == 0x0D { i += 1; continue }
            if c == UInt8(ascii: ">") { tag.end = i + 1; return tag }
            if c == UInt8(ascii: "/"), i + 1 < bytes.endIndex, bytes[i + 1] == UInt8(ascii: ">") {
                tag.selfClosing = true
                tag.end = i + 2
                return tag
            }
            if c == UInt8(ascii: "{") {  // `{...spread}`
                guard let e = expressionEnd(bytes, from: i) else { return nil }
                i = e
                continue
            }
            guard isNameByte(c) else { return nil }
            let keyStart = i
            while i < bytes.endIndex, isNameByte(bytes[i]) || bytes[i] == UInt8(ascii: ":") { i += 1 }
            let key = String(decoding: bytes[keyStart..<i], as: UTF8.self)
            guard i < bytes.endIndex, bytes[i] == UInt8(ascii: "=") else { tag.attributes[key] = "true"; continue }
            i += 1
            guard i < bytes.endIndex else { return nil }
            if bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") {
                let quote = bytes[i]
                guard let close = bytes[(i + 1)...].firstIndex(of: quote) else { return nil }
                tag.attributes[key] = String(decoding: bytes[(i + 1)..<close], as: UTF8.self)
                i = close + 1
            } else if bytes[i] == UInt8(ascii: "{") {
                guard let e = expressionEnd(bytes, from: i) else { return nil }
                tag.attributes[key] = expressionValue(String(decoding: bytes[(i + 1)..<(e - 1)], as: UTF8.self))
                i = e
            } else {
                return nil
            }
        }
        return nil
    }

    static func isNameByte(_ b: UInt8) -> Bool {
        (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x5F || b == 0x2D || b == 0x2E
    }

    /// Offset past the `}` matching the `{` at `start`, skipping strings and template literals.
    static func expressionEnd(_ bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        var depth = 0
        var i = start
        var quote: UInt8? = nil
        while i < bytes.endIndex {
            let c = bytes[i]
            if let q = quote {
                if c == UInt8(ascii: "\\") { i += 2; continue }
                if c == q { quote = nil }
            } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") || c == UInt8(ascii: "`") {
                quote = c
            } else if c == UInt8(ascii: "{") {
                depth += 1
            } else if c == UInt8(ascii: "}") {
                depth -= 1
                if depth == 0 { return i + 1 }
            }
            i += 1
        }
        return nil
    }

    /// `{"x"}` / `{'x'}` → `x`; any other expression stays as written.
    static func expressionValue(_ source: String) -> String {
        let trimmed = source.trimmingCharacters(in: .whitespacesAndNewlines)
        if trimmed.count >= 2, let f = trimmed.first, f == "\"" || f == "'" || f == "`", trimmed.last == f {
            return String(trimmed.dropFirst().dropLast())
        }
        return trimmed
    }
}
