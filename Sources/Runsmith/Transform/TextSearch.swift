import Foundation

/// Substring tests and trimming that stay off NSString. With Foundation imported, `String.contains(_:)`
/// and `range(of:)` go through NSString and UTF-16, which profiles showed in the hot path of every page.
extension StringProtocol {
    /// Whether the text holds `needle`, compared byte for byte.
    func includes(_ needle: StaticString) -> Bool {
        includes(bytes: UnsafeBufferPointer(start: needle.utf8Start, count: needle.utf8CodeUnitCount))
    }

    /// Whether the text holds `needle`, compared byte for byte.
    func includes(_ needle: String) -> Bool {
        var needle = needle
        return needle.withUTF8 { includes(bytes: $0) }
    }

    private func includes(bytes pattern: UnsafeBufferPointer<UInt8>) -> Bool {
        let found = utf8.withContiguousStorageIfAvailable { (text: UnsafeBufferPointer<UInt8>) -> Bool in
            let n = pattern.count
            guard n > 0 else { return true }
            guard text.count >= n else { return false }
            var i = 0
            while i <= text.count - n {
                if text[i] == pattern[0] {
                    var j = 1
                    while j < n && text[i + j] == pattern[j] { j += 1 }
                    if j == n { return true }
                }
                i += 1
            }
            return false
        }
        return found ?? String(self).includes(bytes: pattern)
    }
}

extension String {
    /// `trimmingCharacters(in: .whitespaces)`, which bridges to `NSString` on every call, only when an end
    /// is blank: per heading and per code block, most texts have nothing to trim.
    var trimmingBlankEnds: String {
        let blank = { (scalar: Unicode.Scalar?) -> Bool in
            guard let scalar else { return false }
            // Printable ASCII other than the space (most ends: letters, digits) is never blank.
            return !(0x21..<0x7F).contains(scalar.value) && Self.blanks.contains(scalar)
        }
        return blank(unicodeScalars.first) || blank(unicodeScalars.last) ? trimmingCharacters(in: .whitespaces) : self
    }

    /// Made once: `CharacterSet.whitespaces` builds a set on every use.
    private static let blanks = CharacterSet.whitespaces
}
