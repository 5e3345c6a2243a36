/// A runbook's checklist: its items, each with a stable id, written as a page to tick off in the browser
/// (ticks kept in `localStorage`, works from `file://`) and to print and sign.
enum Checklist {
    struct Item {
        var id: String
        /// runbook + section: where a changed item's old tick is reported.
        var key: String
        /// runbook + section + place in it: the one item a changed item's old tick is reported on.
        var slot: String
        /// The step it belongs to.
        var step: Int
        var number: String
        var text: String
        var section: Runbook.Section
    }

    /// The items of a runbook's step sections (or the steps themselves), numbered as the page shows them.
    static func items(runbook: Runbook, steps: [RunbookBuilder.Step]) -> [Item] {
        var items: [Checklist.Item] = []
        for step in steps where step.section.step {
            let key = "\(runbook.id)|\(step.section.page)#\(step.section.section ?? "")"
            let texts = step.items.isEmpty ? [step.title] : step.items
            var repeats: [String: Int] = [:]
            for (i, text) in texts.enumerated() {
                // The same text twice in one step ("Save"): the second is "Save" #2, still not a position.
                repeats[text, default: 0] += 1
                let occurrence = repeats[text]! > 1 ? "#\(repeats[text]!)" : ""
                items.append(.init(id: id(runbook: runbook.id, section: step.section, text: text + occurrence), key: key,
                                   slot: "\(key)|\(i + 1)", step: step.number,
                                   number: step.items.isEmpty ? "\(step.number)." : "\(step.number).\(i + 1)", text: text, section: step.section))
            }
        }
        return items
    }

    /// The item texts of a step section, in document order: GitBook stepper steps, task-list items and
    /// the items of top-level ordered lists; none when it has neither (the step itself is the item).
    /// Bullet lists explain; they are not things to tick.
    static func texts(in root: MarkdownNode) -> [String] {
        var texts: [String] = []
        func walk(_ node: MarkdownNode, topLevel: Bool) {
            if node.kind == .customBlock, node.onEnter.hasPrefix(StepperBlock.stepOpening) {
                texts.append(stepText(node))
                return
            }
            if node.isTaskItem { texts.append(itemText(node)) }
            if topLevel, node.isOrderedList, !node.children.contains(where: \.isTaskItem) {
                texts += node.children.map(itemText)
                return
            }
            for child in node.children { walk(child, topLevel: false) }
        }
        for child in root.children { walk(child, topLevel: true) }
        return texts.filter { !$0.isEmpty }
    }

    /// A stepper step is named by its first heading or paragraph.
    private static func stepText(_ step: MarkdownNode) -> String {
        let first = step.children.first { $0.kind == .paragraph || $0.kind == .customBlock || $0.kind == .heading } ?? step
        return first.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func itemText(_ item: MarkdownNode) -> String {
        let first = item.children.first { $0.kind == .paragraph } ?? item
        return first.plainText.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Stable: the same runbook, section and (normalized) text give the same id wherever the item moves.
    static func id(runbook: String, section: Runbook.Section, text: String) -> String {
        "\(runbook)-" + ContentHash.hex(Array("\(runbook)|\(section.page)#\(section.section ?? "")|\(RunbookBuilder.normalized(text))".utf8))
    }
}
