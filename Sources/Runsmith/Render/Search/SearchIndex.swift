import Foundation

/// The search index of a site (or of one tenant's folder), written as script files that `search.js`
/// loads one by one — `<script src>` works from `file://`, where `fetch` does not, and under a policy
/// that allows only the site's own scripts. It is split so that a query loads only what it needs:
/// - `index.js`: how many documents there are and which term shards exist (up to `wholeUpTo`
///   documents, everything: the terms and the documents, and no other file);
/// - `s-<hex>.js`: the terms that start with the same two characters (hex of their UTF-8), each with
///   its documents and scores — a prefix query needs that shard alone;
/// - `d-<n>.js`: the documents, `chunk` at a time: URL, page title, heading, and the start of the text
///   for the excerpt.
/// Each file calls `RunsmithSearch.add(name, data)` with JSON made by `JSONEncoder`.
struct SearchIndex {
    struct Document: Sendable {
        /// Relative to the folder's root: `guides/setup.html#install`.
        var url: String
        var title: String
        var heading: String?
        var text: String
    }

    /// Where a folder's index goes, from its root.
    static let folder = "_runsmith/search/"

    /// Documents per `d-<n>.js`, and the text each keeps for its excerpt.
    static let chunk = 16
    static let excerptText = 1_000
    /// A term's documents, best first, beyond which the rest are dropped (`the`, `and`).
    static let postingsPerTerm = 1_000
    /// Score of one occurrence in the page title, a heading, the text (the text counts at most 5 times).
    static let weights = (title: 10, heading: 5, text: 1, textCap: 5)

    struct Meta: Codable {
        var docs: Int
        var chunk: Int
        var shards: [String]
        /// A small index (a tenant's runbooks) is one file: every term and every entry in `index.js`.
        var terms: [String: [Int32]]? = nil
        var rows: [[String]]? = nil
    }

    /// Up to this many entries, the index is one file: fewer files to hand over, one load.
    static let wholeUpTo = 200

    /// The index files, named under `folder` (`_runsmith/search/`).
    /// `counts`: term counts of texts already read, shared by indexes made from the same texts (every
    /// tenant's runbooks show mostly the same steps).
    static func files(_ documents: [Document], folder: String, counts: TextTermCounts? = nil) -> [String: [UInt8]] {
        let blocks = postings(documents, counts: counts)
        let keys = Set(blocks.lazy.flatMap(\.keys)).sorted()
        // A shard's terms are gathered from every block, in the blocks' (the documents') order, on a task
        // of their own: no term's whole list waits on one thread, and the site's lists are never all held
        // at once, only the blocks and the best of each term.
        let shards = Parallel.map(keys.count) { i -> [String: [Int32]] in
            var lists: Postings = [:]
            for block in blocks {
                for (term, list) in block[keys[i]] ?? [:] { lists[term, default: []] += list }
            }
            return lists.mapValues(best)
        }
        if documents.count <= wholeUpTo {
            let terms = shards.reduce(into: [String: [Int32]]()) { all, shard in all.merge(shard) { a, _ in a } }
            return Dictionary(uniqueKeysWithValues: [file(folder, "index", Meta(docs: documents.count, chunk: chunk, shards: [], terms: terms,
                                                                                 rows: documents.map(row)))])
        }
        var files = [file(folder, "index", Meta(docs: documents.count, chunk: chunk, shards: keys))]
        files += Parallel.map(keys.count) { i in file(folder, "s-" + keys[i], shards[i]) }
        let starts = Array(stride(from: 0, to: documents.count, by: chunk))
        files += Parallel.map(starts.count) { i in
            file(folder, "d-\(i)", documents[starts[i]..<min(starts[i] + chunk, documents.count)].map(row))
        }
        return Dictionary(files, uniquingKeysWith: { first, _ in first })
    }

    /// Terms with their documents and scores, in document order.
    private typealias Postings = [String: [(doc: Int32, score: Int32)]]

