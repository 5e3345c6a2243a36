import Foundation
import Mustache
import RunsmithTemplates

/// The Mustache templates and theme assets: the built-in theme, with any file of the project's own
/// `templates/` folder replacing the built-in file of the same name. Parsed once per build into bytes
/// and tags (`TemplateSyntax`), rendered straight into bytes (`TemplateRenderer`).
public struct TemplateSet: Sendable {
    let renderer: TemplateRenderer
    /// swift-mustache's renderer over the same templates, used instead when set: the reference that
    /// `TemplateRenderer` is tested against (`IncrementalBuild.rendersByReference`).
    private(set) var reference: MustacheLibrary?
    /// Asset path (relative to `assets/`) → bytes, written under `_runsmith/`.
    public internal(set) var assets: [String: [UInt8]]

    public static let required = ["layout", "page", "nav", "nav-item", "toc", "pager", "redirect", "sidebar-script",
                                  "runbook", "checklist", "checklist-sheet", "checklist-facts", "provenance", "runbooks-index",
                                  "category-index", "tenant-home", "sitemap", "not-found"]

    public init(projectDirectory: URL?, reference: Bool = false) throws(DiagnosticError) {
        var sources: [String: (text: String, location: SourceLocation?)] = [:]
        var assets: [String: [UInt8]] = [:]
        let fm = FileManager.default
        for (dir, own) in [(BuiltinTemplates.directory, false)] + (projectDirectory.map { [($0, true)] } ?? []) {
            for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasSuffix(".mustache") {
                let url = dir.appendingPathComponent(name)
                // A project's templates are reported at templates/NAME; the built-in ones have no location of the user's.
                let location = own ? SourceLocation(path: "templates/" + name) : nil
                do {
                    sources[String(name.dropLast(".mustache".count))] = (try String(contentsOf: url, encoding: .utf8), location)
                } catch {
                    // Falling back to the built-in template would publish a page the project did not design.
                    throw DiagnosticError(.error(.unreadableFile, "cannot read template \(name): \(ContentTree.reason(error))", at: location))
                }
            }
            let assetDir = dir.appendingPathComponent("assets")
            for name in (try? fm.contentsOfDirectory(atPath: assetDir.path)) ?? [] {
                if let data = fm.contents(atPath: assetDir.appendingPathComponent(name).path) { assets[name] = [UInt8](data) }
            }
        }
        var parsed: [String: [TemplateNode]] = [:]
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            parsed[name] = try Self.compile(name, source.text, at: source.location)
        }
        for name in Self.required where parsed[name] == nil {
            throw DiagnosticError(.error(.missingTemplate, "template \(name).mustache is missing", at: nil))
        }
        renderer = TemplateRenderer(templates: parsed)
        if reference {
            var library = MustacheLibrary()
            for (name, source) in sources {
                // Each template parsed by the new renderer above parses here too, or the comparison is moot.
                guard let template = try? MustacheTemplate(string: HTMLEscaping.pragma + source.text) else {
                    throw DiagnosticError(.error(.invalidTemplate, "swift-mustache does not parse \(name).mustache", at: source.location))
                }
                library.register(template, named: name)
            }
            self.reference = library
        }
        self.assets = assets
    }

    /// Parses one template; a parse error points into the text.
    static func compile(_ name: String, _ text: String, at location: SourceLocation?) throws(DiagnosticError) -> [TemplateNode] {
        do {
            return try TemplateSyntax.parse(text)
        } catch {
            // Where it stopped may be past the end: clamped to the text.
            let textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = min(max(error.line, 1), max(textLines.count - (text.hasSuffix("\n") ? 1 : 0), 1))
            var location = location
            location?.line = line
            let end = textLines[line - 1].utf8.count + 1
            location?.column = line < error.line ? end : min(max(error.column, 1), end)
            throw DiagnosticError(.error(.invalidTemplate, "template \(name).mustache does not parse: \(error.message)", at: location))
        }
    }

    /// For the templates that take a few plain values (`nav`, `redirect`, `sidebar-script`).
    public func render(_ name: String, _ context: [String: Any]) -> String {
        var context = context
        if context["csp"] == nil { context["csp"] = ContentPolicy.pages }
        if let reference { return reference.render(context, withTemplate: name) ?? "" }
        return String(decoding: renderer.render(name, context) ?? [], as: UTF8.self)
    }

    /// A typed view with its own template; the template reads the view's properties by name.
    func render<View: TemplateView>(_ view: View) -> String {
        if let reference { return reference.render(view, withTemplate: View.template) ?? "" }
        return String(decoding: renderer.render(View.template, view) ?? [], as: UTF8.self)
    }

    /// The layout with `bytes` as its body, put in after the template ran: a page body of many kilobytes
    /// never goes through the template or a Swift string. The body is raw HTML either way (`{{{body}}}`).
    func render(_ layout: LayoutView, splicing bytes: [UInt8]) -> [UInt8] {
        var layout = layout
        layout.body = Self.spliceMarker
        let page = reference.map { Array(($0.render(layout, withTemplate: LayoutView.template) ?? "").utf8) }
            ?? renderer.render(LayoutView.template, layout) ?? []
        let marker = Array(Self.spliceMarker.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(page.count + bytes.count)
        // The marker starts with a control byte no template writes: `memchr` finds each candidate.
        page.withUnsafeBufferPointer { page in
            guard let base = page.baseAddress else { return }
            var i = 0, start = 0
            while i + marker.count <= page.count, let hit = memchr(base + i, Int32(marker[0]), page.count - i) {
                i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                guard i + marker.count <= page.count else { break }
                if page[i..<(i + marker.count)].elementsEqual(marker) {
                    out += page[start..<i]
                    out += bytes
                    i += marker.count
                    start = i
                } else {
                    i += 1
                }
            }
            out += page[start...]
        }
        return out
    }

    /// Control characters no template writes and HTML escaping leaves alone.
    static let spliceMarker = "\u{1}runsmith-splice\u{1}"
}

