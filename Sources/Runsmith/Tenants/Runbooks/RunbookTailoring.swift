/// A runbook's own text — title, intro, outro, and each section's title, owner and verify — as one tenant
/// gets it: its `{{ }}` filled in once, here, so that the runbook page, its checklist, `runbook.json` and
/// the index pages all show the same words. Each value is data; every output escapes it its own way.
extension Runbook {
    /// The runbook with this tenant's values in, and each problem at its field (placeholders where a
    /// value could not be filled in, never the raw `{{ }}`).
    public func tailored(for context: TenantContext) -> (Runbook, [Diagnostic]) {
        var problems: [Diagnostic] = []
        func fill(_ text: String?, at location: SourceLocation?) -> String? {
            guard let text else { return nil }
            let (value, found) = context.substitute(text) { $0 }
            for (offset, problem) in found {
                var at = location ?? SourceLocation(path: path)
                // Columns hold on the field's first line; further down, the field's start is the place.
                if location != nil, !text.utf8.prefix(offset).contains(0x0A) { at.column += offset }
                problems.append(.error(problem.code, problem.message, at: at))
            }
            return value
        }
        var copy = self
        copy.title = fill(title, at: textLocations["title"]) ?? title
        copy.intro = fill(intro, at: textLocations["intro"])
        copy.outro = fill(outro, at: textLocations["outro"])
        for i in copy.sections.indices {
            let section = sections[i]
            copy.sections[i].title = fill(section.title, at: section.textLocations["title"])
            copy.sections[i].owner = fill(section.owner, at: section.textLocations["owner"])
            copy.sections[i].verify = fill(section.verify, at: section.textLocations["verify"])
        }
        return (copy, problems)
    }
}
