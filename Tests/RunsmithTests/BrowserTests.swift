import Foundation
import XCTest
@testable import Runsmith

/// A real browser (Debian's headless Chromium) ticks a checklist opened from file://, reloads it, and
/// finds the ticks still there; reset clears them. Each step is a separate browser run on one profile,
/// with a small script injected into a copy of the page to act and to report what the page shows.
final class BrowserTests: XCTestCase {
    static let chromium = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    /// The probe is a script file beside the page: the pages' policy runs only the site's own files.
    private func run(_ page: URL, action: String, profile: URL) throws -> String {
        let html = try String(contentsOf: page, encoding: .utf8)
        let script = """
        window.addEventListener("load", function () {
          var boxes = document.querySelectorAll(".rs-item input[type=checkbox]");
          \(action)
          var out = document.createElement("pre"); out.id = "probe";
          out.textContent = "checked=" + Array.prototype.filter.call(boxes, function (b) { return b.checked; }).length
            + " progress=" + document.querySelector(".rs-progress-text").textContent;
          document.body.appendChild(out);
        });
        """
        let name = "probe-\(UUID().uuidString)"
        let copy = page.deletingLastPathComponent().appendingPathComponent(name + ".html")
        let file = page.deletingLastPathComponent().appendingPathComponent(name + ".js")
        try script.write(to: file, atomically: true, encoding: .utf8)
        let probe = "<script src=\"\(name).js\"></script>"
        try html.replacingOccurrences(of: "</body>", with: probe + "</body>").write(to: copy, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: copy); try? FileManager.default.removeItem(at: file) }
        let dom = try dumpDOM(copy, profile: profile)
        guard let start = dom.range(of: "<pre id=\"probe\">"), let end = dom.range(of: "</pre>", range: start.upperBound..<dom.endIndex) else {
            return "no probe in: \(dom.prefix(300))"
        }
        return String(dom[start.upperBound..<end.lowerBound])
    }

    /// One tenant, one runbook of one step page with these ordered-list items: the built checklist and a
    /// browser profile of its own. Fails (skips only with RUNSMITH_SKIP_BROWSER=1) without chromium.
    private func checklistSite(steps: String) throws -> (TempTree, URL, URL) {
        try requireChromium()
        let tree = try TempTree(oneStepRunbook(steps: steps))
        XCTAssertTrue(tree.build().written)
        return (tree, tree.output.appendingPathComponent("_tenants/acme/r/checklist.html"), tree.root.appendingPathComponent("chromium-profile"))
    }

    func testChecklistTicksSurviveAReloadAndResetClearsThem() throws {
        let (tree, page, profile) = try checklistSite(steps: "1. Open settings\n2. Paste the token\n3. Save\n")
        defer { withExtendedLifetime(tree) {} }  // its folder holds the site the browser opens
        XCTAssertEqual(try run(page, action: "", profile: profile), "checked=0 progress=0 of 3 done")
        XCTAssertEqual(try run(page, action: "boxes[0].click(); boxes[2].click();", profile: profile), "checked=2 progress=2 of 3 done")
        // A new browser run on the same profile: the page reloads its ticks from localStorage.
        XCTAssertEqual(try run(page, action: "", profile: profile), "checked=2 progress=2 of 3 done")
        // Reset asks first: declined, the ticks stay; accepted, they go.
        XCTAssertEqual(try run(page, action: "window.confirm = function () { return false; }; document.querySelector('.rs-reset').click();",
                               profile: profile), "checked=2 progress=2 of 3 done")
        XCTAssertEqual(try run(page, action: "window.confirm = function () { return true; }; document.querySelector('.rs-reset').click();",
                               profile: profile), "checked=0 progress=0 of 3 done")
        XCTAssertEqual(try run(page, action: "", profile: profile), "checked=0 progress=0 of 3 done")
    }

    func testAChangedItemSaysItChangedSinceChecked() throws {
        let (tree, page, profile) = try checklistSite(steps: "1. Open settings\n2. Paste the token\n3. Save\n")
        XCTAssertEqual(try run(page, action: "boxes[1].click();", profile: profile), "checked=1 progress=1 of 3 done")
        // The writer rewords the ticked item and the site is rebuilt: that item, and only that one, says so.
        try tree.write("steps.md", Data("# Steps\n\n1. Open settings\n2. Paste the new token\n3. Save\n".utf8))
        XCTAssertTrue(tree.build().written)
        let changed = "document.body.setAttribute('data-changed', Array.prototype.filter.call(document.querySelectorAll('.rs-changed'), function (p) { return !p.hidden; }).map(function (p) { return p.textContent; }).join('|'));"
        XCTAssertEqual(try run(page, action: changed, profile: profile), "checked=0 progress=0 of 3 done")
        let dom = try dumpDOM(page, profile: profile)
        XCTAssertTrue(dom.contains("Changed since checked (was: \u{201C}Paste the token\u{201D})"), String(dom.prefix(2000)))
        XCTAssertEqual(dom.components(separatedBy: "<p class=\"rs-changed\">").count, 2, "only the reworded item: \(dom)")
    }

    /// The single file carries its theme as data URIs, which its own policy allows: its script runs (it
    /// gives code blocks their copy buttons).
    func testTheSingleFileScriptRunsUnderItsPolicy() throws {
        try requireChromium()
        let tree = try TempTree(oneStepRunbook(steps: "1. Open settings\n2. Run this:\n\n```sh\nacme login\n```\n"))
        var options = SiteBuilder.Options(root: tree.root, output: tree.output)
        options.singleFile = true
        XCTAssertTrue(SiteBuilder(options: options).run().written)
        let page = tree.output.appendingPathComponent("_tenants/acme/r.html")
        let html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertTrue(html.contains("content=\"\(ContentPolicy.singleFile)\""), String(html.prefix(600)))
        let dom = try dumpDOM(page, profile: tree.root.appendingPathComponent("profile"))
        XCTAssertTrue(dom.contains("<button type=\"button\" class=\"rs-copy\" aria-label=\"Copy code to clipboard\">Copy</button>"),
                      String(dom.suffix(1500)))
    }

    /// A script or event handler in raw HTML is removed by the sanitizer; and one that reached a page
    /// anyway (injected here into the built file) does not run: the policy allows only the site's own
    /// script files, while the theme's own scripts (the sidebar) still do.
    func testScriptsInRawHTMLDoNotRunAndTheThemesDo() throws {
        try requireChromium()
        let inline = "<script>document.title = 'ran: inline';</script>"
        let handler = "<img src=\"missing.png\" onerror=\"document.title = 'ran: handler'\">"
        let tree = try TempTree([
            "README.md": "# Home\n\n\(inline)\n\n\(handler)\n\nText.\n",
            "other.md": "# Other\n",
        ])
        _ = tree.build()
        let page = tree.output.appendingPathComponent("index.html")
        var html = try String(contentsOf: page, encoding: .utf8)
        XCTAssertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"\(ContentPolicy.pages)\">"))
        XCTAssertFalse(html.contains("ran: inline"), "the sanitizer removed the script")
        XCTAssertFalse(html.contains("onerror"), "the sanitizer removed the handler")
        html = html.replacingOccurrences(of: "<p>Text.</p>", with: "<p>Text.</p>\(inline)\(handler)")
        try html.write(to: page, atomically: true, encoding: .utf8)
        let dom = try dumpDOM(page, profile: tree.root.appendingPathComponent("profile"))
        XCTAssertTrue(dom.contains("onerror"), "the injected handler is in the page: \(dom.prefix(1500))")
        // Either script would have renamed the page.
        XCTAssertTrue(dom.contains("<title>Home · Home</title>"), String(dom.prefix(800)))
        XCTAssertTrue(dom.contains("<a href=\"other.html\">Other</a>"), "the sidebar script ran: \(dom.prefix(1500))")
    }

    private func requireChromium() throws {
        guard Self.chromium != nil else {
            if ProcessInfo.processInfo.environment["RUNSMITH_SKIP_BROWSER"] == "1" { throw XCTSkip("RUNSMITH_SKIP_BROWSER=1") }
            XCTFail("chromium is not installed: `make test` installs it (Debian package chromium)")
            throw CocoaError(.fileNoSuchFile)
        }
    }

    /// The sidebar is one shared script: in a page two folders down, its links lead back up and the
    /// page's own entry and its parent are marked.
    func testTheSharedSidebarMarksThePageAndLinksRelativeToIt() throws {
        try requireChromium()
        let tree = try TempTree([
            "SUMMARY.md": "# Contents\n\n* [Home](README.md)\n* [Guide](guide/README.md)\n  * [Deep & page](guide/deep/page.md)\n",
            "README.md": "# Home\n", "guide/README.md": "# Guide\n", "guide/deep/page.md": "# Deep\n",
        ])
        XCTAssertTrue(tree.build().written)
        let dom = try dumpDOM(tree.output.appendingPathComponent("guide/deep/page.html"), profile: tree.root.appendingPathComponent("profile"))
        XCTAssertTrue(dom.contains(#"<a href="../../index.html">Home</a>"#), dom)
        XCTAssertTrue(dom.contains(#"<li class="rs-nav-item rs-open"><a href="../../guide/index.html">Guide</a>"#), dom)
        XCTAssertTrue(dom.contains(#"<li class="rs-nav-item rs-current rs-open"><a href="../../guide/deep/page.html" aria-current="page">Deep &amp; page</a>"#), dom)
    }

    private func dumpDOM(_ page: URL, profile: URL) throws -> String {
        try runTool(Self.chromium!, ["--headless", "--no-sandbox", "--disable-gpu", "--user-data-dir=\(profile.path)",
                                     "--virtual-time-budget=3000", "--dump-dom", page.absoluteString])
    }
}
