/// Finds which of many strings occur in a text, in one pass over its bytes (Aho–Corasick): the leak
/// audit looks for every tenant's values in every output, which string-by-string search makes
/// tenants × values × bytes.
struct ValueSearch: Sendable {
    let patterns: [[UInt8]]
    /// Dense transition table: `next[state * 256 + byte]`.
    private let next: [Int32]
    /// Pattern indices that end at each state (through its suffix links too).
    private let ends: [[Int32]]
    /// The starts of patterns, as hashes of their first `window` bytes (a bit each, 2^16 bits): from the
    /// root, the search skips ahead while the bytes at hand start no pattern, without walking the table.
    private let starts: [UInt64]
    private let window: Int

    init(_ strings: [String]) {
        patterns = strings.map { Array($0.utf8) }
        var goto: [[Int32]] = [[Int32](repeating: -1, count: 256)]
        var output: [[Int32]] = [[]]
        for (index, pattern) in patterns.enumerated() where !pattern.isEmpty {
            var state = 0
            for byte in pattern {
                if goto[state][Int(byte)] < 0 {
                    goto[state][Int(byte)] = Int32(goto.count)
                    goto.append([Int32](repeating: -1, count: 256))
                    output.append([])
                }
                state = Int(goto[state][Int(byte)])
            }
            output[state].append(Int32(index))
        }
        // Breadth first: each state's failure link, and the full transition for every byte.
        var fail = [Int32](repeating: 0, count: goto.count)
        var queue: [Int] = []
        for byte in 0..<256 {
            if goto[0][byte] < 0 { goto[0][byte] = 0 } else { queue.append(Int(goto[0][byte])) }
        }
        var head = 0
        while head < queue.count {
            let state = queue[head]
            head += 1
            output[state] += output[Int(fail[state])]
            for byte in 0..<256 {
                let child = goto[state][byte]
                if child < 0 {
                    goto[state][byte] = goto[Int(fail[state])][byte]
                } else {
                    fail[Int(child)] = goto[Int(fail[state])][byte]
                    queue.append(Int(child))
                }
            }
        }
        next = goto.flatMap { $0 }
        ends = output
        let shortest = patterns.lazy.filter { !$0.isEmpty }.map(\.count).min() ?? 0
        let window = min(shortest, 4)
        self.window = window
        var starts = [UInt64](repeating: 0, count: 1 << 10)
        if window >= 2 {
            for pattern in patterns where !pattern.isEmpty {
                // Padded to four bytes: the hash reads a whole word and masks what the window leaves.
                let head = Array(pattern.prefix(4)) + [UInt8](repeating: 0, count: 4 - min(pattern.count, 4))
                let hash = head.withUnsafeBytes { Self.hash(of: $0.baseAddress!, window: window) }
                starts[hash >> 6] |= 1 << (hash & 63)
            }
        }
        self.starts = starts
    }

    /// A 16-bit hash of the `window` bytes at `bytes`.
    @inline(__always)
    private static func hash(of bytes: UnsafeRawPointer, window: Int) -> Int {
        var word = UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self))
        if window < 4 { word &= (1 << (8 * UInt32(window))) &- 1 }
        return Int((word &* 0x9E37_79B1) >> 16)
    }

    /// Indices of the patterns that occur in `bytes`.
    func matches(in bytes: [UInt8]) -> Set<Int> {
        var found: Set<Int> = []
        guard !patterns.isEmpty, !bytes.isEmpty else { return found }
        next.withUnsafeBufferPointer { table in
            starts.withUnsafeBufferPointer { starts in
                bytes.withUnsafeBufferPointer { text in
                    let count = text.count, base = UnsafeRawPointer(text.baseAddress!)
                    // A window of 4 bytes is read whole, so the skipping stops 4 bytes short of the end.
                    let skipEnd = window >= 2 ? count - 4 : -1
                    var state = 0, i = 0
                    while i < count {
                        if state == 0, i <= skipEnd {
                            // At the root a match can only begin where a pattern starts; where none
                            // starts at i, the search would be back at the root (or on a prefix that
                            // leads nowhere) after it.
                            while i <= skipEnd {
                                let hash = Self.hash(of: base + i, window: window)
                                if starts[hash >> 6] & (1 << (hash & 63)) != 0 { break }
                                i += 1
                            }
                        }
                        state = Int(table[state &* 256 &+ Int(text[i])])
                        if !ends[state].isEmpty { for index in ends[state] { found.insert(Int(index)) } }
                        i += 1
                    }
                }
            }
        }
        return found
    }
}
