import Foundation
import XCTest
@testable import Runsmith

/// A checklist as its items are written: their formatting and links, a stepper step's heading, tenant
/// values escaped once; and the runbook as one file carrying its checklist.
final class ChecklistTests: XCTestCase {
    private static let schema = "variables:\n  org: { type: string, required: true }\n"

    private func site(_ steps: String, org: String = "a-org", singleFile: Bool = false) throws -> (TempTree, SiteBuilder.Result) {
        let tree = try TempTree([
            "tenants/schema.yml": Self.schema,
            "tenants/alpha.yml": "id: alpha\nname: Alpha\nvars: { org: \"\(org)\" }\n",
            "README.md": "# Home\n",
            "steps.md": "# Steps\n\n" + steps + "\n## Check\n\nDone.\n",
            "runbooks/r.yml": "title: R\nsections:\n  - page: steps.md\n    step: true\n    owner: Ops\n",
        ])
        var options = SiteBuilder.Options(root: tree.root, output: tree.output)
        options.singleFile = singleFile
        return (tree, SiteBuilder(options: options).run())
    }

    private func labels(_ html: String) -> [String] {
        html.components(separatedBy: "<span class=\"rs-item-number\">").dropFirst().map { part in
            let label = part.components(separatedBy: "</label>")[0]
            return String(label[label.range(of: "</span> ")!.upperBound...])
        }
    }

    func testItemsKeepTheirInlineFormattingLinksAndEscapedValues() throws {
        let (tree, result) = try site("""
        1. Open **Project settings** for `{{ vars.org }}`
        2. Paste the token from [the check](#check) into *Secrets* — 東京 🎉
        3. Run ~~old~~ `az login`
        """, org: "a <b> & é")
        XCTAssertEqual(lines(result.diagnostics), [])
        let checklist = try String(decoding: XCTUnwrap(result.files["_tenants/alpha/r/checklist.html"]), as: UTF8.self)
        XCTAssertEqual(labels(checklist), [
            "Open <strong>Project settings</strong> for <code>a &lt;b&gt; &amp; é</code>",
            // Links as the runbook has them (the checklist sits beside it): the check is in step 1.
            "Paste the token from <a href=\"#s1-check\">the check</a> into <em>Secrets</em> — 東京 🎉",
            "Run <del>old</del> <code>az login</code>",
        ])
        // Plain text where HTML cannot go: the id, the "changed" note's source and the box's name.
        XCTAssertTrue(checklist.contains("data-text=\"Open Project settings for a &lt;b&gt; &amp; é\""), checklist)
        XCTAssertTrue(checklist.contains("aria-label=\"Done: Open Project settings for a &lt;b&gt; &amp; é\""), checklist)
        withExtendedLifetime(tree) {}
    }

    func testAStepperStepIsNamedByItsHeadingsInlines() throws {
        let (_, result) = try site("""
        {% stepper %}
        {% step %}
        ### Open *settings*

        Then look around.
        {% endstep %}
        {% step %}
        Save `it`
        {% endstep %}
        {% endstepper %}
        """)
        XCTAssertEqual(lines(result.diagnostics), [])
        let checklist = try String(decoding: XCTUnwrap(result.files["_tenants/alpha/r/checklist.html"]), as: UTF8.self)
        // The heading's words without the heading (no <h3>, no anchor link).
        XCTAssertEqual(labels(checklist), ["Open <em>settings</em>", "Save <code>it</code>"])
    }

    func testTheSingleFileCarriesTheChecklistLinkedWithinIt() throws {
        let (_, result) = try site("1. Open settings\n2. Save\n", singleFile: true)
        XCTAssertEqual(lines(result.diagnostics), [])
        let bundle = try String(decoding: XCTUnwrap(result.files["_tenants/alpha/r.html"]), as: UTF8.self)
        XCTAssertTrue(bundle.contains("<p class=\"rs-runbook-nav\"><a href=\"#checklist\">Checklist</a>"), bundle)
        XCTAssertTrue(bundle.contains("<section class=\"rs-bundled-checklist\" id=\"checklist\""), bundle)
        XCTAssertTrue(bundle.contains("data-storage-key=\"runsmith:alpha:r\""), bundle)
        XCTAssertEqual(bundle.components(separatedBy: "<tr class=\"rs-item\"").count, 3, "both items")
        XCTAssertTrue(bundle.contains("<a class=\"rs-step-link\" href=\"#step-1\">1. Steps</a>"), bundle)
        XCTAssertFalse(bundle.contains("index.html#step"), "its step links stay in the file")
        XCTAssertTrue(bundle.contains("<li><a href=\"#checklist\">Checklist</a></li>"), "the table of contents names it")
        // The runbook's own page links its checklist page and does not carry it.
        let page = try String(decoding: XCTUnwrap(result.files["_tenants/alpha/r/index.html"]), as: UTF8.self)
        XCTAssertTrue(page.contains("<a href=\"checklist.html\">Checklist</a>"))
        XCTAssertFalse(page.contains("rs-checklist"))
    }

    func testWithoutSingleFilesNoBundleIsWritten() throws {
        let (_, result) = try site("1. Open settings\n")
        XCTAssertNil(result.files["_tenants/alpha/r.html"])
        XCTAssertNotNil(result.files["_tenants/alpha/r/checklist.html"])
    }

    /// An item's id is made of its normalized text: ASCII text is read as bytes, and must come out as the
    /// general reading (Unicode lowercasing, whitespace by character) makes it, or ids would change.
    func testNormalizedASCIITextIsWhatTheGeneralReadingMakes() {
        let pieces = ["Save", "SAVE", " ", "\t", "\n", "\r\n", "\u{0B}", "\u{0C}", "a1", "Z", "[x]", "_", "\u{1F}", "\u{7F}"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3_000 {
            let text = (0..<Int.random(in: 0...10, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            XCTAssertEqual(RunbookBuilder.normalized(text), text.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " "),
                           text.debugDescription)
        }
        XCTAssertEqual(RunbookBuilder.normalized("  Open   the\tÉCRAN\u{202F}now "), "open the écran now")
    }
}
