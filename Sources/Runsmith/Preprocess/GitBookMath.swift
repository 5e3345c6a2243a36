/// GitBook's formulas: `$$…$$` inside a line is inline math; a line of `$$` alone opens a display
/// formula that a later such line closes, and a line that is one `$$…$$` alone is a display formula too.
/// Markdown would read the TeX's `_`, `*` and `\` as markup, so each formula is written as code that
/// `MathTransform` turns into MathML: inline as a code span starting with its marker, display as a
/// `math` fence.
enum GitBookMath {
    static let dollars: [UInt8] = [UInt8(ascii: "$"), UInt8(ascii: "$")]
    static let fence = Array("~~~~~~~~".utf8)

    /// The line with each `$$…$$` as a marked code span (code spans as written are left alone); nil when
    /// it has no formula.
    static func inline(_ line: ArraySlice<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        var i = line.startIndex, changed = false
        while i < line.endIndex {
            let c = line[i]
            if c == UInt8(ascii: "`") {
                let end = LineScan.codeSpanEnd(line, at: i)
                out.append(contentsOf: line[i..<end])
                i = end
                continue
            }
            if c == UInt8(ascii: "\\"), i + 1 < line.endIndex {
                out.append(contentsOf: line[i...(i + 1)])
                i += 2
                continue
            }
            if c == UInt8(ascii: "$"), line[i...].starts(with: dollars),
               let close = LineScan.find(dollars, in: line, from: i + 2), close > i + 2 {
                out.append(contentsOf: codeSpan(line[(i + 2)..<close]))
                i = close + 2
                changed = true
                continue
            }
            out.append(c)
            i += 1
        }
        return changed ? out : nil
    }

    /// A code span holding `tex` after the marker, with more backticks than any run inside it.
    static func codeSpan(_ tex: ArraySlice<UInt8>) -> [UInt8] {
        var longest = 0, run = 0
        for b in tex { run = b == UInt8(ascii: "`") ? run + 1 : 0; longest = max(longest, run) }
        let ticks = Array(repeating: UInt8(ascii: "`"), count: longest + 1)
        // CommonMark takes one space off each end, so TeX that ends in a backtick stays apart from the fence.
        return ticks + [0x20] + Array(MathTransform.inlineMarker.utf8) + tex + [0x20] + ticks
    }

    static func trimmed(_ line: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        let start = line.firstIndex { $0 != 0x20 && $0 != 0x09 } ?? line.endIndex
        let end = line[start...].lastIndex { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }.map { $0 + 1 } ?? start
        return line[start..<end]
    }

    /// `$$` alone on the line.
    static func isDelimiter(_ line: ArraySlice<UInt8>) -> Bool { trimmed(line).elementsEqual(dollars) }
}

extension PreprocessRun {
    /// A line with a formula, written out; false when it has none (the line is then emitted as it is).
    mutating func mathLine(_ line: ArraySlice<UInt8>, context: LineContext, cursor: inout LineCursor) -> Bool {
        let body = GitBookMath.trimmed(line)
        if GitBookMath.isDelimiter(line) {
            // A display formula only when a closing `$$` line follows; a lone `$$` is text.
            var ahead = cursor
            var closed = false
            while let (next, _) = ahead.next() {
                if GitBookMath.isDelimiter(next) { closed = true; break }
            }
            guard closed else { return false }
            emit(context.placed, GitBookMath.fence + Array("math".utf8), origin: context.origin)
            while let (next, number) = cursor.next(), !GitBookMath.isDelimiter(next) {
                var origin = context.origin
                origin.line = Int32(number)
                emit(context.indent, next, origin: origin)
            }
            emit(context.placed, GitBookMath.fence, origin: context.origin)
            return true
        }
        if body.count > 4, body.starts(with: GitBookMath.dollars), body.reversed().starts(with: GitBookMath.dollars),
           LineScan.find(GitBookMath.dollars, in: body, from: body.startIndex + 2) == body.endIndex - 2 {
            emit(context.placed, GitBookMath.fence + Array("math".utf8), origin: context.origin)
            emit(context.placed, body.dropFirst(2).dropLast(2), origin: context.origin)
            emit(context.placed, GitBookMath.fence, origin: context.origin)
            return true
        }
        guard let rewritten = GitBookMath.inline(line) else { return false }
        emit(context.indent, rewritten, origin: context.origin)
        return true
    }
}
