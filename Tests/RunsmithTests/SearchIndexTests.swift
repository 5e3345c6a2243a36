import Foundation
import XCTest
@testable import Runsmith

/// The search index: terms folded the way `search.js` folds a query, split into shards a query loads one
/// at a time, one document per section; the public site's index holds the docs as everyone reads them,
/// each tenant's folder an index of its own runbooks.
final class SearchIndexTests: XCTestCase {
    /// The counts read on bytes are those of the terms read one by one, on words that repeat in other
    /// cases, accented words that fold onto ASCII ones, CJK, emoji, U+202F and runs past the length limit.
    func testTermCountsAreTheCountsOfTheTerms() {
        var random = SeededRandom(seed: 17)
        let pieces = ["Setup", "setup", "SETUP", "naïve", "naive", "Café", "cafe", "東京", "서울", "😀", "\u{202F}", " ", "-", ".",
                      "\n", "42", "x1", "Z", "a", String(repeating: "k", count: 40), String(repeating: "q", count: 41), "é", "_", "ǅ"]
        for round in 0..<500 {
            let text = (0..<random.next(below: 120)).map { _ in pieces[random.next(below: pieces.count)] }.joined()
            let expected = SearchTerms.terms(text).reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 }
            // Each term once (a second would trap here), with its count.
            let counted = Dictionary(uniqueKeysWithValues: SearchIndex.textCounts(text).map { ($0.term, $0.count) })
            XCTAssertEqual(counted, expected, "round \(round): \(text.debugDescription)")
        }
        // Enough distinct words to grow the table several times.
        let many = (0..<5_000).map { "w\($0 % 1_300)" }.joined(separator: " ")
        XCTAssertEqual(Dictionary(uniqueKeysWithValues: SearchIndex.textCounts(many).map { ($0.term, $0.count) }),
                       SearchTerms.terms(many).reduce(into: [String: Int]()) { $0[$1, default: 0] += 1 })
    }

    func testTermsFoldCaseAndMarksAndSplitIdeographs() {
        XCTAssertEqual(SearchTerms.terms("Café CAFÉ café-au-lait"), ["cafe", "cafe", "cafe", "au", "lait"])
        XCTAssertEqual(SearchTerms.terms("東京タワー 서울"), ["東", "京", "タ", "ワ", "ー", SearchTerms.fold("서울")])
        XCTAssertEqual(SearchTerms.fold("서울").unicodeScalars.count, 5, "Hangul syllables fold to their jamo, one word")
        XCTAssertEqual(SearchTerms.terms("İstanbul ﬁle Straße 1\u{202F}000"), ["istanbul", "file", "straße", "1", "000"])
        XCTAssertEqual(SearchTerms.terms("key " + String(repeating: "a", count: 41) + " end"), ["key", "end"], "a run over 40 is no term")
        XCTAssertEqual(SearchTerms.terms("`az devops`—configure! 🚀"), ["az", "devops", "configure"])
        XCTAssertEqual(SearchTerms.shard(of: "configure"), "co")
        XCTAssertEqual(SearchTerms.shard(of: "東"), "東")
        XCTAssertEqual(SearchIndex.hex("co"), "636f")
        XCTAssertEqual(SearchIndex.hex("中é"), "e4b8adc3a9")
    }

    /// Words of ASCII take a fast path over bytes; it must give what the Unicode rules give, on any mix.
    func testTheASCIIPathAgreesWithTheUnicodeRules() {
        let pieces = ["Config", "café", "CAFÉ", " ", "-", "東京", "—", "x1", "İ", "ﬁle", "：", "Ａｂ", "e\u{301}", "_", "🚀", "서울",
                      String(repeating: "a", count: 40), String(repeating: "é", count: 41), "½", "\n"]
        var random = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            let text = (0..<Int.random(in: 1...8, using: &random)).map { _ in pieces.randomElement(using: &random)! }.joined()
            XCTAssertEqual(SearchTerms.terms(text), SearchTerms.unicodeTerms(text), text)
        }
    }

    /// Decodes `RunsmithSearch.add("name", JSON);`.
    private func data<T: Decodable>(_ files: [String: [UInt8]], _ path: String, as type: T.Type) throws -> T {
        let text = String(decoding: try XCTUnwrap(files[path], path), as: UTF8.self)
        let json = text[text.index(after: try XCTUnwrap(text.firstIndex(of: ",")))...].dropLast(3)
        return try JSONDecoder().decode(T.self, from: Data(json.utf8))
    }

    private func documents(_ count: Int) -> [SearchIndex.Document] {
        (0..<count).map { i in
            SearchIndex.Document(url: "p\(i).html", title: i == 3 ? "Configure Café" : "Page \(i)", heading: i == 5 ? "Configure" : nil,
                                 text: i == 7 ? "configure configure configure" : "text \(i)")
        }
    }

    /// Title 10 an occurrence, heading 5, text 1 up to 5 occurrences; the three add up.
    func testScoresWeighTitleHeadingAndCappedText() {
        let document = SearchIndex.Document(url: "a.html", title: "Alpha Café", heading: "Beta alpha",
                                            text: "gamma " + String(repeating: "Gamma ", count: 6) + "beta cafe")
        XCTAssertEqual(SearchIndex.scores(document), ["alpha": 15, "cafe": 11, "beta": 6, "gamma": 5])
    }

    func testALargeIndexIsSplitIntoShardsAndChunks() throws {
        let count = SearchIndex.wholeUpTo + 20
        let files = SearchIndex.files(documents(count), folder: "s/")
        let meta = try data(files, "s/index.js", as: SearchIndex.Meta.self)
        XCTAssertEqual(meta.docs, count)
        XCTAssertEqual(meta.chunk, SearchIndex.chunk)
        XCTAssertNil(meta.terms)
        XCTAssertTrue(meta.shards.contains("636f"))
        let chunks = (0..<((count + SearchIndex.chunk - 1) / SearchIndex.chunk)).map { "s/d-\($0).js" }
        XCTAssertEqual(Set(files.keys), Set(["s/index.js"] + chunks + meta.shards.map { "s/s-\($0).js" }))
        // Best first: the title (10), the heading (5), then three times in the text (3).
        let shard = try data(files, "s/s-636f.js", as: [String: [Int]].self)
        XCTAssertEqual(shard["configure"], [3, 10, 5, 5, 7, 3])
        XCTAssertEqual(try data(files, "s/s-6361.js", as: [String: [Int]].self)["cafe"], [3, 10])
        let rows = try data(files, "s/d-1.js", as: [[String]].self)
        XCTAssertEqual(rows.count, SearchIndex.chunk)
        XCTAssertEqual(rows[0], ["p16.html", "Page 16", "", "text 16"])
    }

    func testASmallIndexIsOneFile() throws {
        let files = SearchIndex.files(documents(20), folder: "s/")
        XCTAssertEqual(Array(files.keys), ["s/index.js"])
        let meta = try data(files, "s/index.js", as: SearchIndex.Meta.self)
        XCTAssertEqual(meta.terms?["configure"], [3, 10, 5, 5, 7, 3])
        XCTAssertEqual(meta.rows?.count, 20)
        XCTAssertEqual(meta.rows?[16], ["p16.html", "Page 16", "", "text 16"])
    }

    private func index(_ result: SiteBuilder.Result, folder: String) throws -> (terms: [String: [Int]], rows: [[String]]) {
        let meta = try data(result.files, folder + "index.js", as: SearchIndex.Meta.self)
        if let terms = meta.terms, let rows = meta.rows { return (terms.mapValues { $0.map(Int.init) }, rows) }
        var terms: [String: [Int]] = [:], rows: [[String]] = []
        for shard in meta.shards { terms.merge(try data(result.files, folder + "s-\(shard).js", as: [String: [Int]].self)) { a, _ in a } }
        for chunk in 0..<((meta.docs + meta.chunk - 1) / meta.chunk) { rows += try data(result.files, folder + "d-\(chunk).js", as: [[String]].self) }
        return (terms, rows)
    }

    func testTheSiteIndexHoldsEverySectionOfEveryListedPageAsEveryoneReadsIt() throws {
        let tree = try TempTree([
            "tenants/schema.yml": "variables:\n  org: { type: string, required: true }\n",
            "tenants/acme.yml": "id: acme\nname: Acme\nvars: { org: acme-secretive-org }\n",
            "README.md": "# Home\n\nWelcome.\n",
            "setup guide.md": "# Setup\n\nIntro for {{ vars.org }}.\n\n## Install the CLI\n\n```sh\nbrew install zebrafish\n```\n\n#### Deep\n\nUnder a deep heading: quokka.\n",
            "hidden.md": "---\nhidden: true\n---\n# Hidden\n\nNarwhal.\n",
            "runbooks/r.yml": "title: R\nsections:\n  - page: setup guide.md\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [])
        let site = try index(result, folder: "_runsmith/search/")
        XCTAssertEqual(site.rows.map { $0[0] }, ["index.html", "setup%20guide.html", "setup%20guide.html#install-the-cli"])
        XCTAssertEqual(site.rows[2][1...2], ["Setup", "Install the CLI"])
        // A code block's words, and a heading below ### inside its section, are searchable there.
        XCTAssertEqual(site.terms["zebrafish"]?.first, 2)
        XCTAssertEqual(site.terms["quokka"]?.first, 2)
        // A hidden page is not; the public index shows the variable's placeholder, never a tenant's value.
        XCTAssertNil(site.terms["narwhal"])
        XCTAssertNil(site.terms["secretive"])
        XCTAssertTrue(site.rows[1][3].contains("Intro for ‹vars.org›."), site.rows[1][3])
        // The tenant's folder has its own index: its runbook's step, with its value.
        let own = try index(result, folder: "_tenants/acme/_runsmith/search/")
        XCTAssertEqual(own.rows.first?[0...2], ["r/index.html#step-1", "R", "1. Setup"])
        XCTAssertNotNil(own.terms["secretive"])
        XCTAssertEqual(own.rows.last?[0], "r/index.html#s1-install-the-cli")
    }

    /// `Services` in a runbook is the term `services` in its folder's index: not another tenant's value
    /// `services` leaking (the audit reads the index's entries, which hold the text as written).
    func testAFoldedWordIsNoLeak() throws {
        let tree = try TempTree([
            "tenants/schema.yml": "variables:\n  plan: { type: string, required: true }\n",
            "tenants/a.yml": "id: a\nname: Alpha\nvars: { plan: services }\n",
            "tenants/b.yml": "id: b\nname: Beta\nvars: { plan: server-x }\n",
            "README.md": "# Home\n", "steps.md": "# Steps\n\nAzure DevOps Services, plan {{ vars.plan }}.\n",
            "runbooks/r.yml": "title: R\nsections:\n  - page: steps.md\n",
        ])
        let result = tree.check()
        XCTAssertEqual(lines(result.diagnostics), [])
        XCTAssertNotNil(try index(result, folder: "_tenants/b/_runsmith/search/").terms["services"])
    }

    func testTheSingleFileHasNoSearchAndThePagesDo() throws {
        let tree = try TempTree(oneStepRunbook(steps: "1. Go\n"))
        var options = SiteBuilder.Options(root: tree.root, output: tree.output)
        options.singleFile = true
        let result = SiteBuilder(options: options).run()
        for page in ["index.html", "_tenants/acme/index.html", "_tenants/acme/r/index.html", "_tenants/acme/r/checklist.html"] {
            XCTAssertTrue(String(decoding: result.files[page] ?? [], as: UTF8.self).contains("class=\"rs-search\""), page)
        }
        let bundle = String(decoding: result.files["_tenants/acme/r.html"] ?? [], as: UTF8.self)
        XCTAssertFalse(bundle.contains("rs-search"), "one file, no index beside it")
        XCTAssertFalse(String(decoding: result.files["_tenants/index.html"] ?? [], as: UTF8.self).contains("rs-search"))
    }

    /// Indexes made with shared term counts (the tenants' runbooks) are the indexes made without them.
    func testSharedTermCountsMakeTheSameIndex() {
        let texts = ["Rotate the token before it expires.", "Café 東京 token token", "", "Rotate the token before it expires."]
        let documents = (0..<300).map { i in
            SearchIndex.Document(url: "r/index.html#s\(i)", title: "Set up org-\(i % 7)", heading: i % 3 == 0 ? nil : "Step \(i)", text: texts[i % texts.count])
        }
        let counts = TextTermCounts()
        for slice in [documents, Array(documents.prefix(50)), Array(documents.suffix(120))] {
            XCTAssertEqual(SearchIndex.files(slice, folder: "t/", counts: counts), SearchIndex.files(slice, folder: "t/"))
        }
    }
}
