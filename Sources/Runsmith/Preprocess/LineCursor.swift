/// Walks a file's bytes line by line (without the newline or a trailing CR), keeping the line number,
/// so that a syntax whose construct spans lines (a multi-line JSX tag) can take the lines it needs.
struct LineCursor {
    let bytes: [UInt8]
    private(set) var offset: Int
    /// The number of the line `next()` returns next.
    private(set) var number: Int

    init(_ bytes: [UInt8], from offset: Int, firstLine: Int) {
        self.bytes = bytes
        self.offset = offset
        self.number = firstLine
    }

    mutating func next() -> (line: ArraySlice<UInt8>, number: Int)? {
        guard offset < bytes.count else { return nil }
        let end = bytes[offset...].firstIndex(of: 0x0A) ?? bytes.count
        var line = bytes[offset..<end]
        if line.last == 0x0D { line = line.dropLast() }
        defer { offset = end + 1; number += 1 }
        return (line, number)
    }

    /// The text from the start of the line `next()` would return to the end of the file.
    var rest: ArraySlice<UInt8> { bytes[min(offset, bytes.count)...] }

    /// Skips to the line holding byte `target` of the file, returning how many lines were passed.
    mutating func advance(past target: Int) {
        while offset <= target, next() != nil {}
    }
}

/// Everything about one line that the syntaxes need to place its output and report its problems.
struct LineContext {
    let file: String
    let number: Int
    /// Re-indentation for an included file, then the line's own leading whitespace.
    let indent: [UInt8]
    let lead: ArraySlice<UInt8>
    let origin: LineOrigin
    let chain: Int
    /// Files being expanded, outermost first (cycle detection).
    let active: [String]

    func location(_ column: Int) -> SourceLocation { SourceLocation(path: file, line: number, column: column) }
    var placed: [UInt8] { indent + lead }
}
