/// Where a problem is: a path relative to the content root, 1-based line and byte column.
public struct SourceLocation: Hashable, Sendable, Codable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }
}

public enum Severity: String, Sendable, Codable, Comparable {
    case warning, error
    public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
}

/// Every problem any stage finds. Stages collect these; one reporter prints them.
public struct Diagnostic: Sendable, Codable, Hashable, CustomStringConvertible {
    public var severity: Severity
    /// A stable kebab-case code (`broken-link`, `missing-anchor`, …); `runsmith.yml` can override its severity.
    public var code: DiagnosticCode
    public var message: String
    public var location: SourceLocation?
    /// Outermost first: the include directives that led to `location` (`a.md:3 → b.md:7`).
    public var includeChain: [SourceLocation]
    public var note: String?
    /// How many problems this entry stands for, when more than one: the entry that counts a file's
    /// problems of one code past `DiagnosticLimit.perFile`. Nil for an ordinary diagnostic.
    public var count: Int?
    /// The problems this entry stands for (1 for an ordinary diagnostic), for every tally.
    public var weight: Int { count ?? 1 }

    public init(_ severity: Severity, _ code: DiagnosticCode, _ message: String, at location: SourceLocation?,
                includeChain: [SourceLocation] = [], note: String? = nil) {
        self.severity = severity
        self.code = code
        self.message = message
        self.location = location
        self.includeChain = includeChain
        self.note = note
    }

    public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?,
                             includeChain: [SourceLocation] = [], note: String? = nil) -> Diagnostic {
        Diagnostic(.error, code, message, at: location, includeChain: includeChain, note: note)
    }

    public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?,
                               includeChain: [SourceLocation] = [], note: String? = nil) -> Diagnostic {
        Diagnostic(.warning, code, message, at: location, includeChain: includeChain, note: note)
    }

    public var description: String {
        "\(location.map { "\($0)" } ?? "runsmith"): \(severity.rawValue): \(message)"
    }
}

/// Orders diagnostics for deterministic output: by file, line, column, then message.
public func sortedDiagnostics(_ list: [Diagnostic]) -> [Diagnostic] {
    list.sorted { a, b in
        let la = a.location ?? SourceLocation(path: "", line: 0, column: 0)
        let lb = b.location ?? SourceLocation(path: "", line: 0, column: 0)
        if la.path != lb.path { return la.path < lb.path }
        if la.line != lb.line { return la.line < lb.line }
        if la.column != lb.column { return la.column < lb.column }
        return a.message < b.message
    }
}
