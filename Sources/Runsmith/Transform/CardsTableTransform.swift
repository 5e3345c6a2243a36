import Foundation

/// GitBook exports card grids as `<table data-view="cards">`, with hidden columns for the cover image
/// (`data-card-cover`) and the card's link (`data-card-target`). This turns such a table into a grid of
/// cards: the cover as an image, the visible cells as text, the target as a link over the whole card.
/// Runs after `LinkTransform`, so every URL in the table is already resolved.
public struct CardsTableTransform: PageTransform {
    public init() {}

    public func apply(to page: ParsedPage) {
        for node in page.document.root.descendants() where node.kind == .htmlBlock {
            guard let html = node.literal, html.includes("data-view=\"cards\""), let table = HTMLTable(html) else { continue }
            node.literal = render(table)
        }
    }

    func render(_ table: HTMLTable) -> String {
        let roles = table.headers.map { attrs -> String in
            if attrs["data-card-cover"] != nil { return "cover" }
            if attrs["data-card-target"] != nil { return "target" }
            return attrs["data-hidden"] != nil ? "hidden" : "visible"
        }
        var out = "<div class=\"rs-cards\">\n"
        for row in table.rows {
            var cover: String?, target: String?, cells: [String] = []
            for (i, cell) in row.enumerated() {
                switch i < roles.count ? roles[i] : "visible" {
                case "cover": cover = Self.firstURL(in: cell)
                case "target": target = Self.firstURL(in: cell)
                case "hidden": continue
                default: if !cell.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { cells.append(cell) }
                }
            }
            out += "<div class=\"rs-card rs-card-tile\">"
            if let cover { out += "<img class=\"rs-card-cover\" src=\"\(HTMLText.escape(cover))\" alt=\"\">" }
            for cell in cells { out += "<div class=\"rs-card-cell\">\(cell)</div>" }
            if let target {
                out += "<a class=\"rs-card-link\" href=\"\(HTMLText.escape(target))\" aria-label=\"\(HTMLText.escape(Self.label(cells)))\"></a>"
            }
            out += "</div>\n"
        }
        return out + "</div>\n"
    }

    static func firstURL(in html: String) -> String? {
        var found: String?
        _ = RawHTML.rewrite(html) { tag, attribute, value in
            if found == nil, (tag == "a" && attribute == "href") || (tag == "img" && attribute == "src") { found = value }
            return nil
        }
        return found
    }

    /// The card's first cell as plain text: the accessible name of its link.
    static func label(_ cells: [String]) -> String {
        var text = "", inTag = false
        for c in cells.first ?? "" {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { text.append(c) }
        }
        return HTMLText.decodeEntities(text)
    }
}

/// The header attributes and cell contents of a simple HTML table (no nested tables), as GitBook writes them.
struct HTMLTable {
    var headers: [[String: String]] = []
    var rows: [[String]] = []

    init?(_ html: String) {
        var i = html.startIndex
        var row: [String]? = nil
        func tag(at index: String.Index) -> (name: String, closing: Bool, end: String.Index)? {
            guard html[index] == "<", let close = html[index...].firstIndex(of: ">") else { return nil }
            var inner = html[html.index(after: index)..<close]
            let closing = inner.hasPrefix("/")
            if closing { inner = inner.dropFirst() }
            let name = inner.prefix { $0.isLetter || $0.isNumber }.lowercased()
            return (name, closing, html.index(after: close))
        }
        while i < html.endIndex {
            guard html[i] == "<", let t = tag(at: i) else { i = html.index(after: i); continue }
            switch (t.name, t.closing) {
            case ("th", false):
                var attrs: [String: String] = [:]
                let open = String(html[i..<t.end])
                // Boolean attributes (`data-hidden`) have no value: note every name in the tag.
                for word in open.dropFirst(3).dropLast().split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                    let parts = word.split(separator: "=", maxSplits: 1)
                    attrs[String(parts[0])] = parts.count > 1 ? String(parts[1]).trimmingCharacters(in: ["\""]) : ""
                }
                headers.append(attrs)
            case ("tr", false) where !headers.isEmpty:
                row = []
            case ("tr", true):
                if let r = row { rows.append(r) }
                row = nil
            case ("td", false):
                guard let end = html.range(of: "</td>", range: t.end..<html.endIndex) else { return nil }
                row?.append(String(html[t.end..<end.lowerBound]))
                i = end.upperBound
                continue
            default:
                break
            }
            i = t.end
        }
        if headers.isEmpty && rows.isEmpty { return nil }
    }
}
