import Foundation

/// `--single-file`: a runbook as one self-contained HTML file to attach to an email — the theme's CSS
/// and JavaScript and every image inlined as data URIs, links into the docs made absolute on `site_url`.
enum SingleFile {
    struct Inputs {
        /// Output path → bytes of the built files (theme assets among them).
        var files: [String: [UInt8]]
        /// Output path → source of copied assets (images).
        var copies: [String: URL]
        /// Output route → published path, for links into the docs.
        var published: [String: String]
        var siteURL: String?
    }

    /// `html`, the page built at `route`, made self-contained to be written at `output`: pages of the
    /// output that it links to (the tenant's home, its checklist) are linked from there.
    static func make(_ html: String, route: String, output: String, inputs: Inputs) -> (String, [Diagnostic]) {
        var unresolved: Set<String> = []
        let base = RelativePath.directory(of: route)
        let rewritten = RawHTML.rewrite(html) { tag, attribute, value in
            guard ["src", "href"].contains(attribute), LinkResolver.scheme(of: value) == nil, !value.hasPrefix("#"), !value.isEmpty else {
                return nil
            }
            let (pathPart, fragment) = LinkResolver.splitFragment(value)
            guard let target = RelativePath.resolve(pathPart.removingPercentEncoding ?? pathPart, from: base) else { return nil }
            if let bytes = inputs.files[target] ?? inputs.copies[target].flatMap({ try? Data(contentsOf: $0) }).map({ [UInt8]($0) }),
               !(tag == "a" && target.hasSuffix(".html")) {
                return "data:\(mimeType(target));base64,\(Data(bytes).base64EncodedString())"
            }
            if let published = inputs.published[target], let site = inputs.siteURL {
                return site + "/" + HTMLText.encodeURL(published) + (fragment.map { "#" + $0 } ?? "")
            }
            if inputs.files[target] != nil {
                return HTMLText.encodeURL(RelativePath.relative(from: output, to: target)) + (fragment.map { "#" + $0 } ?? "")
            }
            unresolved.insert(value)
            return nil
        }
        // Its theme now travels as data URIs, which the pages' policy would block.
        let out = ContentPolicy.replacing(in: rewritten, with: ContentPolicy.singleFile)
        let diagnostics: [Diagnostic] = unresolved.isEmpty ? [] : [
            .warning(.singleFileLinks, "\(route): \(unresolved.count) link(s) into the docs stay relative and will not work from an email (set site_url)",
                     at: nil, note: unresolved.sorted().prefix(3).joined(separator: ", ")),
        ]
        return (out, diagnostics)
    }

    static func mimeType(_ path: String) -> String {
        switch path.split(separator: ".").last.map({ $0.lowercased() }) ?? "" {
        case "css": return "text/css"
        case "js": return "text/javascript"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "svg": return "image/svg+xml"
        case "webp": return "image/webp"
        case "html": return "text/html"
        case "json": return "application/json"
        default: return "application/octet-stream"
        }
    }
}
