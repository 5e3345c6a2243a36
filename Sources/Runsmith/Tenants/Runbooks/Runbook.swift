import Foundation
import Yams

/// `runbooks/<id>.yml`: an ordered selection of pages and sections, tailored per tenant.
///
/// ```yaml
/// title: "Connect {{ tenant.name }} to Azure DevOps"
/// when: vars.scm == "azure-devops"
/// intro: Work through the steps in order; each has an owner.
/// sections:
///   - page: integrations/azure-devops/pat-scopes.md
///     section: required-scopes
///     step: true
///     owner: Platform admin
///     estimate: 15m
///     verify: The token lists Code (Read) and Build (Read & execute).
///   - page: integrations/azure-devops/azure-devops-server.md
///     when: vars.deployment == "server"
/// ```
public struct Runbook: Sendable {
    public struct Section: Sendable {
        public var page: String
        /// A heading id: only that heading and what follows it, up to the next heading of its level.
        public var section: String?
        public var when: Condition?
        /// Where its `when:` is written: problems with the condition are reported there.
        public var whenLocation: SourceLocation?
        public var title: String?
        public var step = false
        public var owner: String?
        /// Minutes.
        public var estimate: Int?
        public var verify: String?
        public var location: SourceLocation
        /// Where the text of `title`, `owner` and `verify` starts, for problems with their `{{ }}`.
        public var textLocations: [String: SourceLocation] = [:]
    }

    public var id: String
    public var title: String
    public var when: Condition?
    public var whenLocation: SourceLocation?
    public var intro: String?
    public var outro: String?
    public var sections: [Section] = []
    public var path: String
    /// Where the text of `title`, `intro` and `outro` starts.
    public var textLocations: [String: SourceLocation] = [:]

    static let keys: Set<String> = ["title", "when", "intro", "outro", "sections"]
    static let sectionKeys: Set<String> = ["page", "section", "when", "title", "step", "owner", "estimate", "verify"]

    public static func decode(_ text: String, path: String) -> (Runbook?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let source = YAMLSource(path: path, text: text, firstLine: 1)
        let root: Node?
        do { root = try source.compose() } catch { return (nil, [error.diagnostic]) }
        guard let root else { return (nil, [.error("invalid-runbook", "runbook file is empty", at: SourceLocation(path: path))]) }
        var runbook = Runbook(id: Routes.split(path).1, title: "", path: path)
        /// The first character of a scalar's text (after its opening quote).
        func textStart(_ node: Node) -> SourceLocation {
            var location = source.location(node.mark)
            if let style = node.scalar?.style, style == .singleQuoted || style == .doubleQuoted { location.column += 1 }
            return location
        }
        func condition(_ node: Node, at: SourceLocation) -> Condition? {
            guard let text = node.string else {
                diagnostics.append(.error("invalid-condition", "`when:` must be a condition such as vars.deployment == \"server\"", at: at))
                return nil
            }
            do { return try ConditionParser.parse(text) } catch {
                var location = source.location(node.mark)
                location.column += error.offset + (node.scalar?.style == .plain ? 0 : 1)
                diagnostics.append(.error("invalid-condition", error.message, at: location))
                return nil
            }
        }
        for (key, value, at) in source.fields(of: root, allowed: keys, what: "runbook \(path)", into: &diagnostics) {
            switch key {
            case "title", "intro", "outro":
                runbook.textLocations[key] = textStart(value)
                if key == "title" { runbook.title = value.string ?? "" } else if key == "intro" { runbook.intro = value.string } else { runbook.outro = value.string }
            case "when":
                runbook.when = condition(value, at: at)
                runbook.whenLocation = source.location(value.mark)
            case "sections":
                guard let items = value.sequence else {
                    diagnostics.append(.error("invalid-runbook", "sections must be a list", at: at))
                    continue
                }
                for item in items {
                    let itemAt = source.location(item.mark)
                    var section = Section(page: "", location: itemAt)
                    for (k, v, kAt) in source.fields(of: item, allowed: sectionKeys, what: "section", into: &diagnostics) {
                        switch k {
                        case "page": section.page = v.string ?? ""
                        case "section": section.section = v.string
                        case "when":
                            section.when = condition(v, at: kAt)
                            section.whenLocation = source.location(v.mark)
                        case "title", "owner", "verify":
                            section.textLocations[k] = textStart(v)
                            if k == "title" { section.title = v.string } else if k == "owner" { section.owner = v.string } else { section.verify = v.string }
                        case "step":
                            guard let b = v.bool else {
                                diagnostics.append(.error("invalid-runbook", "step must be true or false", at: kAt)); continue
                            }
                            section.step = b
                        case "estimate":
                            guard let minutes = Self.minutes(v.string ?? "") else {
                                diagnostics.append(.error("invalid-runbook", "estimate '\(v.string ?? "")' is not a duration like 15m, 1h or 1h30m", at: kAt))
                                continue
                            }
                            section.estimate = minutes
                        default: break
                        }
                    }
                    if section.page.isEmpty {
                        diagnostics.append(.error("invalid-runbook", "each section needs `page:`", at: itemAt))
                        continue
                    }
                    runbook.sections.append(section)
                }
            default: break
            }
        }
        if runbook.title.isEmpty { diagnostics.append(.error("invalid-runbook", "runbook needs a title", at: SourceLocation(path: path))) }
        if runbook.sections.isEmpty { diagnostics.append(.error("invalid-runbook", "runbook has no sections", at: SourceLocation(path: path))) }
        // A bad field is reported and left out; the rest is still checked, so one run shows every problem.
        let usable = !runbook.title.isEmpty && !runbook.sections.isEmpty
        return (usable ? runbook : nil, sortedDiagnostics(diagnostics))
    }

    /// 15 → `15 min`, 90 → `1 h 30 min`: an estimate as the runbook page and checklist show it.
    static func duration(_ minutes: Int) -> String {
        minutes >= 60 ? "\(minutes / 60) h" + (minutes % 60 > 0 ? " \(minutes % 60) min" : "") : "\(minutes) min"
    }

    /// `15m` → 15, `1h` → 60, `1h30m` → 90, `2h 15m` → 135; nil when it is not such a duration.
    public static func minutes(_ text: String) -> Int? {
        var total = 0, number = "", seen = false
        for c in text.replacingOccurrences(of: " ", with: "") {
            if c.isNumber { number.append(c); continue }
            guard let n = Int(number), c == "h" || c == "m" else { return nil }
            total += c == "h" ? n * 60 : n
            number = ""
            seen = true
        }
        return seen && number.isEmpty ? total : nil
    }
}
