import Foundation
import Mustache
import RunsmithTemplates

/// The Mustache templates and theme assets: the built-in theme, with any file of the project's own
/// `templates/` folder replacing the built-in file of the same name. Compiled once per build.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    /// Asset path (relative to `assets/`) → bytes, written under `_runsmith/`.
    public internal(set) var assets: [String: [UInt8]]

    public static let required = ["layout", "page", "nav", "nav-item", "toc", "pager", "redirect", "sidebar-script",
                                  "runbook", "checklist", "checklist-sheet", "checklist-facts", "provenance", "runbooks-index",
                                  "category-index", "tenant-home", "sitemap", "not-found"]

    public init(projectDirectory: URL?) throws(DiagnosticError) {
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
        var library = MustacheLibrary()
        for (name, source) in sources.sorted(by: { $0.key < $1.key }) {
            library.register(try Self.compile(name, source.text, at: source.location), named: name)
        }
        for name in Self.required where library.getTemplate(named: name) == nil {
            throw DiagnosticError(.error(.missingTemplate, "template \(name).mustache is missing", at: nil))
        }
        self.library = library
        self.assets = assets
    }

    /// Parses one template, with `{{ }}` escaping by `HTMLEscaping`; a parse error points into the text.
    static func compile(_ name: String, _ text: String, at location: SourceLocation?) throws(DiagnosticError) -> MustacheTemplate {
        do {
            return try MustacheTemplate(string: HTMLEscaping.pragma + text)
        } catch let error as MustacheTemplate.ParserError {
            // The parser counts the pragma's line, and reports where it stopped, which may be past the end:
            // clamp to the text.
            let stopped = error.context.lineNumber - 1
            let textLines = text.split(separator: "\n", omittingEmptySubsequences: false)
            let line = min(max(stopped, 1), max(textLines.count - (text.hasSuffix("\n") ? 1 : 0), 1))
            var location = location
            location?.line = line
            let end = textLines[line - 1].utf8.count + 1
            location?.column = line < stopped ? end : min(max(error.context.columnNumber, 1), end)
            throw DiagnosticError(.error(.invalidTemplate, "template \(name).mustache does not parse: \(Self.words(error.error))",
                                         at: location))
        } catch {
            throw DiagnosticError(.error(.invalidTemplate, "template \(name).mustache does not parse: \(error)", at: location))
        }
    }

    /// `expectedSectionEnd` → "expected section end".
    static func words(_ error: Error) -> String {
        var out = ""
        for c in "\(error)" {
            if c.isUppercase { out += " " + c.lowercased() } else { out.append(c) }
        }
        return out
    }

    /// For the templates that take a few plain values (`nav`, `redirect`, `sidebar-script`).
    public func render(_ name: String, _ context: [String: Any]) -> String {
        var context = context
        if context["csp"] == nil { context["csp"] = ContentPolicy.pages }
        return library.render(context, withTemplate: name) ?? ""
    }

    /// A typed view with its own template; Mustache reads the view's stored properties by name.
    func render<View: TemplateView>(_ view: View) -> String {
        library.render(view, withTemplate: View.template) ?? ""
    }

    /// The layout with `bytes` as its body, put in after Mustache ran: a page body of many kilobytes never
    /// goes through Mustache or a Swift string. The body is raw HTML either way (`{{{body}}}`).
    func render(_ layout: LayoutView, splicing bytes: [UInt8]) -> [UInt8] {
        var layout = layout
        layout.body = Self.spliceMarker
        let page = Array(render(layout).utf8)
        let marker = Array(Self.spliceMarker.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(page.count + bytes.count)
        var i = 0, start = 0
        while i + marker.count <= page.count {
            if page[i] == marker[0], page[i..<(i + marker.count)].elementsEqual(marker) {
                out += page[start..<i]
                out += bytes
                i += marker.count
                start = i
            } else {
                i += 1
            }
        }
        out += page[start...]
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

/// What `{{name}}` escapes with. Mustache's own HTML escaping looks at whole characters, so a `"` that a
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
