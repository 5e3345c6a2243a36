import XCTest
@testable import Runsmith

/// `HTMLText` reads its text as bytes. Each function is compared here with a reading of the text
/// character by character (how it was first written) on random text of ASCII, accents, CJK, emoji,
/// narrow no-break spaces and the bytes HTML gives meaning to, and checked on cases written out.
final class HTMLTextTests: XCTestCase {
    private static let alphabet: [String] = ["&", ";", "#", "x", "X", "3", "9", "a", "m", "p", "l", "t", "q", "u", "o", "g",
                                             "<", ">", "\"", "'", " ", "\n", "é", "中", "😀", "\u{202F}", "amp", "#x4e2d", "#39"]

    private func randomTexts(_ count: Int) -> [String] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in
            (0..<Int.random(in: 0...24, using: &generator)).map { _ in Self.alphabet.randomElement(using: &generator)! }.joined()
        }
    }

    func testEscapingMatchesAReadingCharacterByCharacter() {
        for text in randomTexts(5_000) {
            XCTAssertEqual(HTMLText.escape(text), Self.escapeByScalar(text, quotes: true), text)
            XCTAssertEqual(HTMLText.escapeText(text), Self.escapeByScalar(text, quotes: false), text)
        }
    }

    func testURLEncodingMatchesAReadingByScalars() {
        for text in randomTexts(5_000) + ["a b", "x\\y^z`{|}", "%41", "~!$&'()*+,;=:@/?#[]"] {
            XCTAssertEqual(HTMLText.encodeURL(text), Self.encodeURLByScalar(text), text)
        }
        XCTAssertEqual(HTMLText.encodeURL("guides/中 文.html#a b"), "guides/%E4%B8%AD%20%E6%96%87.html#a%20b")
    }

    func testDecodingMatchesAReadingCharacterByCharacter() {
        for text in randomTexts(5_000) {
            XCTAssertEqual(HTMLText.decodeEntities(text), Self.decodeByCharacter(text), text)
        }
    }

    func testWrittenOutCases() {
        XCTAssertEqual(HTMLText.escape("Café <b>\"中\"</b> & 'x'"), "Café &lt;b&gt;&quot;中&quot;&lt;/b&gt; &amp; &#39;x&#39;")
        XCTAssertEqual(HTMLText.escapeText("a \"b\" <c> & d"), "a \"b\" &lt;c&gt; &amp; d")
        XCTAssertEqual(HTMLText.escape("plain 😀\u{202F}text"), "plain 😀\u{202F}text")
        XCTAssertEqual(HTMLText.decodeEntities("&lt;a&gt; &amp;amp; &#x4E2D;&#25991; &quot;&apos;"), "<a> &amp; 中文 \"'")
        // Unknown names, a `;` too far away, a lone `&` at the end, and code points that are no scalar.
        XCTAssertEqual(HTMLText.decodeEntities("&nbsp; &ampxxxxxxxxxxx; a & b &"), "&nbsp; &ampxxxxxxxxxxx; a & b &")
        XCTAssertEqual(HTMLText.decodeEntities("&#xD800; &#1114112; é&amp;é"), "&#xD800; &#1114112; é&é")
    }

    // The readings the byte versions replaced.

    private static func escapeByScalar(_ s: String, quotes: Bool) -> String {
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"" where quotes: out += "&quot;"
            case "'" where quotes: out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private static func encodeURLByScalar(_ s: String) -> String {
        var out = ""
        for byte in s.utf8 {
            switch byte {
            case 0x21...0x7E where !"\"<>\\^`{|} ".utf8.contains(byte): out.unicodeScalars.append(Unicode.Scalar(byte))
            default: out += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }

    private static func decodeByCharacter(_ s: String) -> String {
        var out = ""
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == "&", let semi = s[i...].prefix(12).firstIndex(of: ";") {
                let name = s[s.index(after: i)..<semi]
                var decoded: String?
                switch name {
                case "amp": decoded = "&"
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                case "quot": decoded = "\""
                case "apos": decoded = "'"
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X"), let v = UInt32(name.dropFirst(2), radix: 16) {
                        decoded = Unicode.Scalar(v).map { String(Character($0)) }
                    } else if name.hasPrefix("#"), let v = UInt32(name.dropFirst()) {
                        decoded = Unicode.Scalar(v).map { String(Character($0)) }
                    }
                }
                if let decoded {
                    out += decoded
                    i = s.index(after: semi)
                    continue
                }
            }
            out.append(s[i])
            i = s.index(after: i)
        }
        return out
    }
}
