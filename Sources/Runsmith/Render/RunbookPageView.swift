/// `runbook.mustache`: a runbook's steps for one tenant, its closing words and where it came from.
/// The layout around it gets the title, the intro and estimate as lead, and the steps as table of contents.
struct RunbookPageView: TemplateView {
    static let template = "runbook"

    struct Step {
        var number: Int
        /// Stable across tenants and edits elsewhere (`runbook.json`'s step id).
        var id: String
        var title: String
        var owner: String?
        /// `1 h 15 min`.
        var estimate: String?
        var verify: String?
        /// Owner, estimate or verify is there.
        var hasMeta: Bool
        /// The step's content, already HTML: `{{{body}}}`.
        var body: String
    }

    var steps: [Step]
    var outro: String?
    /// The checklist, in the page itself: the runbook as one file (`--single-file`) carries its checklist.
    var checklist: ChecklistView? = nil
    /// The provenance line (tenant, runbook, version, source commit, generator), for the `provenance` partial.
    var provenance: String
}

extension RunbookPageView.Step {
    init(_ step: RunbookBuilder.Step) {
        number = step.number
        id = step.id
        title = step.title
        owner = step.section.owner
        estimate = step.section.estimate.map(Runbook.duration)
        verify = step.section.verify
        hasMeta = owner != nil || estimate != nil || verify != nil
        body = step.html
    }
}
