/// A run of a code block's text and the class its highlighter gave it: Pygments' short token class
/// (`k` keyword, `s2` string, `c1` comment…), or "" for plain text.
struct CodeToken: Equatable, Sendable {
    var kind: String
    var text: String
}

/// A code block as the highlighter is asked about it.
struct CodeSample: Hashable, Sendable {
    /// The fence's language, as written (`bash`, `JSON5`, `tsx`).
    var language: String
    var code: String
}

/// What colours code: the tokens of each block, nil for a block whose language it does not know.
protocol CodeHighlighter: Sendable {
    /// One answer per sample, in order; a failure when the highlighter cannot run at all.
    func tokens(for samples: [CodeSample]) -> Result<[[CodeToken]?], HighlighterFailure>
}

/// Why no code is highlighted: said once for the whole build.
struct HighlighterFailure: Error, Equatable, Sendable {
    var reason: String

    var diagnostic: Diagnostic {
        .error(.highlighterUnavailable, "code is not highlighted: \(reason)", at: nil,
               note: "install Pygments (`apt install python3-pygments` or `pip install Pygments`), or set `highlight: off` in runsmith.yml")
    }
}
