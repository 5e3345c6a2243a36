import Yams

/// Reads `runbooks/<id>.yml` into a `Runbook`. A bad field is reported where it is written and left
/// out; the rest is still read, so that one run shows every problem.
struct RunbookDecoder {
    let source: YAMLSource
    private(set) var diagnostics: [Diagnostic] = []

    init(source: YAMLSource) { self.source = source }

    private var path: String { source.path }

    mutating func decode() -> (Runbook?, [Diagnostic]) {
        let root: Node?
        do { root = try source.compose() } catch { return (nil, [error.diagnostic]) }
        guard let root else { return (nil, [.error(.invalidRunbook, "runbook file is empty", at: SourceLocation(path: path))]) }
        var runbook = Runbook(id: Routes.split(path).1, title: "", path: path)
        for (key, value, at) in source.fields(of: root, allowed: Runbook.keys, what: "runbook \(path)", into: &diagnostics) {
            switch key {
            case "title", "intro", "outro":
                runbook.textLocations[key] = textStart(value)
                if key == "title" { runbook.title = value.string ?? "" } else if key == "intro" { runbook.intro = value.string } else { runbook.outro = value.string }
            case "when":
                runbook.when = condition(value, at: at)
                runbook.whenLocation = source.location(value.mark)
            case "sections":
                guard let items = value.sequence else {
                    diagnostics.append(.error(.invalidRunbook, "sections must be a list", at: at))
                    continue
                }
                runbook.sections += items.compactMap { section($0) }
            default: break
            }
        }
        if runbook.title.isEmpty { diagnostics.append(.error(.invalidRunbook, "runbook needs a title", at: SourceLocation(path: path))) }
        if runbook.sections.isEmpty { diagnostics.append(.error(.invalidRunbook, "runbook has no sections", at: SourceLocation(path: path))) }
        let usable = !runbook.title.isEmpty && !runbook.sections.isEmpty
        return (usable ? runbook : nil, sortedDiagnostics(diagnostics))
    }

    /// One item of `sections:`; nil (reported) without `page:`.
    private mutating func section(_ item: Node) -> Runbook.Section? {
        let itemAt = source.location(item.mark)
        var section = Runbook.Section(page: "", location: itemAt)
        for (k, v, kAt) in source.fields(of: item, allowed: Runbook.sectionKeys, what: "section", into: &diagnostics) {
            switch k {
            case "page": section.page = v.string ?? ""
            case "section": section.section = v.string
            case "when":
                section.when = condition(v, at: kAt)
                section.whenLocation = source.location(v.mark)
            case "title", "owner", "verify":
                section.textLocations[k] = textStart(v)
                if k == "title" { section.title = v.string } else if k == "owner" { section.owner = v.string } else { section.verify = v.string }
            case "step":
                guard let b = v.bool else { diagnostics.append(.error(.invalidRunbook, "step must be true or false", at: kAt)); continue }
                section.step = b
            case "estimate":
                guard let minutes = Runbook.minutes(v.string ?? "") else {
                    diagnostics.append(.error(.invalidRunbook, "estimate '\(v.string ?? "")' is not a duration like 15m, 1h or 1h30m", at: kAt))
                    continue
                }
                section.estimate = minutes
            default: break
            }
        }
        guard !section.page.isEmpty else {
            diagnostics.append(.error(.invalidRunbook, "each section needs `page:`", at: itemAt))
            return nil
        }
        return section
    }

    /// The first character of a scalar's text (after its opening quote).
    private func textStart(_ node: Node) -> SourceLocation {
        var location = source.location(node.mark)
        if let style = node.scalar?.style, style == .singleQuoted || style == .doubleQuoted { location.column += 1 }
        return location
    }

    private mutating func condition(_ node: Node, at: SourceLocation) -> Condition? {
        guard let text = node.string else {
            diagnostics.append(.error(.invalidCondition, "`when:` must be a condition such as vars.deployment == \"server\"", at: at))
            return nil
        }
        do { return try ConditionParser.parse(text) } catch {
            var location = source.location(node.mark)
            location.column += error.offset + (node.scalar?.style == .plain ? 0 : 1)
            diagnostics.append(.error(.invalidCondition, error.message, at: location))
            return nil
        }
    }
}
