/// Finds which of many strings occur in a text, in one pass over its bytes (Aho–Corasick): the leak
/// audit looks for every tenant's values in every output, which string-by-string search makes
/// tenants × values × bytes.
struct ValueSearch: Sendable {
    let patterns: [[UInt8]]
    /// Dense transition table: `next[state * 256 + byte]`.
    private let next: [Int32]
    /// Pattern indices that end at each state (through its suffix links too).
    private let ends: [[Int32]]

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
    }

    /// Indices of the patterns that occur in `bytes`.
    func matches(in bytes: [UInt8]) -> Set<Int> {
        var found: Set<Int> = []
        guard !patterns.isEmpty else { return found }
        next.withUnsafeBufferPointer { table in
            bytes.withUnsafeBufferPointer { text in
                var state = 0
                for byte in text {
                    state = Int(table[state &* 256 &+ Int(byte)])
                    if !ends[state].isEmpty { for index in ends[state] { found.insert(Int(index)) } }
                }
            }
        }
        return found
    }
}
