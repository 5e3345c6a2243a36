/// Checks a markdown file's bytes before anything parses them: binary content, invalid UTF-8, a BOM.
public enum SourceText {
    /// Validated UTF-8 bytes (BOM removed, CRLF kept: cmark handles it), or a located diagnostic.
    public static func validate(_ bytes: [UInt8], path: String) -> Result<[UInt8], DiagnosticError> {
        var bytes = bytes
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let nul = bytes.firstIndex(of: 0) {
            let (line, column) = lineAndColumn(of: nul, in: bytes)
            return .failure(DiagnosticError(.error(
                .binaryFile, "file looks binary (NUL byte at byte offset \(nul)), not markdown",
                at: SourceLocation(path: path, line: line, column: column))))
        }
        if let bad = firstInvalidUTF8(bytes) {
            let (line, column) = lineAndColumn(of: bad, in: bytes)
            return .failure(DiagnosticError(.error(
                .invalidUtf8, "invalid UTF-8 at byte offset \(bad)",
                at: SourceLocation(path: path, line: line, column: column),
                note: "save the file as UTF-8")))
        }
        return .success(bytes)
    }

    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (Int, Int) {
        var line = 1, lineStart = 0
        for i in 0..<min(offset, bytes.count) where bytes[i] == 0x0A {
            line += 1
            lineStart = i + 1
        }
        return (line, offset - lineStart + 1)
    }

    /// Offset of the first byte that does not start or continue a valid UTF-8 sequence.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var minSecond: UInt8 = 0x80, maxSecond: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; minSecond = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; maxSecond = 0x9F
            case 0xF0: length = 4; minSecond = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; maxSecond = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            if bytes[i + 1] < minSecond || bytes[i + 1] > maxSecond { return i }
            for k in 2..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }
}
