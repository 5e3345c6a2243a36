import Foundation

/// Where one line of preprocessed markdown came from.
public struct LineOrigin: Sendable, Equatable {
    public var file: Int32
    public var line: Int32
    /// Source column = output column + shift (includes are re-indented into their list item).
    public var columnShift: Int32
    /// Index into `PreprocessedPage.chains`.
    public var chain: Int32
}

/// A page's markdown after frontmatter, includes and directives were handled: the bytes cmark parses,
/// a map from each of their lines back to the file and line it came from, and the directive table.
public struct PreprocessedPage: Sendable {
    public var path: String
    public var text: [UInt8] = []
    public var lines: [LineOrigin] = []
    public var files: [String] = []
    /// Include chains (outermost first); index 0 is the page itself (no chain).
    public var chains: [[SourceLocation]] = [[]]
    public var directives: [DirectiveInstance] = []
    public var frontmatter = Frontmatter()
    /// Output lines between `{% raw %}` and `{% endraw %}`: shown exactly as written, never flagged.
    public var literalLines: Set<Int> = []
    /// Lines of branches this tenant does not get: what the leak audit makes sure never shows up anyway.
    public var withheld: [String] = []
    /// The page (or an include) has `{% if %}`-style conditions: tenants may get different versions of it.
    public var conditional = false
    /// Each condition decided for the tenant, in order (those inside a branch not taken are not decided).
    public var decisions: [ConditionDecision] = []
    /// Every file this page pulled in, for dependency tracking.
    public var includedFiles: Set<String> = []

    public init(path: String) { self.path = path }

    /// Maps a cmark position (1-based line, byte column) in `text` back to its source.
    public func origin(line: Int, column: Int) -> (location: SourceLocation, chain: [SourceLocation]) {
        guard line >= 1, line <= lines.count else {
            return (SourceLocation(path: path, line: max(line, 1), column: max(column, 1)), [])
        }
        let o = lines[line - 1]
        let col = max(1, column + Int(o.columnShift))
        return (SourceLocation(path: files[Int(o.file)], line: Int(o.line), column: col), chains[Int(o.chain)])
    }

    /// The file a line of `text` came from (links in includes resolve against it).
    public func file(ofLine line: Int) -> String {
        guard line >= 1, line <= lines.count else { return path }
        return files[Int(lines[line - 1].file)]
    }

    public static let markerPrefix = "<!--rs:"

    /// The directive index a marker HTML block stands for.
    public static func markerIndex(_ literal: String) -> Int? { markerIndex(bytes: literal.utf8) }

    /// The directive index of a marker (`<!--rs:12-->`, blanks around it allowed), read from its bytes.
    public static func markerIndex<Bytes: BidirectionalCollection>(bytes: Bytes) -> Int? where Bytes.Element == UInt8 {
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D }
        guard let first = bytes.firstIndex(where: { !blank($0) }), let last = bytes.lastIndex(where: { !blank($0) }) else { return nil }
        let trimmed = bytes[first...last]
        let prefix = markerPrefix.utf8, suffix = "-->".utf8
        guard trimmed.count > prefix.count + suffix.count, trimmed.starts(with: prefix),
              trimmed.reversed().starts(with: suffix.reversed()) else { return nil }
        var value = 0
        for byte in trimmed.dropFirst(prefix.count).dropLast(suffix.count) {
            guard byte >= 0x30, byte <= 0x39, value < Int.max / 10 - 9 else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }
}

/// Bounds that keep hostile or runaway input from exhausting the machine: what one page may grow to
/// through its includes and partials (`limits:` in runsmith.yml). Past a limit the page is an error
/// naming it, never a hang or a page cut short in silence.
public struct PreprocessLimits: Sendable, Equatable {
    /// Includes within includes, the page itself not counted.
    public var maxIncludeDepth = 32
    /// The page's text with everything expanded.
    public var maxExpandedBytes = 64 << 20
    /// Expansions in all: a diamond of includes 20 levels deep would be 2^20 of them.
    public var maxIncludes = 20_000
    public init() {}
}

/// One `{% if %}`, `{% elsif %}` or `{% unless %}` as it was decided for a tenant: what `runsmith diff`
/// compares between two tenants.
public struct ConditionDecision: Codable, Sendable, Hashable {
    public var location: SourceLocation
    /// `if`, `elsif` or `unless`.
    public var tag: String
    /// The condition as written.
    public var condition: String
    /// Whether the condition holds (for `unless`, the branch is taken when it does not).
    public var holds: Bool
}
