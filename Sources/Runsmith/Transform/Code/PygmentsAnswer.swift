/// Reads the Pygments process's answer: for each block `U` (unknown language) or `B <n>`, then n tokens,
/// each `<class> <byte length>` (class `-` for plain text) on a line and its text right after.
enum PygmentsAnswer {
    static func decode(_ bytes: [UInt8], count: Int) -> [[CodeToken]?]? {
        var at = 0
        func line() -> Substring? {
            guard let end = bytes[at...].firstIndex(of: 0x0A) else { return nil }
            defer { at = end + 1 }
            return Substring(String(decoding: bytes[at..<end], as: UTF8.self))
        }
        var blocks: [[CodeToken]?] = []
        for _ in 0..<count {
            guard let head = line() else { return nil }
            if head == "U" { blocks.append(nil); continue }
            guard head.hasPrefix("B "), let n = Int(head.dropFirst(2)) else { return nil }
            var tokens: [CodeToken] = []
            tokens.reserveCapacity(n)
            for _ in 0..<n {
                guard let fields = line()?.split(separator: " "), fields.count == 2, let size = Int(fields[1]),
                      size >= 0, at + size <= bytes.count else { return nil }
                let text = String(decoding: bytes[at..<at + size], as: UTF8.self)
                at += size
                tokens.append(CodeToken(kind: fields[0] == "-" ? "" : String(fields[0]), text: text))
            }
            blocks.append(tokens)
        }
        return at == bytes.count ? blocks : nil
    }
}
