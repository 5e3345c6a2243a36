/// A small scanner over raw HTML from pages: finds start tags and their attributes so that URLs
/// (`src`, `srcset`, `href`) can be rewritten and `id`s collected. It changes nothing else. By the time
/// it reads a page's HTML, `HTMLSanitizer` has written that HTML out again in one regular form
/// (double-quoted, escaped values), so a scan is enough here.
public enum RawHTML {
    /// Calls `visit(tag, attribute, decodedValue)` for each attribute of each start tag; a non-nil result
    /// replaces that value (escaped and double-quoted).
    public static func rewrite(_ html: String, _ visit: (String, String, String) -> String?) -> String {
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var copied = 0
        var i = 0
        let n = bytes.count
        func isNameByte(_ b: UInt8) -> Bool {
            (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39) || b == 0x2D || b == 0x5F || b == 0x3A
        }
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C }
        while i < n {
            // Skip comments whole.
            if bytes[i] == 0x3C, i + 3 < n, bytes[i + 1] == 0x21, bytes[i + 2] == 0x2D, bytes[i + 3] == 0x2D {
                var j = i + 4
                while j + 2 < n, !(bytes[j] == 0x2D && bytes[j + 1] == 0x2D && bytes[j + 2] == 0x3E) { j += 1 }
                i = min(n, j + 3)
                continue
            }
            guard bytes[i] == 0x3C, i + 1 < n, (bytes[i + 1] | 0x20) >= 0x61, (bytes[i + 1] | 0x20) <= 0x7A else { i += 1; continue }
            var j = i + 1
            while j < n, isNameByte(bytes[j]) { j += 1 }
            let tag = String(decoding: bytes[(i + 1)..<j], as: UTF8.self).lowercased()
            // Attributes until `>`.
            while j < n, bytes[j] != 0x3E {
                if isSpace(bytes[j]) || bytes[j] == 0x2F { j += 1; continue }
                let nameStart = j
                while j < n, !isSpace(bytes[j]), bytes[j] != 0x3D, bytes[j] != 0x3E, bytes[j] != 0x2F { j += 1 }
                let name = String(decoding: bytes[nameStart..<j], as: UTF8.self).lowercased()
                if nameStart == j { j += 1; continue }
                var k = j
                while k < n, isSpace(bytes[k]) { k += 1 }
                guard k < n, bytes[k] == 0x3D else { continue }
                k += 1
                while k < n, isSpace(bytes[k]) { k += 1 }
                guard k < n else { j = k; break }
                let valueStart: Int, valueEnd: Int, end: Int
                if bytes[k] == 0x22 || bytes[k] == 0x27 {
                    let quote = bytes[k]
                    var e = k + 1
                    while e < n, bytes[e] != quote { e += 1 }
                    (valueStart, valueEnd, end) = (k + 1, e, min(n, e + 1))
                } else {
                    var e = k
                    while e < n, !isSpace(bytes[e]), bytes[e] != 0x3E { e += 1 }
                    (valueStart, valueEnd, end) = (k, e, e)
                }
                let value = HTMLText.decodeEntities(String(decoding: bytes[valueStart..<valueEnd], as: UTF8.self))
                if let replacement = visit(tag, name, value) {
                    out.append(contentsOf: bytes[copied..<k])
                    out.append(0x22)
                    out.append(contentsOf: Array(HTMLText.escape(replacement).utf8))
                    out.append(0x22)
                    copied = end
                }
                j = end
            }
            i = j
        }
        if copied == 0 { return html }
        out.append(contentsOf: bytes[copied...])
        return String(decoding: out, as: UTF8.self)
    }

    /// The values of every `id` attribute (and `name` on `<a>`), for the anchor index.
    public static func ids(in html: String) -> [String] {
        var result: [String] = []
        _ = rewrite(html) { tag, attribute, value in
            if attribute == "id" || (tag == "a" && attribute == "name") { result.append(value) }
            return nil
        }
        return result
    }

    /// Which attributes of which tags hold URLs we resolve.
    public static func isURLAttribute(tag: String, attribute: String) -> Bool {
        switch attribute {
        case "src": return ["img", "source", "video", "audio", "track", "embed", "iframe"].contains(tag)
        case "srcset": return tag == "img" || tag == "source"
        case "href": return tag == "a" || tag == "area"
        case "poster": return tag == "video"
        default: return false
        }
    }
}
