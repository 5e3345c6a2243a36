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
        var decoder = RunbookDecoder(source: YAMLSource(path: path, text: text, firstLine: 1))
        return decoder.decode()
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

extension Runbook.Section {
    /// The markdown file of the docs that the section's `page:` names (a folder names its README or
    /// index), or nil when there is none.
    func source(in index: SiteIndex) -> String? {
        RelativePath.resolve(page, from: "").flatMap(index.markdownFile(for:))
    }
}