/// A page kind's view model and the template it is rendered with, which a project may replace from its
/// own `templates/` folder. Mustache reads a view's stored properties by name (through `Mirror`, unless
/// the view is a `MustacheParent`), so property names are the template's variables (docs/config.md lists
/// them). A `Bool` decides a section and an array repeats one; a nil optional is absent, so `{{#name}}`
/// skips it and `{{name}}` looks in the enclosing view: a nested view's optional takes no name of its parent's.
protocol TemplateView {
    static var template: String { get }
}

/// What `{{name}}` escapes with in the reference renderer. Mustache's own HTML escaping looks at whole characters, so a `"` that a
/// combining mark follows (`"\u{301}`) is a character other than `"` and passes unescaped, ending an
/// attribute early; this escapes scalar by scalar, as the rest of Runsmith does.
struct HTMLEscaping: MustacheContentType {
    func escapeText(_ text: String) -> String { HTMLText.escape(text) }

    /// Put in front of every template (a line of its own, which Mustache drops); registers the type on first use.
    static let pragma: String = {
        MustacheContentTypes.register(HTMLEscaping(), named: "RUNSMITH_HTML")
        return "{{% CONTENT_TYPE: RUNSMITH_HTML }}\n"
    }()
}

extension TemplateSet {
    /// The header's logo (`logo:` in runsmith.yml, under `root`) as a theme asset: it travels with the
    /// theme, so tenant folders and single files have it too.
    mutating func addLogo(_ logo: HeaderConfig.Logo?, root: URL) -> [Diagnostic] {
        guard let logo else { return [] }
        guard let data = FileManager.default.contents(atPath: root.appendingPathComponent(logo.path).path) else {
            return [.error(.missingImage, "logo '\(logo.path)' does not exist", at: logo.at)]
        }
        assets[logo.asset] = [UInt8](data)
        return []
    }
}
