/// Escaping for text we write into HTML ourselves.
public enum HTMLText {
    public static func escape(_ s: String) -> String { escaping(s, quotes: true) }

    /// Text between tags: only what HTML gives meaning to is escaped, so quotes read as written.
    public static func escapeText(_ text: String) -> String { escaping(text, quotes: false) }

    /// The characters to escape are ASCII, and no other character's UTF-8 holds their bytes: the text is
    /// read as bytes, and returned as it is when it has none of them.
    private static func escaping(_ s: String, quotes: Bool) -> String {
        func special(_ byte: UInt8) -> Bool {
            byte == 0x26 || byte == 0x3C || byte == 0x3E || (quotes && (byte == 0x22 || byte == 0x27))
        }
        var s = s
        return s.withUTF8 { bytes in
            guard let first = bytes.firstIndex(where: special) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: bytes[..<first])
            for byte in bytes[first...] {
                switch byte {
                case 0x26: out += "&amp;".utf8
                case 0x3C: out += "&lt;".utf8
                case 0x3E: out += "&gt;".utf8
                case 0x22 where quotes: out += "&quot;".utf8
                case 0x27 where quotes: out += "&#39;".utf8
                default: out.append(byte)
                }
            }
            return String(decoding: out, as: UTF8.self)
        } ?? s
    }

    /// Percent-encodes what may not stand in a URL attribute (spaces, quotes, angle brackets, non-ASCII).
    public static func encodeURL(_ s: String) -> String {
        func kept(_ byte: UInt8) -> Bool {
            (0x21...0x7E).contains(byte) && byte != 0x22 && byte != 0x3C && byte != 0x3E && byte != 0x5C && byte != 0x5E
                && byte != 0x60 && byte != 0x7B && byte != 0x7C && byte != 0x7D
        }
        // Most URLs need nothing: returned as they are.
        guard !s.utf8.allSatisfy(kept) else { return s }
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 16)
        for byte in s.utf8 {
            if kept(byte) { out.append(byte) } else { out += [0x25, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]] }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes the entities GitBook and Docusaurus exports put in attribute values.
    /// Read as bytes: `&` and `;` are ASCII, and the names that decode are too.
    public static func decodeEntities(_ s: String) -> String {
        var s = s
        return s.withUTF8 { bytes -> String? in
            guard var amp = bytes.firstIndex(of: 0x26) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var copied = 0
            while true {
                // The name and its `;` within the 12 characters from the `&`.
                let window = bytes[(amp + 1)..<min(bytes.count, amp + 12)]
                if let semi = window.firstIndex(of: 0x3B), let decoded = entity(String(decoding: bytes[(amp + 1)..<semi], as: UTF8.self)) {
                    out += bytes[copied..<amp]
                    out += decoded.utf8
                    copied = semi + 1
                }
                guard let next = bytes[max(copied, amp + 1)...].firstIndex(of: 0x26) else { break }
                amp = next
            }
            out += bytes[copied...]
            return String(decoding: out, as: UTF8.self)
        } ?? s
    }

    private static func entity(_ name: String) -> String? {
        switch name {
        case "amp": return "&"
        case "lt": return "<"
        case "gt": return ">"
        case "quot": return "\""
        case "apos": return "'"
        default:
            if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16) {
                return Unicode.Scalar(v).map { String(Character($0)) }
            } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()) {
                return Unicode.Scalar(v).map { String(Character($0)) }
            }
            return nil
        }
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
