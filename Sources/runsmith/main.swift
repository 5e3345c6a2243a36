import ArgumentParser
import Foundation
import Runsmith

/// Exit codes: 0 success, 1 errors found in the docs, 2 usage.
struct RunsmithCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "runsmith",
        abstract: "Build GitBook and Docusaurus docs into static HTML sites and tenant runbooks.",
        version: String(Provenance.generator.dropFirst("Runsmith ".count)),
        subcommands: [Build.self, Check.self, Render.self, Diff.self, Serve.self]
    )
}

struct DiagnosticOptions: ParsableArguments {
    @Option(name: .long, help: "Diagnostics format: human, json or github (Actions annotations).")
    var format: DiagnosticReporter.Format = .human
}

extension DiagnosticReporter.Format: ExpressibleByArgument {}

enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    static var stderrIsTerminal: Bool { isatty(2) == 1 }

    /// Prints diagnostics to stderr; JSON and GitHub annotations go to stdout, where CI tools read them,
    /// unless stdout carries the result itself (`render`).
    static func report(_ diagnostics: [Diagnostic], format: DiagnosticReporter.Format, root: URL,
                       input: (name: String, bytes: [UInt8])? = nil, stdoutIsFree: Bool = true) {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        let prefix = DiagnosticReporter.pathPrefix(for: root, workingDirectory: cwd)
        let reporter = DiagnosticReporter(format: format, pathPrefix: prefix) { path in
            if let input, input.name == path { return input.bytes }
            return (try? Data(contentsOf: root.appendingPathComponent(path))).map { [UInt8]($0) }
        }
        let text = reporter.render(diagnostics)
        if format == .human || !stdoutIsFree { error(text) } else { print(text, terminator: "") }
    }

    /// `build` (with an output folder) and `check` (without): run the pipeline, report, exit 1 on errors.
    static func runSite(root: String, output: String?, tenantsOutput: String? = nil, format: DiagnosticReporter.Format,
                        singleFile: Bool = false, pdf: Bool = false, shard: Shard? = nil, cache: String? = nil) throws {
        let rootURL = URL(fileURLWithPath: root)
        let outURL = output.map { URL(fileURLWithPath: $0).standardizedFileURL }
        var progress: (@Sendable (String) -> Void)? = nil
        if stderrIsTerminal {
            progress = { message in Console.error("runsmith: \(message)\n") }
        }
        var options = SiteBuilder.Options(root: rootURL, output: outURL)
        // The tenants' folders never go inside the public site: `_tenants/` beside it unless told otherwise.
        options.tenantsOutput = tenantsOutput.map { URL(fileURLWithPath: $0).standardizedFileURL }
            ?? outURL.map { $0.deletingLastPathComponent().appendingPathComponent(TenantFolder.name) }
        options.singleFile = singleFile
        options.pdf = pdf
        // `check` writes no HTML: its code blocks need no colours, and Pygments is not started. With a
        // cache it colours them still, so that `check` and `build` share (and do not prune) its entries.
        options.highlightsCode = outURL != nil || cache != nil
        options.writesPagesAsRendered = true
        options.shard = shard
        options.cache = cache.map { URL(fileURLWithPath: $0).standardizedFileURL }
        let result = SiteBuilder(options: options).run(progress: progress)
        report(result.diagnostics, format: format, root: rootURL)
        if let outURL {
            if result.written {
                let place = shard.map { "\(outURL.path)/ (part \($0.index + 1) of \($0.count))" } ?? "\(outURL.path)/index.html"
                let tenants = !result.hasTenantFolders ? "" : options.tenantsOutput.map { ", tenants → \($0.path)/" } ?? ""
                error("runsmith: built \(summary(result)) → \(place)\(tenants)\n")
            } else {
                error("runsmith: nothing written (\(summary(result)))\n")
            }
        } else {
            error("runsmith: checked \(summary(result))\n")
        }
        if result.hasErrors { throw ExitCode(1) }
    }

    static func summary(_ result: SiteBuilder.Result) -> String {
        let errors = result.diagnostics.filter { $0.severity == .error }.reduce(0) { $0 + $1.weight }
        let warnings = result.diagnostics.reduce(0) { $0 + $1.weight } - errors
        let cached = result.cachedPages > 0 ? " (\(result.cachedPages) from the cache)" : ""
        return "\(result.pageCount) pages\(cached), \(result.assetCount) assets, \(errors) errors, \(warnings) warnings"
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site into an output folder (default content/ → _site/).")
    @Argument(help: "The docs root.") var root: String = "content"
    @Option(name: .long, help: "Output folder of the public site; replaced atomically when the build finishes.") var out: String = "_site"
    @Option(name: .long, help: ArgumentHelp("Output folder of the tenants' deliverables, one folder per tenant (default: _tenants beside --out).",
                                            valueName: "DIR"))
    var tenantsOut: String?
    @Flag(name: .long, help: "Also write each tenant's runbook as one self-contained <runbook>.html in the tenant's folder.")
    var singleFile = false
    @Flag(name: .long, help: "Also print each tenant's runbook and checklist to PDF (<runbook>.pdf, <runbook>-checklist.pdf; needs chromium).")
    var pdf = false
    @Option(name: .long, help: ArgumentHelp("Build only part I of N (1 ≤ I ≤ N); the parts' folders merge by copying.", valueName: "I/N"),
            transform: { text in
                guard let shard = Shard(text) else { throw ValidationError("--shard takes I/N with 1 ≤ I ≤ N, as in 2/3") }
                return shard
            })
    var shard: Shard?
    @OptionGroup var cache: CacheOption
    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        try Console.runSite(root: root, output: out, tenantsOutput: tenantsOut, format: diagnostics.format, singleFile: singleFile,
                            pdf: pdf, shard: shard, cache: cache.cache)
    }
}

