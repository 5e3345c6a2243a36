/// Which raw HTML a page may carry: the tags and attributes GitBook and Docusaurus exports use, and
/// what is never let through. Read by `HTMLSanitizer`; the table in docs/syntax.md#raw-html follows it.
public enum HTMLAllowlist {
    /// Attributes any allowed tag may have (besides `aria-*` and `data-*`).
    static let global: Set<String> = ["id", "class", "title", "lang", "dir", "role", "hidden", "translate", "style"]

    /// Allowed tags and their own attributes.
    static let tags: [String: Set<String>] = {
        var tags: [String: Set<String>] = [:]
        let plain = ["abbr", "b", "bdi", "bdo", "br", "cite", "code", "dfn", "em", "i", "kbd", "mark", "s", "samp",
                     "small", "span", "strong", "sub", "sup", "u", "var", "wbr", "dl", "dt", "dd", "figure",
                     "figcaption", "picture", "summary", "pre", "ul", "hr", "caption", "address"]
        for tag in plain { tags[tag] = [] }
        for tag in ["div", "p", "h1", "h2", "h3", "h4", "h5", "h6"] { tags[tag] = ["align"] }
        for tag in ["td", "th"] { tags[tag] = ["colspan", "rowspan", "align", "valign", "width", "height", "scope", "headers", "abbr"] }
        for tag in ["thead", "tbody", "tfoot", "tr"] { tags[tag] = ["align", "valign"] }
        for tag in ["col", "colgroup"] { tags[tag] = ["span", "width", "align"] }
        for tag in ["del", "ins"] { tags[tag] = ["cite", "datetime"] }
        tags["blockquote"] = ["cite"]
        tags["q"] = ["cite"]
        tags["time"] = ["datetime"]
        tags["a"] = ["href", "name", "target", "rel", "hreflang", "type", "download"]
        tags["img"] = ["src", "srcset", "sizes", "alt", "width", "height", "loading", "decoding", "align", "border"]
        tags["source"] = ["src", "srcset", "sizes", "type", "media", "width", "height"]
        tags["video"] = ["src", "poster", "controls", "width", "height", "loop", "muted", "playsinline", "preload", "autoplay"]
        tags["audio"] = ["src", "controls", "loop", "muted", "preload", "autoplay"]
        tags["track"] = ["src", "kind", "srclang", "label", "default"]
        tags["details"] = ["open"]
        tags["ol"] = ["start", "type", "reversed"]
        tags["li"] = ["value"]
        tags["table"] = ["width", "align", "border", "cellpadding", "cellspacing", "summary"]
        return tags
    }()

    /// Tags that have no end tag.
    static let void: Set<String> = ["br", "wbr", "hr", "img", "source", "track", "col", "area", "input", "meta", "link",
                                    "base", "param", "embed", "keygen"]

    /// Tags whose end tag may be left out: at the end of a piece of HTML they are left for the browser to
    /// close, as it would, rather than closed by hand.
    static let optionalEnd: Set<String> = ["p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup",
                                           "caption", "option", "optgroup", "rt", "rp"]

    /// Removed with everything inside them, as unsafe: scripts, styles, frames, plugins, and the
    /// foreign-content and raw-text tags that make a browser read what follows differently.
    static let unsafe: Set<String> = ["script", "style", "iframe", "frame", "frameset", "object", "embed", "applet",
                                      "noscript", "noembed", "noframes", "template", "xmp", "plaintext", "svg", "math",
                                      "meta", "link", "base", "param", "portal", "form", "input", "button", "select",
                                      "textarea", "option", "optgroup", "keygen", "dialog"]

    /// Removed with everything inside them, though harmless: what they hold is not page text.
    static let dropsContent: Set<String> = ["head", "title", "area", "map", "canvas", "datalist"]

    /// Attributes that hold one URL.
    static let urlAttributes: Set<String> = ["href", "src", "poster", "cite"]

    /// URL schemes that run code or carry a document of their own; nothing else is refused (apps' deep
    /// links such as `vscode:` or `slack:` are normal in docs).
    static let unsafeSchemes: Set<String> = ["javascript", "vbscript", "data", "livescript", "mocha"]

    public enum Verdict: Equatable {
        case allowed
        /// Left out, with its content: a tag this list does not know (`<font>`, `<organization>`).
        case unknown
        /// Left out with its content.
        case dropped(unsafe: Bool)
    }

    public static func verdict(tag: String) -> Verdict {
        if tags[tag] != nil { return .allowed }
        if unsafe.contains(tag) { return .dropped(unsafe: true) }
        if dropsContent.contains(tag) { return .dropped(unsafe: false) }
        return .unknown
    }

    public static func allows(attribute: String, on tag: String) -> Bool {
        if global.contains(attribute) || tags[tag]?.contains(attribute) == true { return true }
        for prefix in ["data-", "aria-"] where attribute.hasPrefix(prefix) && attribute.count > prefix.count {
            return attribute.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D || $0 == 0x5F || $0 == 0x2E }
        }
        return false
    }

    /// The scheme a browser would see in `url`, when it is one that runs code (`javascript:`, …). Browsers
    /// drop tabs and newlines anywhere in a URL and control characters and spaces around it.
    public static func unsafeScheme(_ url: String) -> String? {
        // The URL as a browser reads its scheme: tabs and line breaks dropped, leading blanks and controls
        // skipped; up to the first colon, all that `scheme(of:)` reads (a whole data: URL is not copied).
        var scalars = String.UnicodeScalarView()
        for scalar in url.unicodeScalars where scalar != "\t" && scalar != "\n" && scalar != "\r" {
            if scalars.isEmpty, scalar.value <= 0x20 { continue }
            scalars.append(scalar)
            if scalar == ":" { break }
        }
        guard let scheme = LinkResolver.scheme(of: String(scalars)) else { return nil }
        return unsafeSchemes.contains(scheme) ? scheme : nil
    }

    /// What is wrong with a `style` attribute's value, if anything: CSS may load URLs or (in old
    /// browsers) run script. Colours, sizes, alignment and GitBook's `$info` names pass.
    public static func styleProblem(_ css: String) -> String? {
        let lower = css.lowercased()
        for needle in ["url(", "src(", "image(", "image-set(", "expression", "@import", "javascript:", "behavior", "-moz-binding", "\\", "<"]
        where lower.contains(needle) {
            return "'\(needle)'"
        }
        return nil
    }
}
