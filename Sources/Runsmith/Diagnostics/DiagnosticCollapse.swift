/// A problem inside an include or partial that 25 pages use is one diagnostic (with a count), not 25:
/// it is the same text at the same place. Problems at different places all stay, for JSON and GitHub;
/// the human format groups those (`DiagnosticGroup`).
public enum DiagnosticCollapse {
    private struct Key: Hashable {
        var code: DiagnosticCode
        var location: SourceLocation?
        var message: String
        init(_ d: Diagnostic) { (code, location, message) = (d.code, d.location, d.message) }
    }

    public static func collapse(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        var groups: [Key: (first: Int, count: Int)] = [:]
        groups.reserveCapacity(diagnostics.count)
        for (i, d) in diagnostics.enumerated() {
            groups[Key(d), default: (i, 0)].count += 1
        }
        guard groups.count < diagnostics.count else { return diagnostics }
        return diagnostics.enumerated().compactMap { i, d in
            guard let g = groups[Key(d)], g.first == i else { return nil }
            guard g.count > 1 else { return d }
            var kept = d
            kept.note = [d.note, "the same problem reached through \(g.count) pages; the first is shown"].compactMap { $0 }.joined(separator: "; ")
            return kept
        }
    }
}

/// Past `perFile` problems of one code in one file, the rest are counted, not listed: 100,000 unclosed
/// `:::note` lines are the first 100 errors and one entry that counts the other 99,900 (its `count`), so
/// the report, the JSON and the annotations stay readable and are made in linear time.
public enum DiagnosticLimit {
    public static let perFile = 100

    /// One page's problems, capped: sorted by place first, so that the first ones listed are the first in
    /// the file. Those of an include the page reaches twice count twice.
    public static func capPage(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        cap(sortedDiagnostics(diagnostics))
    }

    /// `diagnostics` sorted by place (as a build sorts them); the counting entry takes the place of the
    /// first problem it stands for.
    public static func cap(_ diagnostics: [Diagnostic], perFile limit: Int = perFile) -> [Diagnostic] {
        struct Key: Hashable { var path: String; var code: DiagnosticCode; var severity: Severity }
        var seen: [Key: Int] = [:]
        var summary: [Key: Int] = [:]
        var kept: [Diagnostic] = []
        for d in diagnostics {
            guard let location = d.location else { kept.append(d); continue }
            let key = Key(path: location.path, code: d.code, severity: d.severity)
            let n = seen[key, default: 0] + d.weight
            seen[key] = n
            if n - d.weight < limit {
                kept.append(d)
            } else if let at = summary[key] {
                kept[at].count = (kept[at].count ?? 0) + d.weight
            } else {
                summary[key] = kept.count
                var counted = Diagnostic(d.severity, d.code, "", at: location, includeChain: d.includeChain)
                counted.count = d.weight
                kept.append(counted)
            }
        }
        for (key, at) in summary {
            let n = kept[at].weight, kind = key.severity == .error ? "error" : "warning"
            kept[at].message = "\(n) more \(key.code) \(kind)\(n == 1 ? "" : "s") in \(key.path), from here on, "
                + "are counted, not listed (the first \(limit) are)"
        }
        return kept
    }
}
