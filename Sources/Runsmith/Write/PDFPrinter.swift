import Foundation

/// `--pdf`: each tenant's runbook and checklist printed to PDF by headless Chromium (Debian's `chromium`),
/// the browser that shows the pages, so the PDF is the page as a reader prints it: the theme's print
/// styles (every tab with its label, rows never split, the checklist's sign-off sheet), plus a running
/// header naming tenant, runbook and version and a "Page N of M" footer (CSS `@page` margin boxes).
///
/// Each tenant's folder is written to a temporary folder first, so the pages load their theme and
/// images from where they will be; the PDFs go into the folder as `<runbook>.pdf` and
/// `<runbook>-checklist.pdf` (and into its manifest).
struct PDFPrinter {
    let chromium: URL

    static let debianPackage = "chromium"

    /// The browser (`RUNSMITH_CHROMIUM` when set, else Debian's), or nil: then `--pdf` is an error before
    /// anything is built.
    static func find(environment: [String: String] = ProcessInfo.processInfo.environment) -> URL? {
        let candidates = environment["RUNSMITH_CHROMIUM"].map { [$0] } ?? ["/usr/bin/chromium", "/usr/bin/chromium-browser"]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }.map { URL(fileURLWithPath: $0) }
    }

    /// Prints every runbook page and checklist of `result`'s tenant folders.
    func print(_ result: inout SiteBuilder.Result, runbooks: [(tenant: Tenant, runbook: Runbook, title: String)]) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("runsmith-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        for (tenant, runbook, title) in runbooks {
            let folder = TenantFolder.path(tenant.id, "")
            guard result.files[folder + "\(runbook.id)/index.html"] != nil else { continue }
            let version = result.files[folder + "\(runbook.id)/runbook.json"].map(RunbookDocument.version(ofEncoded:))
            for (file, pdf, heading) in [("index.html", "\(runbook.id).pdf", title), ("checklist.html", "\(runbook.id)-checklist.pdf", "Checklist: \(title)")] {
                let header = [tenant.name, heading, version.map { "version \($0)" }].compactMap { $0 }.joined(separator: " · ")
                do {
                    let bytes = try printPage("\(runbook.id)/\(file)", of: folder, result: result, header: header, in: work)
                    result.files[folder + pdf] = bytes
                } catch {
                    diagnostics.append(.error(.writeFailed, "cannot print \(folder)\(runbook.id)/\(file) to PDF: \(error)", at: nil))
                }
            }
        }
        return diagnostics
    }

    /// The tenant's folder written out under `work`, the page given its print header, printed.
    private func printPage(_ page: String, of folder: String, result: SiteBuilder.Result, header: String, in work: URL) throws -> [UInt8] {
        let root = work.appendingPathComponent(String(folder.dropFirst(TenantFolder.prefix.count)))
        if !FileManager.default.fileExists(atPath: root.path) {
            let files = result.files.filter { $0.key.hasPrefix(folder) }, copies = result.copies.filter { $0.key.hasPrefix(folder) }
            try OutputWriter(destination: root).write(files: Dictionary(uniqueKeysWithValues: files.map { (String($0.key.dropFirst(folder.count)), $0.value) }),
                                                      copies: Dictionary(uniqueKeysWithValues: copies.map { (String($0.key.dropFirst(folder.count)), $0.value) }))
        }
        let css = "_runsmith/print-\(UUID().uuidString).css", printed = page + ".print.html"
        try Data(Self.pageRules(header: header).utf8).write(to: root.appendingPathComponent(css))
        var html = String(decoding: result.files[folder + page] ?? [], as: UTF8.self)
        if let head = html.range(of: "</head>") { html.insert(contentsOf: "<link rel=\"stylesheet\" href=\"../\(css)\">\n", at: head.lowerBound) }
        try Data(html.utf8).write(to: root.appendingPathComponent(printed))
        let output = work.appendingPathComponent("\(UUID().uuidString).pdf")
        try run(["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(work.appendingPathComponent("profile").path)",
                 "--no-pdf-header-footer", "--print-to-pdf=\(output.path)", root.appendingPathComponent(printed).absoluteString])
        return [UInt8](try Data(contentsOf: output))
    }

    /// How long one page may take to print: a browser that hangs must not hang the build.
    static let timeout: DispatchTimeInterval = .seconds(120)

    private func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = chromium
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let exited = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in exited.signal() }
        try process.run()
        if exited.wait(timeout: .now() + Self.timeout) == .timedOut {
            process.terminate()
            exited.wait()
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "chromium did not finish within \(Self.timeout)"])
        }
        guard process.terminationStatus == 0 else {
            throw CocoaError(.executableLoad, userInfo: [NSLocalizedDescriptionKey: "chromium exited with \(process.terminationStatus)"])
        }
    }

    /// The page box: A4, a running header and "Page N of M".
    static func pageRules(header: String) -> String {
        """
        @charset "UTF-8";
        @page { size: A4; margin: 20mm 16mm 18mm;
          @top-left { content: "\(cssString(header))"; font: 8pt system-ui, sans-serif; color: #555; }
          @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 8pt system-ui, sans-serif; color: #555; } }

        """
    }

    /// `text` inside a CSS double-quoted string.
    static func cssString(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"", "\\": out += "\\" + String(scalar)
            case "\n", "\r", "\u{C}": out += "\\A "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