/// `--cache DIR`, for build and check.
struct CacheOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Keep each page's parse here and reuse it while none of the page's files change.",
                                            valueName: "DIR"))
    var cache: String?
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Do everything build does, write nothing; exit 1 on any error.")
    @Argument(help: "The docs root.") var root: String = "content"
    @OptionGroup var cache: CacheOption
    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        try Console.runSite(root: root, output: nil, format: diagnostics.format, cache: cache.cache)
    }
}

struct Render: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Render one markdown file (or - for stdin) to an HTML fragment on stdout.")
    @Argument(help: "A markdown file, or - for standard input.") var file: String = "-"
    @Option(name: .long, help: "Render the page as this tenant gets it (tenants/<ID>.yml under the docs root).")
    var tenant: String?
    @Option(name: .long, help: "The docs root: includes and tenants/ are read from it (default: the working directory).")
    var root: String?
    @Flag(name: .long, help: "Leave code blocks uncoloured (Pygments is not asked).") var noHighlight = false
    @OptionGroup var diagnostics: DiagnosticOptions

    func run() throws {
        let bytes: [UInt8]
        let base: URL
        let name: String
        let cwd = root.map { URL(fileURLWithPath: $0).standardizedFileURL }
            ?? URL(fileURLWithPath: FileManager.default.currentDirectoryPath).standardizedFileURL
        if file == "-" {
            bytes = [UInt8](FileHandle.standardInput.readDataToEndOfFile())
            base = cwd
            name = "<stdin>"
        } else {
            let url = URL(fileURLWithPath: file).standardizedFileURL
            guard let data = FileManager.default.contents(atPath: url.path) else {
                Console.error("runsmith: cannot read \(file)\n")
                throw ExitCode(1)
            }
            bytes = [UInt8](data)
            // Includes may reach anywhere under the working directory (or the file's folder when it lies
            // outside), never above it.
            if url.path.hasPrefix(cwd.path + "/") {
                base = cwd
                name = String(url.path.dropFirst(cwd.path.count + 1))
            } else if let root {
                Console.error("runsmith: \(file) is not inside --root \(root)\n")
                throw ExitCode(2)
            } else {
                base = url.deletingLastPathComponent()
                name = url.lastPathComponent
            }
        }
        let read = ContentTree.confinedReader(root: base)
        var context: TenantContext? = nil
        if let tenant {
            let (loaded, problems) = TenantSet.context(for: tenant, read: read)
            guard let loaded else {
                Console.report(problems, format: diagnostics.format, root: base, stdoutIsFree: false)
                throw ExitCode(1)
            }
            context = loaded
        }
        let input = bytes
        let (html, found) = FragmentRenderer.render(bytes, path: name, read: { path in path == name ? input : try read(path) },
                                                    tenant: context, highlightsCode: !noHighlight)
        FileHandle.standardOutput.write(Data(html))
        Console.report(found, format: diagnostics.format, root: base, input: (name, input), stdoutIsFree: false)
        if found.contains(where: { $0.severity == .error }) { throw ExitCode(1) }
    }
}

struct Diff: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare what two tenants get: runbooks, sections, and the content of each step and docs page.",
        discussion: "For each runbook: which tenant gets it, the sections only one gets, and for the steps both get, the "
            + "{% if %} conditions decided differently, the values that differ and a unified diff of the text each reads. "
            + "Then every docs page that reads differently. Secrets show only as their placeholder.")
    @Argument(help: "A tenant id.") var tenantA: String
    @Argument(help: "Another tenant id.") var tenantB: String
    @Option(name: .long, help: "Only this runbook (and no docs pages).") var runbook: String?
    @Option(name: .long, help: "The docs root.") var root: String = "content"
    @Option(name: .long, help: "text (readable) or json.") var format: DiffFormat = .text

    enum DiffFormat: String, ExpressibleByArgument { case text, json }

    func run() throws {
        let rootURL = URL(fileURLWithPath: root)
        var problems: [Diagnostic] = []
        let site = SiteSource.load(root: rootURL, excluding: [], diagnostics: &problems)
        Console.report(problems, format: .human, root: rootURL, stdoutIsFree: false)
        // A tree with errors could compare versions of it that no build would write.
        guard let site, !problems.contains(where: { $0.severity == .error }) else { throw ExitCode(1) }
        switch TenantDiff.compare(site, tenantA, tenantB, runbook: runbook) {
        case .success(let comparison):
            switch format {
            case .text: print(comparison.text, terminator: "")
            case .json:
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                FileHandle.standardOutput.write(try encoder.encode(comparison) + Data("\n".utf8))
            }
        case .failure(let error):
            Console.report([error.diagnostic], format: .human, root: rootURL, stdoutIsFree: false)
            throw ExitCode(1)
        }
    }
}

// Usage errors exit 2 (ArgumentParser's default is 64).
do {
    var command = try RunsmithCommand.parseAsRoot()
    // `serve` is the one asynchronous command; the others run synchronously.
    if let serve = command as? Serve {
        try await serve.start()
    } else {
        try command.run()
    }
} catch {
    let code = RunsmithCommand.exitCode(for: error)
    if code == .success || code == ExitCode(1) {
        RunsmithCommand.exit(withError: error)
    }
    Console.error(RunsmithCommand.fullMessage(for: error) + "\n")
    Foundation.exit(2)
}
