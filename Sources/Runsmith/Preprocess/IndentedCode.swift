/// Lines of indented code blocks, where `{% … %}` is sample text, not a directive, and `$$` not a
/// formula. Whether four spaces start code depends on the list structure around them, so only cmark
/// can tell: a file is parsed for this only when a line indented four or more columns outside fences
/// starts with a tag or holds `$$`.
enum IndentedCode {
    static func lines(in bytes: [UInt8], from offset: Int, firstLine: Int) -> Set<Int> {
        guard mayHaveIndentedTags(bytes, from: offset) else { return [] }
        let document = MarkdownDocument(bytes: Array(bytes[offset...]), options: 0)
        var result: Set<Int> = []
        // Nodes are only valid while their document lives; optimized builds may end it at its last use.
        withExtendedLifetime(document) {
            for node in document.root.descendants() where node.kind == .codeBlock && !node.isFenced {
                for line in node.startLine...max(node.startLine, node.endLine) { result.insert(line + firstLine - 1) }
            }
        }
        return result
    }

    /// A cheap scan: some line outside fences starts with four columns of indentation, then `{%`.
    static func mayHaveIndentedTags(_ bytes: [UInt8], from offset: Int) -> Bool {
        var fence = FenceTracker()
        var start = offset
        while start < bytes.count {
            let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
            let line = bytes[start..<end]
            start = end + 1
            if fence.consume(line) { continue }
            var columns = 0
            var i = line.startIndex
            while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 {
                columns += line[i] == 0x09 ? 4 - columns % 4 : 1
                i += 1
            }
            guard columns >= 4, i + 1 < line.endIndex else { continue }
            if line[i] == UInt8(ascii: "{"), line[i + 1] == UInt8(ascii: "%") { return true }
            if LineScan.find(GitBookMath.dollars, in: line, from: i) != nil { return true }
        }
        return false
    }
}
