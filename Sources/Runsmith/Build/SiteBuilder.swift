import Foundation

/// The whole pipeline for a site: load → preprocess → parse → transform → render → write.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var root: URL
        /// nil for `check`: everything is built, nothing is written.
        public var output: URL?
        /// Also write each tenant × runbook as one self-contained `<tenant>-<runbook>.html`.
        public var singleFile = false
        /// Build the docs as this tenant gets them (conditions decided, values in place) instead of for
        /// every reader; runbooks are then left out (`runsmith serve`'s tenant switcher).
        public var tenant: String?
        /// Build only this part of the site (`--shard I/N`); the parts merge by copying.
        public var shard: Shard?
        /// `--cache DIR`: pages kept from earlier builds, used when none of their files changed.
        public var cache: URL?
        public init(root: URL, output: URL?) {
            self.root = root
            self.output = output
        }
    }

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic] = []
        public var pageCount = 0
        public var assetCount = 0
        /// Output path → bytes of every page and theme file (empty for a failed load).
        public var files: [String: [UInt8]] = [:]
        /// Output path → source file, for the images and attachments copied rather than generated.
        public var copies: [String: URL] = [:]
        /// True once the output folder was replaced with this build.
        public var written = false
        /// Source paths of the pages this build rendered (all of them, unless it was an incremental update).
        public var rebuiltPages: [String] = []
        /// `tenant/runbook` of each runbook this build made.
        public var rebuiltRunbooks: [String] = []
        /// How many pages came from the cache (`--cache`) instead of being parsed.
        public var cachedPages = 0
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
        public init() {}
    }

    public let options: Options
    public init(options: Options) { self.options = options }

    /// Builds everything once; writes the output (when there is one) into place only when the build is whole.
    public func run(progress: (@Sendable (String) -> Void)? = nil) -> Result {
        if let output = options.output, let refusal = OutputWriter(destination: output).refusal(docsRoot: options.root) {
            var result = Result()
            result.diagnostics = [.error(.unsafeOutput, refusal, at: nil)]
            return result
        }
        let build = IncrementalBuild(options: options)
        build.progress = progress
        var result = build.update()
        if let output = options.output {
            progress?("writing \(result.files.count + result.copies.count) files")
            do {
                try OutputWriter(destination: output).write(files: result.files, copies: result.copies)
                result.written = true
            } catch {
                result.diagnostics.append(.error(.writeFailed, "cannot write \(output.path): \(error.localizedDescription)", at: nil))
            }
        }
        return result
    }
}
