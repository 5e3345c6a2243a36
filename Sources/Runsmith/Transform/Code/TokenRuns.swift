/// Tokens gathered into runs of one class, the way the script merges them (a run is closed when a token
/// of another class follows it, empty tokens included), and checked to spell the text in order.
struct TokenRuns {
    let text: UnsafeBufferPointer<UInt8>
    var runs: [CodeToken] = []
    var kind: String?
    var bytes: [UInt8] = []
    var open = false
    /// How much of the text the tokens so far spell; nil once they stray from it.
    var spelled: Int? = 0

    init(_ text: UnsafeBufferPointer<UInt8>) { self.text = text }

    mutating func add(_ next: String, _ range: Range<Int>) {
        if open, next != kind { close() }
        kind = next
        open = true
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[range]))
        guard let at = spelled else { return }
        if range.lowerBound == at || (at + range.count <= text.count && text[at..<at + range.count].elementsEqual(text[range])) {
            spelled = at + range.count
        } else {
            spelled = nil
        }
    }

    private mutating func close() {
        runs.append(CodeToken(kind: kind ?? "", text: String(decoding: bytes, as: UTF8.self)))
        bytes.removeAll(keepingCapacity: true)
        open = false
    }

    mutating func finish() -> [CodeToken]? {
        if open { close() }
        return spelled == text.count ? runs : nil
    }
}
