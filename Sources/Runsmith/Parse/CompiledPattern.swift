import CPCRE2

/// A regular expression compiled by PCRE2 (JIT-compiled where the machine allows), matched anchored
/// at a byte offset of UTF-8 text: what a lexer's rule asks at each position. Compiled once, it is
/// read-only and matched from any thread; each thread brings its own `PatternMatch`.
final class CompiledPattern: @unchecked Sendable {
    private let code: OpaquePointer
    /// Capture groups, not counting the whole match.
    let groups: Int

    /// PCRE2's syntax; nil when PCRE2 rejects it.
    init?(_ pattern: String, options: PatternOptions) {
        var errorCode: Int32 = 0
        var errorOffset = 0
        var pattern = pattern
        // Anchored: a match starts at the offset asked, as Python's `pattern.match(text, pos)`.
        let compiled = pattern.withUTF8 { bytes in
            pcre2_compile_8(bytes.baseAddress ?? UnsafePointer(bitPattern: 1), bytes.count,
                            options.pcre2 | PCRE2_ANCHORED, &errorCode, &errorOffset, nil)
        }
        guard let compiled else { return nil }
        code = compiled
        var count: UInt32 = 0
        pcre2_pattern_info_8(compiled, UInt32(PCRE2_INFO_CAPTURECOUNT), &count)
        groups = Int(count)
        // Without JIT (an unusual machine) PCRE2 interprets the pattern: slower, same answers.
        _ = pcre2_jit_compile_8(compiled, PCRE2_JIT_COMPLETE)
    }

    deinit { pcre2_code_free_8(code) }

    /// Matches at `offset` of `text` (valid UTF-8, `offset` on a character's first byte), filling `match`.
    func match(_ text: UnsafeBufferPointer<UInt8>, at offset: Int, into match: PatternMatch) -> PatternMatch.Outcome {
        let rc = pcre2_match_8(code, text.baseAddress ?? UnsafePointer(bitPattern: 1), text.count, offset,
                               PCRE2_NO_UTF_CHECK, match.data, nil)
        if rc > 0 { match.set = Int(rc); return .matched }
        return rc == PCRE2_ERROR_NOMATCH ? .none : .failed
    }
}

/// What Python's `re` flags ask of a pattern, as PCRE2 is told it.
struct PatternOptions: Sendable {
    var ignoreCase = false, multiline = false, dotAll = false, verbose = false
    /// `\w`, `\d`, `\s`, `\b` and case folding by Unicode's classes (Python's default for text).
    var unicode = true

    var pcre2: UInt32 {
        var options = PCRE2_UTF
        if unicode { options |= PCRE2_UCP }
        if ignoreCase { options |= PCRE2_CASELESS }
        if multiline { options |= PCRE2_MULTILINE }
        if dotAll { options |= PCRE2_DOTALL }
        if verbose { options |= PCRE2_EXTENDED }
        return options
    }
}

/// One thread's room for a match's offsets, sized for the widest pattern it is used with.
final class PatternMatch {
    enum Outcome { case matched, none, failed }
    fileprivate let data: OpaquePointer
    private let offsets: UnsafeMutablePointer<Int>
    /// Pairs of offsets the last match set (the whole match and the groups up to the last that took part).
    fileprivate(set) var set = 0

    init(groups: Int) {
        data = pcre2_match_data_create_8(UInt32(groups + 1), nil)
        offsets = pcre2_get_ovector_pointer_8(data)
    }

    deinit { pcre2_match_data_free_8(data) }

    /// Byte range of the whole match (0) or of a group; nil for a group that took no part.
    func range(_ group: Int) -> Range<Int>? {
        guard group < set else { return nil }
        let start = offsets[2 * group], end = offsets[2 * group + 1]
        // PCRE2_UNSET is all bits set: -1 as a signed size.
        guard start >= 0, end >= start else { return nil }
        return start..<end
    }
}
