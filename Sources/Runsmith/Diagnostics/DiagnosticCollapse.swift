/// Keeps a build's report readable: a problem inside an include or partial that 25 pages use is one
/// diagnostic (with a count), not 25; an unknown MDX component is reported once, at its first use.
public enum DiagnosticCollapse {
    public static func collapse(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        struct Group { var first: Int; var count: Int; var files: Set<String> }
        func key(_ d: Diagnostic) -> String {
            // Components by name across the build; everything else by code, place and message.
            d.code == "unknown-component" ? "component|\(d.message)" : "\(d.code)|\(d.location.map { "\($0)" } ?? "")|\(d.message)"
        }
        var groups: [String: Group] = [:]
        for (i, d) in diagnostics.enumerated() {
            let k = key(d)
            var g = groups[k] ?? Group(first: i, count: 0, files: [])
            g.count += 1
            g.files.insert(d.includeChain.first?.path ?? d.location?.path ?? "")
            groups[k] = g
        }
        return diagnostics.enumerated().compactMap { i, d in
            guard let g = groups[key(d)], g.first == i else { return nil }
            guard g.count > 1 else { return d }
            var kept = d
            let repeated = d.code == "unknown-component"
                ? "used \(g.count) times in \(g.files.count) files; the first is shown"
                : "the same problem reached through \(g.count) pages; the first is shown"
            kept.note = [d.note, repeated].compactMap { $0 }.joined(separator: "; ")
            return kept
        }
    }
}
