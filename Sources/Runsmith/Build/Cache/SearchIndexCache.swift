import Crypto
import Foundation

/// `--cache DIR`: the docs' search index as the last build made it (`DIR/search/index`), with a key
/// made of every document it was made from. A build whose pages' text, titles and places did not change
/// reads the files back instead of making them again (at 10,000 pages, seconds of a build that found
/// every page in the cache).
struct SearchIndexCache {
    let file: URL

    /// `cacheRoot`: the `--cache` folder.
    init(cacheRoot: URL) { file = cacheRoot.appendingPathComponent("search").appendingPathComponent("index") }

    private static let magic = Array("RSSI1\n".utf8)

    /// This runsmith binary and every document's place, title, heading and text.
    static func key(_ documents: [SearchIndex.Document]) -> [UInt8] {
        var key = SHA256()
        func add(_ text: String) {
            var text = text
            text.withUTF8 { key.update(bufferPointer: UnsafeRawBufferPointer($0)) }
            key.update(data: [0])
        }
        add(ExecutableIdentity.current)
        add(SearchIndex.folder)
        for document in documents {
            add(document.url)
            add(document.title)
            document.heading.map(add) ?? key.update(data: [1])
            add(document.text)
        }
        return Array(key.finalize())
    }

    /// The files kept under `key`, or nil when the kept index is another (or absent, or damaged).
    func read(key: [UInt8]) -> [String: [UInt8]]? {
        guard let bytes = try? FileBytes.read(file.path) else { return nil }
        var at = 0
        func take(_ n: Int) -> ArraySlice<UInt8>? {
            guard n >= 0, n <= bytes.count - at else { return nil }
            defer { at += n }
            return bytes[at..<(at + n)]
        }
        func number() -> Int? {
            guard let eight = take(8) else { return nil }
            let value = eight.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) }
            return value > UInt64(Int.max) ? nil : Int(value)
        }
        guard take(Self.magic.count).map(Array.init) == Self.magic, take(key.count).map(Array.init) == key,
              let count = number() else { return nil }
        var files: [String: [UInt8]] = [:]
        for _ in 0..<count {
            guard let pathLength = number(), let path = take(pathLength), let length = number(), let body = take(length) else { return nil }
            files[String(decoding: path, as: UTF8.self)] = Array(body)
        }
        return at == bytes.count ? files : nil
    }

    /// Keeps `files` under `key`, replacing the index kept before (through a temporary file renamed over
    /// it). A cache that cannot be written only costs the next build the time to make the index.
    func write(_ files: [String: [UInt8]], key: [UInt8]) {
        var bytes = Self.magic + key
        func number(_ n: Int) { withUnsafeBytes(of: UInt64(n).littleEndian) { bytes.append(contentsOf: $0) } }
        number(files.count)
        for (path, body) in files.sorted(by: { $0.key < $1.key }) {
            number(path.utf8.count)
            bytes.append(contentsOf: path.utf8)
            number(body.count)
            bytes.append(contentsOf: body)
        }
        try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        let temporary = file.path + ".\(getpid()).tmp"
        unlink(temporary)
        if OutputWriter.writeFile(temporary, bytes) != nil || rename(temporary, file.path) != 0 { unlink(temporary) }
    }
}
