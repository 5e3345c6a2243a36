/// Follows fenced code blocks line by line (``` or ~~~, at least three, closed by the same character
/// at least as many times), so that directive-looking text inside code is left exactly as written.
struct FenceTracker {
    private var open: (char: UInt8, count: Int)? = nil

    var inFence: Bool { open != nil }

    /// Feeds one line (without its newline); true when the line belongs to a fence (opener, body or closer).
    mutating func consume(_ line: ArraySlice<UInt8>) -> Bool {
        var i = line.startIndex
        while i < line.endIndex, line[i] == 0x20 || line[i] == 0x09 { i += 1 }
        let char = i < line.endIndex ? line[i] : 0
        var count = 0
        if char == UInt8(ascii: "`") || char == UInt8(ascii: "~") {
            while i + count < line.endIndex, line[i + count] == char { count += 1 }
        }
        if let fence = open {
            if char == fence.char, count >= fence.count,
               line[(i + count)...].allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) {
                open = nil
            }
            return true
        }
        guard count >= 3 else { return false }
        if char == UInt8(ascii: "`"), line[(i + count)...].contains(UInt8(ascii: "`")) { return false }
        open = (char, count)
        return true
    }
}
