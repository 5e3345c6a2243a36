/// How often each term occurs in a text, counted on its bytes: an ASCII word is hashed and compared where
/// it stands in the text (lowercased as it is read), so a string is made once per distinct term, not
/// once per occurrence, and no `Hasher` or dictionary runs per word. Runs beyond ASCII take
/// `SearchTerms`' Unicode path. The counts are those of `SearchTerms.terms` (`SearchIndexTests`
/// compares them on random text); each term comes once, in no particular order.
enum TermTally {
    private struct Slot {
        var hash: UInt64 = 0
        var start: Int32 = -1
        var length: Int32 = 0
        var count: Int32 = 0
    }

    static func counts(of text: String) -> [(term: String, count: Int)] {
        var text = text
        return text.withUTF8 { bytes in
            var slots = [Slot](repeating: Slot(), count: 64)
            var used = 0
            var others: [String: Int] = [:]
            var start = 0, ascii = true

            func add(_ run: Range<Int>) {
                var hash: UInt64 = 0xCBF2_9CE4_8422_2325
                for i in run { hash = (hash ^ UInt64(lower(bytes[i]))) &* 0x0000_0100_0000_01B3 }
                var mask = slots.count - 1, at = Int(truncatingIfNeeded: hash) & mask
                while slots[at].start >= 0 {
                    if slots[at].hash == hash, Int(slots[at].length) == run.count, same(Int(slots[at].start), run) {
                        slots[at].count += 1
                        return
                    }
                    at = (at + 1) & mask
                }
                slots[at] = Slot(hash: hash, start: Int32(run.lowerBound), length: Int32(run.count), count: 1)
                used += 1
                if used * 2 > slots.count {
                    let old = slots
                    slots = [Slot](repeating: Slot(), count: old.count * 2)
                    mask = slots.count - 1
                    for slot in old where slot.start >= 0 {
                        var to = Int(truncatingIfNeeded: slot.hash) & mask
                        while slots[to].start >= 0 { to = (to + 1) & mask }
                        slots[to] = slot
                    }
                }
            }

            func same(_ other: Int, _ run: Range<Int>) -> Bool {
                for (k, i) in run.enumerated() where lower(bytes[other + k]) != lower(bytes[i]) { return false }
                return true
            }

            func flush(_ end: Int) {
                guard end > start else { return }
                if ascii {
                    if end - start <= SearchTerms.maxLength { add(start..<end) }
                } else {
                    for term in SearchTerms.unicodeTerms(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) {
                        others[term, default: 0] += 1
                    }
                }
            }

            for (i, byte) in bytes.enumerated() {
                if byte >= 0x80 {
                    ascii = false
                } else if !SearchTerms.isASCIIWordByte(byte) {
                    flush(i)
                    start = i + 1
                    ascii = true
                }
            }
            flush(bytes.count)

            var counts: [(term: String, count: Int)] = []
            counts.reserveCapacity(used + others.count)
            for slot in slots where slot.start >= 0 {
                let term = String(unsafeUninitializedCapacity: Int(slot.length)) { out in
                    for k in 0..<Int(slot.length) { out[k] = lower(bytes[Int(slot.start) + k]) }
                    return Int(slot.length)
                }
                // A folded word beyond ASCII (`naïve`) may be an ASCII word too: one count for both.
                if others.isEmpty { counts.append((term, Int(slot.count))) } else { others[term, default: 0] += Int(slot.count) }
            }
            return others.isEmpty ? counts : others.map { ($0.key, $0.value) }
        }
    }

    @inline(__always)
    private static func lower(_ byte: UInt8) -> UInt8 { byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
}
