extension HTMLFragment {
    /// A stretch of a piece of HTML, by byte range.
    enum Part: Equatable {
        /// For libxml2 to read.
        case html(Range<Int>)
        case special(Special, Range<Int>)
        case unterminatedTag(Range<Int>)
    }

    /// Cuts a piece where a browser (and libxml2) would read it otherwise than CommonMark does:
    /// - CommonMark ends `<?php … ?>` at `?>`, `<![CDATA[ … ]]>` at `]]>`; a browser ends both at the
    ///   first `>` and shows the rest as text (`';\n?>`). They are cut out whole (to the end of the piece
    ///   when unclosed), as are declarations (`<!DOCTYPE html>`, `<!ELEMENT …>`), which end at `>`.
    /// - A tag still open when the piece ends (`<div id="foo"` and a line of text, in an HTML block)
    ///   would take in the text after it, and in a browser the page after it: it is cut out with that text.
    /// Comments and the contents of `<script>`, `<style>` and the like are left to libxml2 as they are.
    /// One pass, forward only: linear however hostile the piece.
    static func parts(_ b: [UInt8]) -> [Part] {
        let n = b.count
        var parts: [Part] = []
        var start = 0
        func cut(_ part: Part, _ range: Range<Int>) {
            if range.lowerBound > start { parts.append(.html(start..<range.lowerBound)) }
            parts.append(part)
            start = range.upperBound
        }
        var i = 0
        scan: while i + 1 < n {
            guard b[i] == UInt8(ascii: "<") else { i += 1; continue }
            let next = b[i + 1]
            if next == UInt8(ascii: "!") {
                if starts(b, "<!--", at: i) {
                    // `<!-->` is a whole comment to a browser; an unclosed one hides the rest of the piece.
                    guard let end = find(b, "-->", from: i + 2) else { break scan }
                    i = end
                } else if starts(b, "<![CDATA[", at: i) {
                    let end = find(b, "]]>", from: i + 9) ?? n
                    cut(.special(.cdata, i..<end), i..<end)
                    i = end
                } else if i + 2 < n, isLetter(b[i + 2]) {
                    let end = find(b, ">", from: i + 2) ?? n
                    cut(.special(.declaration, i..<end), i..<end)
                    i = end
                } else {
                    i += 2
                }
            } else if next == UInt8(ascii: "?") {
                let end = find(b, "?>", from: i + 2) ?? n
                cut(.special(.processingInstruction, i..<end), i..<end)
                i = end
            } else {
                let name = next == UInt8(ascii: "/") ? i + 2 : i + 1
                guard name < n, isLetter(b[name]) else { i += 1; continue }
                var nameEnd = name
                while nameEnd < n, !isSpace(b[nameEnd]), b[nameEnd] != UInt8(ascii: "/"), b[nameEnd] != UInt8(ascii: ">") { nameEnd += 1 }
                guard let end = tagEnd(b, from: nameEnd) else {
                    cut(.unterminatedTag(i..<n), i..<n)
                    break scan
                }
                i = end
                // What a `<script>` or `<style>` holds is not markup: on to its end tag.
                if next != UInt8(ascii: "/"), let raw = rawText.first(where: { equalsIgnoringCase(b[name..<nameEnd], $0) }) {
                    guard let close = findIgnoringCase(b, "</" + raw, from: end) else { break scan }
                    i = close
                }
            }
        }
        if start < n { parts.append(.html(start..<n)) }
        return parts
    }

    /// Elements whose content a browser reads as text up to their end tag.
    private static let rawText = ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"]

    /// Just past the `>` that ends a tag whose attributes start at `j`, read as a browser's tokenizer does
    /// (a quoted value may hold `>`); nil when the piece ends first.
    private static func tagEnd(_ b: [UInt8], from start: Int) -> Int? {
        let n = b.count
        var j = start
        while true {
            while j < n, isSpace(b[j]) || b[j] == UInt8(ascii: "/") { j += 1 }
            guard j < n else { return nil }
            if b[j] == UInt8(ascii: ">") { return j + 1 }
            // An attribute name: its first character may be anything, even `=`.
            j += 1
            while j < n, !isSpace(b[j]), b[j] != UInt8(ascii: "/"), b[j] != UInt8(ascii: ">"), b[j] != UInt8(ascii: "=") { j += 1 }
            while j < n, isSpace(b[j]) { j += 1 }
            guard j < n, b[j] == UInt8(ascii: "=") else { continue }
            j += 1
            while j < n, isSpace(b[j]) { j += 1 }
            guard j < n else { return nil }
            if b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") {
                guard let close = b[(j + 1)...].firstIndex(of: b[j]) else { return nil }
                j = close + 1
            } else {
                while j < n, !isSpace(b[j]), b[j] != UInt8(ascii: ">") { j += 1 }
            }
        }
    }

    private static func isLetter(_ c: UInt8) -> Bool { (c | 0x20) >= 0x61 && (c | 0x20) <= 0x7A }
    private static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0C || c == 0x0D }

    private static func starts(_ b: [UInt8], _ s: String, at i: Int) -> Bool {
        let s = Array(s.utf8)
        return i + s.count <= b.count && b[i..<(i + s.count)].elementsEqual(s)
    }

    /// Just past the first `s` at or after `from`.
    private static func find(_ b: [UInt8], _ s: String, from: Int) -> Int? {
        let s = Array(s.utf8)
        var i = from
        while i + s.count <= b.count {
            if b[i] == s[0], b[i..<(i + s.count)].elementsEqual(s) { return i + s.count }
            i += 1
        }
        return nil
    }

    /// Where the first `s` (ASCII, lowercase) at or after `from` starts, in any case.
    private static func findIgnoringCase(_ b: [UInt8], _ s: String, from: Int) -> Int? {
        let s = Array(s.utf8)
        var i = from
        while i + s.count <= b.count {
            if equalsIgnoringCase(b[i..<(i + s.count)], s) { return i }
            i += 1
        }
        return nil
    }

    private static func equalsIgnoringCase(_ a: ArraySlice<UInt8>, _ s: some Collection<UInt8>) -> Bool {
        a.count == s.count && zip(a, s).allSatisfy { x, y in x == y || (isLetter(x) && x | 0x20 == y) }
    }

    private static func equalsIgnoringCase(_ a: ArraySlice<UInt8>, _ s: String) -> Bool {
        equalsIgnoringCase(a, Array(s.utf8))
    }
}
