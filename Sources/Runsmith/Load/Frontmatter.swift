import Yams

/// The YAML block between `---` lines at the top of a page or include.
public struct Frontmatter: Sendable, Equatable, Codable {
    public var title: String?
    public var description: String?
    public var icon: String?
    public var hidden = false
    /// GitBook's nested `layout.*` switches, flattened: `title.visible` → false.
    public var layout: [String: Bool] = [:]
    /// Docusaurus: the doc id (links may use it), its URL slug, sidebar label and position.
    public var id: String?
    public var slug: String?
    public var sidebarLabel: String?
    public var sidebarPosition: Double?
    /// Docusaurus `pagination_prev`/`pagination_next`: a doc id, or `null` for none (an empty string here).
    public var paginationPrev: String?
    public var paginationNext: String?
    /// Every top-level scalar as text, for flavours and later stages that read more keys.
    public var fields: [String: String] = [:]

    public init() {}

    /// `layout.<part>.visible`, true unless the page turns it off.
    public func isVisible(_ part: String) -> Bool { layout["\(part).visible"] ?? true }
}

/// Splits a file into frontmatter and body.
public struct FrontmatterSplit: Sendable {
    public var frontmatter: Frontmatter
    /// Byte offset and 1-based line of the first body byte.
    public var bodyOffset: Int
    public var bodyLine: Int

    public static func split(_ bytes: [UInt8], path: String) -> Result<FrontmatterSplit, DiagnosticError> {
        let none = FrontmatterSplit(frontmatter: Frontmatter(), bodyOffset: 0, bodyLine: 1)
        guard let firstEnd = lineEnd(bytes, from: 0), isFence(bytes[0..<firstEnd], "---") else { return .success(none) }
        var start = firstEnd + 1
        var line = 2
        while start <= bytes.count {
            let end = lineEnd(bytes, from: start) ?? bytes.count
            let content = bytes[start..<end]
            if isFence(content, "---") || isFence(content, "...") {
                let yaml = String(decoding: bytes[(firstEnd + 1)..<start], as: UTF8.self)
                let body = min(end + 1, bytes.count)
                return parse(yaml, path: path).map { FrontmatterSplit(frontmatter: $0, bodyOffset: body, bodyLine: line + 1) }
            }
            if end >= bytes.count { break }
            start = end + 1
            line += 1
        }
        return .failure(DiagnosticError(.error(.unclosedFrontmatter, "frontmatter opened here is never closed with '---'",
                                               at: SourceLocation(path: path, line: 1, column: 1))))
    }

    static func lineEnd(_ bytes: [UInt8], from: Int) -> Int? {
        guard from < bytes.count else { return nil }
        return bytes[from...].firstIndex(of: 0x0A) ?? bytes.count
    }

    static func isFence(_ line: ArraySlice<UInt8>, _ fence: String) -> Bool {
        var trimmed = line
        while let last = trimmed.last, last == 0x20 || last == 0x09 || last == 0x0D { trimmed.removeLast() }
        return Array(trimmed) == Array(fence.utf8)
    }

    static func parse(_ yaml: String, path: String) -> Result<Frontmatter, DiagnosticError> {
        let source = YAMLSource(path: path, text: yaml, firstLine: 2)
        let node: Node?
        do { node = try source.compose() } catch { return .failure(error) }
        var fm = Frontmatter()
        guard let node else { return .success(fm) }
        guard let mapping = node.mapping else {
            return .failure(DiagnosticError(.error(.invalidFrontmatter, "frontmatter must be a mapping of keys to values",
                                                   at: source.location(node.mark))))
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            if let scalar = value.scalar { fm.fields[name] = scalar.string }
            switch name {
            case "title": fm.title = value.string
            case "description": fm.description = value.string
            case "icon": fm.icon = value.string
            case "hidden": fm.hidden = value.bool ?? false
            case "id": fm.id = value.string
            case "slug": fm.slug = value.string
            case "sidebar_label": fm.sidebarLabel = value.string
            case "sidebar_position": fm.sidebarPosition = value.float ?? value.int.map(Double.init)
            case "hide_title": if value.bool == true { fm.layout["title.visible"] = false }
            case "hide_table_of_contents": if value.bool == true { fm.layout["tableOfContents.visible"] = false }
            case "pagination_prev": fm.paginationPrev = value.null != nil ? "" : value.string
            case "pagination_next": fm.paginationNext = value.null != nil ? "" : value.string
            case "layout": flattenLayout(value, prefix: "", into: &fm.layout)
            default: break
            }
        }
        return .success(fm)
    }

    static func flattenLayout(_ node: Node, prefix: String, into out: inout [String: Bool]) {
        guard let mapping = node.mapping else {
            if let flag = node.bool { out[prefix] = flag }
            return
        }
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            flattenLayout(value, prefix: prefix.isEmpty ? name : prefix + "." + name, into: &out)
        }
    }
}
