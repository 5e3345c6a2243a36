/// Two texts compared line by line, written as a unified diff (`--- a`, `+++ b`, `@@ -l,n +l,n @@`
/// hunks with three lines of context), as `diff -u` and `git diff` print it. The line matching is the
/// standard library's (`CollectionDifference`, Myers' algorithm).
enum UnifiedDiff {
    /// The diff's lines, without trailing newlines; empty when the texts have the same lines.
    static func lines(from old: String, to new: String, oldName: String, newName: String, context: Int = 3) -> [String] {
        let a = split(old), b = split(new)
        let difference = b.difference(from: a)
        guard !difference.isEmpty else { return [] }
        var removed = Set<Int>(), inserted = Set<Int>()
        for change in difference {
            switch change {
            case .remove(let offset, _, _): removed.insert(offset)
            case .insert(let offset, _, _): inserted.insert(offset)
            }
        }
        // Every line once, in order: kept (in both), removed (only in old) or inserted (only in new).
        var script: [(mark: Character, text: String, old: Int, new: Int)] = []
        var i = 0, j = 0
        while i < a.count || j < b.count {
            if i < a.count, removed.contains(i) {
                script.append(("-", a[i], i, j)); i += 1
            } else if j < b.count, inserted.contains(j) {
                script.append(("+", b[j], i, j)); j += 1
            } else {
                script.append((" ", a[i], i, j)); i += 1; j += 1
            }
        }
        var out = ["--- \(oldName)", "+++ \(newName)"]
        for hunk in hunks(script.map { $0.mark != " " }, context: context) {
            let part = script[hunk]
            let oldCount = part.filter { $0.mark != "+" }.count, newCount = part.filter { $0.mark != "-" }.count
            let first = part.first!
            out.append("@@ -\(start(first.old, oldCount)),\(oldCount) +\(start(first.new, newCount)),\(newCount) @@")
            out += part.map { "\($0.mark)\($0.text)" }
        }
        return out
    }

    /// Ranges of the script around its changes, with `context` unchanged lines each side; hunks closer
    /// than twice the context merge.
    private static func hunks(_ changed: [Bool], context: Int) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        for (index, isChange) in changed.enumerated() where isChange {
            let range = max(0, index - context)..<min(changed.count, index + context + 1)
            if let last = ranges.last, range.lowerBound <= last.upperBound {
                ranges[ranges.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                ranges.append(range)
            }
        }
        return ranges
    }

    /// `diff -u` numbers lines from 1; an empty side starts at the line before.
    private static func start(_ offset: Int, _ count: Int) -> Int { count == 0 ? offset : offset + 1 }

    private static func split(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}
