/// `{% stepper %}` with `{% step %}`: a numbered list of steps (a runbook's checklist ticks each one).
enum StepperBlock: DirectiveBlock {
    static let tags: [String: DirectiveShape] = ["stepper": .block(parent: nil), "step": .block(parent: "stepper")]

    /// How a step opens: checklists find steps by it.
    static let stepOpening = "<li class=\"rs-step\">\n"

    static func render(_ node: MarkdownNode, _ d: DirectiveInstance, index: Int, page: ParsedPage) {
        if d.name == "step" { node.wrap(stepOpening, "</li>\n") } else { node.wrap("<ol class=\"rs-stepper\">\n", "</ol>\n") }
    }
}
