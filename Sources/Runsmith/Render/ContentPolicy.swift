/// The Content-Security-Policy every page carries (`<meta http-equiv>` in the layout, `{{{csp}}}`):
/// only what Runsmith's own theme needs. Its scripts and styles are files of the site (`'self'`, which
/// Chromium also grants to pages opened from `file://`), so a `<script>` or event handler that reached a
/// page in raw HTML does not run. Images may be remote (docs link CDNs) or data URIs; nothing is
/// fetched, framed, embedded or posted.
public enum ContentPolicy {
    public static let pages = [
        "default-src 'none'", "script-src 'self'", "style-src 'self'",
        // `{% column width=… %}` and exported HTML set widths in style attributes, which cannot run code.
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data: https:", "media-src 'self' https:", "font-src 'self' data:",
        "base-uri 'none'", "form-action 'none'",
    ].joined(separator: "; ")

    /// `--single-file`: the theme's CSS and JavaScript travel inside the file as `data:` URIs.
    public static let singleFile = [
        "default-src 'none'", "script-src data:", "style-src data:", "style-src-attr 'unsafe-inline'",
        "img-src data: https:", "media-src https:", "font-src data:", "base-uri 'none'", "form-action 'none'",
    ].joined(separator: "; ")

    /// `runsmith serve`: the preview's own inline scripts (live reload, the tenant menu) and its event stream.
    public static let preview = pages.replacingOccurrences(of: "script-src 'self'", with: "script-src 'self' 'unsafe-inline'")
        + "; connect-src 'self'"

    /// The page with its policy swapped for `policy` (nothing changes in a layout without ours).
    public static func replacing(in html: String, with policy: String) -> String {
        html.replacingOccurrences(of: "content=\"\(pages)\"", with: "content=\"\(policy)\"")
    }
}
