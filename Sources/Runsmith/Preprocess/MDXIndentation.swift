/// MDX has no indented code blocks: `<TabItem>` indented under `<Tabs>`, or text indented inside a JSX
/// element, is content, where CommonMark would show it as code. Whether four spaces make code depends
/// on the blocks around them, so cmark finds the indented code blocks of the preprocessed page, and
/// their lines lose the indentation that made them code; again, for what was nested deeper.
enum MDXIndentation {
    /// Enough for JSX nested four levels deep, each level indented four spaces more.
    static let maxPasses = 8

    static func flatten(_ page: inout PreprocessedPage) {
        guard mayHaveIndentedLines(page.text) else { return }
        for _ in 0..<maxPasses {
            let blocks = indentedCodeBlocks(page.text)
            if blocks.isEmpty { return }
            var starts = [0]
            for (i, b) in page.text.enumerated() where b == 0x0A { starts.append(i + 1) }
            var removal = [Int](repeating: 0, count: starts.count)
            var at = [Int](repeating: 0, count: starts.count)
            for block in blocks {
                // The code's first column is its container's content column plus four.
                let container = block.startColumn - 4 - 1
                let lines = block.startLine...min(block.endLine, starts.count - 1)
                func indent(_ line: Int) -> Int? {
                    spaces(in: page.text, from: starts[line - 1] + container, to: line < starts.count ? starts[line] - 1 : page.text.count)
                }
                let indents = lines.compactMap(indent)
                guard let least = indents.min(), least > 0 else { continue }
                for line in lines where indent(line) != nil {
                    removal[line - 1] = least
                    at[line - 1] = starts[line - 1] + container
                }
            }
            var text: [UInt8] = []
            text.reserveCapacity(page.text.count)
            var copied = 0
            for (line, count) in removal.enumerated() where count > 0 {
                text.append(contentsOf: page.text[copied..<at[line]])
                copied = at[line] + count
                if line < page.lines.count { page.lines[line].columnShift += Int32(count) }
            }
            guard copied > 0 else { return }
            text.append(contentsOf: page.text[copied...])
            page.text = text
        }
    }

    /// Spaces at `offset` before the line's text (the line ends at `end`); nil for a blank line, a line
    /// shorter than its container's indentation, or one that is not plain spaces there.
    private static func spaces(in text: [UInt8], from offset: Int, to end: Int) -> Int? {
        var i = offset
        while i < end, text[i] == 0x20 { i += 1 }
        guard i < end, text[i] != 0x0D, text[i] != 0x09 else { return nil }
        return i - offset
    }

    private static func indentedCodeBlocks(_ text: [UInt8]) -> [(startLine: Int, endLine: Int, startColumn: Int)] {
        let document = MarkdownDocument(bytes: text, options: 0)
        return withExtendedLifetime(document) {
            document.root.descendants().filter { $0.kind == .codeBlock && !$0.isFenced }
                .map { ($0.startLine, $0.endLine, $0.startColumn) }
                .filter { $0.startColumn >= 5 }
        }
    }

    /// A cheap scan: some line outside fenced code starts with four spaces or a tab.
    private static func mayHaveIndentedLines(_ text: [UInt8]) -> Bool {
        var fence = FenceTracker()
        var start = 0
        while start < text.count {
            let end = text[start...].firstIndex(of: 0x0A) ?? text.count
            let line = text[start..<end]
            start = end + 1
            if fence.consume(line) { continue }
            if line.first == 0x09 || (line.count > 4 && line.prefix(4).allSatisfy { $0 == 0x20 }
                                       && line.contains { $0 != 0x20 && $0 != 0x0D }) { return true }
        }
        return false
    }
}
