import Synchronization

/// Runbook steps that read the same for the tenants that get them, compiled once per build and shared by
/// those tenants' runbooks: 100 tenants of one 30-step runbook compile 30 pages (a few more for pages with
/// conditions, one per version), not 3,000.
///
/// A step is shared only when nothing of the tenant but its conditions can reach it:
/// - its page has no conditions (one preprocessing serves every tenant, `SharedPreprocessing`), or the
///   tenants decided every condition of the page and its includes alike and got the same text (`Variant`);
/// - neither the page's file nor its preprocessed text (with its includes) holds `{{`, so no value goes in;
/// - its compile reported nothing;
/// - and it is taken again only for the same page, section, heading, number and runbook plan, and when
///   every anchor question its links asked of a tenant's version of a page gets the same answer for
///   this tenant (`asked`).
/// The leak audit still reads every tenant's runbook as written.
final class SharedSteps: Sendable {
    struct Key: Hashable {
        var source: String
        var section: String?
        var title: String?
        var step: Bool
        var number: Int
        var route: String
        /// The runbook's plan for this tenant: route, section and number of each step.
        var plan: [String]
        /// A page with conditions: the version of it this tenant got. Nil for a page without any.
        var variant: Variant?
    }

    /// One version of a page with conditions: how each of its conditions was decided, and what that
    /// made of the page. Two tenants with the same version compile the same step.
    struct Variant: Hashable {
        var decisions: [ConditionDecision]
        var text: [UInt8]
        var withheld: [String]

        init(_ page: PreprocessedPage) {
            decisions = page.decisions
            text = page.text
            withheld = page.withheld
        }
    }

    struct Entry {
        var step: RunbookBuilder.Step
        /// Source → the anchors of that page as a tenant gets it: what the step's links asked.
        var asked: [String: Set<String>]
    }

    private let entries = Mutex<[Key: Entry]>([:])
    /// What the steps withhold from a tenant, read once for every tenant's runbook page.
    let withheld = WithheldTexts()
    /// Source and version of a page → its anchors, where no value can go into them.
    private let anchors = Mutex<[String: [Variant: Set<String>]]>([:])
    /// Source → whether its file holds `{{`, read once per build.
    private let sources = Mutex<[String: Bool]>([:])

    /// The step kept under `key`, when this tenant's answers to its anchor questions are the same.
    func step(_ key: Key, anchors: (String) -> Set<String>) -> RunbookBuilder.Step? {
        guard let entry = entries.withLock({ $0[key] }) else { return nil }
        return entry.asked.allSatisfy { anchors($0.key) == $0.value } ? entry.step : nil
    }

    func keep(_ step: RunbookBuilder.Step, asked: [String: Set<String>], under key: Key) {
        entries.withLock { $0[key] = Entry(step: step, asked: asked) }
    }

    /// The anchors of one version of a page (compiled by `make` the first time it is asked for).
    func anchors(_ source: String, of version: Variant, _ make: () -> Set<String>) -> Set<String> {
        if let known = anchors.withLock({ $0[source]?[version] }) { return known }
        let made = make()
        anchors.withLock { $0[source, default: [:]][version] = made }
        return made
    }

    /// Whether the page's own file (its frontmatter too) holds `{{`; a file that cannot be read counts as one.
    func fileMentionsValues(_ source: String, read: () -> [UInt8]?) -> Bool {
        if let known = sources.withLock({ $0[source] }) { return known }
        let mentions = read().map(Self.mentionsValues) ?? true
        sources.withLock { $0[source] = mentions }
        return mentions
    }

    /// Whether `bytes` hold `{{`, where a tenant's value could go.
    static func mentionsValues<Bytes: Collection>(_ bytes: Bytes) -> Bool where Bytes.Element == UInt8 {
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x7B, previous == 0x7B { return true }
            previous = byte
        }
        return false
    }
}
