/// `/`-separated path arithmetic inside the root. Read as UTF-8 bytes: `/` and `.` are ASCII, and no
/// other character's UTF-8 holds their bytes (every link of every page goes through here).
public enum RelativePath {
    private static let slash: UInt8 = 0x2F, dot: UInt8 = 0x2E

    /// The folder of a file path (`a/b.md` → `a`, `b.md` → ``).
    public static func directory(of path: String) -> String {
        guard let slash = path.utf8.lastIndex(of: slash) else { return "" }
        return String(decoding: path.utf8[..<slash], as: UTF8.self)
    }

    /// Joins `reference` to `base` folder and normalizes `.`/`..`; nil when the result leaves the root.
    /// A reference starting with `/` is taken from the root.
    public static func resolve(_ reference: String, from base: String) -> String? {
        var parts: [Substring.UTF8View] = []
        func add(_ path: String) -> Bool {
            for part in path.utf8.split(separator: slash, omittingEmptySubsequences: true) {
                if part.count == 1, part.first == dot { continue }
                if part.count == 2, part.first == dot, part.last == dot {
                    if parts.isEmpty { return false }
                    parts.removeLast()
                } else {
                    parts.append(part)
                }
            }
            return true
        }
        if reference.utf8.first != slash, !base.isEmpty { guard add(base) else { return nil } }
        guard add(reference) else { return nil }
        return joined(parts)
    }

    /// The relative URL path from the folder of page `from` to `to` (both root-relative output paths).
    public static func relative(from: String, to: String) -> String {
        let fromUTF8 = from.utf8
        let folder = fromUTF8.lastIndex(of: slash).map { fromUTF8[..<$0] } ?? fromUTF8[fromUTF8.startIndex..<fromUTF8.startIndex]
        let fromParts = folder.split(separator: slash)
        let toParts = to.utf8.split(separator: slash)
        var common = 0
        while common < fromParts.count && common < toParts.count - 1 && fromParts[common].elementsEqual(toParts[common]) {
            common += 1
        }
        var out: [UInt8] = []
        for _ in common..<fromParts.count { out += out.isEmpty ? [dot, dot] : [slash, dot, dot] }
        for part in toParts[common...] {
            if !out.isEmpty { out.append(slash) }
            out += part
        }
        return out.isEmpty ? "./" : String(decoding: out, as: UTF8.self)
    }

    private static func joined(_ parts: [Substring.UTF8View]) -> String {
        var out: [UInt8] = []
        for part in parts {
            if !out.isEmpty { out.append(slash) }
            out += part
        }
        return String(decoding: out, as: UTF8.self)
    }
}
