import Foundation

/// The whole pipeline for a site: load → preprocess → parse → transform → render → write.
public struct SiteBuilder: Sendable {
    public struct Options: Sendable {
        public var root: URL
        /// nil for `check`: everything is built, nothing is written.
        public var output: URL?
        /// Where the tenants' folders go (`--tenants-out`, which defaults to `_tenants/` beside `--out`);
        /// nil: inside `output`, as `_tenants/` (one tree, for a caller that handles both).
        public var tenantsOutput: URL?
        /// Also write each tenant × runbook as one self-contained `<runbook>.html` in the tenant's folder.
        public var singleFile = false
        /// Also print each tenant's runbooks and checklists to PDF (`--pdf`, headless Chromium).
        public var pdf = false
        /// Build the docs as this tenant gets them (conditions decided, values in place) instead of for
        /// every reader; runbooks are then left out (`runsmith serve`'s tenant switcher).
        public var tenant: String?
        /// Build only this part of the site (`--shard I/N`); the parts merge by copying.
        public var shard: Shard?
        /// `--cache DIR`: pages kept from earlier builds, used when none of their files changed.
        public var cache: URL?
        /// The docs' search index is made when first asked for (`IncrementalBuild.searchIndex()`), not
        /// by each update: `serve`, whose reload must not wait for an index of every page.
        public var defersSearchIndex = false
        /// False: code blocks stay uncoloured whatever `highlight:` says (`check`, which writes no HTML and
        /// need not start Pygments).
        public var highlightsCode = true
        /// Each docs page is written into the output's staging folder as soon as it is laid out, and not
        /// kept (`PageStream`): `runsmith build`, whose memory then does not grow with the site. Its
        /// pages are then not among the result's `files`.
        public var writesPagesAsRendered = false
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
        /// Pages already written to the output as they were rendered (`Options.writesPagesAsRendered`),
        /// which are not among `files`.
        public var streamed: Set<String> = []
        /// Whether the build makes a file at `path`, in `files` or already written.
        public func makes(_ path: String) -> Bool { files[path] != nil || streamed.contains(path) }
        /// Output path → source file, for the images and attachments copied rather than generated.
        public var copies: [String: URL] = [:]
        /// True once the output folder was replaced with this build.
        public var written = false
        /// The build got past loading the site (its config, templates and tenants): only such a build
        /// replaces the output, even with errors in its pages.
        public var siteLoaded = false
        /// Source paths of the pages this build rendered (all of them, unless it was an incremental update).
        public var rebuiltPages: [String] = []
        /// `tenant/runbook` of each runbook this build made.
        public var rebuiltRunbooks: [String] = []
        /// How many pages came from the cache (`--cache`) instead of being parsed.
        public var cachedPages = 0
        public var hasErrors: Bool { diagnostics.contains { $0.severity == .error } }
        /// Some tenant's folder is among the files.
        public var hasTenantFolders: Bool { files.keys.contains { $0.hasPrefix(TenantFolder.prefix) } }
        public init() {}
    }

    public let options: Options
    public init(options: Options) { self.options = options }

    /// Builds everything once, then writes the public site to `output` and the tenants' folders to
    /// `tenantsOutput`, each replaced atomically.
    public func run(progress: (@Sendable (String) -> Void)? = nil) -> Result {
        if let refusal = refusal() {
            var result = Result()
            result.diagnostics = [refusal]
            return result
        }
        let build = IncrementalBuild(options: options)
        build.progress = progress
        var staging: OutputStaging? = nil
        if options.writesPagesAsRendered, let output = options.output {
            do { staging = try OutputStaging(destination: output) } catch {
                var result = Result()
                result.diagnostics = [.error(.writeFailed, "cannot write \(output.path): \(error.localizedDescription)", at: nil)]
                return result
            }
            build.pageOutput = staging
        }
        var result = build.update()
        // A site that did not load (its config, templates or tenants failed) has no pages: the output
        // keeps the last good build instead of an empty folder.
        guard let output = options.output, result.siteLoaded else {
            staging?.discard()
            return result
        }
        progress?("writing \(result.files.count + result.copies.count) files")
        var writes = [(output, result.files, result.copies)]
        if let destination = options.tenantsOutput {
            let tenants = Self.tenantFiles(result)
            writes = [(output, result.files.filter { !$0.key.hasPrefix(TenantFolder.prefix) }, result.copies.filter { !$0.key.hasPrefix(TenantFolder.prefix) })]
            // No tenants now: an earlier build's folders are emptied, never left behind with old customers' runbooks.
            if !tenants.files.isEmpty || FileManager.default.fileExists(atPath: destination.path) {
                writes.append((destination, tenants.files, tenants.copies))
            }
        }
        for (destination, files, copies) in writes {
            do {
                if let staging, destination == output {
                    try staging.finish(files: files, copies: copies)
                } else {
                    try OutputWriter(destination: destination).write(files: files, copies: copies)
                }
            } catch {
                result.diagnostics.append(.error(.writeFailed, "cannot write \(destination.path): \(error.localizedDescription)", at: nil))
                return result
            }
        }
        result.written = true
        return result
    }

    /// The tenants' folders, with paths relative to `_tenants/`.
    static func tenantFiles(_ result: Result) -> (files: [String: [UInt8]], copies: [String: URL]) {
        func strip<V>(_ map: [String: V]) -> [String: V] {
            Dictionary(uniqueKeysWithValues: map.filter { $0.key.hasPrefix(TenantFolder.prefix) }
                .map { (String($0.key.dropFirst(TenantFolder.prefix.count)), $0.value) })
        }
        return (strip(result.files), strip(result.copies))
    }

    /// Why the build cannot start: no print engine for `--pdf`, or writing would destroy something that
    /// is not an earlier output. nil when it can.
    private func refusal() -> Diagnostic? {
        if options.pdf, PDFPrinter.find() == nil {
            return .error(.missingPdfEngine, "--pdf prints with headless Chromium, which is not installed: install the Debian package \(PDFPrinter.debianPackage)",
                          at: nil)
        }
        guard let output = options.output else { return nil }
        if let tenants = options.tenantsOutput {
            if tenants.standardizedFileURL.path == output.standardizedFileURL.path {
                return .error(.unsafeOutput, "the tenants' folders (\(tenants.path)) would replace the site at the same path: give --tenants-out another folder",
                              at: nil)
            }
            if let refusal = OutputWriter(destination: tenants).refusal(docsRoot: options.root) { return .error(.unsafeOutput, refusal, at: nil) }
        }
        return OutputWriter(destination: output).refusal(docsRoot: options.root).map { .error(.unsafeOutput, $0, at: nil) }
    }
}
