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

    static func decorate(_ html: String, result: SiteBuilder.Result, root: URL) -> String {
        var extra = reloadScript
        let errors = result.diagnostics.filter { $0.severity == .error }
        if !errors.isEmpty {
            let reporter = DiagnosticReporter(format: .human) { path in
                FileManager.default.contents(atPath: root.appendingPathComponent(path).path).map { [UInt8]($0) }
            }
            extra += """
            <div id="rs-error-overlay" role="alert" style="position:fixed;inset:0;z-index:1000;overflow:auto;background:rgba(20,20,28,.94);color:#fff;padding:2em;font:14px/1.5 ui-monospace,monospace">
            <p style="font-weight:700;font-size:1.2em">\(errors.count) error\(errors.count == 1 ? "" : "s") in the docs: fix them and this page reloads.</p>
            <pre style="white-space:pre-wrap">\(HTMLText.escape(reporter.render(errors)))</pre>
            </div>
            """
        }
        guard let end = html.range(of: "</body>", options: .backwards) else { return html + extra }
        return html.replacingCharacters(in: end, with: extra + "</body>")
    }
}
