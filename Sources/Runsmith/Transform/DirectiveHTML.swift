/// The HTML each GitBook block becomes, as the opening and closing halves of a custom block.
/// Class names are `rs-*`; the theme's CSS styles them (and makes tabs work without JavaScript).
enum DirectiveHTML {
    static let hintStyles: [String: (css: String, label: String)] = [
        "info": ("info", "Info"), "warning": ("warning", "Warning"), "warn": ("warning", "Warning"),
        "danger": ("danger", "Danger"), "success": ("success", "Success"), "tip": ("tip", "Tip"),
    ]

    /// Docusaurus admonition types → the hint style that draws them.
    static let admonitionStyles: [String: String] = [
        "note": "note", "secondary": "note", "tip": "tip", "info": "info", "important": "info",
        "warning": "warning", "caution": "warning", "danger": "danger", "success": "success",
    ]

    /// How a stepper step opens: checklists find steps by it.
    static let stepOpening = "<li class=\"rs-step\">\n"

    static func render(_ node: MarkdownNode, directive index: Int, page: ParsedPage) {
        let d = page.source.directives[index]
        let args = d.tag.arguments
        let esc = HTMLText.escape
        func set(_ enter: String, _ exit: String) { node.setCustom(onEnter: enter, onExit: exit) }
        let isEmpty = node.firstChild == nil
        if d.role == .standalone, DirectiveCatalog.shapes[d.name].map({ if case .block = $0 { return true } else { return false } }) == true {
            return  // an unclosed block, already reported: keep its content, add no wrapper
        }
        switch d.name {
        case "hint":
            let style = args["style"] ?? "info"
            guard let s = hintStyles[style] else {
                page.report(.error, "unknown-hint-style",
                            "unknown hint style '\(style)' (use info, warning, danger, success or tip)", directive: index)
                return set("<aside class=\"rs-hint rs-hint-info\" role=\"note\">\n", "</aside>\n")
            }
            set("<aside class=\"rs-hint rs-hint-\(s.css)\" role=\"note\" aria-label=\"\(s.label)\">\n", "</aside>\n")
        case "tabs":
            set("<div class=\"rs-tabs\">\n", "</div>\n")
        case "admonition":
            let type = args["type"] ?? "note"
            let label = args["title"] ?? type.prefix(1).uppercased() + type.dropFirst()
            set("<aside class=\"rs-hint rs-hint-\(admonitionStyles[type] ?? "note")\" role=\"note\" aria-label=\"\(esc(type.prefix(1).uppercased() + type.dropFirst()))\">\n"
                + "<p class=\"rs-hint-title\">\(esc(label))</p>\n", "</aside>\n")
        case "component":
            set("<div class=\"rs-component\" data-component=\"\(esc(d.tag.name))\">\n", "</div>\n")
        case "tab":
            let group = "rs-tabs-\(d.parent ?? index)"
            let id = "\(group)-\(d.index)"
            let title = args["title"] ?? "Tab \(d.index + 1)"
            // MDX tabs may name their default; otherwise the first is shown.
            let hasDefault = page.tabSetsWithDefault.contains(d.parent ?? -1)
            let checked = hasDefault ? args["default"] != nil : d.index == 0
            set("<input class=\"rs-tab-input\" type=\"radio\" name=\"\(group)\" id=\"\(id)\"\(checked ? " checked" : "")>"
                + "<label class=\"rs-tab-label\" for=\"\(id)\">\(esc(title))</label>\n<div class=\"rs-tab-panel\">\n",
                "</div>\n")
        case "stepper":
            set("<ol class=\"rs-stepper\">\n", "</ol>\n")
        case "step":
            set(stepOpening, "</li>\n")
        case "code":
            var attrs = ""
            for (key, attr) in [("overflow", "overflow"), ("lineNumbers", "line-numbers"),
                                ("expandable", "expandable"), ("fullWidth", "full-width")] {
                if let v = args[key] { attrs += " data-\(attr)=\"\(esc(v))\"" }
            }
            let caption = args["title"].map { "<figcaption class=\"rs-code-title\">\(esc($0))</figcaption>\n" } ?? ""
            set("<figure class=\"rs-code\"\(attrs)>\n\(caption)", "</figure>\n")
        case "columns":
            set("<div class=\"rs-columns\">\n", "</div>\n")
        case "column":
            let width = args["width"].map { w in
                " data-width=\"\(esc(w))\" style=\"flex-basis:\(esc(String(w.filter { $0.isNumber || $0 == "." })))%\""
            } ?? ""
            set("<div class=\"rs-column\"\(width)>\n", "</div>\n")
        case "content-ref":
            page.pendingCards.append(.init(kind: .contentRef, node: node, url: args["url"] ?? "", directive: index))
        case "file":
            page.pendingCards.append(.init(kind: .file, node: node, url: args["src"] ?? "", directive: index))
        case "embed":
            let url = args["url"] ?? ""
            guard url.hasPrefix("https://") || url.hasPrefix("http://") else {
                page.report(.error, "invalid-embed", "'{% embed %}' needs an http(s) url=\"…\"", directive: index)
                return
            }
            let link = "<p class=\"rs-embed-link\"><a href=\"\(esc(HTMLText.encodeURL(url)))\">\(esc(url))</a></p>\n"
            set("<figure class=\"rs-embed\">\n\(link)" + (isEmpty ? "" : "<figcaption>\n"),
                (isEmpty ? "" : "</figcaption>\n") + "</figure>\n")
        case "if", "unless":
            set("<div class=\"rs-conditional\">\n", "</div>\n")
        case "branch":
            let label: String
            switch d.tag.name {
            case "if": label = "Shown when <code>\(esc(d.tag.rest))</code>"
            case "unless": label = "Shown unless <code>\(esc(d.tag.rest))</code>"
            case "elsif": label = "Otherwise, when <code>\(esc(d.tag.rest))</code>"
            default: label = "Otherwise"
            }
            set("<div class=\"rs-branch\" data-condition=\"\(esc(d.tag.rest))\">\n<p class=\"rs-branch-label\">\(label)</p>\n",
                "</div>\n")
        case "updates":
            set("<div class=\"rs-updates\">\n", "</div>\n")
        case "update":
            let date = args["date"] ?? ""
            set("<section class=\"rs-update\">\n<p class=\"rs-update-date\"><time datetime=\"\(esc(date))\">\(esc(date))</time></p>\n",
                "</section>\n")
        case "prompt":
            set("<div class=\"rs-prompt\">\n", "</div>\n")
        case "openapi", "openapi-operation", "openapi-schemas", "openapi-webhook", "swagger":
            let method = (args["method"] ?? "").uppercased()
            let path = args["path"] ?? args["name"] ?? ""
            let spec = args["spec"] ?? args["src"] ?? args["baseUrl"] ?? ""
            let title = [method, path].filter { !$0.isEmpty }.joined(separator: " ")
            let summary = args["summary"].map { "<p>\(esc($0))</p>\n" } ?? ""
            set("<div class=\"rs-api-card\">\n<p class=\"rs-api-title\"><code>\(esc(title.isEmpty ? d.name : title))</code>"
                + (spec.isEmpty ? "" : " <span class=\"rs-api-spec\">\(esc(spec))</span>") + "</p>\n\(summary)",
                "</div>\n")
            if d.name != "swagger" {
                page.report(.warning, "openapi-card",
                            "'{% \(d.name) %}' is shown as a reference card: the operation itself is not in the export",
                            directive: index)
            }
        case "swagger-description":
            set("<div class=\"rs-api-description\">\n", "</div>\n")
        case "swagger-parameter":
            let facts = [args["in"], args["type"], args["required"] == "true" ? "required" : nil].compactMap { $0 }
            set("<div class=\"rs-api-parameter\">\n<p><code>\(esc(args["name"] ?? ""))</code> \(esc(facts.joined(separator: ", ")))</p>\n",
                "</div>\n")
        case "swagger-response":
            set("<div class=\"rs-api-response\">\n<p>Response <code>\(esc(args["status"] ?? ""))</code> \(esc(args["description"] ?? ""))</p>\n",
                "</div>\n")
        default:
            break
        }
    }
}
