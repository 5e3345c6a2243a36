/// Follows the regions where `{% … %}` is sample text, line by line: fenced code blocks (``` or ~~~,
/// at least three, closed by the same character at least as many times), raw HTML blocks that
/// CommonMark keeps verbatim until an end tag (`<pre>`, `<script>`, `<style>`, `<textarea>`), and
/// HTML comments.
struct FenceTracker {
    private enum Region { case fence(char: UInt8, count: Int), verbatimHTML, comment }
    private var open: Region? = nil

    var inFence: Bool { open != nil }

    static let verbatimTags: [[UInt8]] = ["pre", "script", "style", "textarea"].map { Array($0.utf8) }
    static let verbatimEnds: [[UInt8]] = verbatimTags.map { Array("</".utf8) + $0 }

    /// Feeds one line (without its newline); true when the line belongs to a region (opener, body or closer).
    mutating func consume(_ line: ArraySlice<UInt8>) -> Bool {
        var i = line.startIndex
        while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
        switch open {
        case .verbatimHTML:
            // CommonMark ends this block at any of the four end tags, whichever opened it.
            if Self.verbatimEnds.contains(where: { Self.contains(line, $0) }) { open = nil }
            return true
        case .comment:
            if Self.contains(line, Array("-->".utf8)) { open = nil }
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
        // HTML blocks start within three spaces of indentation; more is code (or list content).
        if char == UInt8(ascii: "<"), i - line.startIndex <= 3 {
            let rest = line[(i + 1)...]
            if Self.verbatimTag(rest) {
                if !Self.verbatimEnds.contains(where: { Self.contains(rest, $0) }) { open = .verbatimHTML }
                return true
            }
            if rest.starts(with: Array("!--".utf8)) {
                if !Self.contains(rest.dropFirst(3), Array("-->".utf8)) { open = .comment }
                return true
            }
        }
        guard char == UInt8(ascii: "`") || char == UInt8(ascii: "~") else { return false }
        var count = 0
        while i + count < line.endIndex, line[i + count] == char { count += 1 }
        guard count >= 3 else { return false }
        if char == UInt8(ascii: "`"), line[(i + count)...].contains(UInt8(ascii: "`")) { return false }
        open = .fence(char: char, count: count)
        return true
    }

    /// `pre>…`, `pre class="x"`, or `pre` at the end of the line (case-insensitive), and the same for the others.
    private static func verbatimTag(_ rest: ArraySlice<UInt8>) -> Bool {
        verbatimTags.contains { tag in
            guard rest.count >= tag.count, rest.prefix(tag.count).map({ $0 | 0x20 }) == tag else { return false }
            let after = rest.dropFirst(tag.count).first
            return after == nil || after == 0x20 || after == 0x09 || after == UInt8(ascii: ">") || after == 0x0D
        }
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
