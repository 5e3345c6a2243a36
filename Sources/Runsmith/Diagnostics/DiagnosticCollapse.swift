/// A problem inside an include or partial that 25 pages use is one diagnostic (with a count), not 25:
/// it is the same text at the same place. Problems at different places all stay, for JSON and GitHub;
/// the human format groups those (`DiagnosticGroup`).
public enum DiagnosticCollapse {
    public static func collapse(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        func key(_ d: Diagnostic) -> String { "\(d.code)|\(d.location.map { "\($0)" } ?? "")|\(d.message)" }
        var groups: [String: (first: Int, count: Int)] = [:]
        for (i, d) in diagnostics.enumerated() {
            groups[key(d), default: (i, 0)].count += 1
        }
        return diagnostics.enumerated().compactMap { i, d in
            guard let g = groups[key(d)], g.first == i else { return nil }
            guard g.count > 1 else { return d }
            var kept = d
            kept.note = [d.note, "the same problem reached through \(g.count) pages; the first is shown"].compactMap { $0 }.joined(separator: "; ")
            return kept
        }
    }
}
