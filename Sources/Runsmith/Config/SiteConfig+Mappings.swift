import Yams

extension SiteConfig {
    /// `spaces:`, `claims:`, `limits:` and `severity:`: mappings whose every entry is checked where it is written.
    mutating func readMapping(_ key: String, _ value: Node, at: SourceLocation, source: YAMLSource,
                              into diagnostics: inout [Diagnostic]) {
        func bad(_ message: String) { diagnostics.append(.error(.invalidConfig, message, at: at)) }
        switch key {
        case "spaces":
            guard let mapping = value.mapping else { bad("spaces must map GitBook space ids to a folder or URL"); return }
            for (id, target) in mapping {
                guard let id = id.string, let target = target.string, !target.isEmpty else {
                    bad("spaces: each entry is `space-id: folder/ or https://…`"); continue
                }
                spaces[id] = target
            }
        case "claims":
            guard let mapping = value.mapping else { bad("claims must map GitBook claim names to tenant variables"); return }
            for (claim, variable) in mapping {
                guard let claim = claim.string, let variable = variable.string else {
                    bad("claims: each entry is `claim: variable`"); continue
                }
                claims[claim] = variable
            }
        case "limits":
            guard let mapping = value.mapping else { bad("limits must map include_depth, includes or expanded_bytes to a number"); return }
            for (key, number) in mapping {
                let at = source.location(key.mark)
                guard let name = key.string, ["include_depth", "includes", "expanded_bytes"].contains(name) else {
                    diagnostics.append(.error(.invalidConfig, "limits: unknown limit '\(key.string ?? "")'", at: at,
                                              note: "the limits are include_depth, includes and expanded_bytes"))
                    continue
                }
                guard let n = number.int, n > 0 else {
                    diagnostics.append(.error(.invalidConfig, "limits: \(name) must be a whole number above 0", at: source.location(number.mark)))
                    continue
                }
                switch name {
                case "include_depth": limits.maxIncludeDepth = n
                case "includes": limits.maxIncludes = n
                default: limits.maxExpandedBytes = n
                }
            }
        case "severity":
            guard let mapping = value.mapping else { bad("severity must map diagnostic codes to error, warning or off"); return }
            for (key, level) in mapping {
                guard let name = key.string else { continue }
                guard let code = DiagnosticCode(rawValue: name) else {
                    diagnostics.append(.error(.invalidConfig, "severity: unknown diagnostic code '\(name)'",
                                              at: source.location(key.mark), note: "the codes are listed in docs/diagnostics.md"))
                    continue
                }
                switch level.string {
                case "error": severity[code] = .error
                case "warning": severity[code] = .warning
                case "off": severity[code] = .some(nil)
                default: diagnostics.append(.error(.invalidConfig, "severity of '\(code)' must be error, warning or off",
                                                   at: source.location(level.mark)))
                }
            }
        default: break
        }
    }
}
