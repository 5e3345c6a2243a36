import Foundation

/// `runbook.json`: one tenant's runbook for ticketing and tracking tools, its format documented in
/// docs/runbook-json.md. `schemaVersion` changes only when a field changes meaning or goes away.
public struct RunbookDocument: Codable, Equatable, Sendable {
    public static let currentSchemaVersion = 1

    public struct Step: Codable, Equatable, Sendable {
        /// Stable across builds and rewordings elsewhere: checklist ticks are kept by it.
        public var id: String
        public var number: Int
        public var title: String
        /// `page.md#section` as the runbook file names it.
        public var section: String
        /// `file:line:col` where the step's content is written.
        public var source: String
        /// `file:line:col` of its entry in the runbook file.
        public var definedAt: String
        public var owner: String?
        public var estimateMinutes: Int?
        public var verify: String?
    }

    public var schemaVersion: Int
    public var tenant: String
    public var runbook: String
    public var title: String
    public var estimateMinutes: Int
    public var steps: [Step]

    /// A runbook's version, as its provenance line and its PDFs' header show it: the hash of its `runbook.json`.
    static func version(ofEncoded json: [UInt8]) -> String { ContentHash.hex(json) }

    /// Sorted keys and no escaped slashes: the same runbook gives the same bytes, readable in a diff.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(self)) + [0x0A]
    }
}
