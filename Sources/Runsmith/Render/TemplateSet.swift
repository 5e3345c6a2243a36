import Foundation
import Mustache
import RunsmithTemplates

/// The Mustache templates and theme assets: the built-in theme, with any file of the project's own
/// `templates/` folder replacing the built-in file of the same name. Compiled once per build.
public struct TemplateSet: Sendable {
    public let library: MustacheLibrary
    /// Asset path (relative to `assets/`) → bytes, written under `_runsmith/`.
    public let assets: [String: [UInt8]]

    public static let required = ["layout", "page", "nav", "nav-item", "toc", "pager", "redirect"]

    public init(projectDirectory: URL?) throws(DiagnosticError) {
        var sources: [String: (String, String)] = [:]  // name → (text, path for errors)
        var assets: [String: [UInt8]] = [:]
        for dir in [BuiltinTemplates.directory] + (projectDirectory.map { [$0] } ?? []) {
            let fm = FileManager.default
            for name in (try? fm.contentsOfDirectory(atPath: dir.path)) ?? [] where name.hasSuffix(".mustache") {
                let url = dir.appendingPathComponent(name)
                if let text = try? String(contentsOf: url, encoding: .utf8) {
                    sources[String(name.dropLast(".mustache".count))] = (text, url.path)
                }
            }
            let assetDir = dir.appendingPathComponent("assets")
            for name in (try? fm.contentsOfDirectory(atPath: assetDir.path)) ?? [] {
                if let data = fm.contents(atPath: assetDir.appendingPathComponent(name).path) { assets[name] = [UInt8](data) }
            }
        }
        var library = MustacheLibrary()
        for (name, (text, path)) in sources.sorted(by: { $0.key < $1.key }) {
            do {
                library.register(try MustacheTemplate(string: text), named: name)
            } catch {
                throw DiagnosticError(.error("invalid-template", "template \(name).mustache does not parse: \(error)",
                                             at: SourceLocation(path: path)))
            }
        }
        for name in Self.required where library.getTemplate(named: name) == nil {
            throw DiagnosticError(.error("missing-template", "template \(name).mustache is missing", at: nil))
        }
        self.library = library
        self.assets = assets
    }

    public func render(_ name: String, _ context: [String: Any]) -> String {
        library.render(context, withTemplate: name) ?? ""
    }
}
