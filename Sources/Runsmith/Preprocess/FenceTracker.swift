/// Follows the regions where `{% … %}` is sample text, line by line: fenced code blocks (``` or ~~~,
/// at least three, closed by the same character at least as many times) and raw HTML blocks that
/// CommonMark keeps verbatim until their end tag (`<pre>`, `<script>`, `<style>`, `<textarea>`).
struct FenceTracker {
    private enum Region { case fence(char: UInt8, count: Int), html(endTag: [UInt8]) }
    private var open: Region? = nil

    var inFence: Bool { open != nil }

    static let verbatimTags: [[UInt8]] = ["pre", "script", "style", "textarea"].map { Array($0.utf8) }

    /// Feeds one line (without its newline); true when the line belongs to a region (opener, body or closer).
    mutating func consume(_ line: ArraySlice<UInt8>) -> Bool {
        var i = line.startIndex
        while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
        switch open {
        case .html(let endTag):
            if Self.contains(line, endTag) { open = nil }
            return true
        case .fence(let char, let count):
            var n = 0
            while i + n < line.endIndex, line[i + n] == char { n += 1 }
            if n >= count, line[(i + n)...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { open = nil }
            return true
        case nil:
            break
        }
        let char = i < line.endIndex ? line[i] : 0
        if char == UInt8(ascii: "<"), let tag = Self.verbatimTag(line[(i + 1)...]) {
            let endTag = Array("</".utf8) + tag
            if !Self.contains(line[(i + 1)...], endTag) { open = .html(endTag: endTag) }
            return true
        }
        guard char == UInt8(ascii: "`") || char == UInt8(ascii: "~") else { return false }
        var count = 0
        while i + count < line.endIndex, line[i + count] == char { count += 1 }
        guard count >= 3 else { return false }
        if char == UInt8(ascii: "`"), line[(i + count)...].contains(UInt8(ascii: "`")) { return false }
        open = .fence(char: char, count: count)
        return true
    }

    /// `pre` for `pre>…`, `pre class="x"`, or `pre` at the end of the line (case-insensitive).
    private static func verbatimTag(_ rest: ArraySlice<UInt8>) -> [UInt8]? {
        for tag in verbatimTags where rest.count >= tag.count {
            let name = rest.prefix(tag.count).map { $0 | 0x20 }
            guard name == tag else { continue }
            let after = rest.dropFirst(tag.count).first
            if after == nil || after == 0x20 || after == 0x09 || after == UInt8(ascii: ">") || after == 0x0D { return tag }
        }
        return nil
    }

    private static func contains(_ line: ArraySlice<UInt8>, _ needle: [UInt8]) -> Bool {
        guard line.count >= needle.count else { return false }
        var i = line.startIndex
        while i + needle.count <= line.endIndex {
            if zip(line[i..<(i + needle.count)], needle).allSatisfy({ ($0 | 0x20) == ($1 | 0x20) }) { return true }
            i += 1
        }
        return false
    }
}
