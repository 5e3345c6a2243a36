import ArgumentParser
import Foundation
import RunsmithServe

/// `runsmith serve`: the one asynchronous command (main.swift awaits its `start()`).
struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Preview the docs and runbooks locally; pages reload when files change.")
    @Argument(help: "The docs root.") var root: String = "content"
    @Option(name: .long, help: "Port to listen on (0: any free port).") var port: Int = 4000
    @Option(name: .long, help: "Address to listen on. Only loopback unless you ask.") var host: String = "127.0.0.1"
    @Flag(name: .long, help: "Open the site in the default browser.") var open = false
    @Option(name: .long, help: "Preview as this tenant gets the docs: start at /_tenant/ID/ (the View as menu switches).")
    var tenant: String?
    @OptionGroup var cache: CacheOption

    func run() async throws { try await start() }

    /// Named apart from `run()`: with both a synchronous and an asynchronous `run()` in reach, a direct
    /// call can pick the synchronous default, which only prints help.
    func start() async throws {
        let rootURL = URL(fileURLWithPath: root)
        if !["127.0.0.1", "localhost", "::1"].contains(host) {
            Console.error("runsmith: warning: serving on \(host): anyone who can reach this machine can read the preview\n")
        }
        let site = PreviewSite(root: rootURL, cache: cache.cache.map { URL(fileURLWithPath: $0) })
        let first = await site.rebuild()
        Console.report(first.diagnostics, format: .human, root: rootURL)
        var start = "/"
        if let tenant {
            guard let view = await site.prepareView(tenant) else {
                let known = await site.tenants.map(\.id)
                Console.error("runsmith: error: no tenant '\(tenant)'" + (known.isEmpty ? " (there is no tenants/ folder)" : " (tenants: \(known.joined(separator: ", ")))") + "\n")
                throw ExitCode(2)
            }
            // What only this tenant's version of the docs says (its values, its conditions).
            let shown = Set(first.diagnostics.map(\.description))
            Console.report(view.diagnostics.filter { !shown.contains($0.description) }, format: .human, root: rootURL)
            start = "/_tenant/\(tenant)/"
        }
        let watcher = DocsWatcher(root: rootURL)
        let watching = Task {
            await watcher.run { changed in
                let result = await site.rebuild(changed: changed)
                // The terminal shows each change's diagnostics once.
                Console.error("runsmith: rebuilt: \(Console.summary(result))\n")
                Console.report(result.diagnostics, format: .human, root: rootURL)
            }
        }
        defer { watching.cancel() }
        let openBrowser = open, startPath = start
        try await PreviewServer.run(site: site, host: host, port: port, handlesSignals: true) { bound in
            let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(bound)\(startPath)"
            Console.error("runsmith: serving \(rootURL.standardizedFileURL.path) at \(url) (Ctrl-C to stop)\n")
            if openBrowser {
                let opener = Process()
                opener.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                opener.arguments = ["xdg-open", url]
                try? opener.run()
            }
        }
    }
}
