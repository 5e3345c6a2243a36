import XCTest
@testable import Runsmith

final class SlugPresetTests: XCTestCase {
    func testGitBookPreset() {
        let examples: [(String, String)] = [
            ("Azure DevOps - Integrate using Snyk AppRisk", "azure-devops-integrate-using-snyk-apprisk"),
            ("`--compress-threads`", "compress-threads"),
            ("-h, --datadir", "h-datadir"),
            ("mariadb-backup Options (mariabackup)", "mariadb-backup-options-mariabackup"),
            ("xtrabackup_binlog_pos_innodb", "xtrabackup_binlog_pos_innodb"),
            ("What's new in 2.0?", "whats-new-in-20"),
            ("  Spaces   everywhere  ", "spaces-everywhere"),
            ("Café & Crème", "café-crème"),
        ]
        for (text, slug) in examples { XCTAssertEqual(SlugPreset.gitbook.slug(text), slug, text) }
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
