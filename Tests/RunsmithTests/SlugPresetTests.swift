import XCTest
@testable import Runsmith

final class SlugPresetTests: XCTestCase {
    /// GitBook's current rule (docs/syntax.md#heading-ids has the same table).
    func testGitBookPreset() {
        let examples: [(String, String)] = [
            ("Release 2.19.4", "release-2.19.4"),
            ("`gcache.size`", "gcache.size"),
            ("1. Install", "id-1.-install"),
            ("365 Apps Secrets Scanning (optional)", "id-365-apps-secrets-scanning-optional"),
            ("Build & Deploy", "build-and-deploy"),
            ("Read/Write Split", "read-write-split"),
            ("5985/5986 WinRM", "id-5985-5986-winrm"),
            ("1. Purge Cache By ALL.", "id-1.-purge-cache-by-all"),
            ("`<inject>` Section", "less-than-inject-greater-than-section"),
            ("Azure DevOps - Integrate using Snyk AppRisk", "azure-devops-integrate-using-snyk-apprisk"),
            ("`--compress-threads`", "compress-threads"),
            ("-h, --datadir", "h-datadir"),
            ("mariadb-backup Options (mariabackup)", "mariadb-backup-options-mariabackup"),
            ("xtrabackup_binlog_pos_innodb", "xtrabackup_binlog_pos_innodb"),
            ("What's new in 2.0?", "whats-new-in-2.0"),
            ("  Spaces   everywhere  ", "spaces-everywhere"),
            ("Café & Crème", "cafe-and-creme"),
            ("安裝步驟", "an-zhuang-bu-zhou"),
            ("Привет мир", "privet-mir"),
            ("🚀 Quick Start", "quick-start"),
            ("V1.4 Release Notes (Dec 02, 2021)", "v1.4-release-notes-dec-02-2021"),
        ]
        for (text, slug) in examples { XCTAssertEqual(SlugPreset.gitbook.slug(text), slug, text) }
    }

    /// The rule older GitBook exports were written under: every `gitbook` heading carries it as an alias.
    func testGitBookLegacyPreset() {
        let examples: [(String, String)] = [
            ("Release 2.19.4", "release-2194"),
            ("1. Install", "1-install"),
            ("Read/Write Split", "readwrite-split"),
            ("A & B", "a-b"),
            ("What's new in 2.0?", "whats-new-in-20"),
            ("Café & Crème", "café-crème"),
        ]
        for (text, slug) in examples { XCTAssertEqual(SlugPreset.gitbookLegacy.slug(text), slug, text) }
        XCTAssertEqual(SlugPreset.gitbook.alias, .gitbookLegacy)
        XCTAssertNil(SlugPreset.docusaurus.alias)
    }

    func testGitBookHeadingsCarryTheLegacyIdAsAnAliasAndBothResolve() throws {
        let (html, _) = fragment("## Release 2.19.4\n\n## Setup\n\n## Setup\n\n## Read/Write Split\n")
        XCTAssertEqual(html, """
            <h2 id="release-2.19.4"><a id="release-2194"></a>Release 2.19.4<a class="rs-anchor" href="#release-2.19.4" aria-label="Link to this section"></a></h2>
            <h2 id="setup">Setup<a class="rs-anchor" href="#setup" aria-label="Link to this section"></a></h2>
            <h2 id="setup-1">Setup<a class="rs-anchor" href="#setup-1" aria-label="Link to this section"></a></h2>
            <h2 id="read-write-split"><a id="readwrite-split"></a>Read/Write Split<a class="rs-anchor" href="#read-write-split" aria-label="Link to this section"></a></h2>

            """)
        let tree = try TempTree(["README.md": "# Home\n\n[a](notes.md#release-2.19.4) [b](notes.md#release-2194) [c](notes.md#read-write-split) [d](notes.md#readwrite-split) [e](notes.md#id-1.-install) [f](notes.md#1-install)\n",
                                 "notes.md": "# Notes\n\n## Release 2.19.4\n\n## Read/Write Split\n\n## 1. Install\n"])
        XCTAssertEqual(lines(tree.check().diagnostics), [])
    }

    func testGitHubPreset() {
        let examples: [(String, String)] = [
            ("Azure DevOps - Integrate", "azure-devops---integrate"),
            ("What's new in 2.0?", "whats-new-in-20"),
            ("foo_bar baz", "foo_bar-baz"),
            (" lead", "-lead"),
        ]
        for (text, slug) in examples { XCTAssertEqual(SlugPreset.github.slug(text), slug, text) }
    }

    func testDocusaurusPresetAndDuplicates() {
        XCTAssertEqual(SlugPreset.docusaurus.slug("Sign in with GitHub!"), "sign-in-with-github")
        XCTAssertEqual(SlugPreset.docusaurus.slug("Step 1: Create a `client`"), "step-1-create-a-client")
        var registry = SlugRegistry()
        XCTAssertEqual(["setup", "setup", "setup", "setup-1"].map { registry.unique($0) }, ["setup", "setup-1", "setup-2", "setup-1-1"])
    }
}
