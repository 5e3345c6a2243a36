import Foundation
import Runsmith

/// What a previewed page gets on top of the built HTML: a script that reloads it (keeping the scroll
/// position) when the site is rebuilt, and — while the docs have errors — an overlay listing them.
enum PreviewPage {
    static let reloadScript = """
    <script>(function () {
      var key = "rs-scroll:" + location.pathname;
      var saved = sessionStorage.getItem(key);
      if (saved !== null) { window.scrollTo(0, +saved); sessionStorage.removeItem(key); }
      var events = new EventSource("/_runsmith/events");
      events.onmessage = function () { sessionStorage.setItem(key, String(window.scrollY)); location.reload(); };
    })();</script>
    """

    /// A menu on every page: the same page for the docs' readers, or as one tenant gets it.
    static func switcher(_ tenants: [(id: String, name: String)], viewer: String?) -> String {
        let esc = HTMLText.escape
        var options = "<option value=\"\"\(viewer == nil ? " selected" : "")>Docs (every tenant)</option>"
        for t in tenants {
            options += "<option value=\"\(esc(t.id))\"\(viewer == t.id ? " selected" : "")>\(esc(t.name))</option>"
        }
        return """
        <label id="rs-tenant-switcher" style="position:fixed;right:1em;bottom:1em;z-index:900;background:var(--bg,#fff);border:1px solid var(--border,#ccc);border-radius:6px;padding:.4em .6em;font-size:.85em">View as <select>\(options)</select></label>
        <script>document.querySelector("#rs-tenant-switcher select").addEventListener("change", function (event) {
          var path = location.pathname.replace(/^\\/_tenant\\/[^\\/]+/, "");
          location.pathname = (event.target.value ? "/_tenant/" + event.target.value : "") + path;
        });</script>
        """
    }

    static func decorate(_ html: String, result: SiteBuilder.Result, root: URL,
                         tenants: [(id: String, name: String)] = [], viewer: String? = nil) -> String {
        var extra = reloadScript
        if !tenants.isEmpty { extra += switcher(tenants, viewer: viewer) }
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            let count = errors.reduce(0) { $0 + $1.weight }
            let reporter = DiagnosticReporter(format: .human) { path in
                FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { [UInt8]($0) }
            }
            extra += """
            <div id="rs-error-overlay" role="alert" style="position:fixed;inset:0;z-index:1000;overflow:auto;background:rgba(20,20,28,.94);color:#fff;padding:2em;font:14px/1.5 ui-monospace,monospace">
            <p style="font-weight:700;font-size:1.2em">\(count) error\(count == 1 ? "" : "s") in the docs: fix them and this page reloads.</p>
            <pre style="white-space:pre-wrap">\(HTMLText.escape(reporter.render(errors)))</pre>
            </div>
            """
        }
        // The preview's scripts are inline and listen to the server: its pages allow that, and only that.
        let html = ContentPolicy.replacing(in: html, with: ContentPolicy.preview)
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + extra }
        return html.replacingCharacters(in: end, with: extra + "</body>")
    }
}
