/// GFM draws a task-list item's box as `<input type="checkbox" disabled="">` with no name: a screen reader
/// announces an unlabelled control (axe-core's `label` rule, critical). The box is drawn here instead,
/// named "Done" or "Not done" as it is ticked or not, and its item shows no bullet (`.rs-task` in the
/// theme). Runs after the sanitizer, which would take the `<input>` out, and after a runbook's checklist
/// has read its items.
struct TaskListBoxes: PageTransform {
    func apply(to page: ParsedPage) {
        for item in page.document.root.descendants() where item.kind == .item && item.isTaskItem {
            let checked = item.isTaskChecked
            item.dropTaskBox()
            let box = "<input type=\"checkbox\" class=\"rs-task\" disabled\(checked ? " checked" : "") aria-label=\"\(checked ? "Done" : "Not done")\"> "
            if let first = item.firstChild, first.kind == .paragraph {
                first.prepend(.htmlInline(box))
            } else {
                item.prepend(.htmlBlock(box + "\n"))
            }
        }
    }
}
