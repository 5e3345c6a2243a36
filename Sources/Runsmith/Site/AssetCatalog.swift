import Foundation
import Synchronization

/// Images and attachments the pages use, each copied once under a content-hash name
/// (`_assets/image-308-1a2b3c4d5e6f.png`), so names with spaces and parentheses never reach a URL
/// and a changed file gets a new name (safe to cache forever).
public final class AssetCatalog: Sendable {
    private let tree: ContentTree
    /// Source → output path, filled by the pages' threads as they meet assets.
    private let outputs = Mutex<[String: String]>([:])

    public init(tree: ContentTree) { self.tree = tree }

    /// The output path for a source file of the tree, or nil when it cannot be read.
    public func outputPath(for source: String) -> String? {
        if let known = outputs.withLock({ $0[source] }) { return known }
        // Read and hashed outside the lock: two pages meeting one new asset both hash it, to the same name.
        guard let bytes = try? tree.read(source) else { return nil }
        let output = Self.hashedName(source, bytes: bytes)
        outputs.withLock { $0[source] = output }
        return output
    }

    /// The output path already given to `source`, without reading it.
    func knownOutput(for source: String) -> String? {
        outputs.withLock { $0[source] }
    }

    /// Forgets the names of files that changed: their next use hashes them again.
    func forget(_ sources: Set<String>) {
        outputs.withLock { outputs in
            for source in sources { outputs[source] = nil }
        }
    }

    /// Source path → output path of every asset used so far, sorted by output.
    public var used: [(source: String, output: String)] {
        outputs.withLock { $0.map { ($0.key, $0.value) } }.sorted { $0.1 < $1.1 }
    }

    /// `_assets/<readable stem>-<hash>.<ext>`: ASCII letters and digits of the name, runs of anything
    /// else as one `-`; a file without an extension (`LICENSE`) keeps none.
    static func hashedName(_ source: String, bytes: [UInt8]) -> String {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        var stem = Substring(name), ext = ""
        if let dot = name.lastIndex(of: "."), dot != name.startIndex, name.index(after: dot) != name.endIndex {
            stem = name[..<dot]
            ext = "." + name[name.index(after: dot)...].lowercased().filter { $0.isASCII && ($0.isLetter || $0.isNumber) }
            if ext == "." { ext = "" }
        }
        var clean = ""
        for c in stem.lowercased() {
            if c.isASCII && (c.isLetter || c.isNumber) { clean.append(c) } else if !clean.isEmpty && !clean.hasSuffix("-") { clean.append("-") }
        }
        clean = String(clean.prefix(60))
        while clean.hasSuffix("-") { clean.removeLast() }
        return "_assets/\(clean.isEmpty ? "file" : clean)-\(ContentHash.hex(bytes))\(ext)"
    }
}

/// 64-bit FNV-1a over bytes, printed as 12 hex digits: stable across runs and machines.
public enum ContentHash {
    public static func hex(_ bytes: [UInt8]) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in bytes {
            hash ^= UInt64(b)
            hash &*= 0x0000_0100_0000_01B3
        }
        return String(String(hash, radix: 16).leftPadded(to: 16).prefix(12))
    }
}
