/// `runsmith diff`'s readable form: one line per runbook, indented lines per step that differs, and under
/// each step or docs page that reads differently its conditions, values and unified diff.
extension TenantComparison {
    public var text: String {
        var out = ["Comparing \(a.id) (\(a.name)) with \(b.id) (\(b.name))", ""]
        for runbook in runbooks {
            switch runbook.gets {
            case .both: out.append("runbook \(runbook.id): both get it" + (runbook.steps.isEmpty ? ", and read it the same" : ""))
            case .neither: out.append("runbook \(runbook.id): neither gets it")
            case .a, .b: out.append("runbook \(runbook.id): only \(name(runbook.gets)) gets it")
            }
            for step in runbook.steps {
                let place = step.title == step.source ? step.source : "\(step.title) (\(step.source))"
                switch step.gets {
                case .both: out.append("  section \(step.section), \(place): reads differently")
                default: out.append("  section \(step.section), \(place): only \(name(step.gets)) gets it")
                }
                if let content = step.content { out += lines(content, indent: "    ") }
            }
        }
        if !pages.isEmpty { out.append("") }
        for page in pages {
            out.append("docs page \(page.page): reads differently")
            out += lines(page.content, indent: "    ")
        }
        return out.joined(separator: "\n") + "\n"
    }

    private func name(_ gets: Gets) -> String { gets == .a ? a.id : b.id }

    private func lines(_ content: ContentDifference, indent: String) -> [String] {
        var out: [String] = []
        for branch in content.branches {
            let holds = branch.a ? (a.id, b.id) : (b.id, a.id)
            out.append(indent + "\(branch.tag) at \(branch.at): holds for \(holds.0), not for \(holds.1)")
        }
        for value in content.values {
            let shown = { (v: String?) in v.map { "\"\($0)\"" } ?? "(not shown)" }
            out.append(indent + "{{ \(value.reference) }}: \(a.id) \(shown(value.a)), \(b.id) \(shown(value.b))")
        }
        out += content.diff.map { indent + $0 }
        return out
    }
}
