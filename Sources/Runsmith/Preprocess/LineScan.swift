/// Byte searches the line-level syntaxes share.
enum LineScan {
    /// The offset of the first `needle` in `bytes` at or after `start`.
    static func find(_ needle: [UInt8], in bytes: ArraySlice<UInt8>, from start: Int) -> Int? {
        var i = start
        while i + needle.count <= bytes.endIndex {
            if bytes[i] == needle[0], bytes[i..<(i + needle.count)].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// Past the code span whose opening backticks start at `start` (its closing run of as many
    /// backticks), or past the opening run alone when the line never closes it: text, per CommonMark.
    static func codeSpanEnd(_ line: ArraySlice<UInt8>, at start: Int) -> Int {
        var run = 0
        while start + run < line.endIndex, line[start + run] == UInt8(ascii: "`") { run += 1 }
        var i = start + run
        while i < line.endIndex {
            guard line[i] == UInt8(ascii: "`") else { i += 1; continue }
            var closing = 0
            while i + closing < line.endIndex, line[i + closing] == UInt8(ascii: "`") { closing += 1 }
            // Only a run of exactly as many backticks closes the span.
            if closing == run { return i + closing }
            i += closing
        }
        return start + run
    }
}
