import Yams

/// YAML text from one file (a whole config file, or a frontmatter block starting at `firstLine`),
/// composed into Yams nodes with every error turned into a located `Diagnostic`.
struct YAMLSource {
    let path: String
    let text: String
    /// The file line where `text` starts (frontmatter starts after its `---`).
    let firstLine: Int

    func location(_ mark: Mark?) -> SourceLocation {
        SourceLocation(path: path, line: firstLine + (mark?.line ?? 1) - 1, column: mark?.column ?? 1)
    }

    /// The root node, nil for an empty document; throws a located diagnostic on a YAML syntax error.
    func compose() throws(DiagnosticError) -> Node? {
        do {
            // UTF-8, named: Yams' `.default` reads the whole process environment on every call (a frontmatter
            // block per page), and on native Swift strings it comes to UTF-8 anyway.
            return try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let error as YamlError {
            switch error {
            case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
                 .composer(_, let problem, let mark, _):
                throw DiagnosticError(.error(.invalidYaml, "invalid YAML: \(problem)", at: location(mark)))
            case .reader(let problem, _, _, _):
                throw DiagnosticError(.error(.invalidYaml, "invalid YAML: \(problem)", at: location(nil)))
            default:
                throw DiagnosticError(.error(.invalidYaml, "invalid YAML: \(error)", at: location(nil)))
            }
        } catch {
            throw DiagnosticError(.error(.invalidYaml, "invalid YAML: \(error)", at: location(nil)))
        }
    }

    /// The key/value pairs of a mapping node, rejecting keys not in `allowed` (a typo is an error, not a no-op).
    func fields(of node: Node, allowed: Set<String>, what: String,
                into diagnostics: inout [Diagnostic]) -> [(key: String, value: Node, at: SourceLocation)] {
        guard let mapping = node.mapping else {
            diagnostics.append(.error(.invalidConfig, "\(what) must be a mapping of keys to values", at: location(node.mark)))
            return []
        }
        var result: [(String, Node, SourceLocation)] = []
        for (key, value) in mapping {
            let name = key.string ?? "\(key)"
            if !allowed.contains(name) {
                let known = allowed.sorted().joined(separator: ", ")
                diagnostics.append(.error(.unknownKey, "unknown key '\(name)' in \(what)", at: location(key.mark),
                                          note: "known keys: \(known)"))
                continue
            }
            result.append((name, value, location(key.mark)))
        }
        return result
    }
}

/// A diagnostic thrown by a stage that cannot go on with this input.
public struct DiagnosticError: Error, Sendable {
    public let diagnostic: Diagnostic
    public init(_ diagnostic: Diagnostic) { self.diagnostic = diagnostic }
}
