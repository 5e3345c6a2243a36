/// Places in a compiled page's HTML that are filled once the site index exists: the pages are compiled
/// (and their cmark trees freed) before the index is known, so every URL that the index decides is
/// written as a slot, and so is every text that shows a linked page's title (GitBook mentions and
/// content-ref cards).
///
/// A slot is marked with Unicode noncharacters (U+FDD0…U+FDD4), which are reserved for a program's
/// internal use, and the page's key (a hash of its text, so that a page cannot write a slot itself):
/// - link `n`: `U+FDD0 key n U+FDD1`, written raw where the page's HTML was escaped as text (raw HTML
///   attributes, cards), or percent-encoded (`%EF%B7%90key n%EF%B7%91`) where cmark wrote it as a link
///   destination; filled with the URL escaped the same way;
/// - text `n`: `U+FDD2 key n U+FDD3 … U+FDD4`, what the page shows when the target has no title (the
///   link's own text), replaced by the title when it has one.
enum LinkSlots {
    static let linkOpen: [UInt8] = [0xEF, 0xB7, 0x90], linkClose: [UInt8] = [0xEF, 0xB7, 0x91]
    static let textOpen: [UInt8] = [0xEF, 0xB7, 0x92], textMiddle: [UInt8] = [0xEF, 0xB7, 0x93], textClose: [UInt8] = [0xEF, 0xB7, 0x94]
    static let hrefOpen = Array("%EF%B7%90".utf8), hrefClose = Array("%EF%B7%91".utf8)

    static func link(_ n: Int, key: String) -> String { String(decoding: linkOpen + Array("\(key)\(n)".utf8) + linkClose, as: UTF8.self) }
    static func textStart(_ n: Int, key: String) -> String { String(decoding: textOpen + Array("\(key)\(n)".utf8) + textMiddle, as: UTF8.self) }

    /// A page's key: FNV-1a of its text, in hex.
    static func key(of text: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
    static let textEnd = String(decoding: textClose, as: UTF8.self)

    /// `html` with every slot filled: `text(n)` is the escaped HTML for text slot `n` (nil: keep what
    /// the page wrote), `url(n)` the URL of link slot `n`. Unknown or malformed marks stay as they are.
    static func fill(_ html: [UInt8], key: String, text: (Int) -> String?, url: (Int) -> String?) -> [UInt8] {
        guard html.contains(0xEF) || html.contains(UInt8(ascii: "%")) else { return html }
        let key = Array(key.utf8)
        return fillLinks(fillTexts(html, key, text), key, url)
    }

    private static func fillTexts(_ html: [UInt8], _ key: [UInt8], _ text: (Int) -> String?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(html.count)
        var i = 0
        while i < html.count {
            // The run up to the next marker's first byte, copied at once.
            let next = nextIndex(html, from: i, 0xEF, 0xEF)
            out += html[i..<next]
            i = next
            guard i < html.count else { break }
            if starts(html, at: i, with: textOpen), starts(html, at: i + 3, with: key),
               let (n, afterNumber) = number(html, at: i + 3 + key.count),
               starts(html, at: afterNumber, with: textMiddle), let end = find(textClose, in: html, from: afterNumber + 3) {
                if let shown = text(n) { out += Array(shown.utf8) } else { out += html[(afterNumber + 3)..<end] }
                i = end + 3
                continue
            }
            out.append(html[i])
            i += 1
        }
        return out
    }

    private static func fillLinks(_ html: [UInt8], _ key: [UInt8], _ url: (Int) -> String?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(html.count)
        var i = 0
        while i < html.count {
            let next = nextIndex(html, from: i, 0xEF, UInt8(ascii: "%"))
            out += html[i..<next]
            i = next
            guard i < html.count else { break }
            let byte = html[i]
            if byte == 0xEF, starts(html, at: i, with: linkOpen), starts(html, at: i + 3, with: key),
               let (n, end) = number(html, at: i + 3 + key.count), starts(html, at: end, with: linkClose), let value = url(n) {
                out += Array(HTMLText.escape(value).utf8)
                i = end + 3
                continue
            }
            if byte == UInt8(ascii: "%"), starts(html, at: i, with: hrefOpen), starts(html, at: i + hrefOpen.count, with: key),
               let (n, end) = number(html, at: i + hrefOpen.count + key.count),
               starts(html, at: end, with: hrefClose), let value = url(n) {
                out += HrefEscape.escape(value)
                i = end + hrefClose.count
                continue
            }
            out.append(byte)
            i += 1
        }
        return out
    }

    /// The first index from `i` of `a` or `b`, or the end.
    private static func nextIndex(_ bytes: [UInt8], from i: Int, _ a: UInt8, _ b: UInt8) -> Int {
        bytes.withUnsafeBufferPointer { buffer in
            var j = i
            while j < buffer.count, buffer[j] != a, buffer[j] != b { j += 1 }
            return j
        }
    }

    private static func starts(_ bytes: [UInt8], at i: Int, with prefix: [UInt8]) -> Bool {
        i + prefix.count <= bytes.count && bytes[i..<(i + prefix.count)].elementsEqual(prefix)
    }

    /// The decimal number at `i` and where it ends.
    private static func number(_ bytes: [UInt8], at i: Int) -> (Int, Int)? {
        var j = i, value = 0
        while j < bytes.count, j - i < 9, bytes[j] >= 0x30, bytes[j] <= 0x39 { value = value * 10 + Int(bytes[j] - 0x30); j += 1 }
        return j > i ? (value, j) : nil
    }

    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0], starts(bytes, at: i, with: needle) { return i }
            i += 1
        }
        return nil
    }
}