    /// A term's best documents, as the index writes them: document, score, document, score…
    private static func best(_ list: [(doc: Int32, score: Int32)]) -> [Int32] {
        let best = list.sorted { $0.score != $1.score ? $0.score > $1.score : $0.doc < $1.doc }.prefix(postingsPerTerm)
        var pairs: [Int32] = []
        pairs.reserveCapacity(best.count * 2)
        for posting in best {
            pairs.append(posting.doc)
            pairs.append(posting.score)
        }
        return pairs
    }

    /// Each block of documents' postings, by the shard (`hex` of `SearchTerms.shard`) their term goes to.
    /// Scored a block per task, each block's terms gathered there: one document's table of terms is freed
    /// as soon as it is counted, not kept with every other (at 10,000 pages, 190 MB more at the index's peak).
    private static func postings(_ documents: [Document], counts: TextTermCounts?) -> [[String: Postings]] {
        let block = 256
        return Parallel.map((documents.count + block - 1) / block) { b -> [String: Postings] in
            var found: Postings = [:]
            for doc in (b * block)..<min((b + 1) * block, documents.count) {
                for (term, score) in scores(documents[doc], counts: counts) { found[term, default: []].append((Int32(doc), Int32(score))) }
            }
            var byShard: [String: Postings] = [:]
            for (term, list) in found { byShard[hex(SearchTerms.shard(of: term)), default: [:]][term] = list }
            return byShard
        }
    }

    /// What a result shows of an entry: URL, page title, heading, and the start of the text for the excerpt.
    private static func row(_ document: Document) -> [String] {
        // A text of no more bytes than the excerpt's characters is whole: no need to count its characters.
        let excerpt = document.text.utf8.count <= excerptText ? document.text : String(document.text.prefix(excerptText))
        return [document.url, document.title, document.heading ?? "", excerpt]
    }

    /// `<folder><name>.js`: `RunsmithSearch.add("<name>", <JSON>);`, keys sorted so that a build is reproducible.
    private static func file(_ folder: String, _ name: String, _ value: some Encodable) -> (String, [UInt8]) {
        // Every value here is encodable: a failure would be a bug, and `null` is loaded as "no data".
        let json = (try? CompactJSONEncoder.encode(value)) ?? Array("null".utf8)
        return (folder + name + ".js", Array("RunsmithSearch.add(\"\(name)\", ".utf8) + json + Array(");\n".utf8))
    }

    /// Each term of the document with its score. The text's terms are counted first (the cap applies
    /// to them alone, each distinct term once: `TermTally`), then the title's and heading's added, into
    /// one dictionary.
    static func scores(_ document: Document, counts: TextTermCounts? = nil) -> [String: Int] {
        let text = counts?.counts(of: document.text) ?? textCounts(document.text)
        var scores = [String: Int](minimumCapacity: text.count + 8)
        for (term, count) in text { scores[term] = min(count, weights.textCap) * weights.text }
        for term in SearchTerms.terms(document.title) { scores[term, default: 0] += weights.title }
        for term in SearchTerms.terms(document.heading ?? "") { scores[term, default: 0] += weights.heading }
        return scores
    }

    /// How often each term occurs in `text`, each term once (`TermTally`: what counting
    /// `SearchTerms.terms` gives).
    static func textCounts(_ text: String) -> [(term: String, count: Int)] { TermTally.counts(of: text) }

    /// A file of an index (`…/_runsmith/search/s-636f.js`).
    static func isIndexFile(_ path: String) -> Bool {
        path.hasPrefix(folder) || path.contains("/" + folder)
    }

    /// A shard's file name: its characters as UTF-8 in hex (`co` → `636f`), safe on every file system.
    static func hex(_ key: String) -> String {
        let digits = Array("0123456789abcdef".utf8)
        return String(decoding: key.utf8.flatMap { [digits[Int($0 >> 4)], digits[Int($0 & 0xF)]] }, as: UTF8.self)
    }

    /// The documents of docs pages: one per section, the page's title on each.
    static func documents(route: String, title: String, sections: [SearchSection]) -> [Document] {
        sections.map { section in
            Document(url: HTMLText.encodeURL(route) + (section.anchor.map { "#" + HTMLText.encodeURL($0) } ?? ""), title: title,
                     heading: section.heading, text: section.text)
        }
    }
}
