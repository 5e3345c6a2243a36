/// What `runsmith diff A B` found: per runbook, which one gets it and, step by step, the sections only
/// one gets and how the content of the steps both get differs; then each docs page that reads differently.
/// `--format json` writes it as is (`Codable`); `TenantComparison.text` is the readable form.
public struct TenantComparison: Codable, Sendable, Equatable {
    public var schemaVersion = 1
    public var a: Side
    public var b: Side
    public var runbooks: [RunbookDifference]
    /// Docs pages whose text differs between the two (none with `--runbook`).
    public var pages: [PageDifference]

    public struct Side: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
    }

    /// Which of the two gets a runbook or a step.
    public enum Gets: String, Codable, Sendable {
        case both, a, b, neither

        init(_ inA: Bool, _ inB: Bool) {
            self = inA ? (inB ? .both : .a) : (inB ? .b : .neither)
        }
    }

    public struct RunbookDifference: Codable, Sendable, Equatable {
        public var id: String
        public var gets: Gets
        /// The steps that differ (only one gets it, or its content differs), in the runbook's order.
        public var steps: [StepDifference]
    }

    public struct StepDifference: Codable, Sendable, Equatable {
        /// The section's place in the runbook's file (1 for its first section).
        public var section: Int
        public var title: String
        /// `page.md` or `page.md#heading`.
        public var source: String
        public var gets: Gets
        /// How the content differs, when both get it.
        public var content: ContentDifference?
    }

    public struct PageDifference: Codable, Sendable, Equatable {
        public var page: String
        public var content: ContentDifference
    }

    /// The text each tenant reads, compared: the conditions decided differently, the values that
    /// differ (a secret only as its placeholder), and a unified diff of the plain text.
    public struct ContentDifference: Codable, Sendable, Equatable {
        public var branches: [Branch]
        public var values: [Value]
        public var diff: [String]

        var isEmpty: Bool { branches.isEmpty && values.isEmpty && diff.isEmpty }
    }

    public struct Branch: Codable, Sendable, Equatable {
        /// `file:line:col` of the tag.
        public var at: String
        /// `{% if vars.deployment == "server" %}`.
        public var tag: String
        /// Whether the condition holds for each.
        public var a: Bool
        public var b: Bool
    }

    public struct Value: Codable, Sendable, Equatable {
        /// The reference as written: `vars.ado_org`, `tenant.name`, `vars.region | upcase`.
        public var reference: String
        /// nil: the page does not show it for that tenant.
        public var a: String?
        public var b: String?
    }
}
