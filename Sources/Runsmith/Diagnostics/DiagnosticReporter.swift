import Foundation

/// Prints diagnostics as a human frame (`path:line:col: error: message`, source line, caret, include chain),
/// JSON lines, or GitHub Actions annotations.
public struct DiagnosticReporter: Sendable {
    public enum Format: String, Sendable, CaseIterable { case human, json, github }

    public var format: Format
    /// Returns a file's bytes for the source frame; nil when it cannot be shown.
    public var source: @Sendable (String) -> [UInt8]?
    /// Put before every path, so that locations are relative to where the command ran
    /// (`content/` + `guide.md`): clickable in a terminal, and what GitHub annotations need.
    public var pathPrefix: String

    public init(format: Format, pathPrefix: String = "", source: @escaping @Sendable (String) -> [UInt8]?) {
        self.format = format
        self.pathPrefix = pathPrefix
        self.source = source
    }

    func display(_ loc: SourceLocation) -> String { "\(pathPrefix)\(loc.path):\(loc.line):\(loc.column)" }

    /// The prefix that shows `root`'s files relative to the working directory (absolute when outside it).
    public static func pathPrefix(for root: URL, workingDirectory: URL) -> String {
        let r = root.standardizedFileURL.resolvingSymlinksInPath().path
        let cwd = workingDirectory.standardizedFileURL.resolvingSymlinksInPath().path
        if r == cwd { return "" }
        if r.hasPrefix(cwd + "/") { return String(r.dropFirst(cwd.count + 1)) + "/" }
        return r + "/"
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        switch format {
        case .human: return human(diagnostics)
        case .json: return diagnostics.map(json).joined()
        case .github: return diagnostics.map(github).joined()
        }
    }

    /// How many other places of a group are listed under its frame; the rest are counted.
    static let placesListed = 3

    /// One frame per group of the same problem, what was left out, and a table of counts by code:
    /// a build's thousands of one warning must not bury its errors. JSON and GitHub list every one.
    func human(_ diagnostics: [Diagnostic]) -> String {
        let summary = DiagnosticSummary(diagnostics)
        var out = summary.shown.map(human).joined()
        for left in summary.hidden {
            out += "runsmith: not shown: \(left.diagnostics) more \(left.code) warnings with \(left.groups) other messages"
                + " (--format json lists every one)\n"
        }
        if diagnostics.count > 1 { out += "\n" + summary.table }
        return out
    }

    func human(_ group: DiagnosticGroup) -> String {
        let d = group.first
        var out = "\(d.location.map(display) ?? "runsmith"): \(d.severity.rawValue): \(d.message)\n"
        if let loc = d.location, let frame = sourceFrame(loc) { out += frame }
        for (i, step) in d.includeChain.enumerated().reversed() {
            out += "  \(i == d.includeChain.count - 1 ? "included from" : "         from") \(display(step))\n"
        }
        if let note = d.note { out += "  note: \(note)\n" }
        let others = group.members.dropFirst()
        for (i, other) in others.prefix(Self.placesListed).enumerated() {
            out += "  \(i == 0 ? "also at" : "       ") \(other.location.map(display) ?? "runsmith")\n"
        }
        if others.count > Self.placesListed {
            let more = others.count - Self.placesListed
            out += "          and \(more) more place\(more == 1 ? "" : "s") (\(group.members.count) in all)\n"
        }
        // A note only a later place has (a count of what a page cut) must not vanish with its frame.
        let noted = others.filter { $0.note != nil && $0.note != d.note }
        for other in noted.prefix(Self.placesListed) {
            out += "  note at \(other.location.map(display) ?? "runsmith"): \(other.note ?? "")\n"
        }
        if noted.count > Self.placesListed { out += "  and \(noted.count - Self.placesListed) more notes at other places\n" }
        return out
    }

    /// The source line and a caret under the column (columns are bytes; the caret counts characters).
    /// A line longer than 240 bytes is shown as 240 bytes around the column, cut ends marked `…`: a
    /// minified or generated line of megabytes is not printed whole.
    func sourceFrame(_ loc: SourceLocation) -> String? {
        guard let bytes = source(loc.path), loc.line >= 1 else { return nil }
        var line = 1, start = 0
        var i = 0
        while i < bytes.count && line < loc.line {
            if bytes[i] == 0x0A { line += 1; start = i + 1 }
            i += 1
        }
        guard line == loc.line else { return nil }
        var end = start
        while end < bytes.count && bytes[end] != 0x0A && bytes[end] != 0x0D { end += 1 }
        let column = start + max(0, min(loc.column - 1, end - start))
        var from = start, to = end
        if end - start > 240 {
            from = max(start, column - 80)
            while from > start, bytes[from] & 0xC0 == 0x80 { from -= 1 }
            to = min(end, from + 240)
            while to < end, bytes[to] & 0xC0 == 0x80 { to += 1 }
        }
        let text = (from > start ? "…" : "") + String(decoding: bytes[from..<to], as: UTF8.self) + (to < end ? "…" : "")
        let prefix = String(decoding: bytes[from..<column], as: UTF8.self)
        let pad = (from > start ? " " : "") + String(prefix.map { $0 == "\t" ? "\t" : " " })
        let gutter = String(repeating: " ", count: String(loc.line).count)
        return "\(gutter) |\n\(loc.line) | \(text)\n\(gutter) | \(pad)^\n"
    }

    func json(_ d: Diagnostic) -> String {
        var object: [String: Any] = ["severity": d.severity.rawValue, "code": d.code.rawValue, "message": d.message]
        if let loc = d.location {
            object["file"] = pathPrefix + loc.path
            object["line"] = loc.line
            object["column"] = loc.column
        }
        if !d.includeChain.isEmpty { object["includeChain"] = d.includeChain.map(display) }
        if let note = d.note { object["note"] = note }
        if let count = d.count { object["count"] = count }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self) + "\n"
    }

    func github(_ d: Diagnostic) -> String {
        var props: [String] = []
        if let loc = d.location {
            props = ["file=\(escapeProperty(pathPrefix + loc.path))", "line=\(loc.line)", "col=\(loc.column)"]
        }
        props.append("title=\(escapeProperty("runsmith \(d.code)"))")
        var message = d.message
        if !d.includeChain.isEmpty { message += " (included from \(d.includeChain.map(display).joined(separator: " → ")))" }
        if let note = d.note { message += "\nnote: \(note)" }
        return "::\(d.severity.rawValue) \(props.joined(separator: ","))::\(escapeData(message))\n"
    }

    // GitHub's workflow-command escaping rules.
    private func escapeData(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
            .replacingOccurrences(of: "\n", with: "%0A")
    }
    private func escapeProperty(_ s: String) -> String {
        escapeData(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
