import Foundation
import XCTest
@testable import Runsmith

/// The built-in page templates, as data: a view model in, the exact HTML out. The text carries accents,
/// CJK, an emoji, U+202F, `&`, `<`, quotes and a `"` that a combining mark follows, and comes out
/// escaped exactly once.
final class PageTemplateTests: XCTestCase {
    static let text = "Café & <b> \"q\" 'a' 東京 🚀 1\u{202F}000 e\u{301} x\"\u{301}y"
    static let escaped = "Café &amp; &lt;b&gt; &quot;q&quot; &#39;a&#39; 東京 🚀 1\u{202F}000 e\u{301} x&quot;\u{301}y"

    let templates = try! TemplateSet(projectDirectory: nil)

    func testRunbookStepsOutroAndProvenance() {
        let t = Self.text, e = Self.escaped
        let view = RunbookPageView(steps: [
            .init(number: 1, id: "r-1a", title: t, owner: "Own \(t)", estimate: "1 h 15 min", verify: nil, hasMeta: true,
                  body: "<p>Body &amp; <em>HTML</em></p>\n"),
            .init(number: 2, id: "r-2b", title: "Plain", owner: nil, estimate: nil, verify: nil, hasMeta: false, body: "<p>Two</p>\n"),
        ], outro: "Outro \(t)", provenance: "Tenant alpha · runbook r, version 0a1b · \(t)")
        XCTAssertEqual(templates.render(view), """
        <p class="rs-runbook-nav"><a href="checklist.html">Checklist</a>: the steps to tick off, print and sign.</p>
        <section class="rs-runbook-step" id="step-1" data-step-id="r-1a">
        <h2><span class="rs-step-number">1.</span> \(e)</h2>
        <dl class="rs-step-meta"><dt>Owner</dt><dd>Own \(e)</dd><dt>Estimate</dt><dd>1 h 15 min</dd></dl>
        <p>Body &amp; <em>HTML</em></p>
        </section>
        <section class="rs-runbook-step" id="step-2" data-step-id="r-2b">
        <h2><span class="rs-step-number">2.</span> Plain</h2>
        <p>Two</p>
        </section>
        <p>Outro \(e)</p>
        <p class="rs-provenance">Tenant alpha · runbook r, version 0a1b · \(e)</p>

        """)
    }

