/// How heading text becomes an anchor id. Each preset is pinned by a table of examples in the tests.
public enum SlugPreset: String, Sendable, CaseIterable {
    /// Lowercase, punctuation dropped, runs of spaces/hyphens collapsed to one `-`, trimmed:
    /// "Azure DevOps - Integrate using Snyk AppRisk" → `azure-devops-integrate-using-snyk-apprisk`.
    case gitbook
    /// GitHub's heading anchors: lowercase, punctuation dropped, every space becomes `-`.
    case github
    /// Docusaurus (github-slugger): like `github`, duplicates get `-1`, `-2`.
    case docusaurus

    public func slug(_ text: String) -> String {
        let lower = text.lowercased()
        switch self {
        case .gitbook:
            var out = ""
            var pendingDash = false
            for scalar in lower.unicodeScalars {
                if scalar == " " || scalar == "-" || scalar == "\t" {
                    pendingDash = !out.isEmpty
                } else if Self.isWordScalar(scalar) {
                    if pendingDash { out.append("-"); pendingDash = false }
                    out.unicodeScalars.append(scalar)
                }
            }
            return out
        case .github, .docusaurus:
            var out = ""
            for scalar in lower.unicodeScalars {
                if scalar == " " { out.append("-") }
                else if scalar == "-" || Self.isWordScalar(scalar) { out.unicodeScalars.append(scalar) }
            }
            return out
        }
    }

    /// Letters, marks, digits and `_` (what `\w` keeps in the slug rules of these tools).
    static func isWordScalar(_ s: Unicode.Scalar) -> Bool {
        if s == "_" { return true }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }
}

/// Hands out unique ids within one page: the second "Setup" becomes `setup-1`.
public struct SlugRegistry: Sendable {
    private var used: [String: Int] = [:]
    public init() {}

    /// Marks an id as taken (explicit ids) without renaming it.
    public mutating func reserve(_ id: String) { used[id, default: 0] += 0 }

    public mutating func unique(_ base: String) -> String {
        let base = base.isEmpty ? "section" : base
        guard used[base] != nil else { used[base] = 0; return base }
        var n = used[base]! + 1
        while used["\(base)-\(n)"] != nil { n += 1 }
        used[base] = n
        used["\(base)-\(n)"] = 0
        return "\(base)-\(n)"
    }
}
