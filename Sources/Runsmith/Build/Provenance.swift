import Foundation

/// What every runbook and checklist says about where it came from: the tenant, the runbook's version
/// (a hash of its steps), the source commit when the docs are in git, the generator version, and the
/// build time — only when `SOURCE_DATE_EPOCH` sets it, so that builds stay reproducible.
public struct Provenance: Sendable {
    public static let generator = "Runsmith 0.1.0"

    public var commit: String?
    public var buildTime: String?

    /// Reads the commit of `root` (when it is in a git work tree) and `SOURCE_DATE_EPOCH`.
    public static func current(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> Provenance {
        var provenance = Provenance()
        provenance.commit = gitCommit(root)
        if let epoch = environment["SOURCE_DATE_EPOCH"].flatMap(TimeInterval.init) {
            let formatter = ISO8601DateFormatter()
            formatter.timeZone = TimeZone(identifier: "UTC")
            provenance.buildTime = formatter.string(from: Date(timeIntervalSince1970: epoch))
        }
        return provenance
    }

    static func gitCommit(_ root: URL) -> String? {
        guard let data = CommandOutput.run(["git", "-C", root.path, "rev-parse", "--short=12", "HEAD"]) else { return nil }
        let commit = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return commit.isEmpty ? nil : commit
    }

    /// `Tenant fabrikam · runbook azure-devops-setup, version 6b3fc2c60396 · source 1a2b3c4d5e6f · Runsmith 0.1.0 · built …`
    public func line(tenant: String, runbook: String, version: String) -> String {
        ["Tenant \(tenant)", "runbook \(runbook), version \(version)", commit.map { "source \($0)" }, Self.generator,
         buildTime.map { "built \($0)" }].compactMap { $0 }.joined(separator: " · ")
    }
}
