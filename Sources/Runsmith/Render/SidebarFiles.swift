import Foundation

/// The sidebar, rendered once per build instead of into every page (at 10,000 pages a copy per page
/// would be gigabytes; mdBook moved its table of contents into one `toc.js` for the same reason):
/// - `_runsmith/sidebar.js`, which each page includes inside its `<nav>`: it inserts the list, makes the
///   links relative to the page and marks the page's own entry and its parents;
/// - `_runsmith/sidebar.html`, the same list as a page of its own, for readers without JavaScript.
extension PageRenderer {
    static let sidebarScript = "_runsmith/sidebar.js"
    static let sidebarPage = "_runsmith/sidebar.html"

    func sidebarFiles() -> [String: [UInt8]] {
        // Links relative to the site root: the script puts the page's way to the root in front.
        let list = templates.render("nav", ["nav": navigation.context(route: "index.html", routes: routes)])
        let script = templates.render("sidebar-script", ["html": Self.javaScriptString(list)])
        var page = layoutView(route: Self.sidebarPage, source: "", title: "All pages")
        page.hasNav = false
        page.body = templates.render("nav", ["nav": navigation.context(route: Self.sidebarPage, routes: routes)])
        return [Self.sidebarScript: Array(script.utf8), Self.sidebarPage: Array(templates.render(page).utf8)]
    }

    /// A JavaScript string literal: JSON, whose `\/` for every `/` also means no `</script>` can appear.
    static func javaScriptString(_ text: String) -> String {
        let data = try? JSONSerialization.data(withJSONObject: text, options: [.fragmentsAllowed])
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "\"\""
    }
}
