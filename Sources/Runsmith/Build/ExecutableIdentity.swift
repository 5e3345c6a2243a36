import Foundation

/// Which runsmith made a cache entry. A rebuilt runsmith may render pages differently, so its entries
/// are its own. The ELF build ID is a hash the linker makes of the binary's contents, so the same
/// sources built the same way share a cache (in CI, where runsmith is built afresh each run), while any
/// change to the code starts a new one. Without a build ID: the binary's path, size and modification time,
/// as ccache knows a compiler.
enum ExecutableIdentity {
    static let current: String = {
        let path = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments.first ?? ""
        if let id = buildID(ofELF: path) { return "build-id " + id }
        let attributes = (try? FileManager.default.attributesOfItem(atPath: path)) ?? [:]
        let size = (attributes[.size] as? NSNumber)?.int64Value ?? -1
        let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(path) \(size) \(modified)"
    }()

    /// The `NT_GNU_BUILD_ID` note of a 64-bit little-endian ELF file, in hex: found through the program
    /// headers' `PT_NOTE` segments, so only the headers and the notes are read.
    static func buildID(ofELF path: String) -> String? {
        guard let file = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? file.close() }
        func read(_ offset: UInt64, _ count: Int) -> [UInt8]? {
            guard (try? file.seek(toOffset: offset)) != nil, let data = try? file.read(upToCount: count), data.count == count else { return nil }
            return [UInt8](data)
        }
        func integer(_ bytes: [UInt8], _ at: Int, _ size: Int) -> UInt64 {
            (0..<size).reduce(UInt64(0)) { $0 | UInt64(bytes[at + $1]) << (8 * UInt64($1)) }
        }
        // ELF magic, 64-bit, little-endian.
        guard let header = read(0, 64), header[0..<4] == [0x7F, 0x45, 0x4C, 0x46], header[4] == 2, header[5] == 1 else { return nil }
        let phoff = integer(header, 0x20, 8), phentsize = Int(integer(header, 0x36, 2)), phnum = Int(integer(header, 0x38, 2))
        guard phentsize >= 56, phnum < 256, let table = read(phoff, phentsize * phnum) else { return nil }
        for i in 0..<phnum where integer(table, i * phentsize, 4) == 4 /* PT_NOTE */ {
            let offset = integer(table, i * phentsize + 8, 8), size = Int(integer(table, i * phentsize + 32, 8))
            guard size < 1 << 16, let notes = read(offset, size) else { continue }
            var at = 0
            while at + 12 <= size {
                let nameSize = Int(integer(notes, at, 4)), descSize = Int(integer(notes, at + 4, 4)), type = integer(notes, at + 8, 4)
                let name = at + 12, desc = name + (nameSize + 3) & ~3
                guard desc + descSize <= size else { break }
                if type == 3 /* NT_GNU_BUILD_ID */, nameSize == 4, notes[name..<name + 3] == [0x47, 0x4E, 0x55] /* GNU */ {
                    return PageCache.hex(notes[desc..<desc + descSize])
                }
                at = desc + (descSize + 3) & ~3
            }
        }
        return nil
    }
}
