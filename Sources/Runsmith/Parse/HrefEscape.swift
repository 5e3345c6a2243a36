import CCmarkGFM
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// cmark-gfm's escaping of a link or image destination in `href="…"`/`src="…"` (`houdini_escape_href`):
/// what its HTML renderer writes for a node's URL. A URL put into rendered HTML afterwards (a link slot)
/// goes through this, so the page is the bytes cmark would have written had the URL been in the tree.
enum HrefEscape {
    static func escape(_ url: String) -> [UInt8] {
        var bytes = Array(url.utf8)
        if bytes.allSatisfy(isPlain) { return bytes }
        var length: Int32 = 0
        guard let escaped = bytes.withUnsafeMutableBufferPointer({ rs_escape_href($0.baseAddress, Int32($0.count), &length) }) else {
            return bytes
        }
        defer { free(escaped) }
        bytes = Array(UnsafeRawBufferPointer(start: escaped, count: Int(length)))
        return bytes
    }

    /// Bytes that cmark writes as they are: letters, digits and `-_./:#?=`, the common case of a relative URL.
    private static func isPlain(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"): return true
        case UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: ":"), UInt8(ascii: "#"),
             UInt8(ascii: "?"), UInt8(ascii: "="): return true
        default: return false
        }
    }
}
