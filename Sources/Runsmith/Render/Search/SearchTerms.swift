/// How text becomes search terms, the same way on both sides: here when the index is built, and in
/// `search.js` when a reader types (`fold` and `terms` there mirror these, rule for rule).
/// - folded: compatibility-decomposed (NFKD), every combining mark dropped (`\p{M}`), lowercased — so
///   `Café`, `CAFE` and `café` are one term;
/// - split into runs of letters and digits (`\p{L}`, `\p{N}`);
/// - Han and kana, which are written without spaces, one character per term;
/// - a run longer than `maxLength` characters (a hash, a key) is no term at all.
enum SearchTerms {
    static let maxLength = 40

    /// The terms of `text`, in order, repeats kept. Read as UTF-8 bytes: a word of ASCII letters and
    /// digits (most words) is lowercased byte by byte; a run of bytes between ASCII separators that holds
    /// anything else takes the Unicode path. Both give what the Unicode path alone would: an ASCII
    /// separator separates either way.
    static func terms(_ text: String) -> [String] {
        var terms: [String] = []
        var text = text
        text.withUTF8 { bytes in
            var start = 0, ascii = true
            func flush(_ end: Int) {
                if end > start {
                    let run = UnsafeBufferPointer(rebasing: bytes[start..<end])
                    if ascii {
                        if run.count <= maxLength { terms.append(String(unsafeUninitializedCapacity: run.count) { out in
                            for (i, byte) in run.enumerated() { out[i] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
                            return run.count
                        }) }
                    } else {
                        terms += unicodeTerms(String(decoding: run, as: UTF8.self))
                    }
                }
            }
            for (i, byte) in bytes.enumerated() {
                if byte >= 0x80 {
                    ascii = false
                } else if !isASCIIWordByte(byte) {
                    flush(i)
                    start = i + 1
                    ascii = true
                }
            }
            flush(bytes.count)
        }
        return terms
    }

    static func isASCIIWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x41 && byte <= 0x5A)
    }

    /// The rules on Unicode scalars, for text beyond ASCII.
    static func unicodeTerms(_ text: String) -> [String] {
        var terms: [String] = []
        var run = String.UnicodeScalarView()
        var runLength = 0
        func flush() {
            if runLength > 0, runLength <= maxLength { terms.append(String(run)) }
            run = String.UnicodeScalarView()
            runLength = 0
        }
        for scalar in fold(text).unicodeScalars {
            if isIdeographic(scalar) {
                flush()
                terms.append(String(scalar))
            } else if isWordScalar(scalar) {
                run.append(scalar)
                runLength += 1
            } else {
                flush()
            }
        }
        flush()
        return terms
    }

    /// NFKD, marks dropped, lowercased. ASCII text (most of it) takes a fast path with the same result.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text.lowercased() }
        var kept = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCompatibilityMapping.unicodeScalars where !isMark(scalar) {
            kept.append(scalar)
        }
        return String(kept).lowercased()
    }

    /// The index shard a term is in: its first two characters (one for a one-character term).
    static func shard(of term: String) -> String { String(term.unicodeScalars.prefix(2)) }

    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: true
        default: false
        }
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x30 && v <= 0x39) || (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// Han (CJK ideographs and their extensions), hiragana and katakana: written without spaces. Korean
    /// is written with spaces between words, and NFKD makes its syllables into jamo: a word is a run.
    static func isIdeographic(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F: true
        default: false
        }
    }
}
