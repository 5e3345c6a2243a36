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
        var text: Text
        var section: Runbook.Section

        /// What an item says: as plain text (its id, the "changed" note, `aria-label`) and as HTML.
        struct Text: Equatable {
            var plain: String
            var html: String
        }
    }

    /// The items of a runbook's step sections (or the steps themselves), numbered as the page shows them.
    static func items(runbook: Runbook, steps: [RunbookBuilder.Step]) -> [Item] {
        var items: [Checklist.Item] = []
        for step in steps where step.section.step {
            let key = "\(runbook.id)|\(step.section.page)#\(step.section.section ?? "")"
            let texts = step.items.isEmpty ? [Item.Text(plain: step.title, html: HTMLText.escape(step.title))] : step.items
            var repeats: [String: Int] = [:]
            for (i, text) in texts.enumerated() {
                // The same text twice in one step ("Save"): the second is "Save" #2, still not a position.
                repeats[text.plain, default: 0] += 1
                let occurrence = repeats[text.plain]! > 1 ? "#\(repeats[text.plain]!)" : ""
                items.append(.init(id: id(runbook: runbook.id, section: step.section, text: text.plain + occurrence), key: key,
                                   slot: "\(key)|\(i + 1)", step: step.number,
                                   number: step.items.isEmpty ? "\(step.number)." : "\(step.number).\(i + 1)", text: text, section: step.section))
            }
        }
        return items
    }

    /// An item as a step section names it: its text (what its id is made of) and the node whose inlines
    /// show it (a paragraph, or a heading's inline), read for its HTML once the transforms are done.
    struct Entry {
        var text: String
        var inlines: MarkdownNode?
    }

    /// The items of a step section, in document order: GitBook stepper steps, task-list items and
    /// the items of top-level ordered lists; none when it has neither (the step itself is the item).
    /// Bullet lists explain; they are not things to tick.
    static func entries(in root: MarkdownNode) -> [Entry] {
        var entries: [Entry] = []
        func walk(_ node: MarkdownNode, topLevel: Bool) {
            if node.kind == .customBlock, node.onEnter.hasPrefix(StepperBlock.stepOpening) {
                entries.append(stepEntry(node))
                return
            }
            if node.isTaskItem { entries.append(itemEntry(node)) }
            if topLevel, node.isOrderedList, !node.children.contains(where: \.isTaskItem) {
                entries += node.children.map(itemEntry)
                return
            }
            for child in node.children { walk(child, topLevel: false) }
        }
        for child in root.children { walk(child, topLevel: true) }
        return entries.filter { !$0.text.isEmpty }
    }

    /// A stepper step is named by its first heading or paragraph.
    private static func stepEntry(_ step: MarkdownNode) -> Entry {
        let first = step.children.first { $0.kind == .paragraph || $0.kind == .customBlock || $0.kind == .heading } ?? step
        return Entry(text: first.plainText.trimmingCharacters(in: .whitespacesAndNewlines), inlines: inlines(of: first))
    }

    private static func itemEntry(_ item: MarkdownNode) -> Entry {
        let first = item.children.first { $0.kind == .paragraph }
        return Entry(text: (first ?? item).plainText.trimmingCharacters(in: .whitespacesAndNewlines), inlines: first)
    }

    /// A paragraph or heading holds its inlines; a heading made into `<hN id>` (`HeadingTransform`) is a
    /// custom block around one custom inline that holds them. Anything else shows as plain text.
    private static func inlines(of node: MarkdownNode) -> MarkdownNode? {
        switch node.kind {
        case .paragraph, .heading: return node
        case .customBlock:
            let children = node.children
            return children.count == 1 && children[0].kind == .customInline ? children[0] : nil
        default: return nil
        }
    }

    /// Stable: the same runbook, section and (normalized) text give the same id wherever the item moves.
    static func id(runbook: String, section: Runbook.Section, text: String) -> String {
        "\(runbook)-" + ContentHash.hex(Array("\(runbook)|\(section.page)#\(section.section ?? "")|\(RunbookBuilder.normalized(text))".utf8))
    }
}
