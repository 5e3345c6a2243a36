/// The info string of a fence: language, then Docusaurus' `title="…"`, `{1,3-4}` and `showLineNumbers`.
struct FenceMeta: Equatable {
    var language: String?
    var title: String?
    var highlights: Set<Int> = []
    var showLineNumbers = false

    init(_ info: String) {
        let words = info.split(separator: " ", maxSplits: 1)
        if let first = words.first, !first.hasPrefix("{"), !first.contains("="), first != "showLineNumbers" {
            language = String(first)
        }
        let rest = language == nil ? Substring(info) : (words.count > 1 ? words[1] : "")
        if let t = rest.range(of: "title=") {
            let after = rest[t.upperBound...]
            if let quote = after.first, quote == "\"" || quote == "'", let end = after.dropFirst().firstIndex(of: quote) {
                title = String(after[after.index(after: after.startIndex)..<end])
            } else {
                title = String(after.prefix { $0 != " " })
            }
        }
        if let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            for part in rest[rest.index(after: open)..<close].split(separator: ",") {
                let bounds = part.split(separator: "-").compactMap { Int($0.trimmingWhitespace()) }
                if bounds.count == 1 { highlights.insert(bounds[0]) }
                if bounds.count == 2, bounds[0] <= bounds[1] { highlights.formUnion(bounds[0]...bounds[1]) }
            }
        }
        showLineNumbers = rest.contains("showLineNumbers")
    }
}