    func testChecklistRowsGroupedByStep() {
        let t = Self.text, e = Self.escaped
        let view = ChecklistView(tenantID: "alpha", runbookID: "r", steps: [
            .init(number: 1, title: "Set up \(t)", stepURL: "index.html#step-1", owner: "Own \(t)", estimate: "10 min", verify: "Ver \(t)",
                  hasFacts: true,
                  items: [.init(id: "r-1a", key: "r|a.md#", slot: "r|a.md#|1", number: "1.1", text: t, html: "<code>\(e)</code>"),
                          .init(id: "r-1b", key: "r|a.md#", slot: "r|a.md#|2", number: "1.2", text: "Save", html: "Save")], isItem: false),
            .init(number: 2, title: "Plain", stepURL: "index.html#step-2", owner: nil, estimate: "5 min", verify: nil, hasFacts: true,
                  items: [.init(id: "r-2", key: "r|b.md#x", slot: "r|b.md#x|1", number: "2.", text: "Plain", html: "Plain")], isItem: true),
        ], provenance: "Tenant alpha")
        let html = templates.render(view)
        XCTAssertTrue(html.hasPrefix("""
        <p class="rs-runbook-nav"><a href="index.html">Runbook</a>: every step in full.</p>
        <div class="rs-checklist" data-storage-key="runsmith:alpha:r">
        <div class="rs-checklist-tools"><progress class="rs-progress" value="0" max="3"></progress>
        <span class="rs-progress-text">0 of 3 done</span>
        """), html)
        // Step 1's owner, estimate and check once, on its own row (and under its title, which a phone shows
        // instead of the columns); its items link to it and show their HTML. Step 2 is its own item.
        XCTAssertTrue(html.contains("""
        <tbody class="rs-checklist-step">
        <tr class="rs-step-row"><td></td><td><a class="rs-step-link" href="index.html#step-1">1. Set up \(e)</a>\
        <div class="rs-step-facts">Owner: Own \(e) · Estimate: 10 min</div><div class="rs-verify">Verify: Ver \(e)</div></td>\
        <td>Own \(e)</td><td>10 min</td><td class="rs-sign"></td><td class="rs-sign"></td><td class="rs-sign"></td></tr>
        <tr class="rs-item" data-id="r-1a" data-key="r|a.md#" data-slot="r|a.md#|1" data-text="\(e)"><td><input type="checkbox" id="r-1a" aria-label="Done: \(e)"></td>\
        <td><label for="r-1a"><span class="rs-item-number">1.1</span> <code>\(e)</code></label> <a class="rs-step-link" href="index.html#step-1" aria-label="Step 1.1 in the runbook">↗</a>\
        <p class="rs-changed" hidden>Changed since checked</p></td><td></td><td></td><td class="rs-sign"></td><td class="rs-sign"></td><td class="rs-sign"></td></tr>
        """), html)
        XCTAssertEqual(html.components(separatedBy: "Ver \(e)").count, 2, "the check is shown once, not on every item")
        XCTAssertTrue(html.contains("""
        <tbody class="rs-checklist-step">
        <tr class="rs-item" data-id="r-2" data-key="r|b.md#x" data-slot="r|b.md#x|1" data-text="Plain"><td><input type="checkbox" id="r-2" aria-label="Done: Plain"></td>\
        <td><label for="r-2"><span class="rs-item-number">2.</span> Plain</label> <a class="rs-step-link" href="index.html#step-2" aria-label="Step 2. in the runbook">↗</a>\
        <div class="rs-step-facts">Estimate: 5 min</div><p class="rs-changed" hidden>Changed since checked</p></td><td></td><td>5 min</td><td class="rs-sign"></td><td class="rs-sign"></td><td class="rs-sign"></td></tr>
        </tbody>
        """), html)
        XCTAssertTrue(html.hasSuffix("</section>\n</div>\n<p class=\"rs-provenance\">Tenant alpha</p>\n"), html)
    }

    func testRunbooksIndexRows() {
        let tenant = Tenant(id: "alpha", name: Self.text, values: [:], path: "tenants/alpha.yml")
        let view = RunbooksIndexView(rows: [.init(tenant: tenant, runbookID: "r", runbookTitle: "R \(Self.text)")])
        XCTAssertEqual(templates.render(view), """
        <table>
        <thead><tr><th>Tenant</th><th>Runbook</th><th>Also</th></tr></thead>
        <tbody>
        <tr><td><a href="alpha/index.html">\(Self.escaped)</a></td><td><a href="alpha/r/index.html">R \(Self.escaped)</a></td>\
        <td><a href="alpha/r/checklist.html">checklist</a> · <a href="alpha/r/runbook.json">JSON</a></td></tr>
        </tbody>
        </table>

        """)
    }

    func testCategoryIndexCards() {
        let view = CategoryIndexView(cards: [
            .init(title: Self.text, description: "Desc \(Self.text)", url: HTMLText.encodeURL("sp ace/c é.html")),
            .init(title: "B", description: nil, url: "b.html"),
        ])
        let e = Self.escaped
        XCTAssertEqual(templates.render(view), """
        <div class="rs-cards">
        <div class="rs-card rs-card-tile"><div class="rs-card-cell"><strong>\(e)</strong></div><div class="rs-card-cell">Desc \(e)</div>\
        <a class="rs-card-link" href="sp%20ace/c%20%C3%A9.html" aria-label="\(e)"></a></div>
        <div class="rs-card rs-card-tile"><div class="rs-card-cell"><strong>B</strong></div><a class="rs-card-link" href="b.html" aria-label="B"></a></div>
        </div>

        """)
    }
}
