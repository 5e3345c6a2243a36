/// A pattern of Python's `re` said in PCRE2's syntax. The two agree on what Pygments' lexers use
/// (classes, groups, lazy and possessive quantifiers, look-around, `(?P<name>…)`, inline flags) but
/// for a few spellings, rewritten here:
/// - `\Z` is Python's end of text, PCRE2's `\z` (PCRE2's `\Z` also stops before a last newline);
/// - `\v` is Python's vertical tab, a class of vertical space in PCRE2: written `\x0b`;
/// - `\uXXXX` and `\UXXXXXXXX` are code points in Python, written `\x{…}`;
/// - `{,n}` is Python's `{0,n}` (PCRE2 10.42 reads it literally);
/// - `[` inside a class is literal in Python, the start of `[:alpha:]` in PCRE2: escaped.
/// Anything else passes as it is; a pattern PCRE2 then rejects leaves its lexer to Python.
enum PythonPattern {
    /// nil for what cannot be said in PCRE2 (`\N{NAME}`).
    static func pcre2(_ pattern: String, verbose: Bool) -> String? {
        let chars = Array(pattern.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0, inClass = false
        func append(_ text: String) { out.append(contentsOf: text.unicodeScalars) }
        while i < chars.count {
            let c = chars[i]
            if c == "\\" {
                guard i + 1 < chars.count else { out.append(c); i += 1; continue }
                let e = chars[i + 1]
                switch e {
                case "Z" where !inClass: append("\\z"); i += 2
                case "v": append("\\x0b"); i += 2
                case "u", "U":
                    let width = e == "u" ? 4 : 8
                    guard i + 1 + width < chars.count,
                          let value = UInt32(String(String.UnicodeScalarView(chars[(i + 2)...(i + 1 + width)])), radix: 16)
                    else { return nil }
                    append("\\x{\(String(value, radix: 16))}"); i += 2 + width
                case "N": return nil
                default: out.append(c); out.append(e); i += 2
                }
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
                if c == "[" { append("\\[") } else { out.append(c) }
                i += 1
                continue
            }
            switch c {
            case "[":
                inClass = true
                out.append(c); i += 1
                // A `]` first (after an optional `^`) is a member, not the end.
                if i < chars.count, chars[i] == "^" { out.append(chars[i]); i += 1 }
                if i < chars.count, chars[i] == "]" { append("\\]"); i += 1 }
            case "{" where i + 1 < chars.count && chars[i + 1] == ",":
                var j = i + 2
                while j < chars.count, ("0"..."9").contains(chars[j]) { j += 1 }
                if j > i + 2, j < chars.count, chars[j] == "}" {
                    append("{0,"); i += 2
                } else {
                    out.append(c); i += 1
                }
            case "#" where verbose:
                // A comment to the end of the line: copied untouched.
                while i < chars.count, chars[i] != "\n" { out.append(chars[i]); i += 1 }
            default:
                out.append(c); i += 1
            }
        }
        return String(out)
    }
}
