/// Diagnostics with the same severity, code and message, for the human format: a space that links 10,000
/// times into an unmapped space (its id is in the message) gets one frame with a count, not 10,000.
struct DiagnosticGroup {
    /// In the order given (sorted by place, for a build); the first is the one shown in full.
    var members: [Diagnostic]
    var first: Diagnostic { members[0] }

    static func grouping(_ diagnostics: [Diagnostic]) -> [DiagnosticGroup] {
        struct Key: Hashable { var severity: Severity; var code: DiagnosticCode; var message: String }
        var index: [Key: Int] = [:]
        var groups: [DiagnosticGroup] = []
        for d in diagnostics {
            let key = Key(severity: d.severity, code: d.code, message: d.message)
            if let i = index[key] {
                groups[i].members.append(d)
            } else {
                index[key] = groups.count
                groups.append(DiagnosticGroup(members: [d]))
            }
        }
        return groups
    }
}

/// What the human format leaves out, and the table it ends with.
struct DiagnosticSummary {
    /// Beyond this many groups of one warning code, the rest are only counted; errors are all shown.
    static let warningGroupsPerCode = 10

    var shown: [DiagnosticGroup] = []
    /// Per warning code, in order of first appearance: the groups and diagnostics not shown.
    var hidden: [(code: DiagnosticCode, groups: Int, diagnostics: Int)] = []
    /// Errors first, then by count (most first), then by code.
    var rows: [(count: Int, severity: Severity, code: DiagnosticCode)] = []

    init(_ diagnostics: [Diagnostic]) {
        var seen: [DiagnosticCode: Int] = [:]
        var hiddenIndex: [DiagnosticCode: Int] = [:]
        for group in DiagnosticGroup.grouping(diagnostics) {
            let d = group.first
            guard d.severity == .warning else { shown.append(group); continue }
            seen[d.code, default: 0] += 1
            if seen[d.code, default: 0] <= Self.warningGroupsPerCode { shown.append(group); continue }
            let i = hiddenIndex[d.code] ?? hidden.count
            if i == hidden.count { hiddenIndex[d.code] = i; hidden.append((d.code, 0, 0)) }
            hidden[i].groups += 1
            hidden[i].diagnostics += group.members.reduce(0) { $0 + $1.weight }
        }
        struct Row: Hashable { var severity: Severity; var code: DiagnosticCode }
        var counts: [Row: Int] = [:]
        for d in diagnostics { counts[Row(severity: d.severity, code: d.code), default: 0] += d.weight }
        rows = counts.map { row, count in (count, row.severity, row.code) }
            .sorted { a, b in
                if a.severity != b.severity { return a.severity > b.severity }
                if a.count != b.count { return a.count > b.count }
                return a.code < b.code
            }
    }

    /// `     84  error     broken-link`, under a header; the count column widens for six-digit counts.
    var table: String {
        let width = max(5, String(rows.map(\.count).max() ?? 0).count)
        func pad(_ s: String, _ n: Int) -> String { String(repeating: " ", count: max(0, n - s.count)) }
        var out = "  \(pad("count", width))count  severity  code\n"
        for row in rows {
            let count = String(row.count), severity = row.severity.rawValue
            out += "  \(pad(count, width))\(count)  \(severity)\(pad(severity, 8))  \(row.code)\n"
        }
        return out
    }
}
